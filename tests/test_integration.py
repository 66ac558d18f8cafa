"""The integration index's machinery, on hand-made inputs whose answers are known."""
import numpy as np
import pandas as pd
import pytest

from centralasia import integration as ig


def _scores():
    return pd.DataFrame({"a": [1.0, 0.0, 0.5], "b": [0.0, 0.0, np.nan], "c": [0.5, 1.0, np.nan]},
                        index=["X", "Y", "Z"])


def test_bounded_rescales_with_fixed_bounds_and_clips():
    assert ig.bounded(1.0, 0.0, 2.0) == 0.5
    assert ig.bounded(np.array([-1.0, 0.0, 3.0, 5.0]), 1.0, 3.0).tolist() == [0.0, 0.0, 1.0, 1.0]
    s = ig.bounded(pd.Series([0.2, -0.1], index=["p", "q"]), 0.0, 1.0)
    assert s.to_dict() == {"p": 0.2, "q": 0.0}
    with pytest.raises(ValueError):
        ig.bounded(1.0, 2.0, 2.0)


def test_equal_weights():
    assert ig.equal_weights(["a", "b", "c", "d"]).tolist() == [0.25] * 4
    with pytest.raises(ValueError):
        ig.equal_weights([])


def test_aggregate_equal_weights_and_renormalised_missing():
    out = ig.aggregate(_scores())
    assert out["X"] == pytest.approx(0.5)          # (1 + 0 + 0.5) / 3
    assert out["Y"] == pytest.approx(1 / 3)
    assert pd.isna(out["Z"])                       # one of three dimensions: coverage 1/3 < 0.5
    low = ig.aggregate(_scores(), min_coverage=0.3)
    assert low["Z"] == pytest.approx(0.5)          # the one present score, not 0.5/3


def test_aggregate_with_weights_is_a_weighted_mean():
    out = ig.aggregate(_scores(), {"a": 2, "b": 1, "c": 1})
    assert out["X"] == pytest.approx((2 * 1 + 0 + 0.5) / 4)
    # Z has only 'a' (weight 2 of 4 = exactly the 50% coverage rule): kept
    assert out["Z"] == pytest.approx(0.5)


def test_coverage_is_the_share_of_weight_present():
    cov = ig.coverage(_scores(), {"a": 2, "b": 1, "c": 1})
    assert cov.to_dict() == {"X": 1.0, "Y": 1.0, "Z": 0.5}


def test_aggregate_rejects_bad_inputs():
    with pytest.raises(ValueError, match="in \\[0, 1\\]"):
        ig.aggregate(pd.DataFrame({"a": [1.5]}))
    with pytest.raises(ValueError, match="differ"):
        ig.aggregate(_scores(), {"a": 1, "b": 1})
    with pytest.raises(ValueError, match="non-negative"):
        ig.aggregate(_scores(), {"a": -1, "b": 1, "c": 1})


def test_leave_one_out():
    loo = ig.leave_one_out(_scores().loc[["X", "Y"]])
    assert loo.loc["X"].to_dict() == pytest.approx({"a": 0.25, "b": 0.75, "c": 0.5})
    assert loo.loc["Y"].to_dict() == pytest.approx({"a": 0.5, "b": 0.5, "c": 0.0})


def test_dirichlet_weights_are_seeded_and_sum_to_one():
    w1 = ig.dirichlet_weights(["a", "b", "c"], n=200, seed=2019)
    w2 = ig.dirichlet_weights(["a", "b", "c"], n=200, seed=2019)
    pd.testing.assert_frame_equal(w1, w2)
    assert np.allclose(w1.sum(axis=1), 1.0)
    assert (w1 > 0).all().all()
    assert not w1.equals(ig.dirichlet_weights(["a", "b", "c"], n=200, seed=1))


def test_random_weights_stay_between_the_smallest_and_largest_score():
    scores = _scores().loc[["X", "Y"]]
    draws = ig.random_weights(scores, n=300)
    assert draws.shape == (300, 2)
    assert (draws["X"] >= 0).all() and (draws["X"] <= 1).all()
    # a unit with identical scores on every dimension has the same index under every weighting
    same = pd.DataFrame({"a": [0.4], "b": [0.4], "c": [0.4]}, index=["S"])
    assert np.allclose(ig.random_weights(same, n=50)["S"], 0.4)


