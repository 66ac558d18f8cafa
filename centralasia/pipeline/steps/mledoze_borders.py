"""Land-border adjacency of the Central Asian states (mledoze/countries, 2026).

A check on the boundary lines: every pair that mledoze lists as neighbours
should have a Natural Earth line and a Factbook length, and vice versa.
"""
from __future__ import annotations

import pandas as pd

from ...countries import CA5, to_iso3
from ...schema import ODBL, Field, Resource

ADJACENCY = "mledoze-countries/borders_adjacency_region.csv"
RESOURCES = [
    Resource(
        name="mledoze_adjacency",
        title="Land neighbours of the five Central Asian states (mledoze/countries)",
        description="Directed pairs (country, land neighbour) with at least one Central Asian side.",
        fields=(Field("iso3", "string", "Country", required=True, country=True),
                Field("neighbour_iso3", "string", "Land neighbour", required=True, country=True)),
        primary_key=("iso3", "neighbour_iso3"),
        sources=(ADJACENCY,),
        licence=ODBL,
        citation="mledoze_countries",
        coverage="KAZ, KGZ, TJK, TKM, UZB and the neighbours' rows towards them; 2026 values",
        caveats=("Adjacency only: no lengths, no dates.",),
    ),
]


def run(raw) -> dict[str, pd.DataFrame]:
    a = raw.csv(ADJACENCY)
    a = a[a["cca3"].isin(CA5) | a["border_cca3"].isin(CA5)]
    return {"mledoze_adjacency": pd.DataFrame({
        "iso3": to_iso3(a["cca3"], "iso3", ADJACENCY),
        "neighbour_iso3": to_iso3(a["border_cca3"], "iso3", ADJACENCY)})}
