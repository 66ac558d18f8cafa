"""Verdicts of the borders chapter (notebooks/borders): rules applied to the chronology.

Each function reads the chronology (`events`) through `centralasia.borders`, whose
stated rules give every border agreement a step and count ratifications, and returns an
`Assessment` (kind "chronology"): *as written* is the status on the article's date,
29 March 2019; *since* is the status at the end of the chronology. `sources` is the
number of distinct sources behind the weakest event the finding rests on. A pair the
chronology does not cover gives `holds=None` (unverified, rule R1), never "partly".

* C23 (¶22, 'serious progress' in the legal registration of Kazakhstan's borders with its
  Central Asian neighbours): holds if, in 2017 up to the article, at least one of those borders
  moved up a step and all were at least delimited; since, if all reached a signed demarcation.
* C24 (¶23, KZ-UZ delimitation completed in 2017): holds if the pair's whole line was first
  delimited in 2017; partly if it had been delimited earlier and a 2017 junction agreement
  fixed its last stretch; no otherwise.
* C25 (¶23, KZ-TM-UZ junction agreement, Samarkand, November 2017): holds if the chronology
  dates it November 2017 in Samarkand; partly if date or place differ; no coverage if absent.
* C26 (¶23, the junction completed delimitation of Kazakhstan's whole land border): for every
  land neighbour (mledoze adjacency), the first year the chronology records its border
  delimited; holds if all were delimited by the junction agreement's year; no if one was
  not; no coverage if a neighbour has no record.
* C27 (¶24, KZ-KG demarcation and border-regime agreements, December 2017): as written, a
  demarcation treaty dated December 2017 with a regime agreement; since, whether both states
  ratified it (ratifications counted from the chronology).
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .. import borders as bd
from ..countries import CA5, name
from ..data import load
from ..ledger import computed
from ..rules import Assessment, Finding

CHAPTER = "notebooks/borders"
ARTICLE = pd.Timestamp("2019-03-29")
YEARS = range(1991, 2027)


@lru_cache(maxsize=1)
def _events() -> pd.DataFrame:
    return load("events")


@lru_cache(maxsize=1)
def _steps() -> pd.DataFrame:
    return bd.classify_events(_events())


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


def n_sources(event_ids) -> int:
    """Distinct sources behind the weakest of the events (0 if there are none).

    A legal text (a source from a legal database) meets rule R6's bar on its own, so an event
    citing one counts as two sources."""
    e = _events().set_index("event_id")
    counts = []
    for i in event_ids:
        sources = {s.strip() for s in str(e.loc[i, "source"]).split(" ; ") if s.strip()}
        counts.append(max(len(sources), 2) if any("legal database" in s for s in sources) else len(sources))
    return min(counts) if counts else 0


def _events_of(a: str, b: str, start, end) -> pd.DataFrame:
    s = _steps()
    return s[(s.iso3_a == a) & (s.iso3_b == b) & (s.effective >= pd.Timestamp(start)) & (s.effective <= pd.Timestamp(end))]


@computed("C23")
def serious_progress() -> Assessment:
    central = [p for p in kazakh_pairs() if set(p) <= set(CA5)]
    before = bd.status_on(_events(), central, "2016-12-31").set_index(["iso3_a", "iso3_b"])
    then = bd.status_on(_events(), central, ARTICLE).set_index(["iso3_a", "iso3_b"])
    now = bd.status_on(_events(), central, "2026-12-31").set_index(["iso3_a", "iso3_b"])
    moved = [p for p in central if then.loc[p, "level"] > before.loc[p, "level"]]
    used = pd.concat([_events_of(*p, "2017-01-01", ARTICLE) for p in moved])["event_id"].unique()
    delimited = [p for p in central if then.loc[p, "delimited"]]
    text = "; ".join(f"{_label(*p)} ({before.loc[p, 'step']} to {then.loc[p, 'step']})" for p in moved) or "none"
    as_written = Finding("chronology", "yes" if moved and len(delimited) == len(central) else "partly" if moved else "no",
                         f"Between January 2017 and the article {len(moved)} of Kazakhstan's {len(central)} borders with "
                         f"Central Asian states moved up a step in the chronology ({text}); {len(delimited)} of "
                         f"{len(central)} were delimited.", sources=n_sources(used))
    signed = [p for p in central if now.loc[p, "demarcation_signed"]]
    ratified = [p for p in central if now.loc[p, "demarcation_ratified"]]
    later = pd.concat([_events_of(*p, ARTICLE, "2026-12-31") for p in central])
    since = Finding("chronology", "yes" if len(signed) == len(central) else "partly",
                    f"By the end of the chronology {len(signed)} of the {len(central)} borders had a signed demarcation "
                    f"and {len(ratified)} a demarcation ratified by both states or in force.",
                    sources=n_sources(later[later.step.isin(bd.STEPS + bd.ACTS)]["event_id"].unique()) or None)
    return Assessment("C23", CHAPTER, as_written, since)


def _kz_uz() -> Finding:
    s = kazakh_status()
    year = bd.first_year(s, "KAZ", "UZB", "delimited")
    in_2017 = _events_of("KAZ", "UZB", "2017-01-01", "2017-12-31")
    junction = in_2017[in_2017.step == "tripoint"]
    if year == 2017:
        holds, ids = "yes", in_2017["event_id"]
    elif year is not None and year < 2017 and len(junction):
        holds, ids = "partly", junction["event_id"]
    else:
        holds, ids = "no", in_2017["event_id"]
    done = _events_of("KAZ", "UZB", "1991-01-01", f"{year or 2026}-12-31")
    first = done[done.step == "delimited"]["event_id"].tolist()
    summary = (f"The chronology records the Kazakhstan-Uzbekistan line delimited by {year} ({', '.join(first)}); the 2017 "
               f"event for the pair is {', '.join(junction['event_id']) or 'none'}, the three-state junction agreement, "
               "which fixed the last stretch, from the junction to border point 125 of the 2001 treaty: the article "
               "dates the completion, not the delimitation of the line.")
    return Finding("chronology", holds, summary, sources=n_sources(list(ids) + first))


@computed("C24")
def kz_uz_delimitation_2017() -> Assessment:
    f = _kz_uz()
    return Assessment("C24", CHAPTER, f, f)


@computed("C25")
def junction_samarkand() -> Assessment:
    e = _events()
    steps = _steps()
    trip = steps[(steps.step == "tripoint") & (steps.iso3_a == "KAZ") & (steps.iso3_b == "TKM")]
    trip = e[e.event_id.isin(trip.event_id) & e.countries.str.contains("UZB")]
    if trip.empty:
        f = Finding("chronology", None, "The chronology has no Kazakhstan-Turkmenistan-Uzbekistan junction agreement.")
        return Assessment("C25", CHAPTER, f, f)
    row = trip.sort_values("date").iloc[0]
    right = str(row["date"]).startswith("2017-11") and "samarkand" in str(row["place"]).lower()
    f = Finding("chronology", "yes" if right else "partly",
                f"The chronology dates the junction agreement ({row['event_id']}) {row['date']} in {row['place']}.",
                sources=n_sources([row["event_id"]]))
    return Assessment("C25", CHAPTER, f, f)


@computed("C26")
def whole_perimeter() -> Assessment:
    s = kazakh_status()
    rows = []
    for a, b in kazakh_pairs():
        year = bd.first_year(s, a, b, "delimited")
        done = _events_of(a, b, "1991-01-01", f"{year}-12-31") if year else _events_of(a, b, "1991-01-01", "1990-01-01")
        ids = done[done.step.isin(["delimited", "demarcation signed"])]["event_id"].tolist()[:1]
        rows.append((b if a == "KAZ" else a, year, ids))
    text = "; ".join(f"{name(o)} {y if y is not None else 'no agreement recorded'}" for o, y, _ in rows)
    if any(y is None for _, y, _ in rows):
        holds = None
    else:
        holds = "yes" if all(y <= 2017 for _, y, _ in rows) else "no"
    f = Finding("chronology", holds,
                f"First year each of Kazakhstan's land borders is recorded as delimited: {text}. The Factbook (2017) "
                "agrees for China (demarcation completed 2002) and Russia (demarcation begun 2007); the 2017 junction "
                "agreement fixed the last land stretch, and the Caspian border with Turkmenistan (2021) is a sea border.",
                sources=n_sources([i for *_, ids in rows for i in ids]) if holds else None)
    return Assessment("C26", CHAPTER, f, f)


@computed("C27")
def kz_kg_demarcation_dec_2017() -> Assessment:
    e = _events()
    hit = _events_of("KAZ", "KGZ", "1991-01-01", "2026-12-31")
    signed = hit[hit.step == "demarcation signed"]
    if signed.empty:
        f = Finding("chronology", None, "No Kazakhstan-Kyrgyzstan demarcation agreement in the chronology.")
        return Assessment("C27", CHAPTER, f, f)
    row = e[e.event_id == signed.iloc[0]["event_id"]].iloc[0]
    regime = "regime" in f"{row['title']} {row['description']}".lower()
    right = str(row["date"]).startswith("2017-12")
    as_written = Finding("chronology", "yes" if right and regime else "partly",
                         f"The chronology records the demarcation treaty ({row['event_id']}) on {row['date']} in "
                         f"{row['place']}" + (", with a border-regime agreement." if regime else ", but no regime agreement."),
                         sources=n_sources([row["event_id"]]))
    rat = hit[(hit.step == "ratification") & (hit.instrument == "demarcation")]
    by = sorted(set(rat["ratified_by"]))
    since = Finding("chronology", "yes" if set(by) >= {"KAZ", "KGZ"} else "partly" if by else "no",
                    "Ratifications of the treaty in the chronology: "
                    + ("; ".join(f"{name(r.ratified_by)} {r.date} ({r.event_id})" for r in rat.itertuples()) or "none")
                    + ". No exchange of ratification instruments is recorded.",
                    sources=n_sources(rat["event_id"]) if len(rat) else None)
    return Assessment("C27", CHAPTER, as_written, since)
