"""centralasia.trade on small hand-made tables whose answers are known."""
import pandas as pd
import pytest

from centralasia import trade


def table(*rows):
    """Rows: (reporter, partner, flow, year, month_start, month_end, value_usd[, attributed_to])."""
    records = []
    for i, r in enumerate(rows, 1):
        reporter, partner, flow, year, m0, m1, value, *who = r
        period = ("unclear" if m0 is None else "full year" if (m0, m1) == (1, 12)
                  else f"m{m0}-m{m1}")
        records.append(dict(
            statement=i, scope="bilateral", pair="-".join(sorted((reporter, partner))),
            reporter=reporter, partner=partner, flow=flow, year=year, period=period,
            month_start=m0, month_end=m1, value_usd=value, doubtful=False,
            period_as_stated=period, attributed_to=who[0] if who else "office"))
    frame = pd.DataFrame(records)
    frame["month_start"] = frame["month_start"].astype("Int64")
    frame["month_end"] = frame["month_end"].astype("Int64")
    frame["value_usd"] = frame["value_usd"].astype("Float64")
    return frame


def test_growth_from_matched_periods():
    t = table(("AAA", "BBB", "turnover", 2017, 1, 3, 100.0),
              ("AAA", "BBB", "turnover", 2018, 1, 3, 130.0))
    assert trade.growth(t.iloc[0], t.iloc[1]) == pytest.approx(30.0)


def test_growth_refuses_part_year_against_full_year():
    t = table(("AAA", "BBB", "turnover", 2017, 1, 12, 100.0),
              ("AAA", "BBB", "turnover", 2018, 1, 10, 90.0))
    with pytest.raises(trade.PeriodMismatch, match="different periods.*12 months.*10 months"):
        trade.growth(t.iloc[0], t.iloc[1])


def test_growth_refuses_unclear_period():
    t = table(("AAA", "BBB", "turnover", 2017, 1, 6, 100.0),
              ("AAA", "BBB", "turnover", 2018, None, None, 90.0))
    with pytest.raises(trade.PeriodMismatch, match="does not state which months"):
        trade.growth(t.iloc[0], t.iloc[1])


def test_growth_refuses_mixing_reporting_sides():
    t = table(("AAA", "BBB", "turnover", 2017, 1, 12, 100.0),
              ("BBB", "AAA", "turnover", 2018, 1, 12, 120.0))
    with pytest.raises(ValueError, match="reporter"):
        trade.growth(t.iloc[0], t.iloc[1])


def test_matched_growth_uses_only_same_side_same_months_consecutive_years():
    t = table(("AAA", "BBB", "turnover", 2016, 1, 12, 200.0),
              ("AAA", "BBB", "turnover", 2017, 1, 12, 250.0),   # +25 % on 2016
              ("AAA", "BBB", "turnover", 2018, 1, 10, 300.0),   # part-year: no partner
              ("BBB", "AAA", "turnover", 2018, 1, 12, 400.0),   # other side: no 2017
              ("AAA", "BBB", "turnover", 2020, 1, 12, 500.0))   # 2019 missing
    out = trade.matched_growth(t)
    assert len(out) == 1
    row = out.iloc[0]
    assert (row["reporter"], row["year_from"], row["year_to"]) == ("AAA", 2016, 2017)
    assert row["growth_pct"] == pytest.approx(25.0)
    assert bool(row["same_attribution"])


def test_mirror_pairs_turnover_and_exports_against_imports():
    t = table(("AAA", "BBB", "turnover", 2018, 1, 12, 120.0),
              ("BBB", "AAA", "turnover", 2018, 1, 12, 80.0),
              ("AAA", "BBB", "exports", 2018, 1, 9, 50.0),
              ("BBB", "AAA", "imports", 2018, 1, 9, 70.0),
              ("BBB", "AAA", "exports", 2018, 1, 9, 10.0))      # its mirror was not reported
    out = trade.mirror(t)
    assert list(out["flow"]) == ["exports", "turnover"]
    turnover = out[out["flow"] == "turnover"].iloc[0]
    assert (turnover["reporter_1"], turnover["reporter_2"]) == ("AAA", "BBB")
    assert turnover["gap_usd"] == pytest.approx(40.0)
    assert turnover["gap_pct_of_mean"] == pytest.approx(40.0)   # 40 / mean(120, 80)
    exports = out[out["flow"] == "exports"].iloc[0]
    assert (exports["value_1"], exports["value_2"]) == (50.0, 70.0)
    assert exports["gap_pct_of_mean"] == pytest.approx(100 * 20 / 60)


