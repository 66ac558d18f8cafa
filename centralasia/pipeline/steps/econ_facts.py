"""Sourced facts for the trade and economy chapters that no dataset holds.

The water-energy projects (Rogun, Kambarata-1, CASA-1000), the resumption of
Tajik power exports to Uzbekistan in 2018, the Eurasian Economic Union's
membership, the autumn-2017 Kazakh-Kyrgyz border controls, the post-2022
re-export boom and officials' statements on trade and investment figures are
kept in a curated table, `centralasia/reference/econ_facts.csv`, one row per
value with its own sources (found with the book's search tools; each URL is
in the row). Nothing is estimated: a value is what the source states.
"""
from __future__ import annotations

import re

import pandas as pd

from ...countries import known
from ...errors import DataError
from ...paths import REFERENCE_DIR
from ...schema import CC_BY_4, Field, Resource

FILE = "econ_facts.csv"
TOPICS = ("water_energy", "trade_context", "trade_share", "fdi")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_URL = re.compile(r"https?://\S+")

RESOURCES = [
    Resource(
        name="econ_facts",
        title="Sourced facts on water and energy, trade context and investment statements (book's compilation)",
        description="One row per stated value: the water-energy projects and power trade of the upstream "
                    "states, the Eurasian Economic Union's Central Asian members, the 2017 Kazakh-Kyrgyz "
                    "border controls, the post-2022 re-export boom, and officials' figures on trade and "
                    "investment, each with its sources.",
        fields=(
            Field("fact_id", "string", "Identifier (W = water-energy, T = trade context and published trade shares, F = FDI)", required=True),
            Field("topic", "string", "Topic", required=True, enum=TOPICS),
            Field("subject", "string", "Country (ISO3) or pair of countries (ISO3-ISO3) concerned, or CA5",
                  required=True),
            Field("date", "string", "Date of the event or of the statement (YYYY, YYYY-MM or YYYY-MM-DD)",
                  required=True),
            Field("statement", "string", "What the sources state, paraphrased", required=True),
            Field("value", "number", "The value the sources state, in `unit`", required=True),
            Field("unit", "string", "Unit of `value`", required=True),
            Field("source", "string", "Sources, each 'Title. Publisher. Date. URL', ' ; '-separated",
                  required=True),
        ),
        primary_key=("fact_id",),
        sources=(),
        licence=CC_BY_4,
        citation="econ_facts",
        coverage="Facts dated 2012-2025 for the five Central Asian states and their neighbours",
        caveats=("Values are as stated by officials or reported by news outlets; several are rounded "
                 "figures from speeches.",
                 "Officials' figures on trade and investment are quotations, not statistics: the book "
                 "never sums figures from different speakers into a series."),
    ),
]


def check(frame: pd.DataFrame, file: str = FILE) -> pd.DataFrame:
    """Validate the curated table: dates, subjects, sources with URLs, unique ids."""
    if frame["fact_id"].duplicated().any():
        raise DataError(file, f"duplicate fact ids {sorted(frame.loc[frame['fact_id'].duplicated(), 'fact_id'])}",
                        column="fact_id")
    bad_dates = sorted(frame.loc[~frame["date"].str.match(_DATE), "fact_id"])
    if bad_dates:
        raise DataError(file, f"dates not YYYY, YYYY-MM or YYYY-MM-DD in {bad_dates}", column="date")
    codes = {c for s in frame["subject"] for c in s.split("-") if c != "CA5"}
    unknown = sorted(c for c in codes if not known(c))
    if unknown:
        raise DataError(file, f"unknown country codes {unknown}", column="subject")
    no_url = sorted(frame.loc[~frame["source"].str.contains(_URL), "fact_id"])
    if no_url:
        raise DataError(file, f"facts without a source URL: {no_url}", column="source")
    bad_topic = sorted(set(frame["topic"]) - set(TOPICS))
    if bad_topic:
        raise DataError(file, f"unknown topics {bad_topic}", column="topic")
    values = pd.to_numeric(frame["value"], errors="coerce")
    if values.isna().any():
        raise DataError(file, f"non-numeric values in {sorted(frame.loc[values.isna(), 'fact_id'])}", column="value")
    return frame.assign(value=values)


def run(raw) -> dict[str, pd.DataFrame]:
    frame = pd.read_csv(REFERENCE_DIR / FILE, dtype=str, keep_default_na=False)
    return {"econ_facts": check(frame)}
