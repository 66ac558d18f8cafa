"""Natural Earth layers for the borders chapter's maps, as WKT text in EPSG:4326.

Load: 1:10m country polygons (world-atlas v4.1.0), 1:10m land boundary lines,
populated places, lakes, the historic Aral Sea, rivers and the Caspian label
polygon (NE 4.0.0). Process: map ids through the country table, repair invalid
shapes with make_valid (counted in a `repaired` column, never dropped), clip to
the map frame, simplify (tolerances below) and round to 4 decimals. Save: five
tables, one geometry per row.

Boundary lines are NOT simplified (only rounded to 1e-4 degree, about 11 m),
so they stay measurement grade; their full-resolution geodesic length is also
recorded before rounding.
"""
from __future__ import annotations

import pandas as pd
import shapely

from ... import geo
from ...countries import to_iso3
from ...schema import PUBLIC_DOMAIN, Field, Resource

FRAME = (42.0, 30.0, 92.0, 58.0)  # lon/lat box of the chapter's maps (and clip of the layers)
LAKE_BOX = (46.0, 35.0, 88.0, 56.0)  # lakes are kept if their centroid lies in this box
POLYGON_TOLERANCE = 0.002  # degrees (about 200 m): enough for the Fergana inset
WATER_TOLERANCE = 0.005  # degrees (about 500 m)
RIVER_TOLERANCE = 0.01  # degrees (about 1 km)
RIVER_MAX_SCALERANK = 8
LAKE_MAX_SCALERANK = 6
CA5 = ("KAZ", "KGZ", "TJK", "TKM", "UZB")

COUNTRIES_10M = "naturalearth-admin0-10m/ne_10m_admin_0_countries_region.geojson"
LINES_10M = "naturalearth-admin0/ne_10m_admin_0_boundary_lines_land_region.geojson"
PLACES = "naturalearth-places/ne_10m_populated_places_region.csv"
LAKES = "naturalearth-physical/ne_10m_lakes_region.geojson"
HISTORIC = "naturalearth-physical/ne_10m_lakes_historic_region.geojson"
MARINE = "naturalearth-physical/ne_10m_geography_marine_polys_region.geojson"
RIVERS = "naturalearth-physical/ne_10m_rivers_lake_centerlines_region.geojson"

# Units in the frame that are not in the country table: drawn as grey context, iso3 left empty.
# (M49 codes in the 10m polygons; ADM0_A3 codes in the lines: KAS = Kashmir, KAB = Baikonur lease).
CONTEXT_M49 = ("356", "524", "064", "050", "104", "368", "760", "682", "414", "634", "048", "784",
               "512", "804")
CONTEXT_A3 = ("IND", "KAS", "KAB", "NPL", "BTN", "BGD", "MMR", "IRQ", "SYR", "SAU", "KWT", "QAT",
              "BHR", "ARE", "OMN", "UKR")


def _wkt_field(what: str) -> Field:
    return Field("geometry_wkt", "string", f"{what} as WKT text, EPSG:4326 (longitude, latitude "
                 "in degrees), coordinates rounded to 4 decimals", required=True)


_repaired = Field("repaired", "boolean", "True if the shape was invalid and repaired with "
                  "shapely make_valid (before or after simplification)", required=True)