def test_mirror_never_matches_different_periods_and_lists_them():
    t = table(("AAA", "BBB", "turnover", 2017, 1, 11, 110.0),
              ("BBB", "AAA", "turnover", 2017, 1, 12, 240.0),
              ("AAA", "BBB", "turnover", 2018, None, None, 100.0),
              ("BBB", "AAA", "turnover", 2018, None, None, 100.0))
    assert trade.mirror(t).empty
    refused = trade.unmatched_mirrors(t)
    assert list(refused["year"]) == [2017, 2018]
    assert list(refused["period_1"]) == ["m1-m11", "unclear"]


def test_mirror_skips_doubtful_and_growth_only_rows():
    t = table(("AAA", "BBB", "turnover", 2017, 1, 12, 80.0),
              ("BBB", "AAA", "turnover", 2017, 1, 12, 800.0),
              ("BBB", "AAA", "turnover", 2017, 1, 12, None))
    t.loc[0, "doubtful"] = True
    assert trade.mirror(t).empty


def test_two_figures_from_one_side_for_one_period_are_ambiguous():
    t = table(("AAA", "BBB", "turnover", 2017, 1, 12, 80.0),
              ("AAA", "BBB", "turnover", 2017, 1, 12, 90.0),
              ("BBB", "AAA", "turnover", 2017, 1, 12, 100.0))
    with pytest.raises(ValueError, match="several figures"):
        trade.mirror(t)
    with pytest.raises(ValueError, match="several"):
        trade.figures(t, "AAA", "BBB")


def test_figures_keep_one_side_and_one_period():
    t = table(("AAA", "BBB", "turnover", 2017, 1, 12, 80.0),
              ("AAA", "BBB", "turnover", 2018, 1, 3, 30.0),
              ("BBB", "AAA", "turnover", 2018, 1, 12, 100.0),
              ("AAA", "BBB", "turnover", 2018, 1, 12, 95.0))
    series = trade.figures(t, "AAA", "BBB")
    assert series.to_dict() == {2017: 80.0, 2018: 95.0}


def test_the_published_table_obeys_the_rules():
    """On the real table: no mirror compares different months; growth rates use one side."""
    import centralasia as ca
    statements = ca.load("trade_statements")
    m = trade.mirror(statements)
    assert not m.empty
    rows = statements.set_index("statement")
    for a, b in zip(m["statement_1"], m["statement_2"]):
        assert rows.loc[a, "period_months"] == rows.loc[b, "period_months"]
        assert rows.loc[a, "reporter"] != rows.loc[b, "reporter"]


def test_table_builders_keep_rows_and_convert_units():
    import pandas as pd
    from centralasia import trade as tr
    gaps = pd.DataFrame({"pair": ["KAZ-KGZ"], "year": [2022], "speaker_1": ["a"], "value_1": [1.3e9],
                         "speaker_2": ["b"], "value_2": [1.2e9], "gap_pct_of_mean": [8.0]})
    table = tr.gap_table(gaps)
    assert table.loc[0, "pair"] == "KAZ–KGZ" and table.loc[0, "A, US$ m"] == 1300.0
    growth_rows = pd.DataFrame({"pair": ["KAZ-UZB"], "reporter": ["KAZ"], "period": ["Jan-Mar"],
                                "year_from": [2017], "year_to": [2018], "growth_pct": [30.0]})
    assert tr.growth_table(growth_rows).loc[0, "years"] == "2017→2018"
    statements = pd.DataFrame({"scope": ["bilateral", "bilateral", "intra-CA5"],
                               "period": ["full year", "Jan-Mar", "unclear"], "statement": ["x", "y", "z"]})
    cov = tr.coverage_table(statements).set_index("scope")
    assert cov.loc["bilateral", "full year"] == 1 and cov.loc["bilateral", "part year"] == 1
    assert cov.loc["intra-CA5", "unclear"] == 1


def test_explorer_frame_keeps_only_trade_measures_and_chosen_countries():
    import pandas as pd
    from centralasia import trade as tr
    econ = pd.DataFrame({"iso3": ["KAZ", "KAZ", "RUS", "KAZ"], "year": [2000, 2000, 2000, 2001],
                         "indicator": ["trade_pct_gdp", "gdp_growth_pct", "trade_pct_gdp", "trade_pct_gdp"],
                         "value": [50.0, 3.0, 40.0, None]})
    frame = tr.explorer_frame(econ, ["KAZ"])
    assert list(frame.columns) == ["iso3", "indicator", "year", "value"]
    assert frame.to_dict("records") == [{"iso3": "KAZ", "indicator": "trade_pct_gdp", "year": 2000, "value": 50.0}]
