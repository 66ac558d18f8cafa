import math

import pandas as pd
import pytest

from centralasia import indicators as ind


def tidy(rows, value="v"):
    return pd.DataFrame(rows, columns=["iso3", "year", value])


def test_wide_pivots_years_by_country():
    t = ind.wide(tidy([("A", 2000, 1.0), ("B", 2000, 3.0), ("A", 2001, 2.0)]), "v")
    assert list(t.columns) == ["A", "B"] and list(t.index) == [2000, 2001]
    assert math.isnan(t.loc[2001, "B"])


def test_shares_sum_to_100_and_skip_incomplete_years():
    table = pd.DataFrame({"A": [1.0, 3.0, 1.0], "B": [3.0, 1.0, None]}, index=[2000, 2001, 2002])
    s = ind.shares(table)
    assert s.loc[2000, "A"] == pytest.approx(25.0) and s.loc[2001, "A"] == pytest.approx(75.0)
    assert 2002 not in s.index  # B missing: no share computed
    assert list(s.sum(axis=1)) == pytest.approx([100.0, 100.0])


def test_growth_is_year_on_year_and_not_across_gaps():
    g = ind.growth(pd.Series([100.0, 110.0, 121.0, 200.0], index=[2000, 2001, 2002, 2004]))
    assert math.isnan(g[2000])
    assert g[2001] == pytest.approx(10.0) and g[2002] == pytest.approx(10.0)
    assert math.isnan(g[2004])  # 2003 missing


def test_cagr_known_answer():
    assert ind.cagr(100, 121, 2) == pytest.approx(10.0)
    assert ind.cagr(100, 100, 5) == pytest.approx(0.0)
    with pytest.raises(ValueError):
        ind.cagr(0, 10, 2)
    with pytest.raises(ValueError):
        ind.cagr(10, 20, 0)


def test_compound_and_average_growth():
    assert ind.compound([10, 10]) == pytest.approx(21.0)
    assert ind.compound([50, -50]) == pytest.approx(-25.0)
    assert ind.average_growth([10, 10, 10]) == pytest.approx(10.0)
    assert ind.average_growth([21, 0]) == pytest.approx(10.0)
    with pytest.raises(ValueError):
        ind.compound([1.0, float("nan")])


def test_group_growth_weights_by_previous_year_level():
    levels = pd.DataFrame({"A": [100.0, 110.0], "B": [300.0, 300.0]}, index=[2000, 2001])
    g = ind.group_growth(levels)
    # (110 + 300) / (100 + 300) - 1 = 2.5 %
    assert g[2001] == pytest.approx(2.5)
    assert 2000 not in g.index


def test_group_growth_with_given_rates_and_missing_member():
    levels = pd.DataFrame({"A": [100.0, 100.0, 100.0], "B": [100.0, None, 100.0]},
                          index=[2000, 2001, 2002])
    rates = pd.DataFrame({"A": [None, 2.0, 4.0], "B": [None, 6.0, 0.0]}, index=[2000, 2001, 2002])
    g = ind.group_growth(levels, rates)
    assert g[2001] == pytest.approx(4.0)
    assert 2002 not in g.index  # B's 2001 level (the weight) is missing


def test_forecast_errors_sign_and_inner_join():
    f = tidy([("A", 2019, 3.0), ("A", 2020, 3.0), ("B", 2019, 5.0)], "value")
    a = tidy([("A", 2019, 4.0), ("A", 2020, -2.0)], "value")
    e = ind.forecast_errors(f, a)
    assert list(e["error"]) == [1.0, -5.0]
    assert list(e["abs_error"]) == [1.0, 5.0]
    s = ind.error_summary(e)
    assert s.loc["A", "mean_error"] == pytest.approx(-2.0)
    assert s.loc["A", "mean_abs_error"] == pytest.approx(3.0)
    assert s.loc["A", "n"] == 2


def test_usd_from_pct_gdp():
    out = ind.usd_from_pct_gdp(pd.Series([2.0, -1.0]), pd.Series([1e9, 5e8]))
    assert list(out) == [2e7, -5e6]


def test_window_sum_requires_every_year():
    s = pd.Series([1.0, 2.0, 3.0], index=[2001, 2002, 2004])
    assert ind.window_sum(s, 2001, 2002) == (3.0, 2)
    total, n = ind.window_sum(s, 2001, 2004)
    assert math.isnan(total) and n == 3