_common = dict(licence=PUBLIC_DOMAIN, citation="naturalearth")
RESOURCES = [
    Resource(
        name="ne_countries",
        title="Country polygons of Central Asia and its neighbours (Natural Earth 1:10m)",
        description="One (multi)polygon per Natural Earth admin-0 unit intersecting the map frame "
                    "lon 42-92°E, lat 30-58°N, clipped to that frame and simplified with a tolerance "
                    f"of {POLYGON_TOLERANCE}° (shapely simplify, topology preserved). Enclaves are "
                    "extra parts of their owner and holes in their host.",
        fields=(Field("ne_id", "string", "Natural Earth unit: ISO numeric code, or the NE name for "
                      "units without one (Baikonur, Siachen Glacier)", required=True),
                Field("ne_name", "string", "Natural Earth name", required=True),
                Field("iso3", "string", "Country (ISO3); empty for context units not in the "
                      "country table", country=True),
                Field("role", "string", "ca5, neighbour (in the country table) or context",
                      required=True, enum=("ca5", "neighbour", "context")),
                Field("parts", "integer", "Number of polygons after clipping", required=True, minimum=1),
                _repaired, _wkt_field("(Multi)polygon")),
        primary_key=("ne_id",),
        sources=(COUNTRIES_10M,),
        coverage="31 Natural Earth units (v4.1.0, 1:10m), clipped to lon 42-92°E, lat 30-58°N",
        caveats=("Natural Earth draws de facto lines and does not encode legal status.",
                 "The 1:10m polygons come through the world-atlas TopoJSON package (ISC licence, "
                 "(c) 2013-2019 Michael Bostock); the Natural Earth data themselves are public domain.",
                 "Polygons are generalised: enclaves smaller than a few km² (Qalacha, Jangail, "
                 "Chon-Kara, Barak) are absent.",
                 "Clipped polygons (Russia, China, Iran ...) have artificial edges on the frame.",
                 "Simplification is per country, so neighbouring outlines can differ by up to "
                 "about 200 m; draw borders from ne_boundaries."),
        **_common),
    Resource(
        name="ne_boundaries",
        title="Land boundary lines between Central Asia and its neighbours (Natural Earth 1:10m)",
        description="Natural Earth 1:10m land boundary lines whose two sides are both in the country "
                    "table; unsimplified, rounded to 4 decimals. `length_km_full` is the geodesic "
                    "length of the original line before rounding.",
        fields=(Field("iso3_a", "string", "First country of the pair (alphabetical)", required=True, country=True),
                Field("iso3_b", "string", "Second country of the pair (alphabetical)", required=True, country=True),
                Field("part", "integer", "Line part of the pair, numbered west to east by first vertex",
                      required=True, minimum=1),
                Field("kind", "string", "Natural Earth feature class", required=True),
                Field("length_km_full", "number", "Geodesic length (WGS84) of the unrounded NE line",
                      unit="km", required=True, minimum=0),
                _repaired, _wkt_field("(Multi)linestring")),
        primary_key=("iso3_a", "iso3_b", "part"),
        sources=(LINES_10M,),
        coverage="Boundary lines between countries of the table in lon 40-100°E, lat 23-58°N "
                 "(full lines, not clipped)",
        caveats=("De facto lines of NE 4.0.0 (2017): the 2022-2025 treaties are not reflected.",
                 "Generalised at 1:10m: shorter than the surveyed borders (see the chapter)."),
        **_common),
    Resource(
        name="ne_places",
        title="Capitals and major cities for the regional maps (Natural Earth 1:10m)",
        description="National capitals of the five states and their neighbours inside the frame, "
                    "and places of the five states with Natural Earth scale rank up to 4 or, in the "
                    "Fergana Valley box (lon 69-74°E, lat 39.5-41.6°N), up to 7.",
        fields=(Field("name", "string", "Place name (NE ASCII spelling, 2017)", required=True),
                Field("iso3", "string", "Country", required=True, country=True),
                Field("capital", "boolean", "National capital", required=True),
                Field("scalerank", "integer", "NE scale rank (0 = shown at smallest scales)", required=True),
                Field("lon", "number", "Longitude", unit="degree", required=True),
                Field("lat", "number", "Latitude", unit="degree", required=True)),
        primary_key=("iso3", "name"),
        sources=(PLACES,),
        coverage="Selected places (see description); NE 4.0.0",
        caveats=("NE 2017 names: Astana (Nur-Sultan 2019-2022), Qurghonteppa (now Bokhtar).",
                 "NE population fields are unreliable and are not published here."),
        **_common),
    Resource(
        name="ne_water",
        title="Seas and lakes for the regional maps: Caspian, Aral Sea then and now, main lakes",
        description="Polygons: the Caspian Sea label polygon, the historic Aral Sea (late 1950s), "
                    f"the present Aral Sea and other lakes/reservoirs of NE scale rank up to "
                    f"{LAKE_MAX_SCALERANK} whose centroid lies in lon 46-88°E, lat 35-56°N; "
                    f"clipped to the frame and simplified {WATER_TOLERANCE}°.",
        fields=(Field("name", "string", "Name (NE spelling)", required=True),
                Field("kind", "string", "sea (label polygon), historic_lake, lake or reservoir",
                      required=True, enum=("sea", "historic_lake", "lake", "reservoir")),
                Field("period", "string", "Date of the outline where NE gives one"),
                Field("area_km2", "number", "Area of the unsimplified, unclipped polygon "
                      "(cylindrical equal-area)", unit="km2", required=True, minimum=0),
                _repaired, _wkt_field("(Multi)polygon")),
        primary_key=("name", "kind"),
        sources=(LAKES, HISTORIC, MARINE),
        coverage="Lon 42-92°E, lat 30-58°N; NE 4.0.0",
        caveats=("The Caspian polygon is NE's label area, not a shoreline; on the maps the sea "
                 "shows as the gap between land polygons.",
                 "The present Aral Sea outline is NE's generalisation (c. 2010s); the sea keeps "
                 "changing year to year."),
        **_common),
    Resource(
        name="ne_rivers",
        title="Main rivers for the regional maps (Natural Earth 1:10m)",
        description=f"Named river and lake-centreline features of NE scale rank up to "
                    f"{RIVER_MAX_SCALERANK} that cross the territory of the five Central Asian states, "
                    f"clipped to the frame and simplified {RIVER_TOLERANCE}°; parts of one river are merged.",
        fields=(Field("name", "string", "River name (NE English name, spaces normalised)", required=True),
                Field("scalerank", "integer", "NE scale rank (lower = more important)", required=True),
                _repaired, _wkt_field("(Multi)linestring")),
        primary_key=("name",),
        sources=(RIVERS, COUNTRIES_10M),
        coverage="Lon 42-92°E, lat 30-58°N; NE 4.0.0",
        caveats=("NE gives different names to segments of one river (Irtysh/Ertis/Ertix).",),
        **_common),
]


