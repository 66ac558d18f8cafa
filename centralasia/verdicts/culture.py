"""Computed verdicts of the people-and-culture chapter (notebooks/culture).

The cultural events the article cites (¶31-32) are dated facts. They are tested against the book's
chronology (`events`, each row sourced): a claim is 'supported' if the chronology holds the event
at the place and in the period the article gives, 'contradicted' if it holds the event at another
date or place, and 'unverified' if the event is not in the chronology.
"""
from __future__ import annotations

from ..data import load
from ..ledger import Verdict, computed

CHAPTER = "notebooks/culture"


def _check(claim_id: str, title: str, period: tuple[str, str], place: str, what: str) -> Verdict:
    events = load("events")
    hits = events[(events["type"] == "culture") & events["title"].str.contains(title, regex=False)]
    if hits.empty:
        return Verdict(claim_id, "unverified", f"The book's chronology has no event '{title}'.", CHAPTER)
    e = hits.sort_values("date").iloc[0]
    in_period = period[0] <= e["date"] <= period[1]
    at_place = place in str(e["place"])
    verdict = "supported" if in_period and at_place else "contradicted"
    evidence = (f"The chronology ({e['event_id']}) dates {what} to {e['date']} in {e['place']}, "
                f"{'within' if in_period else 'outside'} the period the article gives "
                f"({period[0][:7]}{'' if period[0][:7] == period[1][:7] else ' to ' + period[1][:7]})"
                f"{'' if at_place else ' and at another place'}; source: {e['source'].split('. ')[0]}.")
    return Verdict(claim_id, verdict, evidence, CHAPTER)


@computed("C33")
def year_of_uzbekistan_opened() -> Verdict:
    """¶31: the Year of Uzbekistan in Kazakhstan opened in Astana in March 2018."""
    return _check("C33", "Year of Uzbekistan in Kazakhstan", ("2018-03-01", "2018-03-31"), "Astana",
                  "the opening of the Year of Uzbekistan in Kazakhstan")


@computed("C35")
def year_of_kazakhstan_2019() -> Verdict:
    """¶31: 2019 was to be the Year of Kazakhstan in Uzbekistan."""
    return _check("C35", "Year of Kazakhstan in Uzbekistan", ("2019-01-01", "2019-12-31"), "Uzbekistan",
                  "the opening of the Year of Kazakhstan in Uzbekistan")


@computed("C36")
def nomad_games_2018() -> Verdict:
    """¶32: Cholpon-Ata hosted the third World Nomad Games in September 2018."""
    return _check("C36", "Third World Nomad Games", ("2018-09-01", "2018-09-30"), "Cholpon-Ata",
                  "the opening of the third World Nomad Games")