def test_sensitivity_summary():
    out = ig.sensitivity(_scores().loc[["X", "Y"]], n=500)
    assert out.loc["X", "index"] == pytest.approx(0.5)
    assert out.loc["X", "loo_min"] == pytest.approx(0.25) and out.loc["X", "loo_max"] == pytest.approx(0.75)
    assert out.loc["X", "random_min"] <= out.loc["X", "random_lo"] <= out.loc["X", "random_median"] \
        <= out.loc["X", "random_hi"] <= out.loc["X", "random_max"]
    # under a flat Dirichlet every dimension has expected weight 1/3: the mean is the baseline
    draws = ig.random_weights(_scores().loc[["X"]], n=4000)
    assert draws["X"].mean() == pytest.approx(0.5, abs=0.02)


def test_rank_ranges():
    draws = pd.DataFrame({"P": [0.9, 0.2], "Q": [0.5, 0.5], "R": [0.1, 0.8]})
    r = ig.rank_ranges(draws)
    assert r.loc["P"].tolist() == [1, 3] and r.loc["Q"].tolist() == [2, 2] and r.loc["R"].tolist() == [1, 3]


FIVE = ("A", "B", "C")


def test_pair_shares_per_state_and_region():
    ok = {("A", "B"): True, ("A", "C"): False, ("B", "C"): True}
    s = ig.pair_shares(ok, FIVE)
    assert s.to_dict() == pytest.approx({"A": 0.5, "B": 1.0, "C": 0.5, ig.REGION: 2 / 3})
    assert pd.isna(ig.pair_shares({("A", "B"): True}, FIVE)["C"])


def test_internal_pairs_from_adjacency():
    adj = pd.DataFrame({"iso3": ["A", "B", "A", "C", "A"], "neighbour_iso3": ["B", "A", "C", "A", "Z"]})
    assert ig.internal_pairs(adj, FIVE) == [("A", "B"), ("A", "C")]


def test_meetings_scores_window_benchmark_and_cap():
    meetings = pd.DataFrame({"year": [2016, 2017, 2018, 2018, 2019, 2019, 2019, 2019, 2019]})
    assert ig.meetings_scores(meetings, 2018, window=3, benchmark=2, five=FIVE)["A"] == pytest.approx(4 / 3 / 2)
    assert ig.meetings_scores(meetings, 2019, window=3, benchmark=2, five=FIVE)[ig.REGION] == 1.0  # 8/3 capped
    assert ig.meetings_scores(meetings, 2010, five=FIVE)["B"] == 0.0


def test_five_party_meetings_drop_partners_and_meetings_not_held():
    five = "KAZ;KGZ;TJK;TKM;UZB"
    events = pd.DataFrame({
        "event_id": ["E1", "E2", "E3", "E4", "E5", "E6"],
        "date": ["2018-03-15", "2019-01-01", "2020-10-23", "2022-10-14", "2021-01-01", "2023-01-01"],
        "year": [2018, 2019, 2020, 2022, 2021, 2023],
        "type": ["summit", "ministerial", "summit", "summit", "summit", "culture"],
        "title": ["First Consultative Meeting", "C5 foreign ministers meet", "Planned meeting called off",
                  "First Central Asia-Russia summit", "Bilateral summit", "Festival"],
        "countries": [five, five, five, five + ";RUS", "KAZ;UZB", five]})
    out = ig.five_party_meetings(events)
    assert out["event_id"].tolist() == ["E1", "E2"]


def test_peace_scores_window():
    fighting = pd.DataFrame({"pair": [("A", "B")], "year": [2021], "best": [10]})
    pairs = [("A", "B"), ("B", "C")]
    before = ig.peace_scores(fighting, pairs, 2020, window=3, five=FIVE)
    during = ig.peace_scores(fighting, pairs, 2023, window=3, five=FIVE)
    after = ig.peace_scores(fighting, pairs, 2024, window=3, five=FIVE)
    assert before.to_dict() == {"A": 1.0, "B": 1.0, "C": 1.0, ig.REGION: 1.0}
    assert during["A"] == 0.0 and during["B"] == 0.5 and during[ig.REGION] == 0.5
    assert after[ig.REGION] == 1.0


def test_fighting_pairs_keeps_interstate_dyads_within_the_group():
    dyads = pd.DataFrame({"type_of_conflict": ["interstate", "intrastate", "interstate"],
                          "side_a_iso3": ["B", "A", "A"], "side_b_iso3": ["A", pd.NA, "Z"],
                          "year": [2021, 2000, 2001], "best": [5, 7, 9]})
    out = ig.fighting_pairs(dyads, FIVE)
    assert out.to_dict("records") == [{"pair": ("A", "B"), "year": 2021, "best": 5}]


