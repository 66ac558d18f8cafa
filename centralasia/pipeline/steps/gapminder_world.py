"""Real GDP and population of every economy in Gapminder, with income group and region.

The economy chapter compares the five's growth with peer groups (non-high-income
economies, developing East Asia, South Asia) and the world per person. Those
comparisons need every economy, not only the country table's, so this step
keeps Gapminder's own ids (`geo`) with its World Bank income group and
six-region classification, GDP in constant US$ and population (GDP divided by
GDP per person, both WDI series as re-published by Gapminder).
"""
from __future__ import annotations

import pandas as pd

from ...errors import DataError
from ...schema import CC_BY_4, Field, Resource, year

SOURCE = "gapminder-sg/gapminder_sg_econ_long.csv"
COUNTRIES = "gapminder-sg/gapminder_sg_countries.csv"
FIRST_YEAR = 1990
INCOME = ("high_income", "upper_middle_income", "lower_middle_income", "low_income", "unclassified")
REGIONS = ("america", "east_asia_pacific", "europe_central_asia", "middle_east_north_africa", "south_asia",
           "sub_saharan_africa", "unclassified")
HISTORICAL = ("ussr",)  # a historical entity overlapping its successors: never counted

RESOURCES = [
    Resource(
        name="gapminder_world_gdp",
        title="Real GDP and population of every economy (WDI via Gapminder), with income group and region",
        description="GDP in constant US$ and population (GDP / GDP per person) for every economy Gapminder "
                    "reports, with its current World Bank income group and Gapminder's six-region "
                    "classification, for peer-group growth comparisons.",
        fields=(Field("geo", "string", "Gapminder economy id (lower case, ISO3-like)", required=True),
                Field("name", "string", "Economy name (Gapminder)", required=True),
                Field("income_group", "string", "World Bank income group as classified by Gapminder "
                      "(current classification; 'unclassified' where none)", required=True, enum=INCOME),
                Field("region", "string", "Gapminder six-region classification ('unclassified' where none)",
                      required=True, enum=REGIONS),
                year(lo=FIRST_YEAR, hi=2030),
                Field("gdp_constant_usd", "number", "GDP (WDI NY.GDP.MKTP.KD)", unit="constant US$",
                      required=True, minimum=0),
                Field("population", "number", "Population implied by GDP / GDP per person "
                      "(WDI NY.GDP.PCAP.KD); empty where GDP per person is missing", unit="persons",
                      minimum=0)),
        primary_key=("geo", "year"),
        sources=(SOURCE, COUNTRIES),
        licence=CC_BY_4,
        citation="gapminder_sg",
        coverage=f"Every economy with constant-US$ GDP in Gapminder, {FIRST_YEAR}-2024 (the former USSR left out)",
        caveats=("Income groups are today's classification, applied to every year.",
                 "Population is derived (GDP / GDP per person) and inherits the rounding of both series.",
                 "WDI values as re-published by Gapminder (vintage early 2026)."),
    ),
]


def run(raw) -> dict[str, pd.DataFrame]:
    frame = raw.csv(SOURCE)
    frame = frame[frame["indicator"].isin(["total_gdp_us_inflation_adjusted", "gdppercapita_us_inflation_adjusted"])
                  & (frame["time"] >= FIRST_YEAR) & ~frame["geo"].isin(HISTORICAL)]
    wide = frame.pivot(index=["geo", "time"], columns="indicator", values="value").reset_index()
    wide = wide.dropna(subset=["total_gdp_us_inflation_adjusted"])
    meta = raw.csv(COUNTRIES).set_index("country")
    unknown = sorted(set(wide["geo"]) - set(meta.index))
    if unknown:
        raise DataError(COUNTRIES, f"economies with GDP but no entry in the country file: {unknown[:5]}",
                        column="country")
    income = meta["income_groups"].fillna("unclassified")
    region = meta["world_6region"].fillna("unclassified")
    for column, values, allowed in (("income_groups", income, INCOME), ("world_6region", region, REGIONS)):
        bad = sorted(set(values) - set(allowed))
        if bad:
            raise DataError(COUNTRIES, f"unexpected classes {bad}", column=column)
    per_person = wide["gdppercapita_us_inflation_adjusted"]
    out = pd.DataFrame({
        "geo": wide["geo"], "name": wide["geo"].map(meta["name"]),
        "income_group": wide["geo"].map(income), "region": wide["geo"].map(region),
        "year": wide["time"].astype(int), "gdp_constant_usd": wide["total_gdp_us_inflation_adjusted"],
        "population": (wide["total_gdp_us_inflation_adjusted"] / per_person).round(0),
    })
    return {"gapminder_world_gdp": out}
