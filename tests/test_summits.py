"""The summits chapter's computations, on small hand-made tables with known answers."""
import pandas as pd
import pytest

from centralasia import summits as sm


def _dates(*values):
    return pd.Series(pd.to_datetime(list(values)))


def test_days_from_nauryz_counts_before_and_after():
    offsets = sm.days_from_nauryz(_dates("2018-03-15", "2018-03-21", "2019-11-29", "2020-03-22"))
    assert offsets.tolist() == [-6, 0, 253, 1]


def test_on_eve_window_is_inclusive_and_before_only():
    offsets = pd.Series([-31, -30, -1, 0, 1], dtype="Int64")
    assert sm.on_eve_of_nauryz(offsets, window=30).tolist() == [False, True, True, True, False]


def test_gaps_in_months_sorts_and_leaves_first_missing():
    gaps = sm.gaps_in_months(_dates("2021-01-01", "2020-01-01"))
    assert pd.isna(gaps.iloc[0])
    assert gaps.iloc[1] == pytest.approx(366 / (365.25 / 12))  # 2020 is a leap year


def test_years_without():
    assert sm.years_without(_dates("2018-03-15", "2019-11-29", "2021-08-06"), 2018, 2022) == [2020, 2022]


def test_promise_test_on_a_toy_schedule():
    meetings = pd.DataFrame({"meeting_id": ["B", "A", "C"], "host": ["y", "x", "z"],
                             "date": pd.to_datetime(["2019-03-01", "2018-03-20", "2020-09-21"])})
    t = sm.promise_test(meetings, window=30)
    assert t["meeting_id"].tolist() == ["A", "B", "C"]
    assert t["days_from_nauryz"].tolist() == [-1, -20, 184]
    assert t["on_eve"].tolist() == [True, True, False]
    assert t["gap_months"].round(2).tolist()[1:] == [round(346 / (365.25 / 12), 2), round(570 / (365.25 / 12), 2)]


def test_event_dates_by_precision():
    out = sm.event_dates(pd.Series(["1993", "2019-11", "2022-07-21"]), pd.Series(["year", "month", "day"]))
    assert out.tolist() == [pd.Timestamp("1993-07-01"), pd.Timestamp("2019-11-15"), pd.Timestamp("2022-07-21")]
    with pytest.raises(ValueError):
        sm.event_dates(pd.Series(["2019"]), pd.Series(["decade"]))


@pytest.mark.parametrize("title, countries, expected", [
    ("First Central Asia-Russia summit", "KAZ;KGZ;TJK;TKM;UZB;RUS", "Russia"),
    ("First EU-Central Asia summit", "KAZ;KGZ;TJK;TKM;UZB", "European Union"),
    ("First GCC-Central Asia summit", "KAZ;KGZ;TJK;TKM;UZB", "Gulf states (GCC)"),
    ("First Central Asia + Japan summit", "KAZ;KGZ;TJK;TKM;UZB", "Japan"),
    ("Fifth Consultative Meeting of Central Asian heads of state", "KAZ;KGZ;TJK;TKM;UZB;AZE", None),
    ("IFAS summit with all five presidents", "KAZ;KGZ;TJK;TKM;UZB", None),
])
def test_partner_of(title, countries, expected):
    assert sm.partner_of(title, countries) == expected


def test_outside_summits_needs_all_five_and_a_summit():
    five = "KAZ;KGZ;TJK;TKM;UZB"
    events = pd.DataFrame({
        "event_id": ["E1", "E2", "E3", "E4", "E5"],
        "date": ["2022-10-14", "2015-11-01", "2025-06-17", "2024-06-06", "2023-05-18"],
        "date_precision": ["day"] * 5,
        "type": ["summit", "ministerial", "treaty", "transport", "summit"],
        "title": ["First Central Asia-Russia summit", "C5+1 ministerial", "Second China-Central Asia summit; treaty",
                  "railway agreement", "First China-Central Asia summit"],
        "countries": [five + ";RUS", five + ";USA", five + ";CHN", "CHN;KGZ;UZB", five + ";CHN"],
    })
    out = sm.outside_summits(events)
    assert out["event_id"].tolist() == ["E1", "E5", "E3"]
    assert out["partner"].tolist() == ["Russia", "China", "China"]
    by_year = sm.partners_by_year(out, 2021, 2025)
    assert by_year.tolist() == [0, 1, 2, 2, 2]


def _attendance():
    return pd.DataFrame({
        "meeting_id": ["M1"] * 3 + ["M2"] * 3,
        "number": [1] * 3 + [2] * 3,
        "date": pd.to_datetime(["2018-03-15"] * 3 + ["2019-11-29"] * 3),
        "host": ["Astana"] * 3 + ["Tashkent"] * 3,
        "host_iso3": ["KAZ"] * 3 + ["UZB"] * 3,
        "iso3": ["KAZ", "TKM", "UZB", "KAZ", "UZB", "AZE"],
        "role": ["member", "member", "member", "member", "member", "guest"],
        "attendance": ["head_of_state", "other", "head_of_state", "unknown", "head_of_state", "head_of_state"],
    })


def test_attendance_grid_and_counts():
    grid = sm.attendance_grid(_attendance(), states=("KAZ", "TKM", "UZB", "AZE"))
    assert grid.loc["M1"].tolist() == ["HoS", "other", "HoS", ""]
    assert grid.loc["M2"].tolist() == ["?", "", "HoS", "HoS (guest)"]
    counts = sm.heads_of_state_count(_attendance())
    assert counts.to_dict() == {"M1": 2, "M2": 1}  # the guest does not count


