"""Computed verdicts of the summits chapter (notebooks/summits).

Rules (the article is dated 29 March 2019):
- C05 (¶10, first meeting in Astana on 15 March 2018): 'supported' if meeting 1 of the attendance
  table is dated 2018-03-15 and hosted by Kazakhstan, else 'contradicted'.
- C06 (¶10, the heads of all five states met): 'supported' if all five were represented by their
  head of state; 'partly supported' if all five took part but some at a lower level;
  'contradicted' if a state was absent.
- C07 (¶10, first five-party meeting 'for many years'): years since the previous leaders' summit
  of all five (in the chronology); 'supported' if at least five years.
- C08 (¶11, annual meetings on the eve of Nauryz): 'supported' if every later meeting fell within
  30 days before 21 March and no year was skipped; 'partly supported' if the decision is on record
  and meetings were held in most years but not on the eve of Nauryz; otherwise 'contradicted'.
- C09 (¶11, the next summit would be in Tashkent): 'supported' if the first meeting after the
  article was hosted in Tashkent.
"""
from __future__ import annotations

import pandas as pd

from .. import summits as sm
from ..data import load
from ..ledger import Verdict, computed

CHAPTER = "notebooks/summits"
ARTICLE_DATE = pd.Timestamp("2019-03-29")
EVE_WINDOW = 30  # days before 21 March that count as 'on the eve'
MANY_YEARS = 5


def _meetings() -> pd.DataFrame:
    return sm.promise_test(sm.meetings_from_attendance(load("summit_attendance")), EVE_WINDOW)


@computed("C05")
def first_meeting_date() -> Verdict:
    first = _meetings().iloc[0]
    ok = first["date"] == pd.Timestamp("2018-03-15") and first["host_iso3"] == "KAZ"
    return Verdict("C05", "supported" if ok else "contradicted",
                   f"The first Consultative Meeting in the book's attendance table was held in "
                   f"{first['host']} on {first['date']:%d %B %Y}.", CHAPTER)


@computed("C06")
def five_heads_in_2018() -> Verdict:
    att = load("summit_attendance")
    first = att[(att["number"] == 1) & (att["role"] == "member") & att["iso3"].isin(sm.CA5)]
    heads = int((first["attendance"] == "head_of_state").sum())
    present = int(first["attendance"].isin(["head_of_state", "other"]).sum())
    lower = first[first["attendance"] == "other"]
    if heads == len(sm.CA5):
        verdict = "supported"
    elif present == len(sm.CA5):
        verdict = "partly supported"
    else:
        verdict = "contradicted"
    who = "; ".join(f"{r.iso3} by {r.represented_by.split(',')[0]}" for r in lower.itertuples())
    return Verdict("C06", verdict,
                   f"All {present} states took part, {heads} of them at head-of-state level"
                   + (f" ({who})." if who else "."), CHAPTER)


@computed("C07")
def many_years_since() -> Verdict:
    events = load("events")
    first = _meetings().iloc[0]["date"]
    when = sm.event_dates(events["date"], events["date_precision"])
    five = events["countries"].fillna("").map(lambda s: set(sm.CA5) <= set(s.split(";")))
    earlier = events[(events["type"] == "summit") & five & (when < first)]
    last = earlier.assign(when=when).sort_values("when").iloc[-1]
    years = (first - last["when"]).days / 365.25
    verdict = "supported" if years >= MANY_YEARS else "contradicted"
    return Verdict("C07", verdict,
                   f"The previous leaders' summit of all five in the chronology was {last['event_id']} "
                   f"({last['when']:%d %B %Y}), {years:.1f} years before the Astana meeting.", CHAPTER)


@computed("C08")
def annual_on_eve_of_nauryz() -> Verdict:
    t = _meetings()
    later = t.iloc[1:]
    on_eve = int(later["on_eve"].sum())
    first_year, last_year = int(t["date"].dt.year.min()), int(t["date"].dt.year.max())
    skipped = sm.years_without(t["date"], first_year, last_year)
    n_years = last_year - first_year + 1
    median_days = sm.midpoint(later["days_from_nauryz"].astype(float))
    if on_eve == len(later) and not skipped:
        verdict = "supported"
    elif n_years - len(skipped) > n_years / 2:
        verdict = "partly supported"
    else:
        verdict = "contradicted"
    timing = (f"none of the {len(later)} later meetings" if on_eve == 0
              else f"{on_eve} of the {len(later)} later meetings")
    none_in = ", ".join(map(str, skipped)) or "no year"
    return Verdict("C08", verdict,
                   f"The decision is on record, but {timing} fell in the {EVE_WINDOW} days before "
                   f"21 March (median {median_days:.0f} days after it); meetings were held in "
                   f"{n_years - len(skipped)} of the {n_years} years {first_year}-{last_year} "
                   f"(none in {none_in}), {t['gap_months'].mean():.1f} months apart on average.",
                   CHAPTER)


@computed("C09")
def next_in_tashkent() -> Verdict:
    t = _meetings()
    nxt = t[t["date"] > ARTICLE_DATE].iloc[0]
    months = (nxt["date"] - ARTICLE_DATE).days / sm.DAYS_PER_MONTH
    verdict = "supported" if nxt["host"] == "Tashkent" else "contradicted"
    return Verdict("C09", verdict,
                   f"The next meeting was held in {nxt['host']} on {nxt['date']:%d %B %Y}, "
                   f"{months:.0f} months after the article and {nxt['days_from_nauryz']} days after that "
                   f"year's Nauryz.", CHAPTER)