def _features(raw, path: str) -> list[tuple[dict, shapely.Geometry]]:
    data = raw.json(path)
    return [(f.get("properties") or {}, shapely.geometry.shape(f["geometry"]))
            for f in data["features"]]


def _countries(raw) -> pd.DataFrame:
    clip = shapely.box(*FRAME)
    rows = []
    for props, geom in _features(raw, COUNTRIES_10M):
        code = props.get("id") or props["name"]
        if not geom.intersects(clip):
            continue
        rows.append({"ne_id": str(code), "ne_name": props["name"], "geom": geom})
    frame = pd.DataFrame(rows)
    numeric = frame["ne_id"].str.fullmatch(r"\d{3}")
    iso = pd.Series(None, index=frame.index, dtype=object)
    iso[numeric] = to_iso3(frame.loc[numeric, "ne_id"], "m49", COUNTRIES_10M, ignore=CONTEXT_M49)
    frame["iso3"] = iso
    out = []
    for row in frame.itertuples():
        geom, repaired = geo.prepare(row.geom, POLYGON_TOLERANCE, clip=clip)
        if geom.is_empty:
            continue
        role = "context" if pd.isna(row.iso3) else "ca5" if row.iso3 in CA5 else "neighbour"
        out.append({"ne_id": row.ne_id, "ne_name": row.ne_name, "iso3": row.iso3, "role": role,
                     "parts": len(shapely.get_parts(geom)), "repaired": repaired,
                     "geometry_wkt": geo.to_wkt(geom)})
    return pd.DataFrame(out)


def _boundaries(raw) -> pd.DataFrame:
    rows = []
    for props, geom in _features(raw, LINES_10M):
        left, right = to_iso3([props["adm0_a3_l"], props["adm0_a3_r"]], "iso3", LINES_10M, ignore=CONTEXT_A3)
        if left is None or right is None or left == right:
            continue
        a, b = geo.pair(left, right)
        full = geo.geodesic_km(geom)
        geom, repaired = geo.prepare(geom)
        rows.append({"iso3_a": a, "iso3_b": b, "kind": props["featurecla"], "length_km_full": full,
                     "repaired": repaired, "geometry_wkt": geo.to_wkt(geom),
                     "_x": shapely.get_coordinates(geom)[0][0]})
    frame = pd.DataFrame(rows).sort_values(["iso3_a", "iso3_b", "_x", "geometry_wkt"])
    frame["part"] = frame.groupby(["iso3_a", "iso3_b"]).cumcount() + 1
    return frame.drop(columns="_x")


