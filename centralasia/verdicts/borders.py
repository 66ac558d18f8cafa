"""Computed verdicts of the borders chapter (notebooks/borders).

Each verdict reads the chronology (`events`) through `centralasia.borders`, whose
stated rules give every border agreement a step (partly delimited, delimited,
demarcation signed, demarcation in force; tripoints and announcements are
markers). Rules per claim:

* C23 (¶22, 'serious progress' on Kazakhstan's borders with the region): supported if,
  in 2017-2018, at least one of Kazakhstan's Central Asian borders moved up a step
  and all of them were at least delimited by the end of 2018; partly supported if
  only one of the two holds; otherwise contradicted.
* C24 (¶23, KZ-UZ delimitation completed in 2017): supported if the pair first
  reached 'delimited' in 2017; partly supported if it did so earlier (2017 then
  only closed a remaining piece, e.g. the tripoint); contradicted if later or never.
* C25 (¶23, KZ-TM-UZ junction agreement, Samarkand, November 2017): supported if the
  chronology has a tripoint agreement of the three dated November 2017 in Samarkand;
  partly supported if the date or place differ; unverified if absent.
* C26 (¶23, the junction completed delimitation of Kazakhstan's whole land border):
  supported only if every land neighbour of Kazakhstan (mledoze adjacency) had
  reached 'delimited' by the end of 2017 in the chronology; partly supported if all
  its Central Asian borders had but the chronology does not cover the others;
  contradicted if a Central Asian border had not.
* C27 (¶24, KZ-KG demarcation agreement, December 2017): supported if a
  'demarcation signed' event for the pair is dated December 2017; partly supported
  if it is dated otherwise; unverified if absent.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .. import borders as bd
from ..countries import CA5, name
from ..data import load
from ..ledger import Verdict, computed

CHAPTER = "notebooks/borders"
YEARS = range(1991, 2027)


@lru_cache(maxsize=1)
def _events() -> pd.DataFrame:
    return load("events")


@lru_cache(maxsize=1)
def kazakh_pairs() -> tuple[tuple[str, str], ...]:
    adj = load("mledoze_adjacency")
    neighbours = sorted(adj.loc[adj["iso3"] == "KAZ", "neighbour_iso3"])
    return tuple(tuple(sorted(("KAZ", n))) for n in neighbours)  # type: ignore[misc]


@lru_cache(maxsize=1)
def kazakh_status() -> pd.DataFrame:
    return bd.status_by_year(_events(), list(kazakh_pairs()), YEARS)


def _label(a: str, b: str) -> str:
    return f"{name(a)}-{name(b)}"


@computed("C23")
def serious_progress() -> Verdict:
    s = kazakh_status()
    central = [p for p in kazakh_pairs() if set(p) <= set(CA5)]
    moved, delimited = [], []
    for a, b in central:
        mine = s[(s.iso3_a == a) & (s.iso3_b == b)].set_index("year")
        if mine.loc[2018, "level"] > mine.loc[2016, "level"]:
            moved.append(f"{_label(a, b)} ({mine.loc[2016, 'step']} to {mine.loc[2018, 'step']})")
        if mine.loc[2018, "level"] >= bd.STEPS.index("delimited"):
            delimited.append(_label(a, b))
    ok = [bool(moved), len(delimited) == len(central)]
    verdict = "supported" if all(ok) else "partly supported" if any(ok) else "contradicted"
    evidence = (f"In 2017-2018 {len(moved)} of Kazakhstan's {len(central)} borders with Central Asian states moved "
                f"up a step in the chronology: {'; '.join(moved) or 'none'}; {len(delimited)} of {len(central)} "
                "were at least delimited by the end of 2018.")
    return Verdict("C23", verdict, evidence, CHAPTER)


@computed("C24")
def kz_uz_delimitation_2017() -> Verdict:
    s = kazakh_status()
    year = bd.first_year(s, "KAZ", "UZB", "delimited")
    steps = bd.classify_events(_events())
    in_2017 = steps[(steps.iso3_a == "KAZ") & (steps.iso3_b == "UZB") & (steps.year == 2017)]
    if year == 2017:
        verdict = "supported"
    elif year is not None and year < 2017:
        verdict = "partly supported"
    else:
        verdict = "contradicted"
    done_2017 = ", ".join(f"{r.event_id} ({r.step})" for r in in_2017.itertuples()) or "none"
    demarc = bd.first_year(s, "KAZ", "UZB", "demarcation in force")
    evidence = (f"By the chronology's rules the Kazakhstan-Uzbekistan border was first fully delimited in {year}; "
                f"the 2017 events for the pair are {done_2017}, i.e. the three-state junction, not the bilateral line. "
                f"Demarcation came into force in {demarc}.")
    return Verdict("C24", verdict, evidence, CHAPTER)


@computed("C25")
def junction_samarkand() -> Verdict:
    e = _events()
    steps = bd.classify_events(e)
    trip = steps[(steps.step == "tripoint") & (steps.iso3_a == "KAZ") & (steps.iso3_b == "TKM")]
    trip = e[e.event_id.isin(trip.event_id) & e.countries.str.contains("UZB")]
    if trip.empty:
        return Verdict("C25", "unverified", "The chronology has no KZ-TM-UZ junction agreement.", CHAPTER)
    row = trip.sort_values("date").iloc[0]
    right_date = str(row["date"]).startswith("2017-11")
    right_place = "samarkand" in str(row["place"]).lower()
    verdict = "supported" if right_date and right_place else "partly supported"
    evidence = (f"The chronology dates the KZ-TM-UZ junction agreement ({row['event_id']}) {row['date']} in "
                f"{row['place']} (confidence: {row['confidence']}).")
    return Verdict("C25", verdict, evidence, CHAPTER)


@computed("C26")
def whole_perimeter() -> Verdict:
    s = kazakh_status()
    rows = []
    for a, b in kazakh_pairs():
        other = b if a == "KAZ" else a
        rows.append((other, bd.first_year(s, a, b, "delimited")))
    central = [(o, y) for o, y in rows if o in CA5]
    outside = [(o, y) for o, y in rows if o not in CA5]
    central_ok = all(y is not None and y <= 2017 for _, y in central)
    outside_ok = all(y is not None and y <= 2017 for _, y in outside)
    verdict = "supported" if central_ok and outside_ok else "partly supported" if central_ok else "contradicted"
    text = "; ".join(f"{name(o)} {y if y is not None else 'no agreement recorded'}" for o, y in rows)
    evidence = (f"First year each of Kazakhstan's land borders was fully delimited in the chronology: {text}. "
                "The chronology does not cover the Russian and Chinese borders, so the whole perimeter "
                "cannot be confirmed from it.")
    return Verdict("C26", verdict, evidence, CHAPTER)


@computed("C27")
def kz_kg_demarcation_dec_2017() -> Verdict:
    e = _events()
    steps = bd.classify_events(e)
    hit = steps[(steps.iso3_a == "KAZ") & (steps.iso3_b == "KGZ") & (steps.step == "demarcation signed")]
    if hit.empty:
        return Verdict("C27", "unverified", "No Kazakhstan-Kyrgyzstan demarcation agreement in the chronology.",
                       CHAPTER)
    row = e[e.event_id == hit.iloc[0]["event_id"]].iloc[0]
    verdict = "supported" if str(row["date"]).startswith("2017-12") else "partly supported"
    regime = "regime" in f"{row['title']} {row['description']}".lower()
    evidence = (f"The chronology records the Kazakhstan-Kyrgyzstan demarcation treaty ({row['event_id']}) on "
                f"{row['date']} in {row['place']}"
                + (", with a border-regime agreement signed at the same time." if regime else
                   "; it records no border-regime agreement."))
    return Verdict("C27", verdict, evidence, CHAPTER)
