"""Computed verdicts of the security chapter (notebooks/security).

C41 (paragraph 18): the five take "the same or similar approaches" to regional security and
counter-terrorism. Tested on UN General Assembly roll calls on arms control and disarmament or on
nuclear weapons (the Voeten issue codes closest to "security"; the data have no code for terrorism,
and few counter-terrorism texts go to a recorded vote).

As written (the votes the article could look back on: 1 January 2017 to 28 March 2019):
- (a) level: the five's mean pairwise Gwet's AC1 is at least substantial (0.6). AC1, not kappa,
  because the five vote yes on almost every such roll call and kappa then misreads near-identical
  votes as weak agreement (the kappa paradox);
- (b) distinctiveness: the bootstrapped difference "among the five minus the five with partner X"
  has its 95% interval above zero for every outside state compared (partners and benchmarks).
holds = "yes" if (a) and (b); "partly" if one of them; "no" if neither.

Since (after March 2019): Voeten's ideal points 2020-2024, the latest year of the estimates. holds
= "yes" if the five's mean pairwise distance is smaller than their mean distance to every outside
state (the 95% interval of the difference below zero), "partly" if it is for some but not all,
"no" if for none. Distance on one dimension is not agreement on security as such; the chapter
says so.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .. import alignment as al
from ..countries import name
from ..data import load
from ..ledger import computed
from ..rules import Assessment, Finding

CHAPTER = "notebooks/security"
WINDOW = ("2017-01-01", al.ARTICLE_DATE)  # the votes the article could look back on
WINDOW_LABEL = "2017 to March 2019"
SINCE_YEARS = (2020, 2024)
SUBSTANTIAL = 0.6  # Landis & Koch's 'substantial' lower bound: a rule of thumb (see the sensitivity table)
PRIMARY = "ac1"


@lru_cache(maxsize=1)
def _matrix() -> pd.DataFrame:
    return al.vote_matrix(load("unga_votes"))


@lru_cache(maxsize=4)
def window_groups() -> dict[str, list[int]]:
    """Roll calls of the as-written window: security categories and all votes."""
    calls = load("unga_roll_calls")
    window = al.by_dates(calls, {"w": WINDOW})["w"]
    security = set(al.security_calls(calls)["rcid"])
    return {"Security roll calls": [r for r in window if r in security], "All roll calls": window}


@lru_cache(maxsize=1)
def as_written_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(levels, differences) for the as-written window, both vote subsets, every set of pairs."""
    sets = al.groups_and_partners()
    levels = al.alignment(_matrix(), window_groups(), [], sets)
    diffs = al.differences(_matrix(), window_groups(), sets, al.AMONG_FIVE)
    return levels, diffs


def outside(diffs: pd.DataFrame) -> pd.DataFrame:
    """Differences against single outside states only (not the benchmark groups among themselves)."""
    return diffs[diffs["b"].str.len() == 3]


def decide_as_written(levels: pd.DataFrame, diffs: pd.DataFrame, group: str = "Security roll calls",
                      measure: str = PRIMARY, threshold: float = SUBSTANTIAL) -> tuple[str, dict]:
    """holds for the as-written finding, and the facts it rests on."""
    five = levels[(levels.group == group) & (levels.a == al.AMONG_FIVE)].iloc[0]
    d = outside(diffs[(diffs.group == group) & (diffs.measure == measure)])
    level_ok = bool(five[measure] >= threshold)
    not_ahead = d[d["lo"] <= 0]
    distinct = not_ahead.empty
    holds = "yes" if level_ok and distinct else ("partly" if level_ok or distinct else "no")
    return holds, dict(five=five, not_ahead=not_ahead, level_ok=level_ok, distinct=distinct)


@lru_cache(maxsize=1)
def since_table() -> pd.DataFrame:
    return al.ideal_distances(load("unga_idealpoints"), range(SINCE_YEARS[0], SINCE_YEARS[1] + 1),
                              al.groups_and_partners(), al.AMONG_FIVE)


def decide_since(table: pd.DataFrame) -> tuple[str, pd.DataFrame]:
    single = table[(table["set"] != al.AMONG_FIVE) & (table["set"].str.len() == 3)]
    closer = single["diff_hi"] < 0
    holds = "yes" if closer.all() else ("partly" if closer.any() else "no")
    return holds, single[~closer]


def sensitivity() -> pd.DataFrame:
    """The as-written decision under every measure, threshold and vote subset."""
    levels, diffs = as_written_tables()
    rows = []
    for group in window_groups():
        for measure in al.MEASURES:
            for threshold in (0.4, 0.6, 0.8):
                holds, facts = decide_as_written(levels, diffs, group, measure, threshold)
                rows.append(dict(votes=group, measure=al.MEASURE_LABELS[measure], threshold=threshold,
                                 among_five=float(facts["five"][measure]),
                                 partners_not_behind=len(facts["not_ahead"]), holds=holds))
    return pd.DataFrame(rows)


def _names(frame: pd.DataFrame, column: str) -> str:
    return ", ".join(name(c) for c in frame[column]) or "none"


@computed("C41")
def similar_approaches() -> Assessment:
    """¶18: 'the same or similar approaches' to regional security - UNGA security roll calls and ideal points."""
    levels, diffs = as_written_tables()
    holds, f = decide_as_written(levels, diffs)
    five = f["five"]
    written = Finding(
        kind="computed", holds=holds,
        summary=(f"On the {len(window_groups()['Security roll calls'])} UN General Assembly roll calls on arms "
                 f"control, disarmament and nuclear weapons of {WINDOW_LABEL}, an average pair of the five voted "
                 f"alike on {100 * five['agreement']:.1f}% of those on which both voted (Gwet's AC1 {five['ac1']:.2f}, 95% CI {five['ac1_lo']:.2f}-"
                 f"{five['ac1_hi']:.2f}; Cohen's kappa {five['kappa']:.2f}, low only because nearly every vote is "
                 f"yes): {'at least' if f['level_ok'] else 'below'} substantial agreement. "
                 + ("They agree more among themselves than with every outside state compared."
                    if f["distinct"] else
                    f"They are not measurably closer to each other than to {_names(f['not_ahead'], 'b')} "
                    "(bootstrapped difference in AC1 with an interval that includes zero or lies below it).")
                 + " Votes show declared positions, not security cooperation in practice."))
    table = since_table()
    holds_since, not_closer = decide_since(table)
    five_d = table[table["set"] == al.AMONG_FIVE].iloc[0]
    since = Finding(
        kind="computed", holds=holds_since,
        summary=(f"On Voeten's ideal points for {SINCE_YEARS[0]}-{SINCE_YEARS[1]} the five sit close together "
                 f"(mean pairwise distance {five_d['distance']:.2f}, 95% interval {five_d['lo']:.2f}-"
                 f"{five_d['hi']:.2f}), closer than to "
                 + ("every outside state compared." if not_closer.empty else
                    f"most outside states but not measurably closer than to {_names(not_closer, 'set')}.")
                 + " Ideal points place states on one dimension of all votes, not on security alone."))
    return Assessment("C41", CHAPTER, as_written=written, since=since)
