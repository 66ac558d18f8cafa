"""World Bank Logistics Performance Index (LPI): WDI series 2007-2018 and all components 2010-2016.

Two tables, kept apart because they come from different packagings:
`lpi_scores` holds the overall, customs and infrastructure scores of the WDI series (editions
2007-2018, full precision, including the 2018 edition nearest the article and the World
average); `lpi_components` holds the overall score, the rank and all six components of the
2010-2016 editions, as compiled from the World Bank's workbook. A country's missing edition
(Turkmenistan 2007 and 2012, for instance) is missing upstream and stays a gap: no row.
"""
from __future__ import annotations

import pandas as pd

from ...countries import select, to_iso3
from ...errors import DataError
from ...schema import CC_BY_4, Field, Resource, iso3

WDI = {k: f"worldbank-lpi-wdi/ddf--datapoints--lp_lpi_{k}_xq--by--economy--year_subset.csv"
       for k in ("ovrl", "cust", "infr")}
COMPILED = "worldbank-lpi-2010-2016/lpi_2010_2016.csv"
SCORE = dict(unit="score (1 = low, 5 = high)", minimum=1, maximum=5)
COMPONENTS = {
    "Overall LPI Score": "overall",
    "Customs": "customs",
    "Infrastructure": "infrastructure",
    "International Shipments": "international_shipments",
    "Logistics Quality & Competence": "logistics_competence",
    "Tracking & Tracing": "tracking_tracing",
    "Timeliness": "timeliness",
}


def edition(lo: int, hi: int) -> Field:
    return Field("year", "integer", "LPI edition (survey year)", required=True, minimum=lo, maximum=hi)


RESOURCES = [
    Resource(
        name="lpi_scores",
        title="Logistics Performance Index 2007-2018: overall, customs, infrastructure (World Bank WDI)",
        description="International LPI scores per edition: overall (LP.LPI.OVRL.XQ), efficiency "
                    "of customs clearance (LP.LPI.CUST.XQ) and quality of trade and "
                    "transport-related infrastructure (LP.LPI.INFR.XQ).",
        fields=(iso3(), edition(2007, 2018),
                Field("overall", "number", "Overall LPI score", required=True, **SCORE),
                Field("customs", "number", "Efficiency of customs clearance", **SCORE),
                Field("infrastructure", "number", "Quality of trade and transport infrastructure",
                      **SCORE)),
        primary_key=("iso3", "year"),
        sources=tuple(WDI.values()),
        licence=CC_BY_4,
        citation="wb_lpi",
        coverage="Editions 2007, 2010, 2012, 2014, 2016, 2018 for the five, AFG, AZE, CHN, GEO, "
                 "IRN, MNG, PAK, RUS, TUR and the World average; TKM lacks 2007 and 2012, GEO "
                 "2007, IRN 2014, AZE 2016 and 2018 (missing upstream). The Europe & Central Asia "
                 "aggregate of the source is left out (not in the country table).",
        caveats=("A perception survey of international freight forwarders: differences of about "
                 "0.1-0.2 are often within the World Bank's confidence intervals (not included).",
                 "Scores of little-surveyed countries (Tajikistan, Turkmenistan, Afghanistan) are "
                 "especially noisy.",
                 "No 2023 edition (its method changed)."),
    ),
    Resource(
        name="lpi_components",
        title="Logistics Performance Index 2010-2016: overall score, rank and six components",
        description="International LPI per edition from the World Bank workbook as compiled by "
                    "B. Boehmke: overall score and rank and the six component scores.",
        fields=(iso3(), edition(2010, 2016),
                Field("overall", "number", "Overall LPI score", required=True, **SCORE),
                Field("rank", "integer", "Overall rank among the countries scored in that edition",
                      unit="rank", required=True, minimum=1),
                Field("countries_scored", "integer", "Countries scored in that edition",
                      unit="countries", required=True, minimum=1),
                *(Field(v, "number", k, required=True, **SCORE)
                  for k, v in COMPONENTS.items() if v != "overall")),
        primary_key=("iso3", "year"),
        sources=(COMPILED,),
        licence=CC_BY_4,
        citation="wb_lpi",
        coverage="Editions 2010, 2012, 2014, 2016 for countries of the book's table; TKM lacks "
                 "2012, IRN 2014, AZE 2016 (missing upstream)",
        caveats=("A secondary compilation of the World Bank workbook (two decimals); it agrees "
                 "with the WDI series after rounding.",
                 "Ranks are not comparable across editions with different numbers of countries."),
    ),
]


def run(raw) -> dict[str, pd.DataFrame]:
    # Load and process the WDI series: one column per indicator.
    series = []
    for key, column in (("ovrl", "overall"), ("cust", "customs"), ("infr", "infrastructure")):
        frame = raw.csv(WDI[key])
        frame["iso3"] = to_iso3(frame["economy"], "iso3_lower", WDI[key], ignore=("eca",))
        frame = frame.dropna(subset=["iso3"])
        series.append(frame.set_index(["iso3", "year"])[f"lp_lpi_{key}_xq"].rename(column))
    scores = pd.concat(series, axis=1).reset_index()
    scores["year"] = scores["year"].astype(int)
    if scores["overall"].isna().any():
        raise DataError(WDI["ovrl"], "a customs or infrastructure score has no overall score")

    compiled = raw.csv(COMPILED)
    counts = compiled.groupby("Year")["Code"].transform("count")
    keep = select(compiled["Code"], "iso3")
    compiled, counts = compiled[keep], counts[keep]
    components = pd.DataFrame({
        "iso3": to_iso3(compiled["Code"], "iso3", COMPILED),
        "year": compiled["Year"].astype(int),
        "rank": compiled["Overall LPI Rank"].astype(int),
        "countries_scored": counts.astype(int),
        **{v: compiled[k].astype(float) for k, v in COMPONENTS.items()},
    })
    return {"lpi_scores": scores, "lpi_components": components}
