"""A transparent composite index of integration among the five Central Asian states.

The index is built in three plain steps, each a small function tested on hand-made inputs:

1. **Dimensions.** Each dimension is one indicator on a fixed 0-1 scale, computed for each of the
   five (its ties with the other four) and for the region. The bounds are stated with the
   dimension (`DIMENSIONS`) and do not depend on the data, so scores of two years are comparable.
   Functions below compute the dimensions the data package supports: UN voting alignment,
   five-party meetings, border delimitation, absence of interstate fighting, visa-free travel and
   emigrants living in the region.
2. **Aggregation.** A weighted arithmetic mean of the dimension scores present for a unit
   (`aggregate`). Missing dimensions are not read as 0: their weight is spread over the present
   ones, *provided* the present ones carry at least `MIN_COVERAGE` of the total weight; below that
   the index is missing. `coverage` reports the share of weight present.
3. **Sensitivity.** Equal weights are the baseline. `leave_one_out` recomputes the index with each
   dimension dropped in turn; `random_weights` draws weight vectors from a flat Dirichlet
   distribution (all weightings equally likely) with a fixed seed; `sensitivity` summarises both as
   ranges per unit.

The index measures how far the five are tied together on these few, mostly formal, dimensions. It
does not measure the quality of relations, trust, or economic integration (there is no bilateral
trade matrix in the data package), and its level depends on the stated bounds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from . import alignment as al
from . import borders as bd
from . import summits as sm
from .countries import CA5

FIVE = CA5  # the five, in the country table's order
REGION = "Region"
SEED = 2019
MIN_COVERAGE = 0.5  # share of the total weight that must be present for an index value
N_DRAWS = 1000  # random weightings in the sensitivity analysis
WINDOW = 3  # years of event counts behind the meetings and peace dimensions (ending in the year)
MEETINGS_BENCHMARK = 2.0  # five-party meetings a year scored 1: one leaders' meeting, one of ministers


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str
    indicator: str
    scale: str  # how the indicator is put on 0-1
    unit: str  # 'country and region' or 'region only'


DIMENSIONS = {
    "alignment": Dimension(
        "alignment", "Political alignment",
        "Mean Cohen's kappa of UN General Assembly votes with the other four (region: mean of the ten "
        "pairs), roll calls of the three years ending in the given year",
        "kappa, negative values set to 0 (0 = no more agreement than chance, 1 = identical votes)",
        "country and region"),
    "meetings": Dimension(
        "meetings", "Institutional density",
        "Five-party meetings of the five alone (leaders or ministers; no outside partner) per year, "
        "mean of the three years ending in the given year",
        f"meetings a year / {MEETINGS_BENCHMARK:g}, capped at 1 (1 = a leaders' and a ministers' "
        "meeting every year, the rhythm the 2018 format set itself)",
        "region only (the same for each state)"),
    "borders": Dimension(
        "borders", "Border settlement",
        "Share of the state's land borders with the other four (region: of the seven internal borders) "
        "fully delimited by treaty by the end of the given year",
        "share, already 0-1", "country and region"),
    "peace": Dimension(
        "peace", "Peace between neighbours",
        "Share of the state's land borders with the other four (region: of the seven) with no "
        "interstate battle deaths recorded in the three years ending in the given year",
        "share, already 0-1", "country and region"),
    "mobility": Dimension(
        "mobility", "Mobility",
        "Share of the ordered passport-destination pairs with the other four (region: of the twenty) "
        "open to tourists without applying in advance (visa-free or visa on arrival), Passport Index "
        "snapshot of the given year",
        "share, already 0-1", "country and region"),
    "people": Dimension(
        "people", "People",
        "Share of the state's emigrant stock (people born there, living abroad) living in the other four "
        "(region: of the five's emigrants), UN DESA, mid-year",
        "share, already 0-1", "country and region"),
}


# ---------------------------------------------------------------- normalisation and aggregation

def bounded(values, lo: float, hi: float):
    """Linear rescaling of [lo, hi] to [0, 1] with fixed (not data-driven) bounds, clipped."""
    if not hi > lo:
        raise ValueError(f"upper bound {hi} must exceed lower bound {lo}")
    scaled = (np.asarray(values, dtype=float) - lo) / (hi - lo)
    out = np.clip(scaled, 0.0, 1.0)
    if isinstance(values, pd.Series):
        return pd.Series(out, index=values.index, name=values.name)
    return out if np.ndim(out) else float(out)


def equal_weights(dimensions: Iterable[str]) -> pd.Series:
    dims = list(dimensions)
    if not dims:
        raise ValueError("no dimensions")
    return pd.Series(1.0 / len(dims), index=dims)


def _weights(scores: pd.DataFrame, weights: Mapping[str, float] | pd.Series | None) -> pd.Series:
    w = equal_weights(scores.columns) if weights is None else pd.Series(weights, dtype=float)
    missing = sorted(set(scores.columns) - set(w.index))
    extra = sorted(set(w.index) - set(scores.columns))
    if missing or extra:
        raise ValueError(f"weights and dimensions differ: missing {missing}, extra {extra}")
    if (w < 0).any() or not w.sum() > 0:
        raise ValueError("weights must be non-negative and not all zero")
    return w.reindex(scores.columns) / w.sum()


def _check_scores(scores: pd.DataFrame) -> pd.DataFrame:
    values = scores.astype(float)
    present = values.stack()
    if ((present < 0) | (present > 1)).any():
        raise ValueError("dimension scores must lie in [0, 1]; normalise them first")
    return values


def coverage(scores: pd.DataFrame, weights=None) -> pd.Series:
    """Share of the total weight carried by the dimensions present for each unit."""
    values = _check_scores(scores)
    w = _weights(values, weights)
    return values.notna().astype(float).mul(w, axis=1).sum(axis=1)


def aggregate(scores: pd.DataFrame, weights=None, min_coverage: float = MIN_COVERAGE) -> pd.Series:
    """Weighted mean of the present dimension scores per unit (rows), weights re-normalised over them.

    NaN where the present dimensions carry less than `min_coverage` of the weight.
    """
    values = _check_scores(scores)
    w = _weights(values, weights)
    present = values.notna().astype(float).mul(w, axis=1)
    covered = present.sum(axis=1)
    total = values.fillna(0.0).mul(w, axis=1).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        index = total / covered
    return index.where(covered >= min_coverage - 1e-12).rename("index")


def leave_one_out(scores: pd.DataFrame, weights=None, min_coverage: float = MIN_COVERAGE) -> pd.DataFrame:
    """The index recomputed with each dimension dropped in turn (columns: the dropped dimension)."""
    w = _weights(scores, weights)
    out = {}
    for dim in scores.columns:
        rest = [d for d in scores.columns if d != dim]
        if not rest or w[rest].sum() == 0:
            continue
        out[dim] = aggregate(scores[rest], w[rest], min_coverage)
    return pd.DataFrame(out, index=scores.index)


def dirichlet_weights(dimensions: Sequence[str], n: int = N_DRAWS, alpha: float = 1.0,
                      seed: int = SEED) -> pd.DataFrame:
    """`n` weight vectors from a symmetric Dirichlet(alpha): alpha = 1 makes every weighting equally likely."""
    rng = np.random.default_rng(seed)
    draws = rng.dirichlet(np.full(len(dimensions), float(alpha)), size=n)
    return pd.DataFrame(draws, columns=list(dimensions))


def random_weights(scores: pd.DataFrame, n: int = N_DRAWS, alpha: float = 1.0, seed: int = SEED,
                   min_coverage: float = MIN_COVERAGE) -> pd.DataFrame:
    """The index under each of `n` Dirichlet weightings: draws x units."""
    draws = dirichlet_weights(list(scores.columns), n, alpha, seed)
    rows = [aggregate(scores, draws.iloc[i], min_coverage) for i in range(len(draws))]
    return pd.DataFrame(rows, index=pd.RangeIndex(len(draws), name="draw")).rename_axis(columns=None)


def sensitivity(scores: pd.DataFrame, weights=None, n: int = N_DRAWS, alpha: float = 1.0, seed: int = SEED,
                min_coverage: float = MIN_COVERAGE, level: float = 0.9) -> pd.DataFrame:
    """Per unit: baseline index, range over leave-one-out, and the central `level` range and extremes
    over random weights."""
    base = aggregate(scores, weights, min_coverage)
    loo = leave_one_out(scores, weights, min_coverage)
    rnd = random_weights(scores, n, alpha, seed, min_coverage)
    tail = (1 - level) / 2
    return pd.DataFrame({
        "index": base,
        "loo_min": loo.min(axis=1), "loo_max": loo.max(axis=1),
        "random_lo": rnd.quantile(tail), "random_median": rnd.median(), "random_hi": rnd.quantile(1 - tail),
        "random_min": rnd.min(), "random_max": rnd.max(),
    }, index=scores.index)


def rank_ranges(draws: pd.DataFrame) -> pd.DataFrame:
    """Best and worst rank (1 = most integrated) of each unit across weightings (draws x units)."""
    ranks = draws.rank(axis=1, ascending=False, method="min")
    return pd.DataFrame({"best_rank": ranks.min().astype(int), "worst_rank": ranks.max().astype(int)})


# ---------------------------------------------------------------- the dimensions from the data package

def internal_pairs(adjacency: pd.DataFrame, five: Sequence[str] = FIVE) -> list[tuple[str, str]]:
    """Alphabetical pairs of the five that share a land border (from an iso3/neighbour_iso3 table)."""
    rows = adjacency[adjacency["iso3"].isin(five) & adjacency["neighbour_iso3"].isin(five)]
    return sorted({tuple(sorted((a, b))) for a, b in zip(rows["iso3"], rows["neighbour_iso3"])})


def pair_shares(ok: Mapping[tuple[str, str], bool], five: Sequence[str] = FIVE) -> pd.Series:
    """Share of each state's pairs that are 'ok', and of all pairs for the region (NaN: no pairs)."""
    out = {}
    for c in five:
        mine = [v for p, v in ok.items() if c in p]
        out[c] = float(np.mean(mine)) if mine else np.nan
    out[REGION] = float(np.mean(list(ok.values()))) if ok else np.nan
    return pd.Series(out)


