"""Rule-based assessments of the summits chapter (notebooks/summits), on the book's curated chronology
and Consultative Meetings table (evidence kind "chronology"). Both grades come from `rules.grade()`.

The article is dated 29 March 2019. Standards:
- C04 (¶9, caption "Leaders of the Central Asian states in Astana, July 6, 2018") and C06 (¶10, the
  March 2018 "Meeting of the Presidents of Central Asia" in the five-party format) are judged by the same
  rule: the event took place on the date and in the place given ("partly" otherwise "no"), and it holds in
  full only if all five states' heads of state were there; a missing president makes it "partly".
- C05 (¶10, first meeting in Astana on 15 March 2018): meeting 1 of the table on that date in Kazakhstan.
- C07 (¶10, first in this format "for many years"): years since the previous held summit of the five alone
  in the chronology; "yes" if at least MANY_YEARS.
- C08 (¶11, decision): as written, whether the chronology records the decision to meet annually on the eve
  of Nauryz (in at least two independent reports); since, whether it was carried out: "yes" if every later
  meeting fell within EVE_WINDOW days before 21 March and no year was skipped, "partly" if meetings were held
  in most years but not on the eve, "no" otherwise.
- C09 (¶11, a summit in Tashkent being prepared): as written, whether the chronology records the
  preparation before the article; since, whether the next meeting was held in Tashkent.
Facts (C04-C07) do not change after the article: their "since" finding repeats the "as written" one.
"""
from __future__ import annotations

import pandas as pd

from .. import summits as sm
from ..data import load
from ..ledger import computed
from ..rules import Assessment, Finding

CHAPTER = "notebooks/summits"
ARTICLE_DATE = pd.Timestamp("2019-03-29")
EVE_WINDOW = 30  # days before 21 March that count as 'on the eve'
MANY_YEARS = 5
# Reports, in the chronology's sources, that record the 2018 decision to meet annually before Nauryz
# (MIR 24) and the planned Tashkent meeting of March 2019 (the foreign ministers' statement of July 2018).
DECISION_HOSTS = ("imgtest.mir24.tv", "old.gov.uz")


def _events() -> pd.DataFrame:
    return load("events").set_index("event_id", drop=False)


def _meetings() -> pd.DataFrame:
    return sm.promise_test(sm.meetings_from_attendance(load("summit_attendance")), EVE_WINDOW)


def _both(claim: str, finding: Finding) -> Assessment:
    return Assessment(claim, CHAPTER, as_written=finding, since=finding)


def _presence(states: set[str]) -> tuple[str, str]:
    missing = sorted(set(sm.CA5) - states)
    return ("yes" if not missing else "partly"), (", ".join(missing) or "none")


@computed("C04")
def caption_6_july_2018() -> Assessment:
    ev = _events().loc["E038"]
    states = set(ev["countries"].split(";"))
    holds, missing = _presence(states)
    if ev["date"] != "2018-07-06" or "Astana" not in ev["place"]:
        holds = "no"
    return _both("C04", Finding(
        kind="chronology", holds=holds, sources=sm.n_sources(ev["source"]),
        summary=f"The chronology records {ev['event_id']} on {pd.Timestamp(ev['date']):%d %B %Y} in Astana, a "
                f"{ev['classification']} with {len(states)} of the {len(sm.CA5)} states' presidents (host "
                f"included); not present: {missing}."))


@computed("C05")
def first_meeting_date() -> Assessment:
    first = _meetings().iloc[0]
    ok = first["date"] == pd.Timestamp("2018-03-15") and first["host_iso3"] == "KAZ"
    return _both("C05", Finding(
        kind="chronology", holds="yes" if ok else "no", sources=sm.n_sources(_events().loc["E036", "source"]),
        summary=f"The first Consultative Meeting in the book's attendance table was held in {first['host']} on "
                f"{first['date']:%d %B %Y}."))


