"""A transparent composite index of the formal ties among the five Central Asian states.

Named for what it measures: the *formal-ties index* scores votes, meetings, treaties, peace on the
borders and visa rules, not trade, trust or the quality of relations.

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


# ---------------------------------------------------------------- 0.2.0: the formal-ties index
# Alignment from ideal points (it runs past 2019), borders and meetings from a chronology whose rows
# can be dropped at random (data completeness), the change decomposed by dimension, and an
# uncertainty analysis over weights, bounds, aggregation and data, reported as rank intervals.

INDEX_NAME = "formal-ties index"
DIMS = ("alignment", "meetings", "borders", "peace", "mobility")  # the index's five dimensions
ALIGNMENT_REFERENCE = ("USA", "RUS")  # the bound of the alignment scale: their ideal-point gap ...
ALIGNMENT_REFERENCE_YEAR = 2018  # ... in the article's last full year
MEETINGS_BENCHMARKS = (1.0, 2.0, 3.0, 4.0)  # caps tried in the uncertainty analysis (meetings a year = 1)
ALIGNMENT_BOUND_FACTORS = (0.5, 1.0, 1.5)  # alignment bound tried: these multiples of the reference gap
GEOMETRIC_FLOOR = 0.01  # a zero score is raised to this before a geometric mean (else the index is 0)
DROP_SHARE = 0.1  # share of chronology rows (meetings, border acts) dropped at random per draw
SOURCES = ("weights", "bounds", "aggregation", "data")

DIMENSIONS["alignment_ideal"] = Dimension(
    "alignment", "Political alignment",
    "Mean distance between the state's UN General Assembly ideal point and those of the other four "
    "(region: mean of the ten pairs), ideal points averaged over the three years ending in the given year",
    "1 - distance / bound, clipped at 0; the bound is the US-Russia gap of 2018 (0 = as far apart "
    "as the US and Russia, 1 = identical positions)",
    "country and region")


def window_ideal_points(ideal: pd.DataFrame, year: int, window: int = WINDOW,
                        countries: Sequence[str] = FIVE) -> pd.Series:
    """Each country's mean ideal point over the `window` years ending in `year` (NaN: no years)."""
    rows = ideal[ideal["iso3"].isin(countries) & ideal["year"].between(year - window + 1, year)]
    means = rows.groupby("iso3")["ideal_point"].mean().astype(float)
    return means.reindex(list(countries))


def reference_gap(ideal: pd.DataFrame, year: int = ALIGNMENT_REFERENCE_YEAR,
                  pair: tuple[str, str] = ALIGNMENT_REFERENCE) -> float:
    """Absolute ideal-point gap of the reference pair in one year (the alignment bound)."""
    rows = ideal[(ideal["year"] == year) & ideal["iso3"].isin(pair)].set_index("iso3")["ideal_point"]
    if set(rows.index) != set(pair):
        raise ValueError(f"no ideal points for {sorted(set(pair) - set(rows.index))} in {year}")
    return float(abs(rows[pair[0]] - rows[pair[1]]))


def ideal_distances(points: pd.Series, five: Sequence[str] = FIVE) -> pd.Series:
    """Mean absolute ideal-point distance of each state to the other four; region: of the ten pairs."""
    gaps = {(a, b): abs(points[a] - points[b]) for a, b in combinations(five, 2)}
    out = {c: float(np.nanmean([g for p, g in gaps.items() if c in p])) for c in five}
    out[REGION] = float(np.nanmean(list(gaps.values())))
    return pd.Series(out)


def alignment_ideal_scores(distances: pd.Series, bound: float) -> pd.Series:
    """1 - distance / bound, clipped to [0, 1]."""
    if not bound > 0:
        raise ValueError("the alignment bound must be positive")
    return pd.Series(np.clip(1.0 - distances.astype(float) / bound, 0.0, 1.0), index=distances.index)


def meetings_rate(meetings: pd.DataFrame, year: int, window: int = WINDOW) -> float:
    """Five-party meetings a year, mean of the `window` years ending in `year` (no cap)."""
    return int(meetings["year"].between(year - window + 1, year).sum()) / window


DELIMITING = ("delimited", "demarcation signed")  # steps that put a pair at 'delimited' or above


def delimiting_acts(events: pd.DataFrame, pairs: Sequence[tuple[str, str]]) -> pd.DataFrame:
    """The border acts that make a pair 'delimited' (or more) under centralasia.borders' rules.

    One row per (event, pair): event_id, iso3_a, iso3_b, effective date. A pair is delimited at a
    date when one of its rows is effective by then (what `border_scores` reads from the status).
    """
    steps = bd.classify_events(events)
    wanted = set(map(tuple, pairs))
    keep = steps["step"].isin(DELIMITING) & np.array([p in wanted for p in zip(steps["iso3_a"], steps["iso3_b"])],
                                                     dtype=bool)
    return steps.loc[keep, ["event_id", "iso3_a", "iso3_b", "effective"]].reset_index(drop=True)