def alignment_scores(matrix: pd.DataFrame, roll_calls: pd.DataFrame, year: int, window: int = WINDOW,
                     five: Sequence[str] = FIVE) -> pd.Series:
    """Mean kappa of each state with the other four (region: of the ten pairs), negatives set to 0.

    Roll calls of the `window` years ending in `year`; NaN if there are none (e.g. after the data end).
    """
    rcids = roll_calls.loc[roll_calls["year"].between(year - window + 1, year), "rcid"]
    if len(rcids) == 0:
        return pd.Series(np.nan, index=[*five, REGION])
    pairs = list(combinations(five, 2))
    table = al.alignment(matrix, {year: list(rcids)}, pairs, n_boot=1)
    kappa = {(r.a, r.b): r.kappa for r in table.itertuples()}
    out = {c: float(np.nanmean([k for p, k in kappa.items() if c in p])) for c in five}
    out[REGION] = float(np.nanmean(list(kappa.values())))
    return bounded(pd.Series(out), 0.0, 1.0)


CALLED_OFF = re.compile(r"called off|cancel|postpone", re.IGNORECASE)


def five_party_meetings(events: pd.DataFrame, five: Sequence[str] = FIVE) -> pd.DataFrame:
    """Meetings of the five alone: summits and ministerials with all five and no outside partner.

    Meetings that did not take place ('called off', 'cancelled', 'postponed' in the title) are left
    out; a guest such as Azerbaijan does not make a meeting an outside format.
    """
    has_five = events["countries"].fillna("").map(lambda s: set(five) <= set(s.split(";")))
    kind = events["type"].isin(["summit", "ministerial"])
    rows = events[has_five & kind].copy()
    rows = rows[[sm.partner_of(t, c) is None for t, c in zip(rows["title"], rows["countries"])]]
    rows = rows[~rows["title"].str.contains(CALLED_OFF)]
    return rows.sort_values(["date", "event_id"]).reset_index(drop=True)


