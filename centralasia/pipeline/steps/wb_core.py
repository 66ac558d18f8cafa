"""World Bank WDI headline series (GDP in current US$, population), Datahub packaging."""
from __future__ import annotations

import pandas as pd

from ...countries import select
from ...schema import CC_BY_4, Field, Resource, iso3, year

_COMMON = dict(primary_key=("iso3", "year"), licence=CC_BY_4, citation="wb_wdi")
RESOURCES = [
    Resource(
        name="wb_gdp",
        title="GDP, current US$ (World Bank WDI, NY.GDP.MKTP.CD)",
        description="Gross domestic product at purchasers' prices in current US dollars.",
        fields=(iso3(), year(lo=1960),
                Field("gdp_usd", "number", "GDP, current US$", unit="US$", required=True, minimum=0)),
        sources=("wb-gdp/gdp.csv",),
        coverage="Countries in the country table, 1960-2023 (Central Asian series from 1987-1990)",
        caveats=("WDI revises history every release; values differ from figures quoted in 2019.",
                 "US$ GDP of Uzbekistan and Turkmenistan depends on the exchange-rate regime "
                 "(Uzbekistan's 2017 devaluation roughly halved it)."),
        **_COMMON),
    Resource(
        name="wb_population",
        title="Population, total (World Bank WDI, SP.POP.TOTL)",
        description="Mid-year population, all residents.",
        fields=(iso3(), year(lo=1960),
                Field("population", "integer", "Population, mid-year", unit="persons", required=True, minimum=0)),
        sources=("wb-population/population.csv",),
        coverage="Countries in the country table, 1960-2024",
        caveats=("Turkmenistan's population is highly uncertain (no census results published 1995-2022).",),
        **_COMMON),
]


def _tidy(raw_frame: pd.DataFrame, value: str) -> pd.DataFrame:
    keep = raw_frame[select(raw_frame["Country Code"], "iso3")]
    return pd.DataFrame({"iso3": keep["Country Code"], "year": keep["Year"].astype(int),
                         value: keep["Value"]})


def run(raw) -> dict[str, pd.DataFrame]:
    gdp = _tidy(raw.csv("wb-gdp/gdp.csv"), "gdp_usd")
    population = _tidy(raw.csv("wb-population/population.csv"), "population")
    population["population"] = population["population"].round().astype("int64")
    return {"wb_gdp": gdp, "wb_population": population}
