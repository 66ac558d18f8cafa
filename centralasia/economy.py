"""Tested helpers for the economy chapter: forecasts against outturns, vintages, peers, shares.

Three habits run through them. Sizes differ, so the five are aggregated with
weights (real GDP or market-rate GDP of a named year), never by counting
countries. Data vintages differ, so a dollar forecast is compared with the
outturn as a ratio to each vintage's own base year, never level against level.
Groups are chain-linked over the economies that report in both years, so an
economy entering or leaving the data does not move the rate.
"""
from __future__ import annotations

from typing import Iterable, Mapping

import pandas as pd

from . import indicators as ind


def cumulative_growth(rates: pd.DataFrame, first: int, last: int) -> pd.Series:
    """Cumulative real growth (%) of each column of a year x country table of annual rates (%)."""
    window = rates.loc[first:last]
    if len(window) != last - first + 1:
        raise ValueError(f"rates do not cover every year {first}-{last}")
    return pd.Series({c: ind.compound(window[c].tolist()) for c in window.columns}, dtype="float64")


def weighted(values: pd.Series, weights: pd.Series) -> float:
    """Weighted mean of `values` (a country-indexed series) with country-indexed `weights`."""
    w = weights.reindex(values.index).astype("float64")
    if w.isna().any() or values.isna().any():
        raise ValueError("every country needs a value and a weight")
    return float((values * w).sum() / w.sum())


def forecast_outturn(expected: pd.DataFrame, actual: pd.DataFrame, first: int, last: int,
                     weights: Mapping[str, pd.Series]) -> pd.DataFrame:
    """Cumulative growth forecast and outturn per country and as weighted aggregates.

    `expected` and `actual` are year x country tables of annual real growth (%).
    `weights` maps a label (e.g. 'real GDP 2018') to country-indexed weights.
    Returns one row per country and one per weighting, with `forecast`,
    `outturn` and `difference` (outturn - forecast, percentage points).
    """
    f = cumulative_growth(expected, first, last)
    a = cumulative_growth(actual[f.index], first, last)
    rows = pd.DataFrame({"forecast": f, "outturn": a})
    rows["kind"] = "country"
    for label, w in weights.items():
        rows.loc[f"The five, weighted by {label}"] = [weighted(f, w), weighted(a, w), "aggregate"]
    rows.loc["The five, unweighted mean"] = [f.mean(), a.mean(), "unweighted"]
    rows["forecast"] = rows["forecast"].astype("float64")
    rows["outturn"] = rows["outturn"].astype("float64")
    rows["difference"] = rows["outturn"] - rows["forecast"]
    return rows


def vintage_ratios(forecast_usd: pd.DataFrame, outturn_usd: pd.DataFrame, base: int, target: int) -> pd.DataFrame:
    """Dollar GDP in `target` as a ratio to `base`, each vintage against its own base.

    `forecast_usd` is the forecast vintage (e.g. WEO April 2019), `outturn_usd`
    the current data, both year x country in the same unit. The ratio removes
    the base revisions between vintages (e.g. Uzbekistan's 2018 GDP) that make
    level comparisons across vintages misleading. Adds the five as a row
    (ratio of sums) and both vintages' base levels for the record.
    """
    countries = list(forecast_usd.columns)
    out = pd.DataFrame({
        "base_forecast_vintage": forecast_usd.loc[base, countries],
        "base_outturn_vintage": outturn_usd.loc[base, countries],
        "ratio_forecast": forecast_usd.loc[target, countries] / forecast_usd.loc[base, countries],
        "ratio_outturn": outturn_usd.loc[target, countries] / outturn_usd.loc[base, countries],
    }).astype("float64")
    if out.isna().any().any():
        raise ValueError("a country lacks a base or target value in one vintage")
    total = pd.DataFrame({
        "base_forecast_vintage": [forecast_usd.loc[base, countries].sum()],
        "base_outturn_vintage": [outturn_usd.loc[base, countries].sum()],
        "ratio_forecast": [forecast_usd.loc[target, countries].sum() / forecast_usd.loc[base, countries].sum()],
        "ratio_outturn": [outturn_usd.loc[target, countries].sum() / outturn_usd.loc[base, countries].sum()],
    }, index=["The five"])
    return pd.concat([out, total])