def meetings_scores(meetings: pd.DataFrame, year: int, window: int = WINDOW,
                    benchmark: float = MEETINGS_BENCHMARK, five: Sequence[str] = FIVE) -> pd.Series:
    """Five-party meetings a year over the window ending in `year`, / benchmark, capped at 1; the same
    value for each state and the region."""
    n = int(meetings["year"].between(year - window + 1, year).sum())
    value = bounded(n / window, 0.0, benchmark)
    return pd.Series(value, index=[*five, REGION])


def border_scores(events: pd.DataFrame, pairs: Sequence[tuple[str, str]], year: int,
                  five: Sequence[str] = FIVE) -> pd.Series:
    """Share of borders at least 'delimited' (centralasia.borders rules) by the end of `year`."""
    status = bd.status_by_year(events, list(pairs), range(year, year + 1))
    done = status["level"] >= bd.STEPS.index("delimited")
    return pair_shares({(a, b): bool(d) for a, b, d in zip(status["iso3_a"], status["iso3_b"], done)}, five)


def fighting_pairs(dyads: pd.DataFrame, five: Sequence[str] = FIVE) -> pd.DataFrame:
    """Interstate dyad-years (UCDP) between two of the five: pair and year with battle deaths."""
    inter = dyads[(dyads["type_of_conflict"] == "interstate") & dyads["side_a_iso3"].isin(five)
                  & dyads["side_b_iso3"].isin(five)]
    out = pd.DataFrame({"pair": [tuple(sorted((a, b))) for a, b in zip(inter["side_a_iso3"], inter["side_b_iso3"])],
                        "year": inter["year"].astype(int).to_numpy(), "best": inter["best"].astype(int).to_numpy()})
    return out.sort_values(["year", "pair"]).reset_index(drop=True)