@computed("C06")
def five_heads_in_2018() -> Assessment:
    att = load("summit_attendance")
    first = att[(att["number"] == 1) & (att["role"] == "member") & att["iso3"].isin(sm.CA5)]
    heads = set(first.loc[first["attendance"] == "head_of_state", "iso3"])
    present = int(first["attendance"].isin(["head_of_state", "other"]).sum())
    holds, missing = _presence(heads)
    if present < len(sm.CA5):
        holds = "no"
    lower = first[first["attendance"] == "other"]
    who = "; ".join(f"{r.iso3} by {r.represented_by.split(',')[0]}" for r in lower.itertuples())
    return _both("C06", Finding(
        kind="chronology", holds=holds, sources=sm.n_sources(_events().loc["E036", "source"]),
        summary=f"All {present} states took part, {len(heads)} of them at head-of-state level"
                + (f" ({who})" if who else "") + f"; presidents not present: {missing}."))


@computed("C07")
def many_years_since() -> Assessment:
    first = _meetings().iloc[0]["date"]
    last = sm.five_party_before(load("events"), first)
    years = (first - last["when"]).days / 365.25
    return _both("C07", Finding(
        kind="chronology", holds="yes" if years >= MANY_YEARS else "no", sources=sm.n_sources(last["source"]),
        summary=f"The previous held summit of the five alone in the chronology is {last['event_id']} "
                f"({last['title']}, {last['when']:%B %Y}), {years:.1f} years before the Astana meeting."))


@computed("C08")
def annual_on_eve_of_nauryz() -> Assessment:
    ev = _events()
    hosts = {h for text in ev["source"] for h in DECISION_HOSTS if h in text}
    written = Finding(
        kind="chronology", holds="yes" if hosts else None, sources=len(hosts),
        summary=f"The decision to meet every year on the eve of Nauryz is recorded in {len(hosts)} independent "
                f"reports in the chronology's sources (the March 2018 report of the meeting and the July 2018 "
                f"foreign ministers' statement expecting the next meeting in Tashkent in March 2019).")
    t = _meetings()
    later = t.iloc[1:]
    on_eve = int(later["on_eve"].sum())
    first_year, last_year = int(t["date"].dt.year.min()), int(t["date"].dt.year.max())
    skipped = sm.years_without(t["date"], first_year, last_year)
    n_years = last_year - first_year + 1
    if on_eve == len(later) and not skipped:
        holds = "yes"
    elif n_years - len(skipped) > n_years / 2:
        holds = "partly"
    else:
        holds = "no"
    median_days = sm.midpoint(later["days_from_nauryz"].astype(float))
    none_in = ", ".join(map(str, skipped)) or "no year"
    since = Finding(
        kind="chronology", holds=holds, sources=min(sm.n_sources(s) for s in ev.loc[ev["title"].str.contains(
            "Consultative Meeting of Central Asian heads of state"), "source"]),
        summary=f"{on_eve} of the {len(later)} later meetings fell in the {EVE_WINDOW} days before 21 March "
                f"(median {median_days:.0f} days after it); meetings were held in {n_years - len(skipped)} of "
                f"the {n_years} years {first_year}-{last_year} (none in {none_in}).")
    return Assessment("C08", CHAPTER, as_written=written, since=since)


@computed("C09")
def next_in_tashkent() -> Assessment:
    ev = _events()
    prepared = [h for h in DECISION_HOSTS if ev["source"].str.contains(h, regex=False).any()]
    written = Finding(
        kind="chronology", holds="yes" if prepared else None, sources=len(prepared),
        summary="Before the article, the chronology's sources record the next meeting planned for Tashkent "
                "(the March 2018 meeting report and the July 2018 foreign ministers' statement).")
    t = _meetings()
    nxt = t[t["date"] > ARTICLE_DATE].iloc[0]
    months = (nxt["date"] - ARTICLE_DATE).days / sm.DAYS_PER_MONTH
    since = Finding(
        kind="chronology", holds="yes" if nxt["host"] == "Tashkent" else "no",
        sources=sm.n_sources(ev.loc["E045", "source"]),
        summary=f"The next meeting was held in {nxt['host']} on {nxt['date']:%d %B %Y}, {months:.0f} months "
                f"after the article and {nxt['days_from_nauryz']} days after that year's Nauryz.")
    return Assessment("C09", CHAPTER, as_written=written, since=since)
