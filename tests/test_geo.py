"""Geometry helpers of the borders chapter, on hand-made shapes of known length."""
import math

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from centralasia import geo


def _lines(rows):
    return gpd.GeoDataFrame(pd.DataFrame([{"iso3_a": a, "iso3_b": b} for a, b, _ in rows]),
                            geometry=[g for *_, g in rows], crs=geo.WGS84)


def test_meridian_degree_is_true_length_in_the_projection():
    # One degree of latitude at 40-41°N on WGS84 is 111.05 km; the conic is true along meridians.
    line = shapely.LineString([(68, 40), (68, 41)])
    assert geo.geodesic_km(line) == pytest.approx(111.05, abs=0.02)
    assert geo.projected_km(line) == pytest.approx(geo.geodesic_km(line), rel=1e-3)


def test_standard_parallel_is_true_length():
    # Along the standard parallel 38°N a short east-west line keeps its length.
    line = shapely.LineString([(60, 38), (60.5, 38)])
    assert geo.projected_km(line) == pytest.approx(geo.geodesic_km(line), rel=1e-3)


def test_scale_between_standard_parallels_matches_theory():
    # Halfway between 38°N and 50°N the parallel scale is < 1; the measured ratio follows it.
    line = shapely.LineString([(70, 44), (70.5, 44)])
    ratio = geo.projected_km(line) / geo.geodesic_km(line)
    k = geo.eqdc_parallel_scale(44)
    assert k < 1
    assert ratio == pytest.approx(k, abs=3e-3)
    assert abs(ratio - 1) < 0.015


def test_parallel_scale_is_one_on_standard_parallels():
    assert geo.eqdc_parallel_scale(38) == pytest.approx(1)
    assert geo.eqdc_parallel_scale(50) == pytest.approx(1)
    assert all(abs(geo.eqdc_parallel_scale(lat) - 1) < 0.016 for lat in range(35, 56))


def test_border_lengths_sums_parts_and_orders_pairs():
    rows = [("UZB", "KAZ", shapely.LineString([(68, 40), (68, 41)])),
            ("KAZ", "UZB", shapely.LineString([(69, 40), (69, 41)])),
            ("KGZ", "TJK", shapely.LineString([(70, 40), (70, 40.5)]))]
    out = geo.border_lengths(_lines(rows))
    assert list(zip(out.iso3_a, out.iso3_b)) == [("KAZ", "UZB"), ("KGZ", "TJK")]
    assert out.loc[0, "parts"] == 2
    assert out.loc[0, "geodesic_km"] == pytest.approx(2 * 111.05, abs=0.05)
    assert out["projection_error_pct"].abs().max() < 0.1


def test_border_lengths_refuses_projected_input():
    lines = _lines([("KAZ", "UZB", shapely.LineString([(68, 40), (68, 41)]))]).to_crs(geo.CA_EQDC)
    with pytest.raises(ValueError):
        geo.border_lengths(lines)


def test_prepare_repairs_invalid_polygon_and_reports_it():
    bowtie = shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)])
    assert not bowtie.is_valid
    fixed, repaired = geo.prepare(bowtie)
    assert repaired and fixed.is_valid and not fixed.is_empty
    assert fixed.area == pytest.approx(0.5)


def test_prepare_leaves_valid_shapes_alone_and_rounds():
    square = shapely.Polygon([(0.123456, 0), (1, 0), (1, 1), (0, 1)])
    out, repaired = geo.prepare(square)
    assert not repaired
    assert geo.to_wkt(out) == "POLYGON ((0.1235 0, 1 0, 1 1, 0 1, 0.1235 0))"


def test_prepare_clips_and_simplifies():
    line = shapely.LineString([(0, 0), (1, 0.00001), (2, 0), (3, 0)])
    out, _ = geo.prepare(line, tolerance=0.001, clip=shapely.box(-1, -1, 2.5, 1))
    assert shapely.get_coordinates(out).tolist() == [[0, 0], [2.5, 0]]


def test_frame_reads_wkt_back():
    df = pd.DataFrame({"name": ["a"], "geometry_wkt": ["LINESTRING (68 40, 68 41)"]})
    g = geo.frame(df)
    assert g.crs == geo.WGS84 and list(g.columns) == ["name", "geometry"]
    assert geo.geodesic_km(g.geometry.iloc[0]) == pytest.approx(111.05, abs=0.02)


def test_compare_lengths_joins_and_checks_both_profiles():
    measured = pd.DataFrame({"iso3_a": ["KAZ"], "iso3_b": ["UZB"], "geodesic_km": [2000.0]})
    published = pd.DataFrame({"iso3": ["KAZ", "UZB"], "neighbour_iso3": ["UZB", "KAZ"],
                              "length_km": [2330.0, 2330.0]})
    out = geo.compare_lengths(measured, published)
    assert out.loc[0, "published_km"] == 2330 and out.loc[0, "ratio_pct"] == pytest.approx(100 * 2000 / 2330)
    published.loc[1, "length_km"] = 2000.0
    with pytest.raises(ValueError):
        geo.compare_lengths(measured, published)


def test_enclaves_are_found_geometrically():
    host = shapely.Polygon([(70, 40), (72, 40), (72, 41), (70, 41)],
                           holes=[[(70.5, 40.4), (70.7, 40.4), (70.7, 40.6), (70.5, 40.6)]])
    owner = shapely.MultiPolygon([shapely.box(69, 40, 70, 41), shapely.box(70.5, 40.4, 70.7, 40.6)])
    countries = gpd.GeoDataFrame({"iso3": ["KGZ", "UZB"]}, geometry=[host, owner], crs=geo.WGS84)
    found = geo.fergana_enclaves(countries)
    assert list(zip(found.owner, found.host)) == [("UZB", "KGZ")]
    # 0.2° x 0.2° at 40.5°N: about 22.2 km x 16.9 km
    side_ns = 0.2 * 111.05
    side_ew = 0.2 * 111.32 * math.cos(math.radians(40.5))
    assert found.loc[0, "area_km2"] == pytest.approx(side_ns * side_ew, rel=0.01)


def test_published_boundaries_are_shorter_than_the_factbook():
    """On the real data: NE 1:10m lines are 75-100 % of the Factbook lengths for the five's pairs."""
    from centralasia import load
    lines = geo.load_geo("ne_boundaries")
    measured = geo.border_lengths(lines[geo.involving(lines, ["KAZ", "KGZ", "TJK", "TKM", "UZB"])])
    table = geo.compare_lengths(measured, load("factbook_borders").rename(columns={"length_km_2026": "length_km"}))
    assert table["ratio_pct"].notna().all()
    assert table["ratio_pct"].between(75, 100).all()
