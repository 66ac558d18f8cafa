"""Small, tested macro-economic helpers for the economy chapter.

All functions take tidy frames (one row per country and year) or plain
series and never fill gaps: a missing year stays missing, and an aggregate
over a group is computed only where every member reports.
"""
from __future__ import annotations

import math
from typing import Iterable

import pandas as pd


def wide(frame: pd.DataFrame, value: str, index: str = "year", columns: str = "iso3") -> pd.DataFrame:
    """A tidy frame as a year x country table of `value` (floats; missing stays NaN)."""
    out = frame.pivot(index=index, columns=columns, values=value).sort_index()
    return out.astype("float64")


def shares(table: pd.DataFrame, members: Iterable[str] | None = None) -> pd.DataFrame:
    """Each column's share (%) of the row total, only in rows where every member has a value.

    `table` is year x country (see `wide`). Rows with a missing member are
    dropped rather than shared out over the countries that happen to report.
    """
    members = list(members) if members is not None else list(table.columns)
    sub = table[members].dropna(how="any")
    return sub.div(sub.sum(axis=1), axis=0) * 100


def growth(series: pd.Series) -> pd.Series:
    """Year-on-year change (%) of a series indexed by consecutive integer years.

    A gap in the years gives NaN for the year after it (no change is computed
    across a missing year).
    """
    s = series.astype("float64").sort_index()
    full = s.reindex(range(int(s.index.min()), int(s.index.max()) + 1))
    return ((full / full.shift(1) - 1) * 100).reindex(s.index)


def cagr(start: float, end: float, years: int) -> float:
    """Compound annual growth rate (%) from `start` to `end` over `years` years."""
    if years <= 0:
        raise ValueError("years must be positive")
    if start <= 0 or end <= 0:
        raise ValueError("CAGR needs positive levels")
    return ((end / start) ** (1 / years) - 1) * 100


def compound(rates_pct: Iterable[float]) -> float:
    """Cumulative change (%) implied by a sequence of annual growth rates (%)."""
    total = 1.0
    for rate in rates_pct:
        if rate is None or (isinstance(rate, float) and math.isnan(rate)):
            raise ValueError("a growth rate is missing: cannot compound over a gap")
        total *= 1 + rate / 100
    return (total - 1) * 100


def average_growth(rates_pct: Iterable[float]) -> float:
    """Geometric-mean annual growth (%) of a sequence of annual growth rates (%)."""
    rates = list(rates_pct)
    if not rates:
        raise ValueError("no growth rates")
    return ((1 + compound(rates) / 100) ** (1 / len(rates)) - 1) * 100


def group_growth(levels: pd.DataFrame, growth_pct: pd.DataFrame | None = None) -> pd.Series:
    """Real growth (%) of a group of countries, weighting each by its level in the previous year.

    `levels` is year x country (e.g. GDP in constant US$). If `growth_pct` (same
    shape) is given, the group rate is the weighted mean of the members' rates
    with weights = previous-year levels; otherwise it is the change of the sum.
    Only years where every member has both values are returned.
    """
    levels = levels.astype("float64").sort_index()
    if growth_pct is None:
        growth_pct = levels.apply(growth)
    out = {}
    for year in levels.index:
        if year - 1 not in levels.index:
            continue
        weights = levels.loc[year - 1]
        rates = growth_pct.loc[year] if year in growth_pct.index else None
        if rates is None or weights.isna().any() or rates.isna().any():
            continue
        out[int(year)] = float((weights * rates).sum() / weights.sum())
    return pd.Series(out, name="growth_pct", dtype="float64").rename_axis("year")


def forecast_errors(forecast: pd.DataFrame, actual: pd.DataFrame, value: str = "value",
                    keys: tuple[str, ...] = ("iso3", "year")) -> pd.DataFrame:
    """Join a forecast with the outturn: error = actual - forecast (positive = under-forecast).

    Only pairs present in both frames are kept. Returns the keys, `forecast`,
    `actual`, `error` and `abs_error`.
    """
    f = forecast[list(keys) + [value]].rename(columns={value: "forecast"})
    a = actual[list(keys) + [value]].rename(columns={value: "actual"})
    out = f.merge(a, on=list(keys), how="inner", validate="one_to_one")
    out["forecast"] = out["forecast"].astype("float64")
    out["actual"] = out["actual"].astype("float64")
    out = out.dropna(subset=["forecast", "actual"])
    out["error"] = out["actual"] - out["forecast"]
    out["abs_error"] = out["error"].abs()
    return out.sort_values(list(keys)).reset_index(drop=True)


def error_summary(errors: pd.DataFrame, by: str = "iso3") -> pd.DataFrame:
    """Mean error (bias), mean absolute error and count per group of `forecast_errors` output."""
    grouped = errors.groupby(by)
    return pd.DataFrame({"mean_error": grouped["error"].mean(),
                         "mean_abs_error": grouped["abs_error"].mean(),
                         "n": grouped["error"].size()})


def usd_from_pct_gdp(pct: pd.Series, gdp_usd: pd.Series) -> pd.Series:
    """Convert a % of GDP series into US$ with GDP in current US$ (aligned on the index)."""
    return pct.astype("float64") * gdp_usd.astype("float64") / 100


def window_sum(series: pd.Series, first: int, last: int) -> tuple[float, int]:
    """Sum of a year-indexed series over `first`..`last` inclusive and how many years reported.

    The sum is NaN unless every year of the window has a value, so a partial
    window is never mistaken for a full one.
    """
    years = range(first, last + 1)
    window = series.reindex(years)
    n = int(window.notna().sum())
    total = float(window.sum()) if n == len(years) else float("nan")
    return total, n