def shares_side_by_side(market: pd.Series, ppp: pd.Series) -> pd.DataFrame:
    """Each country's share (%) of the group's GDP at market rates and at PPP (same countries)."""
    if set(market.index) != set(ppp.index):
        raise ValueError("market-rate and PPP figures must cover the same countries")
    m, p = market.astype("float64"), ppp.astype("float64").reindex(market.index)
    return pd.DataFrame({"market": m / m.sum() * 100, "ppp": p / p.sum() * 100})


def chained_growth(gdp: pd.DataFrame, population: pd.DataFrame | None = None) -> pd.Series:
    """Annual growth (%) of a group's total (or per-person) GDP, chain-linked.

    `gdp` (and `population`) are year x economy tables. Growth in year t uses
    only the economies with values in t-1 and t (and population too, per
    person), so entries and exits do not move the rate.
    """
    out = {}
    years = sorted(gdp.index)
    for y in years[1:]:
        if y - 1 not in gdp.index:
            continue
        both = gdp.loc[[y - 1, y]].dropna(axis=1)
        if population is not None:
            pop = population.reindex(columns=both.columns).loc[[y - 1, y]].dropna(axis=1)
            both = both[pop.columns]
            if both.empty:
                continue
            now = both.loc[y].sum() / pop.loc[y].sum()
            before = both.loc[y - 1].sum() / pop.loc[y - 1].sum()
        else:
            if both.empty:
                continue
            now, before = both.loc[y].sum(), both.loc[y - 1].sum()
        out[int(y)] = (now / before - 1) * 100
    return pd.Series(out, dtype="float64").rename_axis("year")


def window_growth(series: pd.Series, first: int, last: int) -> float:
    """Average annual growth (%) of an annual-rate series over `first`..`last` (all years needed)."""
    window = series.reindex(range(first, last + 1))
    if window.isna().any():
        raise ValueError(f"growth is missing for some years of {first}-{last}")
    return ind.average_growth(window.tolist())


def peer_comparison(world: pd.DataFrame, members: Iterable[str], first: int, last: int) -> dict:
    """The members' aggregate growth against peer groups, over `first`..`last`.

    `world` is the `gapminder_world_gdp` table (geo, income_group, region, year,
    gdp_constant_usd, population). Peers are the non-high-income economies
    (excluding the members) with GDP in every year from first-1 to last; each
    peer's average growth is compared with the members' aggregate. Developing
    East Asia and South Asia are the non-high-income economies of those regions,
    aggregated and chain-linked like the members.
    """
    members = list(members)
    gdp = ind.wide(world, "gdp_constant_usd", columns="geo")
    pop = ind.wide(world, "population", columns="geo")
    classes = world.drop_duplicates("geo").set_index("geo")
    group = window_growth(chained_growth(gdp[members]), first, last)
    group_pc = window_growth(chained_growth(gdp[members], pop[members]), first, last)
    world_pc = window_growth(chained_growth(gdp, pop), first, last)
    complete = gdp.loc[first - 1:last].dropna(axis=1).columns
    peers = [g for g in complete if classes.loc[g, "income_group"] not in ("high_income", "unclassified")
             and g not in members]
    rates = pd.Series({g: ind.cagr(gdp.loc[first - 1, g], gdp.loc[last, g], last - first + 1) for g in peers},
                      dtype="float64")

    def region(name: str) -> float:
        geos = [g for g in gdp.columns if classes.loc[g, "region"] == name
                and classes.loc[g, "income_group"] not in ("high_income", "unclassified")]
        return window_growth(chained_growth(gdp[geos]), first, last)

    return {"first": first, "last": last, "group": group, "group_per_person": group_pc,
            "world_per_person": world_pc, "peers": rates.sort_values(), "n_peers": len(rates),
            "peer_median": float(rates.median()), "share_of_peers_below": float((rates < group).mean() * 100),
            "east_asia_developing": region("east_asia_pacific"), "south_asia_developing": region("south_asia")}


def vintage_growth(growth: pd.DataFrame, weights: Mapping[str, pd.DataFrame], first: int, last: int) -> dict:
    """Average annual growth of a group in one data vintage, with several weightings.

    `growth` is year x country (annual %, one vintage); each value of `weights`
    is a year x country table whose previous-year row weights each year's rates
    (e.g. that vintage's US$ GDP, or its share of world PPP GDP).
    """
    out = {}
    for label, table in weights.items():
        rates = ind.group_growth(table[growth.columns], growth).loc[first:last]
        out[label] = window_growth(rates, first, last)
    return out
