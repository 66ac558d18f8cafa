"""Foreign-policy alignment from UN General Assembly roll calls.

Method
------
For two countries A and B and a set of roll calls (a year, a period, an
issue category):

* Only roll calls on which **both** cast a vote (yes, no or abstain) count.
  A roll call where either was absent or not yet a member is dropped for that
  pair only: an absence is not a vote, and treating it as 'no' or as
  disagreement would make a country that often stays away (Turkmenistan)
  look unaligned with everyone.
* **Agreement** = share of those roll calls on which A and B voted the same
  way (yes-yes, no-no, abstain-abstain).
* **Cohen's kappa** corrects agreement for chance: with observed agreement
  p_o and the agreement p_e expected if A and B voted independently with their
  own frequencies of yes / no / abstain on the same roll calls,
  kappa = (p_o - p_e) / (1 - p_e). 1 = perfect agreement, 0 = no more than
  chance, < 0 = less than chance. Because most UNGA resolutions pass by large
  majorities, raw agreement is high for almost any pair; kappa shows whether
  two states agree *beyond* the shared habit of voting yes. Kappa is undefined
  (NaN) when p_e = 1 (both always cast the same single category).
* **Gwet's AC1** replaces kappa's chance term by one that does not explode when
  both countries vote yes almost always: with pi_k the mean of the two
  countries' shares of category k, p_e = sum_k pi_k (1 - pi_k) / (q - 1), q = 3,
  AC1 = (p_o - p_e) / (1 - p_e). Kappa's chance term is the product of the two
  margins, so when both vote yes 95% of the time p_e is near 1 and a handful of
  non-matching abstentions drives kappa down although the two agree on almost
  every vote (the "kappa paradox", Feinstein & Cicchetti 1990).
* **S** (Signorino & Ritter 1999) treats votes as ordered (yes = 1,
  abstain = 2, no = 3) and scores the mean distance d between the two
  countries' votes: S = 1 - 2 d / d_max with d_max = 2, so identical votes give
  1, a yes against a no gives -1 and a yes against an abstention 0. It has no
  chance correction.
* **Uncertainty**: a nonparametric bootstrap over roll calls. Each replicate
  draws the group's roll calls with replacement (the same draw for every pair,
  so means over pairs get a joint interval); percentile intervals; fixed seed, with a fresh
  generator for each group so that a group's interval does not depend on the other groups.

Votes are coded 0 = yes, 1 = no, 2 = abstain, -1 = no vote (absent, not a
member, or the country not in the table).
"""
from __future__ import annotations

import warnings
from itertools import combinations
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

CATEGORIES = ("yes", "no", "abstain")
CODES = {c: i for i, c in enumerate(CATEGORIES)}
SEED = 2019
N_BOOT = 500  # bootstrap replicates: enough for stable 95% percentile bounds at two decimals
MEASURES = ("agreement", "kappa", "ac1", "s")
MEASURE_LABELS = {"agreement": "Raw agreement", "kappa": "Cohen's kappa", "ac1": "Gwet's AC1",
                  "s": "S score (Signorino-Ritter)"}
# Distance between ordered votes (yes, no, abstain) -> yes=1, no=3, abstain=2, for the S score.
_ORDER = np.array([1.0, 3.0, 2.0])
_DISTANCE = np.abs(_ORDER[:, None] - _ORDER[None, :])


def vote_matrix(votes: pd.DataFrame) -> pd.DataFrame:
    """Tidy votes (rcid, iso3, vote) -> roll calls x countries, int8 codes (-1 = no vote cast)."""
    codes = votes["vote"].astype(object).map(CODES).fillna(-1).astype("int8")
    wide = pd.DataFrame({"rcid": votes["rcid"].astype("int64").to_numpy(), "iso3": votes["iso3"].astype(str).to_numpy(),
                         "code": codes.to_numpy()})
    matrix = wide.pivot(index="rcid", columns="iso3", values="code").sort_index()
    return matrix.fillna(-1).astype("int8")


