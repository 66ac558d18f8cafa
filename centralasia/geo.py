"""Geometry for the borders chapter: WKT resources, repairs, and border lengths.

The data package is CSV, so geometries travel as WKT text in EPSG:4326
(longitude, latitude). This module turns those columns back into
GeoDataFrames and measures boundary lines.

Lengths. No map projection keeps every length true. Two measures are used:

* `geodesic_km`: length on the WGS84 ellipsoid (pyproj `Geod`), the reference.
* `projected_km`: planar length in `CA_EQDC`, an equidistant conic tuned to
  Central Asia (standard parallels 38°N and 50°N, central meridian 68°E).
  An equidistant conic is true to scale along every meridian and along its
  two standard parallels; between 35°N and 55°N (the five states' extent)
  its scale along parallels departs from 1 by under 1.6 %, and by under
  0.6 % between 36°N and 51°N (`eqdc_parallel_scale`), so east-west borders
  are measured a little short or long and north-south ones true.
  It is also the projection of the chapter's maps, so the map and the table
  agree. The geodesic length is the check: tests require the two to agree
  within 1.5 % on hand-made lines.
"""
from __future__ import annotations

import math
from typing import Iterable

import geopandas as gpd
import pandas as pd
import shapely
from pyproj import CRS, Geod

from .data import load

WGS84 = "EPSG:4326"
#: Central Asia Equidistant Conic (a custom PROJ definition; WGS84 datum, metres).
CA_EQDC = CRS.from_proj4("+proj=eqdc +lat_0=44 +lon_0=68 +lat_1=38 +lat_2=50 "
                         "+datum=WGS84 +units=m +no_defs")
CA_EQDC_NAME = "Central Asia Equidistant Conic (standard parallels 38°N and 50°N, central meridian 68°E)"
GEOD = Geod(ellps="WGS84")
WKT_DECIMALS = 4  # 1e-4 degree: about 11 m in latitude


# ---------------------------------------------------------------- preparing geometry (pipeline)

def polygonal(geom) -> shapely.Geometry:
    """Keep only the polygonal parts of a geometry (make_valid may add lines or points)."""
    if geom is None or geom.is_empty:
        return shapely.MultiPolygon()
    if isinstance(geom, (shapely.Polygon, shapely.MultiPolygon)):
        return geom
    parts = [g for g in shapely.get_parts(geom) if isinstance(g, (shapely.Polygon, shapely.MultiPolygon))]
    flat = [p for g in parts for p in shapely.get_parts(g)]
    return shapely.MultiPolygon(flat) if flat else shapely.MultiPolygon()


def lineal(geom) -> shapely.Geometry:
    """Keep only the line parts of a geometry."""
    parts = [g for g in shapely.get_parts(geom) if isinstance(g, (shapely.LineString, shapely.MultiLineString))]
    flat = [p for g in parts for p in shapely.get_parts(g)]
    if not flat:
        return shapely.MultiLineString()
    return flat[0] if len(flat) == 1 else shapely.MultiLineString(flat)


def prepare(geom, tolerance: float = 0.0, clip=None) -> tuple[shapely.Geometry, bool]:
    """Repair, clip, simplify and round one geometry; return it and whether a repair was needed.

    Invalid shapes are repaired with `make_valid` (never dropped), before and
    after simplification and rounding; `repaired` is True if either repair
    changed anything. Rounding is to `WKT_DECIMALS` decimals (deterministic).
    """
    area_kind = isinstance(geom, (shapely.Polygon, shapely.MultiPolygon))
    keep = polygonal if area_kind else lineal
    repaired = False
    if not geom.is_valid:
        geom, repaired = keep(shapely.make_valid(geom)), True
    if clip is not None:
        geom = keep(shapely.intersection(geom, clip))
    if tolerance:
        geom = shapely.simplify(geom, tolerance, preserve_topology=True)
    geom = shapely.set_precision(geom, 10 ** -WKT_DECIMALS, mode="pointwise")
    if not geom.is_valid:
        geom, repaired = keep(shapely.make_valid(geom)), True
    return geom, repaired


def to_wkt(geom) -> str:
    """WKT text with fixed decimals (trailing zeros trimmed), stable across runs."""
    return shapely.to_wkt(geom, rounding_precision=WKT_DECIMALS, trim=True)


# ---------------------------------------------------------------- reading resources (notebooks)

def frame(df: pd.DataFrame, column: str = "geometry_wkt") -> gpd.GeoDataFrame:
    """A GeoDataFrame (EPSG:4326) from a table with a WKT text column."""
    geometry = shapely.from_wkt(df[column].astype(str).to_numpy())
    return gpd.GeoDataFrame(df.drop(columns=[column]), geometry=geometry, crs=WGS84)


def load_geo(name: str) -> gpd.GeoDataFrame:
    """Load a validated WKT resource of the data package as a GeoDataFrame."""
    return frame(load(name))


# ---------------------------------------------------------------- lengths

def geodesic_km(geom) -> float:
    """Length of a (multi)line on the WGS84 ellipsoid, in km (lon/lat input)."""
    return GEOD.geometry_length(geom) / 1000.0


