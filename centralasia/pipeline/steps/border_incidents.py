"""Border incidents and frictions that are not agreements or clashes of the chronology.

Published counts of border incidents, Kazakhstan's restrictions on the Kyrgyz border
(2017, 2019) and Kyrgyzstan's complaint to the WTO, the 2022 displacement and the
Kempir-Abad arrests: small curated figures with no dataset behind them, kept in
`centralasia/reference/border_incidents.csv` with a source for every row. A count
is what its source counted; an empty value means the source gives no number.
"""
from __future__ import annotations

import pandas as pd

from ...paths import REFERENCE_DIR
from ...schema import CC_BY_4, Field, Resource, iso3

KINDS = ("incident count", "trade restriction", "trade complaint", "displacement", "arrests")

RESOURCES = [
    Resource(
        name="border_incidents",
        title="Border incidents and frictions between the five, 2014-2022: published counts and figures",
        description="One row per sourced figure: incident counts for a year, border restrictions, a WTO "
                    "complaint, displacement and arrests, each with what it counts and its sources.",
        fields=(
            Field("incident_id", "string", "Identifier", required=True),
            Field("date", "string", "ISO 8601 date at the precision given", required=True),
            Field("date_precision", "string", "day, month or year", required=True, enum=("day", "month", "year")),
            iso3("iso3_a", "First state concerned (ISO 3166-1 alpha-3)"),
            Field("iso3_b", "string", "Second state, empty when the figure covers all of the first state's borders"),
            Field("kind", "string", "Kind of figure", required=True, enum=KINDS),
            Field("value", "integer", "The figure the source gives (empty if none)", minimum=0),
            Field("unit", "string", "What the figure counts"),
            Field("description", "string", "What the source says, in our words", required=True),
            Field("source", "string", "Sources, ' ; '-separated", required=True),
        ),
        primary_key=("incident_id",),
        sources=(),
        coverage="Figures found in the sources searched for the borders chapter; not a census of incidents",
        caveats=("Counts come from different counters (a researcher's blog, a Kyrgyz official) and are not "
                 "a series.", "Absence of a year is absence of a source, not of incidents."),
        licence=CC_BY_4, citation="facts_ledger"),
]


def run(raw) -> dict[str, pd.DataFrame]:
    frame = pd.read_csv(REFERENCE_DIR / "border_incidents.csv", dtype=str, keep_default_na=False)
    frame["value"] = pd.to_numeric(frame["value"].replace("", pd.NA), errors="raise").astype("Int64")
    return {"border_incidents": frame}
