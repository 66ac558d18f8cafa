"""Maps of the borders chapter: the region, the Fergana Valley, one border highlighted.

All maps are drawn in `geo.CA_EQDC` (the projection the lengths are measured in)
from the Natural Earth resources of the data package. Print- and greyscale-safe
choices: borders are black lines of different widths and dash patterns, water
is a light tint with a darker outline, the historic Aral Sea is hatched with a
dashed outline, and every area carries a text label rather than relying on
colour alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geopandas as gpd
import matplotlib.pyplot as plt
import numpy as np
import shapely
from matplotlib import patheffects
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from . import geo
from .countries import CA5, name

WATER = "#cfe2f3"
WATER_EDGE = "#4a7fb0"
RIVER = "#3b78b5"
LAND_CA5 = "#f2efe6"
LAND_OTHER = "#ffffff"
LAND_CONTEXT = "#ececec"
FERGANA_BOX = (69.0, 39.4, 73.6, 41.5)  # lon/lat box of the Fergana Valley inset
ARAL_BOX = (57.6, 43.2, 62.4, 46.9)  # lon/lat box of the Aral Sea inset
HALO = [patheffects.withStroke(linewidth=2.2, foreground="white")]
ENCLAVE_OFFSETS = {"Sokh": (-22, -16), "Shakhimardan": (24, -14), "Vorukh": (-8, -16), "Sarvak": (20, -13)}
# Where the five's names sit on the regional map (lon, lat): clear of cities and of the inset frames.
LABEL_AT = {"KAZ": (68.0, 48.2), "UZB": (63.2, 42.2), "TKM": (58.8, 39.0), "KGZ": (76.2, 41.6),
            "TJK": (73.4, 38.2)}
ENCLAVE_NAMES = {  # (owner, host, rank by area within that owner-host pair) -> usual name
    ("UZB", "KGZ", 1): "Sokh", ("UZB", "KGZ", 2): "Shakhimardan",
    ("TJK", "KGZ", 1): "Vorukh", ("TJK", "UZB", 1): "Sarvak",
}


@dataclass(frozen=True)
class Layers:
    countries: gpd.GeoDataFrame
    boundaries: gpd.GeoDataFrame
    places: gpd.GeoDataFrame
    water: gpd.GeoDataFrame
    rivers: gpd.GeoDataFrame

    def projected(self) -> "Layers":
        return Layers(*(f.to_crs(geo.CA_EQDC) for f in (self.countries, self.boundaries, self.places,
                                                          self.water, self.rivers)))


@lru_cache(maxsize=1)
def layers() -> Layers:
    """The five map layers of the data package, in lon/lat."""
    from .data import load
    places = load("ne_places")
    places = gpd.GeoDataFrame(places, geometry=gpd.points_from_xy(places["lon"], places["lat"]), crs=geo.WGS84)
    return Layers(geo.load_geo("ne_countries"), geo.load_geo("ne_boundaries"), places,
                  geo.load_geo("ne_water"), geo.load_geo("ne_rivers"))


def _box(lon_lat_box, crs=geo.CA_EQDC) -> np.ndarray:
    poly = gpd.GeoSeries([shapely.box(*lon_lat_box).segmentize(0.1)], crs=geo.WGS84).to_crs(crs)
    return poly.total_bounds


def _label_point(geom, view, min_share: float = 0.0):
    """Centroid of the largest visible part (inside the view shrunk by 6 %), if it falls inside."""
    x0, y0, x1, y1 = view.bounds
    dx, dy = 0.06 * (x1 - x0), 0.06 * (y1 - y0)
    clipped = geom.intersection(shapely.box(x0 + dx, y0 + dy, x1 - dx, y1 - dy))
    if clipped.is_empty:
        return None
    part = sorted(shapely.get_parts(clipped), key=lambda g: g.area, reverse=True)[0]
    if part.area < min_share * view.area:
        return None
    centre = part.centroid
    return centre if part.contains(centre) else part.representative_point()


def name_enclaves(enclaves):
    """Add the usual name of each enclave NE shows (by owner, host and size; see ENCLAVE_NAMES)."""
    out = enclaves.copy()
    rank = out.groupby(["owner", "host"])["area_km2"].rank(ascending=False, method="first").astype(int)
    out["name"] = [ENCLAVE_NAMES.get((o, h, r), f"unnamed ({o} in {h})")
                   for o, h, r in zip(out["owner"], out["host"], rank)]
    return out


def _plot(frame, ax, **kw) -> None:
    """Plot a GeoDataFrame unless it is empty (geopandas warns on empty frames)."""
    if len(frame):
        frame.plot(ax=ax, **kw)


def draw_base(ax, lay: Layers, extent, *, city_rank: int = 4, label_countries: bool = True,
              highlight: tuple[str, str] | None = None, fergana: bool = False,
              skip_places_in=None, label_water: bool = True) -> None:
    """Land, water, rivers, borders, places and labels on one axes (projected layers)."""
    x0, y0, x1, y1 = extent
    view = shapely.box(x0, y0, x1, y1)
    ax.set_facecolor(WATER)  # seas (the Caspian) show as the gap between land polygons
    c = lay.countries
    fill = np.where(c["role"] == "ca5", LAND_CA5, np.where(c["role"] == "neighbour", LAND_OTHER, LAND_CONTEXT))
    _plot(c, ax, color=fill, edgecolor="none", zorder=1)
    w = lay.water
    _plot(w[w["kind"] == "historic_lake"], ax, facecolor="none", edgecolor=WATER_EDGE, hatch="....",
          linewidth=0.8, linestyle=(0, (4, 2)), zorder=2)
    _plot(w[w["kind"].isin(["lake", "reservoir"])], ax, color=WATER, edgecolor=WATER_EDGE, linewidth=0.5, zorder=3)
    _plot(lay.rivers, ax, color=RIVER, linewidth=0.7 if not fergana else 1.0, zorder=3)
    b = lay.boundaries
    inner = b["iso3_a"].isin(CA5) & b["iso3_b"].isin(CA5)
    outer = geo.involving(b, CA5) & ~inner
    _plot(b[~inner & ~outer], ax, color="#777777", linewidth=0.5, zorder=4)
    _plot(b[outer], ax, color="black", linewidth=0.9, linestyle=(0, (6, 1.5, 1.5, 1.5)), zorder=4)
    _plot(b[inner], ax, color="black", linewidth=1.1 if not fergana else 1.4, zorder=5)
    if highlight is not None:
        a, bb = geo.pair(*highlight)
        sel = b[(b["iso3_a"] == a) & (b["iso3_b"] == bb)]
        _plot(sel, ax, color="#D55E00", linewidth=7, alpha=0.55, zorder=4.5, capstyle="round")
    if label_countries:
        for row in c[c["iso3"].notna()].itertuples():
            if row.iso3 in LABEL_AT and not fergana:
                pt = gpd.GeoSeries(gpd.points_from_xy(*zip(LABEL_AT[row.iso3])), crs=geo.WGS84) \
                    .to_crs(geo.CA_EQDC).iloc[0]
                if not view.contains(pt):
                    pt = _label_point(row.geometry, view)
            else:
                pt = _label_point(row.geometry, view, min_share=0.08 if fergana else 0.0)
            if pt is None:
                continue
            ca = row.role == "ca5"
            ax.text(pt.x, pt.y, name(row.iso3).upper() if ca else name(row.iso3), ha="center", va="center",
                    fontsize=(7 if fergana else 9) if ca else 8, alpha=0.85 if fergana else 1,
                    fontweight="bold" if ca else "normal",
                    style="normal" if ca else "italic", color="#222222" if ca else "#555555", zorder=8,
                    path_effects=HALO)
    for nm in ("Caspian Sea", "Aral Sea", "Lake Balkhash", "Issyk-Kul"):
        hit = w[w["name"] == nm]
        if len(hit) and label_water:
            pt = _label_point(hit.geometry.iloc[0], view)
            if pt is not None:
                ax.text(pt.x, pt.y, nm, ha="center", va="center", fontsize=7, style="italic",
                        color="#1f4e79", zorder=8, path_effects=HALO)
    p = lay.places[(lay.places["capital"]) | (lay.places["scalerank"] <= city_rank)]
    p = p[p.geometry.within(view)]
    if skip_places_in is not None:
        p = p[~p.geometry.within(shapely.box(*skip_places_in))]
    _plot(p[~p["capital"]], ax, color="white", edgecolor="black", markersize=14 if fergana else 9,
          linewidth=0.8, zorder=9)
    _plot(p[p["capital"]], ax, color="black", marker="s", markersize=22 if fergana else 16, zorder=9)
    for row in p.itertuples():
        ax.annotate(row.name, (row.geometry.x, row.geometry.y), xytext=(3, 3), textcoords="offset points",
                    fontsize=8 if fergana else 7, fontweight="bold" if row.capital else "normal", zorder=10,
                    color="black", path_effects=HALO)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.grid(False)
    for side in ax.spines.values():
        side.set_visible(True)
        side.set_color("#666666")


def region_extent(lay_projected: Layers, margin: float = 150_000) -> tuple[float, float, float, float]:
    ca = lay_projected.countries[lay_projected.countries["role"] == "ca5"]
    x0, y0, x1, y1 = ca.total_bounds
    return (x0 - margin, y0 - margin, x1 + margin, y1 + margin)


def legend_handles() -> list:
    return [
        Line2D([], [], color="black", linewidth=1.1, label="Border between two of the five"),
        Line2D([], [], color="black", linewidth=0.9, linestyle=(0, (6, 1.5, 1.5, 1.5)),
               label="Border of the five with a neighbour"),
        Line2D([], [], color="#777777", linewidth=0.5, label="Other border"),
        Line2D([], [], color=RIVER, linewidth=0.8, label="River"),
        Patch(facecolor=WATER, edgecolor=WATER_EDGE, label="Sea, lake (Aral Sea: recent outline)"),
        Patch(facecolor="none", edgecolor=WATER_EDGE, hatch="....", linestyle=(0, (4, 2)),
              label="Aral Sea, late 1950s"),
        Line2D([], [], color="black", marker="s", linestyle="none", markersize=5, label="National capital"),
        Line2D([], [], color="black", marker="o", markerfacecolor="white", linestyle="none", markersize=4,
               label="Other city"),
    ]


def region_map(enclaves=None, *, dpi: int = 110) -> plt.Figure:
    """The region (left); insets of the Fergana Valley (enclaves named) and the Aral Sea (right)."""
    lay = layers().projected()
    fig = plt.figure(figsize=(10.5, 6.6), dpi=dpi)
    # No wspace/hspace here: locally modified gridspecs are skipped by tight_layout (style.finish).
    grid = fig.add_gridspec(3, 2, width_ratios=(2.1, 1), height_ratios=(1.05, 1.05, 0.9))
    ax = fig.add_subplot(grid[:, 0])
    extent = region_extent(lay)
    draw_base(ax, lay, extent, skip_places_in=_box(FERGANA_BOX))
    insets = ((FERGANA_BOX, "A", "A. Fergana Valley and its enclaves"), (ARAL_BOX, "B", "B. Aral Sea, 1950s and recent"))
    for row, (box, tag, title) in enumerate(insets):
        bx0, by0, bx1, by1 = _box(box)
        ax.add_patch(Rectangle((bx0, by0), bx1 - bx0, by1 - by0, fill=False, edgecolor="black", linewidth=1.1,
                               zorder=11))
        ax.text(bx0, by1, tag, fontsize=8, fontweight="bold", ha="left", va="bottom", zorder=11)
        inset = fig.add_subplot(grid[row, 1])
        fergana = tag == "A"
        draw_base(inset, lay, (bx0, by0, bx1, by1), city_rank=7, fergana=True, label_water=not fergana,
                  label_countries=fergana)
        inset.set_title(title, fontsize=8.5, loc="left")
        if fergana and enclaves is not None:
            label_enclaves(inset, enclaves)
    leg = fig.add_subplot(grid[2, 1])
    leg.axis("off")
    leg.legend(handles=legend_handles(), loc="upper left", fontsize=7, frameon=False, ncol=1)
    ax.set_title(f"Projection: {geo.CA_EQDC_NAME.split(' (')[0]}", fontsize=8, loc="left", fontweight="normal")
    return fig


def label_enclaves(ax, enclaves) -> None:
    """Name the enclaves (table from `name_enclaves`) on a projected map."""
    pts = gpd.GeoSeries(gpd.points_from_xy(enclaves["lon"], enclaves["lat"]), crs=geo.WGS84).to_crs(geo.CA_EQDC)
    for pt, row in zip(pts, enclaves.itertuples()):
        ax.annotate(row.name, (pt.x, pt.y), xytext=ENCLAVE_OFFSETS.get(row.name, (0, -12)),
                    textcoords="offset points", ha="center", va="center",
                    fontsize=6.5, fontweight="bold", zorder=12, arrowprops=dict(arrowstyle="-", linewidth=0.6),
                    bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="black", linewidth=0.5))


def pair_map(a: str, b: str, *, dpi: int = 100) -> plt.Figure:
    """One border highlighted on a map framed around it."""
    lay = layers().projected()
    x, y = geo.pair(a, b)
    sel = lay.boundaries[(lay.boundaries["iso3_a"] == x) & (lay.boundaries["iso3_b"] == y)]
    fig, ax = plt.subplots(figsize=(6.5, 4.6), dpi=dpi)
    if len(sel):
        bx0, by0, bx1, by1 = sel.total_bounds
        pad = max(bx1 - bx0, by1 - by0) * 0.25 + 100_000
        cx, cy, half_w = (bx0 + bx1) / 2, (by0 + by1) / 2, max(bx1 - bx0, (by1 - by0) * 1.4) / 2 + pad
        extent = (cx - half_w, cy - half_w / 1.4, cx + half_w, cy + half_w / 1.4)
    else:
        extent = region_extent(lay)
    draw_base(ax, lay, extent, city_rank=4)
    ax.set_title(f"{name(x)}–{name(y)} border (highlighted)", fontsize=10)
    return fig