def test_alignment_scores_on_toy_votes():
    # Three roll calls in 2018; A and B vote identically (kappa 1), C opposes B on every one.
    matrix = pd.DataFrame({"A": [0, 1, 2], "B": [0, 1, 2], "C": [1, 0, 0]}, index=[1, 2, 3], dtype="int8")
    calls = pd.DataFrame({"rcid": [1, 2, 3], "year": [2018, 2018, 2018]})
    s = ig.alignment_scores(matrix, calls, 2018, window=1, five=FIVE)
    assert s["A"] <= 1 and s[ig.REGION] >= 0
    assert s["A"] == pytest.approx(s["B"])
    assert s["C"] == 0.0  # negative kappa with both partners is set to 0
    assert ig.alignment_scores(matrix, calls, 2025, window=1, five=FIVE).isna().all()


def test_visa_open_scores_count_both_directions():
    rows = [(p, d, "visa_free") for p in FIVE for d in FIVE if p != d]
    rows = [(p, d, "visa_required" if (p, d) == ("A", "B") else "visa_on_arrival" if (p, d) == ("C", "A") else c)
            for p, d, c in rows]
    req = pd.DataFrame(rows, columns=["passport", "destination", "category"]).assign(snapshot=2019)
    s = ig.visa_open_scores(req, 2019, FIVE)  # visa on arrival counts as open (people.OPEN)
    assert s.to_dict() == pytest.approx({"A": 3 / 4, "B": 3 / 4, "C": 1.0, ig.REGION: 5 / 6})
    strict = ig.visa_open_scores(req, 2019, FIVE, open_=("visa_free",))
    assert strict.to_dict() == pytest.approx({"A": 2 / 4, "B": 3 / 4, "C": 3 / 4, ig.REGION: 4 / 6})
    assert ig.visa_open_scores(req.iloc[1:], 2019, FIVE).isna().all()  # a missing pair: no score
    assert ig.visa_open_scores(req, 2025, FIVE).isna().all()


def test_emigrant_share_scores():
    pairs = pd.DataFrame({"year": 2019, "origin": ["A", "A", "B", "A", "C"], "destination": ["B", "C", "A", "Z", "Z"],
                          "migrant_stock": [10, 30, 5, 60, 20]})
    totals = pd.DataFrame({"year": 2019, "iso3": ["A", "B", "C"], "direction": "emigrants",
                           "migrant_stock": [100, 50, 20]})
    s = ig.emigrant_share_scores(pairs, totals, 2019, FIVE)
    assert s.to_dict() == pytest.approx({"A": 0.4, "B": 0.1, "C": 0.0, ig.REGION: 45 / 170})


# ---------------------------------------------------------------- 0.2.0: the formal-ties index

def _ideal():
    rows = [("KAZ", 2018, 0.0), ("KGZ", 2018, 0.2), ("TJK", 2018, 0.4), ("TKM", 2018, -0.4), ("UZB", 2018, 0.0),
            ("USA", 2018, 2.0), ("RUS", 2018, -1.0), ("KAZ", 2017, 0.2)]
    return pd.DataFrame(rows, columns=["iso3", "year", "ideal_point"])


def test_ideal_point_alignment_uses_window_means_and_a_fixed_bound():
    ideal = _ideal()
    pts = ig.window_ideal_points(ideal, 2018, window=2)
    assert pts["KAZ"] == pytest.approx(0.1)          # mean of 2017 and 2018
    assert ig.reference_gap(ideal, 2018) == pytest.approx(3.0)
    with pytest.raises(ValueError):
        ig.reference_gap(ideal, 2017)
    d = ig.ideal_distances(pd.Series({"KAZ": 0.0, "KGZ": 0.0, "TJK": 0.0, "TKM": 1.0, "UZB": 0.0}))
    assert d["TKM"] == pytest.approx(1.0) and d["KAZ"] == pytest.approx(0.25)
    assert d["Region"] == pytest.approx(0.4)         # 4 of 10 pairs at distance 1
    s = ig.alignment_ideal_scores(d, 2.0)
    assert s["TKM"] == pytest.approx(0.5) and ig.alignment_ideal_scores(d, 0.5)["TKM"] == 0.0
    with pytest.raises(ValueError):
        ig.alignment_ideal_scores(d, 0.0)


