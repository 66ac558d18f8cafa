"""Transport measures on small hand-made tables with known answers."""
import math

import numpy as np
import pandas as pd
import pytest

from centralasia import transport

REGION = ("AAA", "BBB", "CCC")


def routes(rows):
    """rows: (airline, src airport, dst airport, src country, dst country, codeshare)."""
    frame = pd.DataFrame(rows, columns=["airline", "source_airport", "destination_airport",
                                        "src", "dst", "codeshare"])
    in_table = {"AAA", "BBB", "CCC", "RUS"}
    return pd.DataFrame({
        "airline": frame["airline"],
        "source_airport": frame["source_airport"],
        "destination_airport": frame["destination_airport"],
        "source_iso3": frame["src"].where(frame["src"].isin(in_table)).astype("string"),
        "destination_iso3": frame["dst"].where(frame["dst"].isin(in_table)).astype("string"),
        "source_country": frame["src"], "destination_country": frame["dst"],
        "codeshare": frame["codeshare"],
    })


NET = routes([
    ("X1", "A1", "B1", "AAA", "BBB", False),
    ("X1", "B1", "A1", "BBB", "AAA", False),   # same link, other direction
    ("X2", "A1", "B1", "AAA", "BBB", False),   # same link, second airline
    ("X3", "A1", "B1", "AAA", "BBB", True),    # codeshare: ignored
    ("X1", "A1", "A2", "AAA", "AAA", False),   # domestic
    ("X1", "A1", "M1", "AAA", "RUS", False),   # external to a table country
    ("X2", "B1", "M1", "BBB", "RUS", False),
    ("X2", "B1", "D1", "BBB", "Dubailand", False),  # external, country outside the table
])


def test_links_are_undirected_operated_pairs_with_airline_counts():
    table = transport.links(NET)
    assert list(zip(table["airport_a"], table["airport_b"])) == [
        ("A1", "A2"), ("A1", "B1"), ("A1", "M1"), ("B1", "D1"), ("B1", "M1")]
    assert table.set_index(["airport_a", "airport_b"]).loc[("A1", "B1"), "airlines"] == 2
    with_codeshares = transport.links(NET, include_codeshares=True)
    assert with_codeshares.set_index(["airport_a", "airport_b"]).loc[("A1", "B1"), "airlines"] == 3


def test_country_outside_the_table_keeps_its_name():
    table = transport.links(NET)
    assert "Dubailand" in set(table["country_b"])


def test_scope_of_links():
    table = transport.links(NET)
    got = dict(zip(zip(table["airport_a"], table["airport_b"]), transport.scope(table, REGION)))
    assert got == {("A1", "A2"): "domestic", ("A1", "B1"): "intra-region",
                   ("A1", "M1"): "external", ("B1", "D1"): "external", ("B1", "M1"): "external"}


def test_country_pairs_keep_unconnected_pairs_as_zero():
    pairs = transport.country_pairs(transport.links(NET), REGION)
    assert pairs.to_dict("records") == [
        {"country_a": "AAA", "country_b": "BBB", "links": 1, "airlines": 2},
        {"country_a": "AAA", "country_b": "CCC", "links": 0, "airlines": 0},
        {"country_a": "BBB", "country_b": "CCC", "links": 0, "airlines": 0},
    ]


def test_link_matrix_is_symmetric_and_counts_domestic_once():
    m = transport.link_matrix(transport.links(NET), ["AAA", "BBB"], ["AAA", "BBB", "RUS"])
    assert m.loc["AAA", "AAA"] == 1
    assert m.loc["AAA", "BBB"] == m.loc["BBB", "AAA"] == 1
    assert m.loc["AAA", "RUS"] == 1 and m.loc["BBB", "RUS"] == 1


def test_hub_shares_by_airport_and_country():
    table = transport.links(NET)
    by_airport = transport.hub_shares(table, "airport", REGION)
    assert by_airport.to_dict("records") == [
        {"airport": "M1", "links": 2, "share_pct": pytest.approx(200 / 3)},
        {"airport": "D1", "links": 1, "share_pct": pytest.approx(100 / 3)},
    ]
    by_country = transport.hub_shares(table, "country", REGION)
    assert by_country["country"].tolist() == ["RUS", "Dubailand"]
    assert by_country["share_pct"].sum() == pytest.approx(100)


def test_airport_degree():
    degree = transport.airport_degree(transport.links(NET))
    assert degree["A1"] == 3 and degree["B1"] == 3 and degree["D1"] == 1
    assert transport.airport_degree(transport.links(NET), ["A2", "Z9"]).to_dict() == {"A2": 1, "Z9": 0}


SCORES = pd.DataFrame({"iso3": ["AAA", "AAA", "BBB", "WLD", "WLD", "CCC"],
                       "year": [2010, 2018, 2018, 2010, 2018, 2010],
                       "overall": [2.0, 2.5, 3.0, 2.8, 2.9, 2.2]})


def test_lpi_change_leaves_missing_editions_missing():
    change = transport.lpi_change(SCORES, 2010, 2018)
    assert change.loc["AAA", "change"] == pytest.approx(0.5)
    assert math.isnan(change.loc["BBB", "change"]) and math.isnan(change.loc["CCC", "change"])


