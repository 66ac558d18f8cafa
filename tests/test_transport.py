"""Transport measures on small hand-made tables with known answers."""
import math

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
