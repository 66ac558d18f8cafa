"""Gapminder Systema Globalis: trade, FDI and output ratios (WDI series as re-published), long form.

One tidy long table serves the trade and the economy chapters. Besides the
published series it carries three series derived here, flagged `derived`:
trade in goods and services as % of GDP (exports + imports, the WDI
definition of NE.TRD.GNFS.ZS) and the annual growth of GDP and of GDP per
capita computed from the constant-US$ levels.
"""
from __future__ import annotations

import pandas as pd

from ...countries import select, to_iso3
from ...errors import DataError
from ...schema import CC_BY_4, Field, Resource, iso3, year

SOURCE = "gapminder-sg/gapminder_sg_econ_long.csv"

# Gapminder concept -> (short indicator name, unit, WDI code)
PUBLISHED = {
    "merchandise_trade_percent_of_gdp": ("merchandise_trade_pct_gdp", "% of GDP", "TG.VAL.TOTL.GD.ZS"),
    "exports_percent_of_gdp": ("exports_pct_gdp", "% of GDP", "NE.EXP.GNFS.ZS"),
    "imports_percent_of_gdp": ("imports_pct_gdp", "% of GDP", "NE.IMP.GNFS.ZS"),
    "trade_balance_percent_of_gdp": ("trade_balance_pct_gdp", "% of GDP", "NE.RSB.GNFS.ZS"),
    "foreign_direct_investment_net_inflows_percent_of_gdp": ("fdi_inflows_pct_gdp", "% of GDP",
                                                             "BX.KLT.DINV.WD.GD.ZS"),
    "foreign_direct_investment_net_outflows_percent_of_gdp": ("fdi_outflows_pct_gdp", "% of GDP",
                                                              "BM.KLT.DINV.WD.GD.ZS"),
    "total_gdp_us_inflation_adjusted": ("gdp_constant_usd", "constant US$", "NY.GDP.MKTP.KD"),
    "gdppercapita_us_inflation_adjusted": ("gdp_per_capita_constant_usd", "constant US$ per person",
                                           "NY.GDP.PCAP.KD"),
    "investments_percent_of_gdp": ("investment_pct_gdp", "% of GDP", "NE.GDI.TOTL.ZS"),
    "inflation_annual_percent": ("inflation_deflator_pct", "% per year", "NY.GDP.DEFL.KD.ZG"),
}
DERIVED = {
    "trade_pct_gdp": ("% of GDP", "NE.TRD.GNFS.ZS"),
    "gdp_growth_pct": ("% per year", "NY.GDP.MKTP.KD.ZG"),
    "gdp_per_capita_growth_pct": ("% per year", "NY.GDP.PCAP.KD.ZG"),
}
FIRST_YEAR = 1990  # the five states' series start in 1990-92
INDICATORS = tuple(sorted([v[0] for v in PUBLISHED.values()] + list(DERIVED)))
UNITS = tuple(sorted({v[1] for v in PUBLISHED.values()} | {v[0] for v in DERIVED.values()}))

RESOURCES = [
    Resource(
        name="gapminder_econ",
        title="Trade, FDI and output indicators (WDI via Gapminder Systema Globalis), long form",
        description="Trade (goods and services; merchandise), trade balance, FDI net inflows and "
                    "outflows as % of GDP, GDP and GDP per capita in constant US$, investment and "
                    "GDP-deflator inflation, plus derived trade % of GDP and real growth rates, for "
                    "the countries of the country table.",
        fields=(iso3(), year(lo=FIRST_YEAR),
                Field("indicator", "string", "Indicator (short name; see `wdi_code`)", required=True,
                      enum=INDICATORS),
                Field("value", "number", "Value of the indicator, in `unit`", required=True),
                Field("unit", "string", "Unit of `value`", required=True, enum=UNITS),
                Field("wdi_code", "string", "World Development Indicators code of the series "
                      "(or of the WDI series it reproduces, for derived rows)", required=True),
                Field("derived", "boolean", "True if computed here from published Gapminder series "
                      "(exports + imports; growth from constant-US$ levels)", required=True)),
        primary_key=("iso3", "year", "indicator"),
        sources=(SOURCE,),
        licence=CC_BY_4,
        citation="gapminder_sg",
        coverage="Countries of the country table present in Gapminder (no World or EU aggregate), "
                 "1990-2024 depending on indicator",
        caveats=("WDI values as re-published by Gapminder (vintage early 2026): revised since 2019.",
                 "FDI net flows are balance-of-payments flows: they can be negative (disinvestment) "
                 "and are inflated by round-tripping through conduit economies (notably for Kazakhstan).",
                 "Turkmenistan has many gaps; its constant-US$ GDP rests on official growth figures "
                 "that outside observers doubt.",
                 "World (WLD) rows: only real GDP growth, chain-linked over the economies Gapminder "
                 "reports in consecutive years (no published World aggregate in the source).",
                 "Growth is derived from Gapminder's constant-US$ GDP and can differ by a few tenths "
                 "of a point from the WDI growth series because of rounding and rebasing."),
    ),
]


