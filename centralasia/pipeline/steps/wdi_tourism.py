"""World Bank WDI ST.INT.ARVL: international tourism arrivals, 1995-2018 (partial regional extract)."""
from __future__ import annotations

import pandas as pd

from ...schema import CC_BY_4, Field, Resource, iso3, year

ARRIVALS = "wdi-extract-2/ddf--datapoints--st_int_arvl--by--economy--year_subset.csv"

RESOURCES = [
    Resource(
        name="tourism_arrivals",
        title="International tourism, number of arrivals (World Bank WDI, ST.INT.ARVL; UNWTO)",
        description="Overnight visitors arriving in the country in the year (as reported to UNWTO).",
        fields=(iso3(), year(lo=1995, hi=2018),
                Field("arrivals", "integer", "International tourist arrivals", unit="persons", required=True,
                      minimum=0)),
        primary_key=("iso3", "year"),
        sources=(ARRIVALS,),
        licence=CC_BY_4,
        citation="wb_wdi",
        coverage="KAZ 1996-2018, KGZ 1995-2002 and 2006-2018, TJK 1996-2001 and 2008-2018, TKM 1995-2007 "
                 "(gaps), UZB 1995-2018; AZE, TUR, USA, World",
        caveats=("Ends in 2018 in the extract used: the 2019 peak and the 2020 collapse are absent.",
                 "Definitions differ by country (some count all border crossings, incl. same-day visitors "
                 "from CIS neighbours): levels are not comparable across countries."),
    ),
]


def run(raw) -> dict[str, pd.DataFrame]:
    series = raw.ddf_datapoints(ARRIVALS, "st_int_arvl").rename(columns={"st_int_arvl": "arrivals"})
    series["arrivals"] = series["arrivals"].round().astype("int64")
    return {"tourism_arrivals": series}