def test_decompose_sums_to_the_change_and_rejects_gaps():
    before = pd.DataFrame({"a": [0.0, 0.5], "b": [1.0, 0.5]}, index=["X", "Y"])
    after = pd.DataFrame({"a": [1.0, 0.5], "b": [0.5, 0.5]}, index=["X", "Y"])
    out = ig.decompose(before, after)
    assert out.loc["X"].to_dict() == pytest.approx({"a": 0.5, "b": -0.25, "total": 0.25})
    assert out["total"].tolist() == pytest.approx((ig.aggregate(after) - ig.aggregate(before)).tolist())
    with pytest.raises(ValueError):
        ig.decompose(before, after.assign(a=[np.nan, 0.5]))
    with pytest.raises(ValueError):
        ig.decompose(before, after[["b", "a"]])


def test_geometric_and_gated_do_not_compensate():
    s = pd.DataFrame({"peace": [0.5, 1.0], "x": [1.0, 0.0], "y": [1.0, 1.0]}, index=["W", "Z"])
    assert ig.aggregate(s)["W"] == pytest.approx(2.5 / 3)
    assert ig.gated(s)["W"] == pytest.approx(0.5)              # peace x mean(1, 1)
    assert ig.gated(s)["Z"] == pytest.approx(0.5)              # 1 x mean(0, 1)
    assert ig.geometric(s)["Z"] == pytest.approx(ig.GEOMETRIC_FLOOR ** (1 / 3))
    assert ig.geometric(s)["W"] == pytest.approx(0.5 ** (1 / 3))


def _index_data():
    events = pd.DataFrame({
        "event_id": ["B1", "B2", "M1", "M2", "M3"],
        "date": ["2001-05-01", "2020-05-01", "2018-03-15", "2024-03-15", "2025-03-15"],
        "year": [2001, 2020, 2018, 2024, 2025],
        "type": ["border_agreement", "border_agreement", "summit", "summit", "summit"],
        "title": ["Kazakhstan-Kyrgyzstan state border treaty", "Kyrgyzstan-Tajikistan state border treaty",
                  "Meeting of the five", "Meeting of the five", "Meeting of the five"],
        "countries": ["KAZ;KGZ", "KGZ;TJK", *["KAZ;KGZ;TJK;TKM;UZB"] * 3],
        "description": [""] * 5,
    })
    pairs = (("KAZ", "KGZ"), ("KGZ", "TJK"))
    acts = ig.delimiting_acts(events, pairs)
    meetings = events[events["type"] == "summit"][["event_id", "year"]]
    ideal = pd.DataFrame([(c, y, 0.0) for c in [*ig.FIVE, "USA", "RUS"] for y in (2018, 2025)],
                         columns=["iso3", "year", "ideal_point"])
    ideal.loc[ideal["iso3"] == "USA", "ideal_point"] = 2.0
    fighting = pd.DataFrame({"pair": [("KGZ", "TJK")], "year": [2022], "best": [100]})
    mob = pd.Series(0.5, index=[*ig.FIVE, ig.REGION])
    return ig.IndexData(meetings, acts, pairs, ideal, fighting, {2019: mob, 2025: mob}, ig.reference_gap(ideal)), events


POINTS = {"then": dict(alignment=2018, meetings=2018, borders=2018, peace=2018, mobility=2019),
          "now": dict(alignment=2025, meetings=2025, borders=2025, peace=2023, mobility=2025)}


def test_border_acts_match_the_status_rules_and_can_be_dropped():
    data, events = _index_data()
    assert set(data.acts["event_id"]) == {"B1", "B2"}
    for year in (2018, 2021):
        fast = ig.border_scores_from_acts(data.acts, data.pairs, year)
        pd.testing.assert_series_equal(fast, ig.border_scores(events, data.pairs, year))
    assert ig.border_scores_from_acts(data.acts, data.pairs, 2021)["Region"] == 1.0
    assert ig.border_scores_from_acts(data.acts, data.pairs, 2021, keep={"B1"})["Region"] == 0.5


