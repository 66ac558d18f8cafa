"""UNHCR population statistics to 2018: displaced persons between the 15 countries (bilateral stocks).

`population_moved` sums every UNHCR category (refugees, asylum-seekers, returnees, others of
concern) by origin and country of asylum at year end. Same-country rows (IDPs, returnees) are
left out. Values 1-4 were suppressed upstream and replaced by 3 by the repackager.
"""
from __future__ import annotations

import pandas as pd

from ...countries import to_iso3
from ...schema import Field, Licence, Resource, iso3, year

MOVED = "unhcr-afghan-refugees/unhcr_population_moved_by_origin_destination_year_subset.csv"
UNHCR = Licence("other-attribution", "UNHCR data: reuse permitted with attribution",
                "https://www.unhcr.org/refugee-statistics/")

RESOURCES = [
    Resource(
        name="unhcr_displaced_pairs",
        title="Persons of concern to UNHCR by origin and country of asylum, 15 countries, 1979-2018",
        description="Year-end stock of refugees, asylum-seekers and other persons of concern (all types "
                    "summed) from `origin` hosted in `host`.",
        fields=(iso3("origin", "Country of origin (ISO3)"), iso3("host", "Country of asylum (ISO3)"),
                year(lo=1979, hi=2018),
                Field("persons", "integer", "Persons of concern, all types", unit="persons", required=True,
                      minimum=0)),
        primary_key=("origin", "host", "year"),
        sources=(MOVED,),
        licence=UNHCR,
        citation="unhcr_popstats",
        coverage="Pairs among KAZ, KGZ, TJK, TKM, UZB, AFG, AZE, CHN, GEO, IRN, MNG, PAK, RUS, TUR, USA; 1979-2018",
        caveats=("All UNHCR categories summed: not refugees only.",
                 "Ends in 2018: the Afghan outflow after August 2021 is not covered.",
                 "Cells of 1-4 people were suppressed upstream and stored as 3."),
    ),
]


def run(raw) -> dict[str, pd.DataFrame]:
    m = raw.csv(MOVED, dtype={"origin": str, "destination": str})
    m = m[m["origin"] != m["destination"]].copy()
    out = pd.DataFrame({"origin": to_iso3(m["origin"], "iso3_lower", MOVED),
                        "host": to_iso3(m["destination"], "iso3_lower", MOVED),
                        "year": m["year"].astype(int), "persons": m["population_moved"].round().astype("int64")})
    return {"unhcr_displaced_pairs": out}