def test_meetings_from_attendance_one_row_each():
    m = sm.meetings_from_attendance(_attendance())
    assert m["meeting_id"].tolist() == ["M1", "M2"]


@pytest.mark.parametrize("url, kind", [
    ("https://en.inform.kz/news/x", "official"),
    ("https://turkmenistan.gov.tm/en/post/1", "official"),
    ("https://rferl.org/amp/x.html", "international"),
    ("https://24.kg/english/1/", "regional"),
    ("https://notinform.kz/x", "regional"),  # suffix must match a whole domain label
])
def test_source_kind(url, kind):
    assert sm.source_kind(url) == kind


def test_source_kinds_of_a_field():
    field = "A. Kazinform, 2019. https://www.inform.kz/a ; B. RFE/RL. https://www.rferl.org/b"
    assert sm.source_kinds(field) == {"official", "international"}


def test_midpoint_ignores_missing():
    assert sm.midpoint([1, None, 3, float("nan")]) == 2


def _chronology():
    five = "KAZ;KGZ;TJK;TKM;UZB"
    return pd.DataFrame({
        "event_id": ["E1", "E2", "E3", "E4", "E5", "E6", "E7"],
        "date": ["1998-01", "2009-04-28", "2018-03-15", "2018-07-06", "2020-10-23", "2022-01-25", "2023-05-19"],
        "date_precision": ["month", "day", "day", "day", "day", "day", "day"],
        "year": [1998, 2009, 2018, 2018, 2020, 2022, 2023],
        "type": ["summit"] * 7,
        "title": ["Ashgabat meeting", "IFAS summit", "First Consultative Meeting", "Anniversary reception",
                  "Planned meeting called off", "China-Central Asia virtual summit",
                  "First in-person China-Central Asia summit"],
        "countries": [five, five, five, "KAZ;KGZ;TJK;UZB", five, five + ";CHN", five + ";CHN"],
        "classification": ["held", "held", "held_partial", "ceremony", "cancelled", "held", "held"],
    })


def test_summit_counts_split_by_period_and_classification():
    t = sm.summit_counts(_chronology(), split=2017)
    assert list(t.columns) == ["1998–2016", "2017–2023"]
    assert t.loc["held"].tolist() == [2, 2]
    assert t.loc["held_partial"].tolist() == [0, 1]
    assert t.loc["cancelled"].tolist() == [0, 1]
    assert t.loc["ceremony"].tolist() == [0, 1]
    assert t.loc["total"].tolist() == [2, 5]
    assert len(sm.held_summits(_chronology())) == 5


def test_outside_summits_skip_cancelled_and_ceremonies_and_order_partners():
    ev = _chronology()
    ev.loc[ev["event_id"] == "E7", "classification"] = "cancelled"
    out = sm.partner_order(sm.outside_summits(ev))
    assert out["event_id"].tolist() == ["E6"]
    out = sm.partner_order(sm.outside_summits(_chronology()))
    assert out["event_id"].tolist() == ["E6", "E7"] and out["nth"].tolist() == [1, 2]


def test_five_party_before_skips_partners_ceremonies_and_cancellations():
    last = sm.five_party_before(_chronology(), pd.Timestamp("2018-03-15"))
    assert last["event_id"] == "E2"
    last = sm.five_party_before(_chronology(), pd.Timestamp("2024-01-01"))
    assert last["event_id"] == "E3"  # E4 ceremony, E5 cancelled, E6/E7 have a partner


def test_n_sources_counts_distinct_hosts():
    text = "A. https://www.inform.kz/x ; B. https://en.inform.kz/y ; C. http://inform.kz/z ; D. https://rferl.org/a"
    assert sm.n_sources(text) == 3  # www. is dropped; en.inform.kz counts as its own host
    assert sm.n_sources("none found") == 0


def test_figures_draw_the_series_they_are_given():
    import matplotlib
    matplotlib.use("Agg")
    from centralasia.figures import summits as fs
    ev = _chronology()
    ev["when"] = sm.event_dates(ev["date"], ev["date_precision"])
    fig = fs.draw_timeline(ev, kinds=("summit",), years=(1991, 2026), article=pd.Timestamp("2019-03-29"))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Summits (5)"]  # ceremony and cancellation not counted
    assert [len(c.get_offsets()) for c in ax.collections] == [5, 2]
    out = sm.partner_order(sm.outside_summits(_chronology()))
    fig = fs.draw_partners(out, sm.partners_by_year(out, 2021, 2025))
    left, right = fig.axes
    assert [t.get_text() for t in left.get_yticklabels()] == ["China (2)"]
    assert [p.get_height() for p in right.patches] == [0, 1, 1, 1, 1]
    promise = sm.promise_test(pd.DataFrame({"meeting_id": ["A", "B"], "host": ["Astana", "Tashkent"],
                                            "date": pd.to_datetime(["2018-03-15", "2019-11-29"])}))
    fig = fs.draw_nauryz(promise, window=30, cancelled_years=(2020,))
    ax = fig.axes[0]
    assert ax.collections[-1].get_offsets()[:, 1].tolist() == [-6, 253]
    assert ax.get_legend().get_texts()[-1].get_text() == "2020: meeting called off"