def projected_km(geom, crs=CA_EQDC) -> float:
    """Planar length of a lon/lat (multi)line after projecting to `crs`, in km."""
    return float(gpd.GeoSeries([geom], crs=WGS84).to_crs(crs).length.iloc[0]) / 1000.0


def eqdc_parallel_scale(lat: float, lat1: float = 38.0, lat2: float = 50.0) -> float:
    """Scale factor along a parallel of a (spherical) equidistant conic; 1 on lat1 and lat2."""
    p1, p2, p = map(math.radians, (lat1, lat2, lat))
    n = (math.cos(p1) - math.cos(p2)) / (p2 - p1)
    g = math.cos(p1) / n + p1
    return n * (g - p) / math.cos(p)


def pair(a: str, b: str) -> tuple[str, str]:
    """A border pair in canonical (alphabetical) order."""
    return tuple(sorted((a, b)))  # type: ignore[return-value]


def pair_label(a: str, b: str) -> str:
    x, y = pair(a, b)
    return f"{x}–{y}"


def border_lengths(lines: gpd.GeoDataFrame, a: str = "iso3_a", b: str = "iso3_b") -> pd.DataFrame:
    """Length of each border pair: geodesic and in `CA_EQDC`, summed over its line parts."""
    if lines.crs is None or CRS(lines.crs) != CRS(WGS84):
        raise ValueError("border_lengths expects lines in EPSG:4326")
    projected = lines.to_crs(CA_EQDC).length / 1000.0
    out = pd.DataFrame({
        "iso3_a": [pair(x, y)[0] for x, y in zip(lines[a], lines[b])],
        "iso3_b": [pair(x, y)[1] for x, y in zip(lines[a], lines[b])],
        "geodesic_km": [geodesic_km(g) for g in lines.geometry],
        "projected_km": projected.to_numpy(),
        "parts": 1,
    })
    out = out.groupby(["iso3_a", "iso3_b"], as_index=False).sum()
    out["projection_error_pct"] = 100 * (out["projected_km"] / out["geodesic_km"] - 1)
    return out.sort_values(["iso3_a", "iso3_b"], ignore_index=True)


def compare_lengths(measured: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """Join measured pair lengths with published ones (`iso3`, `neighbour_iso3`, `length_km`).

    Published rows come per reporting country; both directions must agree
    (they do in the Factbook) and are reduced to one value per pair.
    """
    pub = published.assign(iso3_a=[pair(x, y)[0] for x, y in zip(published["iso3"], published["neighbour_iso3"])],
                           iso3_b=[pair(x, y)[1] for x, y in zip(published["iso3"], published["neighbour_iso3"])])
    spread = pub.groupby(["iso3_a", "iso3_b"])["length_km"].agg(["min", "max"])
    if (spread["min"] != spread["max"]).any():
        bad = spread[spread["min"] != spread["max"]].index.tolist()
        raise ValueError(f"published lengths disagree between the two profiles for {bad}")
    pub = spread["min"].rename("published_km").reset_index()
    out = measured.merge(pub, on=["iso3_a", "iso3_b"], how="outer")
    out["ratio_pct"] = 100 * out["geodesic_km"] / out["published_km"]
    return out.sort_values(["iso3_a", "iso3_b"], ignore_index=True)


def involving(frame_: pd.DataFrame, codes: Iterable[str], a: str = "iso3_a", b: str = "iso3_b") -> pd.Series:
    """Rows whose pair has at least one side in `codes`."""
    codes = set(codes)
    return frame_[a].isin(codes) | frame_[b].isin(codes)


def fergana_enclaves(countries: gpd.GeoDataFrame, box=(69.0, 39.6, 73.5, 41.4),
                     host_of: dict | None = None) -> pd.DataFrame:
    """Parts of a country's polygon lying wholly inside another country's outer ring (enclaves).

    Returns one row per enclave in the Fergana box: owner, host, area (km², equal-area)
    and a representative point. Found geometrically from the polygons, not from a list.
    """
    region = shapely.box(*box)
    local = countries[countries.intersects(region) & countries["iso3"].notna()]
    rows = []
    for owner in local.itertuples():
        for part in shapely.get_parts(owner.geometry):
            if not part.intersects(region):
                continue
            for host in local.itertuples():
                if host.iso3 == owner.iso3:
                    continue
                shells = [shapely.Polygon(p.exterior) for p in shapely.get_parts(host.geometry)]
                if any(s.contains(part.representative_point()) and
                       s.intersection(part).area > 0.95 * part.area for s in shells):
                    rows.append({"owner": owner.iso3, "host": host.iso3, "geometry": part})
    if not rows:
        return pd.DataFrame(columns=["owner", "host", "area_km2", "lon", "lat"])
    found = gpd.GeoDataFrame(rows, crs=WGS84)
    found["area_km2"] = found.to_crs("+proj=cea +lon_0=71 +lat_ts=40 +datum=WGS84").area / 1e6
    point = found.geometry.representative_point()
    found["lon"], found["lat"] = point.x, point.y
    return pd.DataFrame(found.drop(columns="geometry")).sort_values(
        "area_km2", ascending=False, ignore_index=True)