def test_above_reference():
    assert transport.above(SCORES, 2018, countries=REGION) == ["BBB"]
    assert transport.above(SCORES, 2010, countries=REGION) == []


def test_distances_on_the_ellipsoid():
    # One degree of longitude on the equator is 111.32 km on WGS84.
    assert transport.distance_km(0, 0, 1, 0) == pytest.approx(111.32, abs=0.01)
    points = pd.DataFrame({"iso3": ["P", "Q", "R"], "lon": [0.0, 1.0, 0.0], "lat": [0.0, 0.0, 1.0]})
    m = transport.distance_matrix(points)
    assert m.loc["P", "P"] == 0 and m.loc["P", "Q"] == m.loc["Q", "P"]
    assert m.loc["P", "R"] == pytest.approx(110.57, abs=0.01)  # one degree of latitude at the equator


def test_display_name():
    assert transport.display_name("KGZ") == "Kyrgyzstan"
    assert transport.display_name("United Arab Emirates") == "United Arab Emirates"


# ------------------------------------------------------------------ figures and explorer data
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from centralasia.figures import transport as figs  # noqa: E402

FIVE = ["KAZ", "KGZ", "TJK", "TKM", "UZB"]


def test_link_matrix_prints_counts_dashes_and_separates_the_region():
    m = pd.DataFrame([[3, 1, 0], [1, 0, 7]], index=["KAZ", "KGZ"], columns=["KAZ", "KGZ", "RUS"])
    fig = figs.draw_link_matrix(m, ["KAZ", "KGZ"])
    ax = fig.axes[0]
    cells = [t.get_text() for t in ax.texts]
    assert cells == ["3", "1", "–", "1", "–", "7"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Kazakhstan", "Kyrgyzstan"]
    assert [t.get_text() for t in ax.get_xticklabels()][-1] == "Russia"
    assert [line.get_xdata()[0] for line in ax.lines] == [1.5]  # the rule after the region's columns
    assert ax.texts[0].get_fontstyle() == "italic" and ax.texts[2].get_fontstyle() == "normal"
    plt.close(fig)


def test_hubs_bars_follow_the_frame_top_down_and_colour_russia():
    top = pd.DataFrame({"label": ["Moscow", "Istanbul"], "links": [9, 4], "in_russia": [True, False]})
    fig = figs.draw_hubs(top)
    ax = fig.axes[0]
    bars = ax.patches[:2]
    assert [b.get_width() for b in bars] == [4, 9]  # drawn bottom-up, so the first row is on top
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Istanbul", "Moscow"]
    assert bars[1].get_facecolor()[:3] == (0.0, 0.0, 0.0) and bars[0].get_hatch() == "//"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["in Russia", "elsewhere"]
    plt.close(fig)


def test_lpi_lines_keep_missing_editions_as_gaps():
    scores = pd.DataFrame({"iso3": ["TKM", "TKM", "WLD", "WLD"], "year": [2010, 2014, 2010, 2014],
                           "overall": [2.5, 2.3, 2.9, 2.9]})
    fig = figs.draw_lpi(scores, ["TKM", "WLD"], FIVE, editions=(2010, 2012, 2014))
    ax = fig.axes[0]
    tkm = ax.lines[0].get_ydata()
    assert len(tkm) == 3 and np.isnan(tkm[1]) and tkm[0] == 2.5
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Turkmenistan", "World"]
    assert ax.lines[0].get_linewidth() > ax.lines[1].get_linewidth()  # the five drawn heavier
    assert list(ax.get_xticks()) == [2010, 2012, 2014]
    assert "LPI score" in ax.get_ylabel()
    plt.close(fig)


def test_air_passengers_in_millions_on_a_log_scale_with_gaps():
    air = pd.DataFrame({"iso3": ["KAZ"] * 3, "year": [2000, 2001, 2003], "air_passengers": [1e6, 2e6, 4e6]})
    fig = figs.draw_air(air, ["KAZ"])
    ax = fig.axes[0]
    x, y = ax.lines[0].get_xdata(), ax.lines[0].get_ydata()
    assert list(x) == [2000, 2001, 2002, 2003] and np.isnan(y[2]) and y[3] == 4.0
    assert ax.get_yscale() == "log" and "million" in ax.get_ylabel()
    plt.close(fig)


def test_explorer_frame_is_tidy_and_drops_missing_values():
    lpi = pd.DataFrame({"iso3": ["KAZ", "TKM"], "year": [2018, 2018], "overall": [2.8, None],
                        "customs": [2.7, 2.1], "infrastructure": [2.6, 2.2]})
    air = pd.DataFrame({"iso3": ["KAZ"], "year": [2018], "air_passengers": [8_000_000]})
    frame = transport.explorer_frame(lpi, air)
    assert list(frame.columns) == ["iso3", "indicator", "year", "value"]
    assert set(frame["indicator"]) == set(transport.EXPLORER_MEASURES.values())
    assert not ((frame["indicator"] == "lpi_overall") & (frame["iso3"] == "TKM")).any()
    assert frame.loc[frame["indicator"] == "air_passengers_m", "value"].item() == 8.0
    fig = figs.draw_series(frame, "lpi_customs", ["KAZ", "TKM"], (2010, 2020))
    assert len(fig.axes[0].lines) == 2
    plt.close(fig)