def border_scores_from_acts(acts: pd.DataFrame, pairs: Sequence[tuple[str, str]], year: int,
                            keep: set | None = None, five: Sequence[str] = FIVE) -> pd.Series:
    """Share of borders delimited by the end of `year`, from `delimiting_acts` (only rows in `keep`)."""
    rows = acts if keep is None else acts[acts["event_id"].isin(keep)]
    done = rows[rows["effective"] <= pd.Timestamp(year, 12, 31)]
    hit = set(zip(done["iso3_a"], done["iso3_b"]))
    return pair_shares({tuple(p): tuple(p) in hit for p in pairs}, five)


@dataclass(frozen=True)
class IndexData:
    """Everything the index reads, prepared once: the uncertainty analysis recomputes from it."""
    meetings: pd.DataFrame  # five_party_meetings (event_id, year)
    acts: pd.DataFrame  # delimiting_acts
    pairs: tuple
    ideal: pd.DataFrame  # unga_idealpoints (iso3, year, ideal_point)
    fighting: pd.DataFrame  # fighting_pairs
    mobility: Mapping[int, pd.Series]  # visa_open_scores by snapshot year
    gap: float  # reference_gap: the alignment bound

    @property
    def chronology_rows(self) -> list[str]:
        """The chronology rows the index reads (meetings and border acts), sorted."""
        return sorted(set(self.meetings["event_id"]) | set(self.acts["event_id"]))


def point_scores(data: IndexData, years: Mapping[str, int], benchmark: float = MEETINGS_BENCHMARK,
                 bound_factor: float = 1.0, keep: set | None = None) -> pd.DataFrame:
    """The five dimension scores (units x DIMS) at one point; `years` gives each dimension's year.

    `benchmark` is the meetings cap, `bound_factor` multiplies the alignment bound, `keep` (if given)
    is the set of chronology rows kept (meetings and border acts outside it are dropped).
    """
    meetings = data.meetings if keep is None else data.meetings[data.meetings["event_id"].isin(keep)]
    rate = meetings_rate(meetings, years["meetings"])
    distances = ideal_distances(window_ideal_points(data.ideal, years["alignment"]))
    cols = {
        "alignment": alignment_ideal_scores(distances, data.gap * bound_factor),
        "meetings": pd.Series(bounded(rate, 0.0, benchmark), index=[*FIVE, REGION]),
        "borders": border_scores_from_acts(data.acts, data.pairs, years["borders"], keep),
        "peace": peace_scores(data.fighting, data.pairs, years["peace"]),
        "mobility": data.mobility[years["mobility"]],
    }
    return scores_table(cols)[list(DIMS)]


def decompose(before: pd.DataFrame, after: pd.DataFrame, weights=None) -> pd.DataFrame:
    """Change of the arithmetic index split by dimension: weight x change of the dimension's score.

    Both frames need the same units and dimensions and no missing scores; the contributions
    (columns: dimensions, then 'total') sum to the change of `aggregate`.
    """
    if list(before.columns) != list(after.columns) or list(before.index) != list(after.index):
        raise ValueError("the two points must have the same units and dimensions")
    if before.isna().any().any() or after.isna().any().any():
        raise ValueError("a decomposition needs every score at both points")
    w = _weights(before, weights)
    out = (after.astype(float) - before.astype(float)).mul(w, axis=1)
    out["total"] = out.sum(axis=1)
    return out


def geometric(scores: pd.DataFrame, weights=None, floor: float = GEOMETRIC_FLOOR) -> pd.Series:
    """Weighted geometric mean (no compensation: a low score drags the index down); zeros -> `floor`."""
    values = _check_scores(scores)
    if values.isna().any().any():
        raise ValueError("the geometric mean needs every score")
    w = _weights(values, weights)
    return np.exp(np.log(values.clip(lower=floor)).mul(w, axis=1).sum(axis=1)).rename("index")


def gated(scores: pd.DataFrame, weights=None, gate: str = "peace") -> pd.Series:
    """Peace as a gate: the `gate` score times the arithmetic mean of the other dimensions.

    A war on one of a state's borders then scales all its other ties down instead of being one
    term that meetings can outweigh. The gate's own weight is not used.
    """
    w = _weights(_check_scores(scores), weights)
    rest = [d for d in scores.columns if d != gate]
    if not w[rest].sum() > 0:
        rest_index = aggregate(scores[rest])
    else:
        rest_index = aggregate(scores[rest], w[rest])
    return (scores[gate].astype(float) * rest_index).rename("index")


