"""IMF World Economic Outlook, April 2019 vintage: what was known (and expected) in spring 2019.

The vintage is kept as it was: each value carries the year after which the
IMF's figures for that country and series were estimates or projections
(`estimates_start_after`, from the WEO notes), so the chapter can compare
expectations with outturns and never mistake a 2019 forecast for data.
"""
from __future__ import annotations

import pandas as pd

from ...countries import select, to_iso3
from ...errors import DataError
from ...schema import Field, Licence, Resource, iso3, year

DATA = "imf-weo-2019apr/weo_2019apr_long.csv"
NOTES = "imf-weo-2019apr/weo_2019apr_notes.csv"
IMF_TERMS = Licence("IMF-Copyright-Usage", "IMF Copyright and Usage terms (reuse with attribution)",
                    "https://www.imf.org/external/terms.htm")

# WEO subject code -> (indicator, unit, multiplier to the unit)
KEEP = {
    "ngdp_rpch": ("gdp_growth_pct", "% per year", 1.0),
    "ngdpd": ("gdp_usd_bn", "US$ billion", 1.0),
    "ngdpdpc": ("gdp_per_capita_usd", "US$ per person", 1.0),
    "lp": ("population_m", "million persons", 1.0),
    "pppsh": ("ppp_share_world_pct", "% of world GDP (PPP)", 1.0),
}
INDICATORS = tuple(sorted(v[0] for v in KEEP.values()))
FIRST_YEAR = 2000  # the chapters compare 2000s-2010s history with 2019-2024 projections

RESOURCES = [
    Resource(
        name="imf_weo_2019apr",
        title="IMF World Economic Outlook, April 2019: GDP, growth, population (vintage as published)",
        description="Real GDP growth, GDP in current US$, GDP per capita, population and share of "
                    "world PPP GDP as published in April 2019, with the last year of actual data per "
                    "country and series and a flag for values that were IMF estimates or projections.",
        fields=(iso3(), year(lo=FIRST_YEAR, hi=2024),
                Field("indicator", "string", "Indicator", required=True, enum=INDICATORS),
                Field("value", "number", "Value as published in April 2019, in `unit`", required=True),
                Field("unit", "string", "Unit of `value`", required=True,
                      enum=tuple(sorted({v[1] for v in KEEP.values()}))),
                Field("weo_code", "string", "WEO subject code (lower case)", required=True),
                Field("estimates_start_after", "integer", "Last year of actual data in the April 2019 "
                      "WEO for this country and series (WEO notes)", required=True,
                      minimum=1990, maximum=2019),
                Field("is_projection", "boolean", "True if the value was an IMF estimate or "
                      "projection in April 2019 (year > estimates_start_after)", required=True)),
        primary_key=("iso3", "year", "indicator"),
        sources=(DATA, NOTES),
        licence=IMF_TERMS,
        citation="imf_weo_2019apr",
        coverage="Countries of the country table in the WEO (no World or EU aggregate in this copy), "
                 "2000-2024; 2019-2024 are projections everywhere",
        caveats=("A superseded vintage: use it for what was expected in 2019, not as current data.",
                 "`is_projection` marks estimates as well as forecasts: for several countries 2018 "
                 "(and for population and GDP per capita of Turkmenistan and Tajikistan, many earlier "
                 "years) were IMF estimates in April 2019.",
                 "Cells published as '--' are left out."),
    ),
]


def run(raw) -> dict[str, pd.DataFrame]:
    frame = raw.csv(DATA, dtype={"value": str})
    frame = frame[frame["indicator"].isin(KEEP)]
    frame = frame[select(frame["country"], "iso3_lower")]
    frame = frame[(frame["year"] >= FIRST_YEAR) & (frame["value"].str.strip() != "--")].dropna(subset=["value"])
    notes = raw.csv(NOTES)[["country", "concept", "estimates_start_after"]]
    frame = frame.merge(notes, how="left", left_on=["country", "indicator"],
                        right_on=["country", "concept"], validate="many_to_one")
    if frame["estimates_start_after"].isna().any():
        bad = frame.loc[frame["estimates_start_after"].isna(), ["country", "indicator"]].drop_duplicates()
        raise DataError(NOTES, f"no estimates_start_after for {bad.values.tolist()[:5]}",
                        column="estimates_start_after")
    meta = frame["indicator"].map(KEEP)
    out = pd.DataFrame({
        "iso3": to_iso3(frame["country"], "iso3_lower", DATA),
        "year": frame["year"].astype(int),
        "indicator": meta.str[0],
        "value": frame["value"].astype(float) * meta.str[2],
        "unit": meta.str[1],
        "weo_code": frame["indicator"],
        "estimates_start_after": frame["estimates_start_after"].astype(int),
    })
    out["is_projection"] = out["year"] > out["estimates_start_after"]
    return {"imf_weo_2019apr": out}