def peace_scores(fighting: pd.DataFrame, pairs: Sequence[tuple[str, str]], year: int, window: int = WINDOW,
                 five: Sequence[str] = FIVE) -> pd.Series:
    """Share of borders with no interstate battle deaths in the `window` years ending in `year`."""
    recent = fighting[fighting["year"].between(year - window + 1, year)]
    hit = set(recent["pair"])
    return pair_shares({tuple(p): tuple(p) not in hit for p in pairs}, five)


def scores_table(columns: Mapping[str, pd.Series], five: Sequence[str] = FIVE) -> pd.DataFrame:
    """Units (the five, then the region) x dimensions, in the given dimension order."""
    return pd.DataFrame(dict(columns)).reindex([*five, REGION])


# ---------------------------------------------------------------- dimensions from the people-and-culture data
# These call centralasia.people (the people-and-culture chapter's tested helpers), so that the two
# chapters count open borders and emigrants the same way.

def visa_open_scores(requirements: pd.DataFrame, snapshot: int, five: Sequence[str] = FIVE,
                     open_: tuple[str, ...] | None = None) -> pd.Series:
    """Share of ordered pairs (passport -> destination) among the five open without applying in advance.

    'Open' is `people.OPEN` (visa-free or visa on arrival) unless `open_` is given. A state's score
    counts its passport's access to the other four and their passports' access to it (eight ordered
    pairs); the region's counts all twenty. NaN if the snapshot lacks any of the pairs.
    """
    from . import people
    open_ = people.OPEN if open_ is None else open_
    m = people.visa_matrix(requirements, snapshot, list(five))
    cells = {(a, b): m.loc[a, b] for a in five for b in five if a != b}
    if any(not isinstance(v, str) for v in cells.values()):
        return pd.Series(np.nan, index=[*five, REGION])
    return pair_shares({k: v in open_ for k, v in cells.items()}, five)


def emigrant_share_scores(pairs: pd.DataFrame, totals: pd.DataFrame, year: int,
                          five: Sequence[str] = FIVE) -> pd.Series:
    """Share of each state's emigrant stock (born there, living abroad) that lives in the other four.

    Region: emigrants of the five living elsewhere among the five / all emigrants of the five.
    """
    from . import people
    out = {}
    for c in five:
        shares = people.migrant_shares(pairs, totals, c, year, direction="emigrants")
        out[c] = float(shares.loc[shares["partner"].isin([p for p in five if p != c]), "share"].sum())
    out[REGION] = people.among_group_share(pairs, totals, list(five), year)
    return pd.Series(out, dtype=float)