def test_point_scores_and_the_fast_path_agree():
    data, _ = _index_data()
    s = ig.point_scores(data, POINTS["now"])
    assert list(s.columns) == list(ig.DIMS)
    assert s.loc["TJK", "peace"] == 0.0 and s.loc["KAZ", "peace"] == 1.0
    assert s.loc["Region", "meetings"] == pytest.approx(1 / 3)   # 2 meetings in 3 years / benchmark 2
    fast = ig._Prepared(data, POINTS["now"]).scores(1.0, 0.5, keep={"B1", "M2"})
    slow = ig.point_scores(data, POINTS["now"], 1.0, 0.5, keep={"B1", "M2"})
    assert np.allclose(fast, slow.to_numpy(), equal_nan=True)


def test_uncertainty_is_seeded_paired_and_ranks_the_five():
    data, _ = _index_data()
    d1 = ig.uncertainty(data, POINTS, n=40)
    d2 = ig.uncertainty(data, POINTS, n=40)
    pd.testing.assert_frame_equal(d1, d2)
    assert len(d1) == 40 * 2 * 6
    assert d1.loc[d1["unit"] == "Region", "rank"].isna().all()
    ranks = d1.dropna(subset=["rank"]).groupby(["draw", "point"])["rank"].min()
    assert (ranks == 1).all()
    fixed = ig.uncertainty(data, POINTS, n=5, sources=())
    assert fixed.groupby(["point", "unit"])["index"].nunique().max() == 1   # nothing drawn: one value
    assert set(ig.uncertainty(data, POINTS, n=30, sources=("aggregation",))["aggregation"]) == set(ig.AGGREGATIONS)
    with pytest.raises(ValueError):
        ig.uncertainty(data, POINTS, n=1, sources=("luck",))
    iv = ig.rank_intervals(d1)
    assert ((iv["rank_lo"] <= iv["rank_median"]) & (iv["rank_median"] <= iv["rank_hi"])).all()
    assert ig.paired_change(d1, "then", "now").shape == (40,)


def test_in_words():
    assert ig.in_words(1) == "one" and ig.in_words(0) == "no" and ig.in_words(12) == "12"


def test_war_exchange_rate():
    assert ig.war_exchange_rate(7) == pytest.approx(2 / 7)
    assert ig.war_exchange_rate(7, benchmark=4.0) == pytest.approx(4 / 7)


def test_figures_draw_the_series_they_are_given():
    import matplotlib
    matplotlib.use("Agg")
    from centralasia.figures import integration as fi
    labels = {"a": "Alpha", "b": "Beta"}
    region = pd.DataFrame({"then": [0.2, 0.4], "now": [0.6, 0.8]}, index=["a", "b"])
    index = pd.DataFrame({"then": [0.3, 0.5], "now": [0.7, 0.9]}, index=["Xland", "Region"])
    fig = fi.draw_profile(region, index, labels)
    left, right = fig.axes
    assert [t.get_text() for t in left.get_yticklabels()] == ["Alpha", "Beta"]
    assert [p.get_width() for p in left.patches][:2] == [0.2, 0.4]
    assert "Formal-ties index" in right.get_xlabel()
    contrib = pd.DataFrame({"a": [0.1, -0.2], "b": [0.05, 0.0], "total": [0.15, -0.2]}, index=["Xland", "Region"])
    fig = fi.draw_decomposition(contrib, labels, uncapped=pd.Series({"Xland": 0.3, "Region": 0.0}))
    ax = fig.axes[0]
    assert sorted(round(p.get_width(), 2) for p in ax.patches) == [-0.2, 0.0, 0.05, 0.1]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"Alpha", "Beta", "Net change"} <= set(legend)
    iv = pd.DataFrame({"lo": [0.1, 0.2, 0.3, 0.4], "median": [0.2, 0.3, 0.4, 0.5], "hi": [0.3, 0.4, 0.5, 0.6]},
                      index=pd.MultiIndex.from_product([["then", "now"], ["Xland", "Yland"]]))
    rk = pd.DataFrame({"rank_lo": [1, 2, 1, 1], "rank_median": [1, 2, 2, 1], "rank_hi": [2, 2, 2, 2]}, index=iv.index)
    fig = fi.draw_intervals(iv, rk, ["then", "now"])
    assert [t.get_text() for t in fig.axes[1].get_yticklabels()] == ["Xland", "Yland"]
    assert "Rank" in fig.axes[1].get_xlabel()
    fig = fi.draw_reweighted({"then": region.T, "now": region.T}, {"a": 1.0, "b": 0.0}, {})
    assert [round(p.get_width(), 2) for p in fig.axes[0].patches][:2] == [0.2, 0.6]
