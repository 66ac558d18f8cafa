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


def alignment(matrix: pd.DataFrame, groups: Mapping[object, Iterable[int]], pairs: Sequence[tuple[str, str]],
              sets: Mapping[str, Sequence[tuple[str, str]]] | None = None, n_boot: int = N_BOOT,
              level: float = 0.95, seed: int = SEED) -> pd.DataFrame:
    """Agreement and kappa with bootstrap intervals, for each group of roll calls and each pair.

    `groups` maps a label (a year, a period, an issue) to the roll-call ids it holds. `sets` maps a
    name to a list of pairs whose unweighted mean is also reported (kind = 'mean', a = the name).
    Returns one row per group and pair (or set): group, kind, a, b, n, agreement, agreement_lo,
    agreement_hi, kappa, kappa_lo, kappa_hi. For a set, n is the smallest n of its pairs.
    """
    sets = dict(sets or {})
    wanted = list(dict.fromkeys([*pairs, *(p for ps in sets.values() for p in ps)]))
    rows = []
    for label, rcids in groups.items():
        # A fresh generator per group: a group's intervals do not depend on the other groups asked for.
        rng = np.random.default_rng(seed)
        sub = matrix.loc[matrix.index.isin(list(rcids))]
        r = len(sub)
        weights = rng.multinomial(r, np.full(r, 1.0 / r), size=n_boot).astype(float) if r else np.zeros((n_boot, 0))
        point, boot = {}, {}
        for a, b in wanted:
            hot = _one_hot(sub[a].to_numpy(), sub[b].to_numpy())
            point[(a, b)] = scores(hot.sum(axis=0).reshape(3, 3))
            boot[(a, b)] = scores((weights @ hot).reshape(n_boot, 3, 3))
        for a, b in pairs:
            (n, agr, kap), (_, bagr, bkap) = point[(a, b)], boot[(a, b)]
            (alo, ahi), (klo, khi) = _interval(bagr, level), _interval(bkap, level)
            rows.append(dict(group=label, kind="pair", a=a, b=b, n=int(n), agreement=agr, agreement_lo=alo,
                             agreement_hi=ahi, kappa=kap, kappa_lo=klo, kappa_hi=khi))
        for name, members in sets.items():
            with warnings.catch_warnings():  # a set whose pairs are all undefined gives NaN
                warnings.simplefilter("ignore", RuntimeWarning)
                agr = np.nanmean([point[p][1] for p in members])
                kap = np.nanmean([point[p][2] for p in members])
                bagr = np.nanmean(np.stack([boot[p][1] for p in members]), axis=0)
                bkap = np.nanmean(np.stack([boot[p][2] for p in members]), axis=0)
            (alo, ahi), (klo, khi) = _interval(bagr, level), _interval(bkap, level)
            rows.append(dict(group=label, kind="mean", a=name, b=pd.NA, n=int(min(point[p][0] for p in members)),
                             agreement=agr, agreement_lo=alo, agreement_hi=ahi, kappa=kap, kappa_lo=klo,
                             kappa_hi=khi))
    out = pd.DataFrame(rows, columns=["group", "kind", "a", "b", "n", "agreement", "agreement_lo",
                                      "agreement_hi", "kappa", "kappa_lo", "kappa_hi"])
    for col in out.columns[5:]:
        out[col] = out[col].astype(float)
    return out


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
