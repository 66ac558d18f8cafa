"""UN DESA international migrant stock by origin and destination (Revision 2019), 1990-2019.

The source file keeps every pair with one of the five on either side. We keep two tables:
the pairs where both sides are in the country table (the five among themselves and with
Russia, neighbours and comparators), and, for each of the five, the total stock of people born
there and living abroad (all destinations) and born abroad and living there (all origins).
Stocks count people by country of birth: Soviet-era moves between republics are included.
"""
from __future__ import annotations

import pandas as pd

from ...countries import CA5, select, to_iso3
from ...errors import DataError
from ...schema import Field, Licence, Resource, iso3, year

BILATERAL = "undesa-migrant-stock/undesa_migrant_stock_2019_bilateral_central_asia.csv"
# Rows of the UN matrix that are regions, not countries (kept by the upstream flattening).
REGIONS = ("Caribbean", "South America")
CC_BY_3_IGO = Licence("CC-BY-3.0-IGO", "Creative Commons Attribution 3.0 IGO",
                      "https://creativecommons.org/licenses/by/3.0/igo/")
_COMMON = dict(sources=(BILATERAL,), licence=CC_BY_3_IGO, citation="undesa_migrant_stock_2019")
_CAVEATS = ("Country of birth (or citizenship where birthplace is not recorded): people born in another "
            "Soviet republic before 1991 count as migrants; seasonal labour migrants are largely missed.",
            "Mid-year stocks 1990, 1995, 2000, 2005, 2010, 2015, 2019; some cells are UN imputations.")

RESOURCES = [
    Resource(
        name="migrant_stock_pairs",
        title="International migrant stock between the five and the table's countries, 1990-2019 (UN DESA)",
        description="People born in `origin` living in `destination` at mid-year, for pairs with one of "
                    "the five on at least one side and both countries in the country table.",
        fields=(year(lo=1990, hi=2019),
                iso3("origin", "Country of birth (ISO3)"),
                iso3("destination", "Country of residence (ISO3)"),
                Field("migrant_stock", "integer", "People born in origin living in destination",
                      unit="persons", required=True, minimum=1)),
        primary_key=("year", "origin", "destination"),
        coverage="CA5 with each other and with AFG, ARM, AZE, BLR, CHN, GBR, GEO, IRN, MNG, PAK, RUS, TUR, USA; "
                 "zero cells are absent, not missing",
        caveats=_CAVEATS, **_COMMON),
    Resource(
        name="migrant_stock_ca5_totals",
        title="Emigrant and immigrant stocks of the five Central Asian states, 1990-2019 (UN DESA)",
        description="For each of the five: `emigrants` = people born there living in any other country; "
                    "`immigrants` = people born in any other country living there (sums of the bilateral "
                    "matrix over all partner countries; the two regional rows 'Caribbean' and "
                    "'South America' are left out).",
        fields=(iso3(), year(lo=1990, hi=2019),
                Field("direction", "string", "emigrants (born here, living abroad) or immigrants "
                      "(born abroad, living here)", required=True, enum=("emigrants", "immigrants")),
                Field("migrant_stock", "integer", "Total stock over all partner countries", unit="persons",
                      required=True, minimum=0),
                Field("partners", "integer", "Partner countries with a non-zero stock", unit="countries",
                      required=True, minimum=0)),
        primary_key=("iso3", "year", "direction"),
        coverage="KAZ, KGZ, TJK, TKM, UZB; 1990-2019 (7 years)",
        caveats=_CAVEATS, **_COMMON),
]


def run(raw) -> dict[str, pd.DataFrame]:
    stock = raw.csv(BILATERAL)
    if (stock["migrant_stock"] <= 0).any():
        raise DataError(BILATERAL, "non-positive stock", column="migrant_stock")
    countries = stock[~stock["destination"].isin(REGIONS)].copy()
    totals = []
    for code in CA5:
        for direction, own, other in (("emigrants", "origin", "destination"),
                                      ("immigrants", "destination", "origin")):
            rows = countries[to_iso3_or_none(countries[own]) == code]
            rows = rows[rows[other] != rows[own]]
            g = rows.groupby("year").agg(migrant_stock=("migrant_stock", "sum"), partners=(other, "nunique"))
            g = g.reset_index().assign(iso3=code, direction=direction)
            totals.append(g)
    both = stock[pd.Series(select(stock["origin"], "name"), index=stock.index)
                 & pd.Series(select(stock["destination"], "name"), index=stock.index)].copy()
    both["origin"] = to_iso3(both["origin"], "name", BILATERAL)
    both["destination"] = to_iso3(both["destination"], "name", BILATERAL)
    if both.duplicated(["year", "origin", "destination"]).any():
        raise DataError(BILATERAL, "two rows for one pair and year", column="origin")
    return {"migrant_stock_pairs": both, "migrant_stock_ca5_totals": pd.concat(totals, ignore_index=True)}


def to_iso3_or_none(names: pd.Series) -> pd.Series:
    """ISO3 of names in the table, None for the rest (partners outside the table)."""
    known = pd.Series(select(names, "name"), index=names.index)
    out = pd.Series(None, index=names.index, dtype=object)
    out[known] = to_iso3(names[known], "name", BILATERAL)
    return out
