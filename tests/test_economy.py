"""Helpers, verdict rules, new data and figures of the economy chapter (hand-made frames where possible)."""
import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

from centralasia import economy as ec, load, rules  # noqa: E402
from centralasia.errors import DataError  # noqa: E402
from centralasia.figures import economy as figs  # noqa: E402
from centralasia.pipeline.steps import econ_facts  # noqa: E402
from centralasia.verdicts import economy as verdicts  # noqa: E402


def rates(**columns):
    return pd.DataFrame(columns, index=[2019, 2020])


def test_weighting_reverses_an_unweighted_surprise():
    # a big economy exactly on forecast and a tiny one far above it
    expected = rates(BIG=[5.0, 5.0], TINY=[5.0, 5.0])
    actual = rates(BIG=[5.0, 5.0], TINY=[20.0, 20.0])
    out = ec.forecast_outturn(expected, actual, 2019, 2020, {"size": pd.Series({"BIG": 99.0, "TINY": 1.0})})
    assert out.loc["The five, unweighted mean", "difference"] > 10
    assert abs(out.loc["The five, weighted by size", "difference"]) < 0.5


def test_cumulative_growth_refuses_a_gap():
    with pytest.raises(ValueError):
        ec.cumulative_growth(rates(A=[1.0, 2.0]), 2019, 2021)


def test_vintage_ratios_compare_each_vintage_with_its_own_base():
    old = pd.DataFrame({"A": [40.0, 80.0]}, index=[2018, 2023])   # old vintage: base 40, doubling expected
    new = pd.DataFrame({"A": [50.0, 90.0]}, index=[2018, 2023])   # new vintage: higher base, higher level
    out = ec.vintage_ratios(old, new, 2018, 2023)
    assert out.loc["A", "ratio_forecast"] == 2.0 and out.loc["A", "ratio_outturn"] == pytest.approx(1.8)
    assert out.loc["The five", "base_outturn_vintage"] == 50.0  # levels kept for the record, never compared


def test_shares_side_by_side_need_the_same_countries():
    with pytest.raises(ValueError):
        ec.shares_side_by_side(pd.Series({"A": 1.0, "B": 1.0}), pd.Series({"A": 1.0}))
    out = ec.shares_side_by_side(pd.Series({"A": 3.0, "B": 1.0}), pd.Series({"A": 1.0, "B": 1.0}))
    assert out.loc["A", "market"] == 75.0 and out.loc["A", "ppp"] == 50.0


def test_chained_growth_ignores_an_entering_economy():
    gdp = pd.DataFrame({"A": [100.0, 110.0], "B": [None, 1000.0]}, index=[2000, 2001])
    assert ec.chained_growth(gdp).loc[2001] == pytest.approx(10.0)


def test_peer_comparison_on_the_data():
    p = verdicts.peers(2009, 2018)
    assert p["n_peers"] > 100 and 0 < p["share_of_peers_below"] < 100
    assert p["group_per_person"] < p["group"]  # population grew


def test_c31_is_unverified_and_can_be_contradicted():
    a = verdicts.c31()
    assert rules.grade("quantity", "as_written", a.as_written).verdict == "unverified"
    tiny = {"first": 2006, "last": 2018, "years": 13, "total_usd": 0.5e9, "claim_share_pct": 220.0}
    f = verdicts.c31_finding(tiny, verdicts.fdi_statements())
    assert rules.grade("quantity", "as_written", f).verdict == "contradicted"


def test_c39_is_graded_on_a_series():
    a = verdicts.c39()
    assert a.as_written.series and a.since.series
    assert a.as_written.holds in ("yes", "partly", "no")


def test_econ_facts_checks_catch_faults():
    good = pd.read_csv("centralasia/reference/econ_facts.csv", dtype=str, keep_default_na=False)
    econ_facts.check(good.copy())
    for column, value in (("date", "2018/04/02"), ("subject", "KAZ-XXX"), ("source", "no link"),
                          ("value", "about ten"), ("topic", "gossip")):
        bad = good.copy()
        bad.loc[0, column] = value
        with pytest.raises(DataError):
            econ_facts.check(bad)
    dup = pd.concat([good, good.iloc[[0]]])
    with pytest.raises(DataError):
        econ_facts.check(dup)


def test_water_and_world_tables_load():
    water = load("aquastat_water")
    kgz = water[(water["iso3"] == "KGZ") & (water["indicator"] == "renewable_water_m3_per_person")]
    assert kgz["value"].min() > 1000
    world = load("gapminder_world_gdp")
    assert "ussr" not in set(world["geo"]) and world["income_group"].notna().all()


def test_figures_have_axes_series_and_labels():
    share = pd.DataFrame({"KAZ": [60.0, 62.0], "UZB": [40.0, 38.0]}, index=[2017, 2018])
    fig = figs.draw_shares(share)
    ax = fig.axes[0]
    assert "GDP" in ax.get_ylabel() and len(ax.collections) == 2
    fig = figs.draw_market_ppp(pd.DataFrame({"market": [60.0, 40.0], "ppp": [47.0, 53.0]}, index=["KAZ", "UZB"]), 2019)
    assert len(fig.axes[0].patches) == 4 and "2019" in fig.axes[0].get_xlabel()
    fig = figs.draw_peers(pd.Series([1.0, 2.0, 3.0]), {"The five": 5.3}, 2009, 2018)
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()][-1].startswith("The five")
    fig = figs.draw_water(pd.Series({"KGZ": 7034.0, "UZB": 468.0}), 2022)
    assert fig.axes[0].get_xscale() == "log" and len(fig.axes[0].patches) == 2