def _world_growth(frame: pd.DataFrame) -> pd.DataFrame:
    """World real GDP growth, chain-linked over the economies reported in both years.

    Gapminder has no World aggregate. Growth in year t is the change in the sum
    of constant-US$ GDP over every economy with a value in t-1 and in t (the
    former USSR, a historical entity, is left out), so entries and exits of
    reporting economies do not move the rate.
    """
    gdp = frame[(frame["indicator"] == "total_gdp_us_inflation_adjusted") & (frame["geo"] != "ussr")]
    wide = gdp.pivot(index="time", columns="geo", values="value").sort_index()
    years = [int(y) for y in wide.index if y - 1 in wide.index]
    growth = []
    for y in years:
        both = wide.loc[[y - 1, y]].dropna(axis=1)
        growth.append(round((both.loc[y].sum() / both.loc[y - 1].sum() - 1) * 100, 4))
    unit, code = DERIVED["gdp_growth_pct"]
    return pd.DataFrame({"iso3": "WLD", "year": years, "indicator": "gdp_growth_pct", "value": growth,
                         "unit": unit, "wdi_code": code, "derived": True})


def run(raw) -> dict[str, pd.DataFrame]:
    frame = raw.csv(SOURCE)
    frame = frame[frame["indicator"].isin(PUBLISHED)]
    world = _world_growth(frame)
    frame = frame[frame["time"] >= FIRST_YEAR - 1]  # one earlier year for the first growth rate
    frame = frame[select(frame["geo"], "iso3_lower")].dropna(subset=["value"])
    frame = frame.assign(iso3=to_iso3(frame["geo"], "iso3_lower", SOURCE),
                         year=frame["time"].astype(int))
    meta = frame["indicator"].map(PUBLISHED)
    published = pd.DataFrame({"iso3": frame["iso3"], "year": frame["year"],
                              "indicator": meta.str[0], "value": frame["value"].astype(float),
                              "unit": meta.str[1], "wdi_code": meta.str[2], "derived": False})
    wide = published.pivot(index=["iso3", "year"], columns="indicator", values="value")

    derived = []
    trade = (wide["exports_pct_gdp"] + wide["imports_pct_gdp"]).dropna()
    derived.append(("trade_pct_gdp", trade))
    for level, name in (("gdp_constant_usd", "gdp_growth_pct"),
                        ("gdp_per_capita_constant_usd", "gdp_per_capita_growth_pct")):
        series = wide[level].unstack("iso3")
        # growth only between consecutive years that are both present
        series = series.reindex(range(series.index.min(), series.index.max() + 1))
        growth = (series / series.shift(1) - 1) * 100
        derived.append((name, growth.stack().swaplevel().sort_index()))
    rows = [published]
    for name, values in derived:
        unit, code = DERIVED[name]
        values = values.dropna().round(4)
        rows.append(pd.DataFrame({"iso3": values.index.get_level_values(0),
                                  "year": values.index.get_level_values(1).astype(int),
                                  "indicator": name, "value": values.to_numpy(), "unit": unit,
                                  "wdi_code": code, "derived": True}))
    rows.append(world)
    rows = [r[r["year"] >= FIRST_YEAR] for r in rows]
    out = pd.concat(rows, ignore_index=True)
    if out.duplicated(["iso3", "year", "indicator"]).any():
        raise DataError(SOURCE, "duplicate country-year-indicator rows")
    return {"gapminder_econ": out}