AGGREGATIONS = {"arithmetic": lambda s, w=None: aggregate(s, w), "geometric": geometric, "peace-gated": gated}


class _Prepared:
    """One point's scores reduced to arrays, so that thousands of scenarios run in seconds.

    Rows: the five then the region; columns: DIMS. Only meetings (count of kept rows in the window),
    borders (a pair is delimited if one of its kept acts is effective) and the two bounds vary.
    """

    def __init__(self, data: IndexData, years: Mapping[str, int]):
        units = [*FIVE, REGION]
        m = data.meetings
        self.meeting_ids = list(m.loc[m["year"].between(years["meetings"] - WINDOW + 1, years["meetings"]), "event_id"])
        end = pd.Timestamp(years["borders"], 12, 31)
        acts = data.acts[data.acts["effective"] <= end]
        self.pairs = [tuple(p) for p in data.pairs]
        self.pair_acts = [set(acts.loc[(acts["iso3_a"] == a) & (acts["iso3_b"] == b), "event_id"]) for a, b in self.pairs]
        # membership: unit x pair (a state's own pairs; the region: all pairs), rows normalised
        member = np.array([[1.0 if (u in p or u == REGION) else 0.0 for p in self.pairs] for u in units])
        self.member = member / member.sum(axis=1, keepdims=True)
        self.distance = ideal_distances(window_ideal_points(data.ideal, years["alignment"])).reindex(units).to_numpy()
        self.peace = peace_scores(data.fighting, data.pairs, years["peace"]).reindex(units).to_numpy()
        self.mobility = data.mobility[years["mobility"]].reindex(units).to_numpy(dtype=float)
        self.gap = data.gap

    def scores(self, benchmark: float = MEETINGS_BENCHMARK, bound_factor: float = 1.0,
               keep: set | None = None) -> np.ndarray:
        n = len(self.meeting_ids) if keep is None else sum(1 for e in self.meeting_ids if e in keep)
        done = np.array([bool(acts) if keep is None else bool(acts & keep) for acts in self.pair_acts], dtype=float)
        cols = [np.clip(1.0 - self.distance / (self.gap * bound_factor), 0.0, 1.0),
                np.full(len(self.distance), min(n / WINDOW / benchmark, 1.0)),
                self.member @ done, self.peace, self.mobility]
        return np.column_stack(cols)


def _aggregate_array(values: np.ndarray, w: np.ndarray, how: str) -> np.ndarray:
    """The three aggregations of AGGREGATIONS on a units x DIMS array with complete scores."""
    w = w / w.sum()
    if how == "arithmetic":
        return values @ w
    if how == "geometric":
        return np.exp(np.log(np.clip(values, GEOMETRIC_FLOOR, None)) @ w)
    if how == "peace-gated":
        g = DIMS.index("peace")
        rest = [i for i in range(len(DIMS)) if i != g]
        wr = w[rest] if w[rest].sum() > 0 else np.ones(len(rest))
        return values[:, g] * (values[:, rest] @ (wr / wr.sum()))
    raise KeyError(how)


def uncertainty(data: IndexData, points: Mapping[str, Mapping[str, int]], n: int = N_DRAWS,
                sources: Sequence[str] = SOURCES, seed: int = SEED, drop: float = DROP_SHARE) -> pd.DataFrame:
    """The index under `n` random scenarios, the same scenario applied at every point (paired).

    Each source of uncertainty named in `sources` is drawn per scenario, the others held at the
    baseline: weights (flat Dirichlet), bounds (meetings cap from MEETINGS_BENCHMARKS, alignment
    bound factor from ALIGNMENT_BOUND_FACTORS), aggregation (arithmetic, geometric or peace-gated,
    equally likely), data (each chronology row the index reads dropped with probability `drop`).
    Long frame: draw, point, unit, index, aggregation, rank (1 = highest of the five in that draw
    and point; the region has no rank).
    """
    unknown = set(sources) - set(SOURCES)
    if unknown:
        raise ValueError(f"unknown sources {sorted(unknown)}")
    rng = np.random.default_rng(seed)
    rows = data.chronology_rows
    prepared = {name_: _Prepared(data, years) for name_, years in points.items()}
    units = [*FIVE, REGION]
    out = {"draw": [], "point": [], "unit": [], "index": [], "aggregation": [], "rank": []}
    for i in range(n):
        w = rng.dirichlet(np.ones(len(DIMS))) if "weights" in sources else np.full(len(DIMS), 1 / len(DIMS))
        bench, factor = MEETINGS_BENCHMARK, 1.0
        if "bounds" in sources:
            bench = MEETINGS_BENCHMARKS[rng.integers(len(MEETINGS_BENCHMARKS))]
            factor = ALIGNMENT_BOUND_FACTORS[rng.integers(len(ALIGNMENT_BOUND_FACTORS))]
        how = list(AGGREGATIONS)[rng.integers(len(AGGREGATIONS))] if "aggregation" in sources else "arithmetic"
        keep = {r for r, u in zip(rows, rng.random(len(rows))) if u >= drop} if "data" in sources else None
        for name_, prep in prepared.items():
            index = _aggregate_array(prep.scores(bench, factor, keep), w, how)
            five = index[:len(FIVE)]
            rank = (five[None, :] > five[:, None]).sum(axis=1) + 1  # 'min' ranking, 1 = highest
            out["draw"] += [i] * len(units)
            out["point"] += [name_] * len(units)
            out["unit"] += units
            out["index"] += list(index)
            out["aggregation"] += [how] * len(units)
            out["rank"] += [*rank.tolist(), pd.NA]
    frame = pd.DataFrame(out)
    frame["rank"] = frame["rank"].astype("Int64")
    return frame


