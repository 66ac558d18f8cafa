"""Worldwide Governance Indicators (2020 update): political stability and rule of law, 1996-2019.

Each estimate comes with its standard error: a WGI score is a point in a
band, and the chapter draws the band.
"""
from __future__ import annotations

import pandas as pd

from ...countries import select, to_iso3
from ...errors import DataError
from ...schema import CC_BY_4, Field, Resource, iso3, year

SOURCE = "wgi/wgi_2020_release_1996_2019_subset.csv"
INDICATORS = {"PV": "Political Stability and Absence of Violence/Terrorism", "RL": "Rule of Law"}

RESOURCES = [
    Resource(
        name="wgi",
        title="Worldwide Governance Indicators: political stability and rule of law (2020 update)",
        description="WGI estimate (standard normal units, roughly -2.5 to 2.5), its standard error, the "
                    "number of underlying sources and the percentile rank among all countries.",
        fields=(
            iso3(), year(lo=1996, hi=2019),
            Field("indicator", "string", "PV = " + INDICATORS["PV"] + "; RL = " + INDICATORS["RL"],
                  required=True, enum=tuple(INDICATORS)),
            Field("estimate", "number", "Governance estimate", unit="standard normal units",
                  required=True, minimum=-3.5, maximum=3.5),
            Field("std_err", "number", "Standard error of the estimate", unit="standard normal units",
                  required=True, minimum=0),
            Field("n_sources", "integer", "Number of data sources the estimate draws on", required=True, minimum=1),
            Field("percentile_rank", "number", "Percentile rank among all countries (0 = lowest)",
                  unit="percentile", required=True, minimum=0, maximum=100),
        ),
        primary_key=("iso3", "indicator", "year"),
        sources=(SOURCE,),
        licence=CC_BY_4,
        citation="wgi_kkm",
        coverage="Countries of the table in the source; 1996, 1998, 2000, 2002-2019",
        caveats=("Perception-based composites: year-to-year changes are rarely larger than the uncertainty.",
                 "Each WGI release re-estimates the whole series; do not mix releases.")),
]


def run(raw) -> dict[str, pd.DataFrame]:
    frame = raw.csv(SOURCE)
    frame = frame[pd.Series(select(frame["country"], "name"), index=frame.index) & frame["indicator"].isin(INDICATORS)]
    if list(to_iso3(frame["country"], "name", SOURCE)) != list(frame["iso3"]):
        raise DataError(SOURCE, "names and the added iso3 column disagree", column="iso3")
    frame = frame.dropna(subset=["estimate"]).copy()
    frame["n_sources"] = frame["n_sources"].round().astype("int64")
    return {"wgi": frame}