def _places(raw) -> pd.DataFrame:
    p = raw.csv(PLACES)
    p["iso3"] = to_iso3(p["ADM0_A3"], "iso3", PLACES)
    in_frame = p["LONGITUDE"].between(FRAME[0], FRAME[2]) & p["LATITUDE"].between(FRAME[1], FRAME[3])
    fergana = p["LONGITUDE"].between(69, 74) & p["LATITUDE"].between(39.5, 41.6)
    ca = p["iso3"].isin(CA5)
    keep = in_frame & ((p["ADM0CAP"] == 1) | (ca & (p["SCALERANK"] <= 4)) | (ca & fergana & (p["SCALERANK"] <= 7)))
    p = p[keep]
    return pd.DataFrame({"name": p["NAMEASCII"], "iso3": p["iso3"], "capital": p["ADM0CAP"] == 1,
                         "scalerank": p["SCALERANK"].astype(int),
                         "lon": p["LONGITUDE"].round(4), "lat": p["LATITUDE"].round(4)})


def _equal_area_km2(geom) -> float:
    import geopandas as gpd
    return float(gpd.GeoSeries([geom], crs="EPSG:4326").to_crs("+proj=cea +datum=WGS84").area.iloc[0]) / 1e6


def _water(raw) -> pd.DataFrame:
    clip = shapely.box(*FRAME)
    rows = []
    for props, geom in _features(raw, MARINE):
        if props["name"] == "Caspian Sea":
            rows.append(("Caspian Sea", "sea", None, geom))
    for props, geom in _features(raw, HISTORIC):
        rows.append((props["name"], "historic_lake", props.get("date"), geom))
    for props, geom in _features(raw, LAKES):
        if (props.get("name") and props["scalerank"] <= LAKE_MAX_SCALERANK
                and shapely.box(*LAKE_BOX).contains(geom.centroid)):
            kind = "reservoir" if props["featurecla"] == "Reservoir" else "lake"
            rows.append((props["name"], kind, None, geom))
    out = []
    for name, kind, period, geom in rows:
        area = _equal_area_km2(geom if geom.is_valid else shapely.make_valid(geom))
        geom, repaired = geo.prepare(geom, WATER_TOLERANCE, clip=clip)
        if geom.is_empty:
            continue
        out.append({"name": name, "kind": kind, "period": period, "area_km2": round(area, 1),
                    "repaired": repaired, "geometry_wkt": geo.to_wkt(geom)})
    frame = pd.DataFrame(out)
    if frame.duplicated(["name", "kind"]).any():
        raise ValueError(f"{LAKES}: several lakes share a name: "
                         f"{frame[frame.duplicated(['name', 'kind'])]['name'].tolist()}")
    return frame


def _rivers(raw) -> pd.DataFrame:
    clip = shapely.box(*FRAME)
    ca5 = shapely.union_all([shapely.make_valid(g) for p, g in _features(raw, COUNTRIES_10M)
                             if p.get("id") in ("398", "417", "762", "795", "860")])
    parts: dict[str, list] = {}
    ranks: dict[str, int] = {}
    for props, geom in _features(raw, RIVERS):
        if (props["scalerank"] > RIVER_MAX_SCALERANK or not (props.get("name_en") or props.get("name"))
                or not geom.intersects(ca5)):
            continue
        name = " ".join(str(props.get("name_en") or props["name"]).split())
        parts.setdefault(name, []).append(geom)
        ranks[name] = min(ranks.get(name, 99), int(props["scalerank"]))
    out = []
    for name in sorted(parts):
        geom, repaired = geo.prepare(shapely.line_merge(shapely.union_all(parts[name])), RIVER_TOLERANCE, clip=clip)
        if geom.is_empty:
            continue
        out.append({"name": name, "scalerank": ranks[name], "repaired": repaired,
                    "geometry_wkt": geo.to_wkt(geom)})
    return pd.DataFrame(out)


def run(raw) -> dict[str, pd.DataFrame]:
    return {"ne_countries": _countries(raw), "ne_boundaries": _boundaries(raw), "ne_places": _places(raw),
            "ne_water": _water(raw), "ne_rivers": _rivers(raw)}