def rank_intervals(draws: pd.DataFrame, level: float = 0.9) -> pd.DataFrame:
    """Per point and state: the central `level` interval of its rank, its median rank, and the
    shares of draws in which it ranks first and last (of the five)."""
    tail = (1 - level) / 2
    five = draws[draws["unit"].isin(FIVE)].astype({"rank": int})
    g = five.groupby(["point", "unit"], sort=False)["rank"]
    out = pd.DataFrame({
        "rank_lo": g.quantile(tail, interpolation="lower").astype(int),
        "rank_median": g.median(),
        "rank_hi": g.quantile(1 - tail, interpolation="higher").astype(int),
        "share_first": g.apply(lambda r: float((r == 1).mean())),
        "share_last": g.apply(lambda r: float((r == len(FIVE)).mean())),
    })
    return out


def index_intervals(draws: pd.DataFrame, level: float = 0.9) -> pd.DataFrame:
    """Per point and unit: the central `level` interval and median of the index over the draws."""
    tail = (1 - level) / 2
    g = draws.groupby(["point", "unit"], sort=False)["index"]
    return pd.DataFrame({"lo": g.quantile(tail), "median": g.median(), "hi": g.quantile(1 - tail)})


def paired_change(draws: pd.DataFrame, before: str, after: str, unit: str = REGION) -> pd.Series:
    """Index at `after` minus index at `before` for one unit, draw by draw."""
    d = draws[draws["unit"] == unit].pivot(index="draw", columns="point", values="index")
    return (d[after] - d[before]).rename("change")


SMALL_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def in_words(n: int) -> str:
    """Small counts as words for prose ('one of the seven borders'); larger ones as digits."""
    return SMALL_NUMBERS[n] if 0 <= n < len(SMALL_NUMBERS) else f"{n:,d}"


def war_exchange_rate(n_pairs: int, war_pairs: int = 1, benchmark: float = MEETINGS_BENCHMARK) -> float:
    """Extra meetings a year (below the cap) that offset `war_pairs` borders at war in the region's
    arithmetic index with equal weights: (war_pairs / n_pairs) / (1 / benchmark)."""
    return (war_pairs / n_pairs) * benchmark


POINTS = ("around the article", "latest")
CHRONOLOGY_COMPLETE_YEAR = 2025  # the chronology was compiled during 2026: its last complete year


def load_index_data() -> tuple[IndexData, dict[str, dict[str, int]]]:
    """The index's inputs from the data package, and the year of each dimension at the two points.

    Around the article: windows ending in 2018 (alignment, meetings, peace), borders at the end of
    2018, visas in the November 2019 snapshot. Latest: the last year each source covers.
    """
    from . import data as _data
    events, dyads = _data.load("events"), _data.load("ucdp_brd_dyads")
    visas, ideal = _data.load("visa_requirements"), _data.load("unga_idealpoints")
    pairs = tuple(internal_pairs(_data.load("mledoze_adjacency")))
    snapshots = sorted(int(s) for s in visas["snapshot"].unique())
    chronology_end = CHRONOLOGY_COMPLETE_YEAR
    index_data = IndexData(five_party_meetings(events), delimiting_acts(events, pairs), pairs, ideal,
                           fighting_pairs(dyads), {y: visa_open_scores(visas, y) for y in (snapshots[0], snapshots[-1])},
                           reference_gap(ideal))
    years = {POINTS[0]: dict(alignment=2018, meetings=2018, borders=2018, peace=2018, mobility=snapshots[0]),
             POINTS[1]: dict(alignment=int(ideal["year"].max()), meetings=chronology_end, borders=chronology_end,
                             peace=int(dyads["year"].max()), mobility=snapshots[-1])}
    return index_data, years