def counts(a: Sequence[int], b: Sequence[int]) -> np.ndarray:
    """3x3 table of joint votes (rows A, columns B) over roll calls where both voted."""
    a, b = np.asarray(a), np.asarray(b)
    both = (a >= 0) & (b >= 0)
    return np.bincount(a[both] * 3 + b[both], minlength=9).reshape(3, 3)


def scores(table: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(n, agreement, kappa) from 3x3 tables; works on arrays of shape (..., 3, 3)."""
    table = np.asarray(table, dtype=float)
    n = table.sum(axis=(-2, -1))
    with np.errstate(invalid="ignore", divide="ignore"):
        p_o = np.trace(table, axis1=-2, axis2=-1) / n
        rows, cols = table.sum(axis=-1) / n[..., None], table.sum(axis=-2) / n[..., None]
        p_e = (rows * cols).sum(axis=-1)
        kappa = np.where(np.isclose(p_e, 1.0), np.nan, (p_o - p_e) / (1.0 - p_e))
    return n, p_o, kappa


def measures(table: np.ndarray) -> dict[str, np.ndarray]:
    """n and every measure of MEASURES from 3x3 tables; works on arrays of shape (..., 3, 3)."""
    table = np.asarray(table, dtype=float)
    n, p_o, kap = scores(table)
    with np.errstate(invalid="ignore", divide="ignore"):
        rows, cols = table.sum(axis=-1) / n[..., None], table.sum(axis=-2) / n[..., None]
        pi = (rows + cols) / 2
        p_e = (pi * (1 - pi)).sum(axis=-1) / (len(CATEGORIES) - 1)
        ac1 = (p_o - p_e) / (1.0 - p_e)
        d = (table * _DISTANCE).sum(axis=(-2, -1)) / n
        s = 1.0 - 2.0 * d / _DISTANCE.max()
    return {"n": n, "agreement": p_o, "kappa": kap, "ac1": ac1, "s": s}


def ac1(a: Sequence[int], b: Sequence[int]) -> float:
    """Gwet's AC1 over the three vote categories, where both voted."""
    return float(measures(counts(a, b))["ac1"])


def s_score(a: Sequence[int], b: Sequence[int]) -> float:
    """Signorino-Ritter S over ordered votes (yes < abstain < no), where both voted."""
    return float(measures(counts(a, b))["s"])


def agreement(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of identical votes where both voted."""
    return float(scores(counts(a, b))[1])


def kappa(a: Sequence[int], b: Sequence[int]) -> float:
    """Cohen's kappa over the three vote categories, where both voted."""
    return float(scores(counts(a, b))[2])


def _one_hot(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Roll calls x 9 indicator of the joint cell (all zero where either did not vote)."""
    both = (a >= 0) & (b >= 0)
    out = np.zeros((len(a), 9))
    out[np.flatnonzero(both), (a[both] * 3 + b[both]).astype(int)] = 1.0
    return out


def _interval(values: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    tail = (1 - level) / 2 * 100
    with warnings.catch_warnings():  # all-NaN columns (kappa undefined) give NaN bounds
        warnings.simplefilter("ignore", RuntimeWarning)
        lo, hi = np.nanpercentile(values, [tail, 100 - tail], axis=0)
    return lo, hi


def pairs_of(countries: Iterable[str], partners: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """All pairs within `countries`, or every country with every partner."""
    countries = list(countries)
    if partners is None:
        return list(combinations(countries, 2))
    return [(c, p) for c in countries for p in partners if c != p]


def _draws(matrix: pd.DataFrame, rcids: Iterable[int], wanted: Sequence[tuple[str, str]], n_boot: int,
           rng: np.random.Generator) -> tuple[dict, dict]:
    """Point measures and bootstrap replicates of every wanted pair on one group of roll calls.

    The resampling weights are drawn once and shared by every pair, so means and differences over
    pairs get joint intervals."""
    sub = matrix.loc[matrix.index.isin(list(rcids))]
    r = len(sub)
    weights = rng.multinomial(r, np.full(r, 1.0 / r), size=n_boot).astype(float) if r else np.zeros((n_boot, 0))
    point, boot = {}, {}
    for a, b in wanted:
        hot = _one_hot(sub[a].to_numpy(), sub[b].to_numpy())
        point[(a, b)] = measures(hot.sum(axis=0).reshape(3, 3))
        boot[(a, b)] = measures((weights @ hot).reshape(n_boot, 3, 3))
    return point, boot


def _mean_over(values: Mapping[tuple[str, str], dict], members: Sequence[tuple[str, str]], measure: str):
    with warnings.catch_warnings():  # a set whose pairs are all undefined gives NaN
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanmean(np.stack([np.asarray(values[p][measure], dtype=float) for p in members]), axis=0)


def alignment(matrix: pd.DataFrame, groups: Mapping[object, Iterable[int]], pairs: Sequence[tuple[str, str]],
              sets: Mapping[str, Sequence[tuple[str, str]]] | None = None, n_boot: int = N_BOOT,
              level: float = 0.95, seed: int = SEED) -> pd.DataFrame:
    """Agreement, kappa, AC1 and S with bootstrap intervals, for each group of roll calls and each pair.

    `groups` maps a label (a year, a period, an issue) to the roll-call ids it holds. `sets` maps a
    name to a list of pairs whose unweighted mean is also reported (kind = 'mean', a = the name).
    Returns one row per group and pair (or set): group, kind, a, b, n, and for each measure m of
    MEASURES the columns m, m_lo, m_hi. For a set, n is the smallest n of its pairs.
    """
    sets = dict(sets or {})
    wanted = list(dict.fromkeys([*pairs, *(p for ps in sets.values() for p in ps)]))
    rows = []
    for label, rcids in groups.items():
        # A fresh generator per group: a group's intervals do not depend on the other groups asked for.
        point, boot = _draws(matrix, rcids, wanted, n_boot, np.random.default_rng(seed))
        entries = [(dict(kind="pair", a=a, b=b), [(a, b)]) for a, b in pairs]
        entries += [(dict(kind="mean", a=name, b=pd.NA), members) for name, members in sets.items()]
        for head, members in entries:
            row = dict(group=label, **head, n=int(min(point[p]["n"] for p in members)))
            for m in MEASURES:
                lo, hi = _interval(_mean_over(boot, members, m), level)
                row.update({m: float(_mean_over(point, members, m)), f"{m}_lo": lo, f"{m}_hi": hi})
            rows.append(row)
    columns = ["group", "kind", "a", "b", "n", *(f"{m}{x}" for m in MEASURES for x in ("", "_lo", "_hi"))]
    out = pd.DataFrame(rows, columns=columns)
    for col in columns[5:]:
        out[col] = out[col].astype(float)
    return out


def differences(matrix: pd.DataFrame, groups: Mapping[object, Iterable[int]],
                sets: Mapping[str, Sequence[tuple[str, str]]], reference: str, n_boot: int = N_BOOT,
                level: float = 0.95, seed: int = SEED) -> pd.DataFrame:
    """Mean over the `reference` set minus the mean over every other set, per group and measure.

    The difference is bootstrapped with the same resampled roll calls for both sets (they are
    votes on the same resolutions), so its interval accounts for their correlation; comparing two
    separate intervals would not. Returns group, a (= reference), b (the other set), measure,
    estimate, lo, hi and share_le_0 (the share of replicates in which the reference set is not
    ahead)."""
    wanted = list(dict.fromkeys(p for ps in sets.values() for p in ps))
    rows = []
    for label, rcids in groups.items():
        point, boot = _draws(matrix, rcids, wanted, n_boot, np.random.default_rng(seed))
        for other in sets:
            if other == reference:
                continue
            for m in MEASURES:
                est = _mean_over(point, sets[reference], m) - _mean_over(point, sets[other], m)
                draws = _mean_over(boot, sets[reference], m) - _mean_over(boot, sets[other], m)
                lo, hi = _interval(draws, level)
                rows.append(dict(group=label, a=reference, b=other, measure=m, estimate=float(est), lo=float(lo),
                                 hi=float(hi), share_le_0=float(np.mean(draws[np.isfinite(draws)] <= 0))))
    return pd.DataFrame(rows, columns=["group", "a", "b", "measure", "estimate", "lo", "hi", "share_le_0"])


def change(matrix: pd.DataFrame, before: Iterable[int], after: Iterable[int],
           sets: Mapping[str, Sequence[tuple[str, str]]], n_boot: int = N_BOOT, level: float = 0.95,
           seed: int = SEED) -> pd.DataFrame:
    """Change of each set's mean from the `before` roll calls to the `after` roll calls.

    The two periods hold different roll calls, so each is resampled on its own (independent
    generators seeded from `seed`); the change is the difference of the replicates. Returns set,
    measure, before, after, change, lo, hi."""
    wanted = list(dict.fromkeys(p for ps in sets.values() for p in ps))
    seeds = np.random.SeedSequence(seed).spawn(2)
    p0, b0 = _draws(matrix, before, wanted, n_boot, np.random.default_rng(seeds[0]))
    p1, b1 = _draws(matrix, after, wanted, n_boot, np.random.default_rng(seeds[1]))
    rows = []
    for name, members in sets.items():
        for m in MEASURES:
            v0, v1 = float(_mean_over(p0, members, m)), float(_mean_over(p1, members, m))
            lo, hi = _interval(_mean_over(b1, members, m) - _mean_over(b0, members, m), level)
            rows.append(dict(set=name, measure=m, before=v0, after=v1, change=v1 - v0, lo=float(lo), hi=float(hi)))
    return pd.DataFrame(rows, columns=["set", "measure", "before", "after", "change", "lo", "hi"])


def all_same(matrix: pd.DataFrame, rcids: Iterable[int], countries: Sequence[str], minimum: int = 2) -> tuple[int, int]:
    """(roll calls on which at least `minimum` of `countries` voted, and of those, the number on which
    every one of them that voted cast the same vote)."""
    sub = matrix.loc[matrix.index.isin(list(rcids)), list(countries)].to_numpy()
    voted = sub >= 0
    enough = voted.sum(axis=1) >= minimum
    same = np.array([len(set(row[v])) == 1 for row, v in zip(sub, voted)], dtype=bool)
    return int(enough.sum()), int((enough & same).sum())


def by_year(roll_calls: pd.DataFrame) -> dict[int, list[int]]:
    """Roll-call ids of each calendar year."""
    return {int(y): list(g["rcid"]) for y, g in roll_calls.groupby("year", sort=True)}


def by_period(roll_calls: pd.DataFrame, periods: Mapping[str, tuple[int, int]]) -> dict[str, list[int]]:
    """Roll-call ids of each named period of years (inclusive bounds)."""
    return {name: list(roll_calls.loc[roll_calls["year"].between(lo, hi), "rcid"])
            for name, (lo, hi) in periods.items()}


def by_issue(roll_calls: pd.DataFrame, issues: Mapping[str, str], years: tuple[int, int] | None = None
             ) -> dict[str, list[int]]:
    """Roll-call ids flagged with each issue (`issues` maps code -> label); a roll call may be in several."""
    frame = roll_calls if years is None else roll_calls[roll_calls["year"].between(*years)]
    out = {label: list(frame.loc[frame[f"issue_{code}"].astype(bool), "rcid"]) for code, label in issues.items()}
    none = ~frame[[f"issue_{c}" for c in issues]].astype(bool).any(axis=1)
    out["No category"] = list(frame.loc[none, "rcid"])
    return out


FIVE = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
PARTNERS = ("RUS", "CHN", "USA", "TUR", "IRN", "AFG")
AMONG_FIVE = "Among the five"


def five_and_partners(five: Sequence[str] = FIVE, partners: Sequence[str] = PARTNERS
                      ) -> dict[str, list[tuple[str, str]]]:
    """Sets of pairs whose mean the chapter reports: the ten pairs of the five, and each partner
    with each of the five (labelled by the partner's ISO3)."""
    return {AMONG_FIVE: pairs_of(five), **{p: [(c, p) for c in five] for p in partners}}


# --- Benchmarks, vote subsets and periods used by the security chapter -------------------------------

BENCHMARKS = ("AZE", "BLR", "ARM", "GEO", "DEU", "FRA", "GBR")
WESTERN_THREE = ("DEU", "FRA", "GBR")
POST_SOVIET_THREE = ("ARM", "AZE", "BLR")
SECURITY_ISSUES = ("di", "nu")  # arms control and disarmament; nuclear weapons and nuclear material
ARTICLE_DATE = "2019-03-29"


def groups_and_partners(five: Sequence[str] = FIVE, partners: Sequence[str] = PARTNERS + BENCHMARKS
                        ) -> dict[str, list[tuple[str, str]]]:
    """The chapter's sets of pairs: the ten pairs of the five, each partner with each of the five,
    and the two benchmark groups among themselves (the three large Western European states; Armenia,
    Azerbaijan and Belarus)."""
    return {**five_and_partners(five, partners),
            "Germany, France, UK among themselves": pairs_of(WESTERN_THREE),
            "Armenia, Azerbaijan, Belarus among themselves": pairs_of(POST_SOVIET_THREE)}


def security_calls(roll_calls: pd.DataFrame, issues: Sequence[str] = SECURITY_ISSUES) -> pd.DataFrame:
    """Roll calls flagged with any of the security issue codes."""
    return roll_calls[roll_calls[[f"issue_{c}" for c in issues]].astype(bool).any(axis=1)]


def by_dates(roll_calls: pd.DataFrame, periods: Mapping[str, tuple[str, str]]) -> dict[str, list[int]]:
    """Roll-call ids of each named period of dates [start, end) (ISO dates)."""
    dates = pd.to_datetime(roll_calls["date"]).dt.strftime("%Y-%m-%d")
    return {name: list(roll_calls.loc[(dates >= lo) & (dates < hi), "rcid"]) for name, (lo, hi) in periods.items()}


# --- Ideal points (Voeten) ------------------------------------------------------------------------

Z95 = 1.6448536269514722  # the 95% quantile of the standard normal


def ideal_distances(points: pd.DataFrame, years: Iterable[int], sets: Mapping[str, Sequence[tuple[str, str]]],
                    reference: str, n_draws: int = 2000, level: float = 0.95, seed: int = SEED) -> pd.DataFrame:
    """Mean absolute ideal-point distance of each set of pairs over `years`, and its difference from
    the `reference` set, with intervals from the posterior.

    Each country-year posterior is approximated by a normal distribution with the reported median
    and a standard deviation of (q95 - q05) / (2 x 1.645); draws are independent across countries
    and years (the source publishes no joint posterior). Pair-years without an estimate are left
    out. Absolute distances of noisy draws are biased upwards, so the estimates reported are the
    posterior medians of the distances (and of their differences), not the distances between the
    medians. Returns set, distance, lo, hi, and diff/diff_lo/diff_hi = reference minus set
    (negative = the reference pairs are closer)."""
    years = list(years)
    frame = points[points["year"].isin(years)].set_index(["iso3", "year"])
    codes = sorted({c for ps in sets.values() for p in ps for c in p})
    have = [(c, y) for c in codes for y in years if (c, y) in frame.index]
    rng = np.random.default_rng(seed)
    mu = {k: float(frame.loc[k, "q50"]) for k in have}
    sd = {k: float(frame.loc[k, "q95"] - frame.loc[k, "q05"]) / (2 * Z95) for k in have}
    draws = {k: rng.normal(mu[k], sd[k], n_draws) for k in have}

    def distance(members, sample):
        # A pair-year with a missing estimate (e.g. Afghanistan's seat in 2024) is left out.
        values = [np.abs(sample[(a, y)] - sample[(b, y)]) for a, b in members for y in years
                  if (a, y) in sample and (b, y) in sample]
        if not values:
            raise ValueError(f"no ideal points for any pair of {members[:2]}... in {years}")
        return np.mean(values, axis=0)

    boot = {name: distance(ps, draws) for name, ps in sets.items()}
    rows = []
    for name in sets:
        lo, hi = _interval(boot[name], level)
        diff = boot[reference] - boot[name]
        dlo, dhi = _interval(diff, level)
        rows.append(dict(set=name, distance=float(np.median(boot[name])), lo=float(lo), hi=float(hi),
                         diff=float(np.median(diff)), diff_lo=float(dlo), diff_hi=float(dhi)))
    return pd.DataFrame(rows)


# --- The live explorer (centralasia.explorers.heatmap): joint-vote counts the browser sums -----------

CELLS = tuple(f"c{i}{j}" for i in range(3) for j in range(3))  # c01 = A voted yes, B voted no


def pair_year_counts(matrix: pd.DataFrame, roll_calls: pd.DataFrame, countries: Sequence[str],
                     years: tuple[int, int] | None = None) -> pd.DataFrame:
    """Joint-vote counts of every pair of `countries` in each year: a, b, year, c00..c22.

    Every measure of MEASURES over any span of years is a function of these counts summed over the
    span (`vega_measures` gives the same formulas as `measures`), so the browser recomputes the
    matrix without a kernel. Pair-years with no roll call on which both voted are left out.
    """
    calls = roll_calls if years is None else roll_calls[roll_calls["year"].between(*years)]
    year_of = calls.set_index("rcid")["year"].astype(int)
    sub = matrix.loc[matrix.index.isin(year_of.index)]
    year = year_of.reindex(sub.index).to_numpy()
    rows = []
    for a, b in pairs_of(countries):
        hot = _one_hot(sub[a].to_numpy(), sub[b].to_numpy())
        per = pd.DataFrame(hot, columns=list(CELLS)).groupby(year).sum().astype(int)
        per = per[per.sum(axis=1) > 0]
        rows.append(per.rename_axis("year").reset_index().assign(a=a, b=b))
    out = pd.concat(rows, ignore_index=True)
    return out[["a", "b", "year", *CELLS]].sort_values(["a", "b", "year"], ignore_index=True)


def vega_measures(prefix: str = "datum.") -> dict[str, str]:
    """Vega expressions of n and each measure of MEASURES over the count fields CELLS (as `measures`)."""
    c = {cell: f"{prefix}{cell}" for cell in CELLS}
    n = "(" + " + ".join(c.values()) + ")"
    row = [f"(({c[f'c{k}0']} + {c[f'c{k}1']} + {c[f'c{k}2']}) / {n})" for k in range(3)]
    col = [f"(({c[f'c0{k}']} + {c[f'c1{k}']} + {c[f'c2{k}']}) / {n})" for k in range(3)]
    p_o = f"(({c['c00']} + {c['c11']} + {c['c22']}) / {n})"
    pe_k = "(" + " + ".join(f"{r} * {q}" for r, q in zip(row, col)) + ")"
    pi = [f"(({r} + {q}) / 2)" for r, q in zip(row, col)]
    pe_g = "((" + " + ".join(f"{p} * (1 - {p})" for p in pi) + f") / {len(CATEGORIES) - 1})"
    dist = " + ".join(f"{_DISTANCE[i, j]:g} * {c[f'c{i}{j}']}" for i in range(3) for j in range(3) if _DISTANCE[i, j])
    return {"n": n,
            "agreement": p_o,
            "kappa": f"(abs(1 - {pe_k}) < 1e-9 ? null : ({p_o} - {pe_k}) / (1 - {pe_k}))",
            "ac1": f"(({p_o} - {pe_g}) / (1 - {pe_g}))",
            "s": f"(1 - 2 * (({dist}) / {n}) / {_DISTANCE.max():g})"}


# Colour range of each measure in the matrix figures (static and live): agreement cannot be negative.
COLOUR_RANGE = {m: (0.0 if m == "agreement" else -0.2, 1.0) for m in MEASURES}
