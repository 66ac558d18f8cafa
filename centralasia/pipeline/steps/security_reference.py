"""Curated, sourced reference tables of the security chapter (no dataset has them).

- `ukraine_votes`: how the five, Russia, China and Azerbaijan voted on four General Assembly
  resolutions on the war in Ukraine, 2022-2023 (the roll-call data in the book stop in 2019).
- `security_alignments`: CSTO and SCO membership, the January 2022 CSTO deployment to Kazakhstan and
  each state's stance towards the Taliban government after 2021.
- `security_counterevidence`: dated events that count against (or qualify) the article's picture
  of shared approaches to security.

Every row carries its sources. Where no source was found the value is `not found`, never a guess.
No raw file is read: these are the book's own compilation (CC BY 4.0), like the country table.
"""
from __future__ import annotations

import pandas as pd

from ...countries import known
from ...errors import DataError
from ...paths import REFERENCE_DIR
from ...schema import CC_BY_4, Field, Resource, iso3

UKRAINE = "ukraine_votes.csv"
ALIGNMENTS = "security_alignments.csv"
COUNTER = "security_counterevidence.csv"
VOTES = ("yes", "no", "abstain", "absent", "not found")
ITEMS = {"csto": "Collective Security Treaty Organization (CSTO)", "sco": "Shanghai Cooperation Organisation (SCO)",
         "csto_2022": "CSTO deployment to Kazakhstan, January 2022",
         "taliban": "Stance towards the Taliban government after August 2021"}
TOPICS = ("alliances", "water", "afghanistan", "regional")
_source = Field("source", "string", "Sources, each 'Title. Publisher. Date. URL', ' ; '-separated", required=True)
_common = dict(licence=CC_BY_4, citation="security_reference", sources=())

RESOURCES = [
    Resource(
        name="ukraine_votes",
        title="Votes on four UN General Assembly resolutions on Ukraine, 2022-2023 (curated)",
        description="One row per resolution and state: the vote as reported, the Assembly's totals, sources.",
        fields=(
            Field("resolution", "string", "Resolution symbol (A/RES/ES-11/...)", required=True),
            Field("date", "date", "Date of the vote", required=True),
            Field("title", "string", "Title of the resolution", required=True),
            Field("yes_total", "integer", "States voting yes", unit="states", required=True, minimum=0),
            Field("no_total", "integer", "States voting no", unit="states", required=True, minimum=0),
            Field("abstain_total", "integer", "States abstaining", unit="states", required=True, minimum=0),
            iso3(),
            Field("vote", "string", "Vote as reported; 'not found' where no source names it", required=True,
                  enum=VOTES),
            _source,
            Field("totals_source", "string", "Source of the totals", required=True),
        ),
        primary_key=("resolution", "iso3"),
        coverage="A/RES/ES-11/1, ES-11/3, ES-11/4, ES-11/6; the five, Russia, China, Azerbaijan",
        caveats=("Compiled from news reports and reference works that list the recorded vote; the UN's own "
                 "press releases (GA/12407 etc.) were not found in the stored pages searched.",),
        **_common),
    Resource(
        name="security_alignments",
        title="Security alignments of the five: CSTO, SCO, the 2022 CSTO deployment, the Taliban (curated)",
        description="One row per item and state: the state's status, with sources.",
        fields=(
            Field("item", "string", "; ".join(f"{k} = {v}" for k, v in ITEMS.items()), required=True,
                  enum=tuple(ITEMS)),
            iso3(),
            Field("status", "string", "Status as the sources describe it", required=True),
            _source,
        ),
        primary_key=("item", "iso3"),
        coverage="The five Central Asian states; status as of the latest source",
        caveats=("Stances towards the Taliban change; the sources date from 2023-2024.",),
        **_common),
    Resource(
        name="security_counterevidence",
        title="Dated events that qualify shared approaches to security, 2012-2025 (curated)",
        description="Alliance splits, water disputes, divergent Afghan policies and the 2025 security concept.",
        fields=(
            Field("date", "date", "Date of the event", required=True),
            Field("date_precision", "string", "day, month or year", required=True, enum=("day", "month", "year")),
            Field("topic", "string", "What the event bears on", required=True, enum=TOPICS),
            Field("countries", "string", "ISO3 codes of the states involved, ';'-separated", required=True),
            Field("description", "string", "What happened, in the book's words", required=True),
            _source,
        ),
        primary_key=("date", "topic"),
        coverage="2012-2025",
        caveats=("A selection of the most-cited events, not a census.",),
        **_common),
]


def _read(name: str) -> pd.DataFrame:
    frame = pd.read_csv(REFERENCE_DIR / name, dtype=str, keep_default_na=False)
    if (frame["source"].str.strip() == "").any():
        raise DataError(name, "a row has no source", column="source")
    if "iso3" in frame.columns:
        bad = sorted({c for c in frame["iso3"] if not known(c)})
        if bad:
            raise DataError(name, f"unknown country codes {bad}", column="iso3")
    return frame


def run(raw) -> dict[str, pd.DataFrame]:
    votes = _read(UKRAINE)
    if not votes["vote"].isin(VOTES).all():
        raise DataError(UKRAINE, f"vote outside {VOTES}", column="vote")
    for col in ("yes_total", "no_total", "abstain_total"):
        votes[col] = votes[col].astype(int)
    totals = votes.groupby("resolution")[["date", "yes_total", "no_total", "abstain_total"]].nunique()
    if (totals > 1).any(axis=None):
        raise DataError(UKRAINE, "a resolution has more than one date or set of totals", column="resolution")
    if ((votes["yes_total"] + votes["no_total"] + votes["abstain_total"]) > 193).any():
        raise DataError(UKRAINE, "totals exceed the 193 members", column="yes_total")
    alignments = _read(ALIGNMENTS)
    if not alignments["item"].isin(ITEMS).all():
        raise DataError(ALIGNMENTS, f"item outside {tuple(ITEMS)}", column="item")
    counter = _read(COUNTER)
    codes = {c for cs in counter["countries"] for c in cs.split(";")}
    if not all(known(c) for c in codes):
        raise DataError(COUNTER, "unknown country codes", column="countries")
    return {"ukraine_votes": votes, "security_alignments": alignments, "security_counterevidence": counter}
