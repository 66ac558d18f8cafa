"""Air transport, passengers carried (World Bank WDI IS.AIR.PSGR), five states and two comparators."""
from __future__ import annotations

import pandas as pd

from ...schema import CC_BY_4, Field, Resource, iso3, year

SOURCE = "wdi-extract-2/ddf--datapoints--is_air_psgr--by--economy--year_subset.csv"

RESOURCES = [
    Resource(
        name="wdi_air_passengers",
        title="Air transport, passengers carried (World Bank WDI, IS.AIR.PSGR)",
        description="Passengers carried on domestic and international flights by air carriers "
                    "registered in the country (ICAO data and estimates).",
        fields=(iso3(), year(lo=1970),
                Field("air_passengers", "number", "Passengers carried by carriers registered in "
                      "the country, domestic and international", unit="passengers", required=True,
                      minimum=0)),
        primary_key=("iso3", "year"),
        sources=(SOURCE,),
        licence=CC_BY_4,
        citation="wb_wdi_air",
        coverage="KAZ 1992-2023, KGZ 1993-2023, TJK 1993-2000 and 2002-2023, TKM 1993-2023, "
                 "UZB 1992-2023; IRN and TUR 1970-2023. Other comparators were not transcribed.",
        caveats=("Counts the carriers registered in a country wherever they fly, not traffic at "
                 "its airports: foreign airlines serving the region are not in it.",
                 "Breaks such as Kazakhstan's 2010 jump and Turkmenistan's 2010-14 swings reflect "
                 "ICAO reporting or estimation changes, not traffic."),
    ),
]


def run(raw) -> dict[str, pd.DataFrame]:
    series = raw.ddf_datapoints(SOURCE, "is_air_psgr")
    return {"wdi_air_passengers": series.rename(columns={"is_air_psgr": "air_passengers"})}
