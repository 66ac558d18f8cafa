"""Rule-based assessments of the people-and-culture chapter (notebooks/culture), on the book's
chronology (`events`, each row sourced): evidence kind "chronology", grades from `rules.grade()`.

Standard for a dated event (C33, C36, facts): "yes" if the chronology holds the event at the place
and in the period the article gives, "partly" if at the place but another date or the reverse,
"no" if neither; no event → holds None (unverified, R1). A fact does not change after the article:
"since" repeats "as written". C35 is a decision ("2019 was to be the Year of Kazakhstan in
Uzbekistan"): as written, whether the chronology records the agreement before the article; since,
whether the Year was opened in Uzbekistan in 2019. `sources` counts distinct web hosts in the
event's source field (one host → at most partly, R6).
"""
from __future__ import annotations

import pandas as pd

from ..data import load
from ..ledger import computed
from ..rules import Assessment, Finding
from ..summits import n_sources

CHAPTER = "notebooks/culture"
ARTICLE_DATE = "2019-03-29"


def _event(title: str) -> pd.Series | None:
    events = load("events")
    hits = events[(events["type"] == "culture") & events["title"].str.contains(title, regex=False)]
    return None if hits.empty else hits.sort_values("date").iloc[0]


def _dated(title: str, period: tuple[str, str], place: str, what: str) -> Finding:
    e = _event(title)
    if e is None:
        return Finding(kind="chronology", holds=None, summary=f"The book's chronology has no event '{title}'.")
    in_period = period[0] <= e["date"] <= period[1]
    at_place = place in str(e["place"])
    holds = "yes" if in_period and at_place else "partly" if (in_period or at_place) else "no"
    span = period[0][:7] if period[0][:7] == period[1][:7] else f"{period[0][:7]} to {period[1][:7]}"
    return Finding(kind="chronology", holds=holds, sources=n_sources(e["source"]), summary=(
        f"The chronology ({e['event_id']}) dates {what} to {e['date']} in {e['place']}, "
        f"{'within' if in_period else 'outside'} the period the article gives ({span})"
        f"{'' if at_place else ' and at another place'}."))


def _fact(claim: str, finding: Finding) -> Assessment:
    return Assessment(claim, CHAPTER, as_written=finding, since=finding)


@computed("C33")
def year_of_uzbekistan_opened() -> Assessment:
    """¶31: the Year of Uzbekistan in Kazakhstan opened in Astana in March 2018."""
    return _fact("C33", _dated("Year of Uzbekistan in Kazakhstan", ("2018-03-01", "2018-03-31"), "Astana",
                               "the opening of the Year of Uzbekistan in Kazakhstan"))


@computed("C35")
def year_of_kazakhstan_2019() -> Assessment:
    """¶31: 2019 was to be the Year of Kazakhstan in Uzbekistan (a decision)."""
    agreed = _event("reciprocal 'Years'")
    if agreed is None:
        as_written = Finding(kind="chronology", holds=None, summary="The chronology records no agreement on the Years.")
    else:
        before = agreed["date"] <= ARTICLE_DATE
        as_written = Finding(kind="chronology", holds="yes" if before else "no", sources=n_sources(agreed["source"]),
                             summary=f"The chronology ({agreed['event_id']}) records the agreement on reciprocal Years "
                                     f"on {agreed['date']} in {agreed['place']}, {'before' if before else 'after'} the article.")
    since = _dated("Year of Kazakhstan in Uzbekistan", ("2019-01-01", "2019-12-31"), "Uzbekistan",
                   "the opening of the Year of Kazakhstan in Uzbekistan")
    return Assessment("C35", CHAPTER, as_written=as_written, since=since)


@computed("C36")
def nomad_games_2018() -> Assessment:
    """¶32: Cholpon-Ata hosted the third World Nomad Games in September 2018."""
    return _fact("C36", _dated("Third World Nomad Games", ("2018-09-01", "2018-09-30"), "Cholpon-Ata",
                               "the opening of the third World Nomad Games"))
