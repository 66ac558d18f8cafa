"""Figures of the borders chapter: each `draw_*` takes already-computed frames (see centralasia.borders).

`explorer_chart` builds the chapter's live explorer (an Altair chart for `centralasia.explorers.show`)
from `centralasia.borders.explorer_frame`.
"""
from __future__ import annotations

import textwrap

import altair as alt
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .. import borders as bd
from .. import explorers, geo, maps, style
from ..countries import name

STEP_COLOURS = ("#ffffff", "#deebf7", "#9ecae1", "#4292c6", "#2171b5", "#08306b")  # one hue, lightness falls with the step
# One line style per step, so the map reads in greyscale: thin dotted (nothing recorded) to thick solid.
STEP_STYLE = {
    "no agreement recorded": dict(color="#999999", linewidth=1.2, linestyle=(0, (1, 1.5))),
    "partly delimited": dict(color="#9ecae1", linewidth=2.2, linestyle=(0, (4, 2))),
    "delimited": dict(color="#4292c6", linewidth=2.6, linestyle="solid"),
    "delimitation ratified": dict(color="#2171b5", linewidth=3.0, linestyle="solid"),
    "demarcation signed": dict(color="#08519c", linewidth=3.4, linestyle=(0, (8, 1.5))),
    "demarcation ratified": dict(color="#08306b", linewidth=4.0, linestyle="solid"),
}


def draw_status_map(panels: dict[str, pd.DataFrame], *, dpi: int = 100) -> plt.Figure:
    """One map per panel (title -> status frame with iso3_a, iso3_b, step): each internal border drawn by its status."""
    if set(STEP_STYLE) != set(bd.STEPS):
        raise AssertionError("every status step needs a line style")
    lay = maps.layers().projected()
    extent = maps.region_extent(lay, margin=60_000)
    fig, axes = plt.subplots(1, len(panels), figsize=style.size(style.TEXT_WIDTH * 4.6 / (5.2 * len(panels))), dpi=dpi, squeeze=False)
    for ax, (title, status) in zip(axes[0], panels.items()):
        maps.draw_base(ax, lay, extent, city_rank=1, label_water=False)
        b = lay.boundaries
        for r in status.itertuples():
            seg = b[(b["iso3_a"] == r.iso3_a) & (b["iso3_b"] == r.iso3_b)]
            if len(seg):
                seg.plot(ax=ax, zorder=7, **STEP_STYLE[r.step])
        ax.set_xlim(extent[0], extent[2])
        ax.set_ylim(extent[1], extent[3])
        ax.set_title(title, fontsize=10)
        ax.set_axis_off()
    handles = [Line2D([], [], label=step, **STEP_STYLE[step]) for step in bd.STEPS]
    fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=8, frameon=False, bbox_to_anchor=(0.5, 0.0))
    fig.subplots_adjust(bottom=0.15, top=0.93, wspace=0.04)
    return fig


def draw_status(status: pd.DataFrame, steps: pd.DataFrame, clash_rows: pd.DataFrame, article_year: float = 2019.24):
    """Timeline: one row per pair, shaded by status; markers for tripoints, sea borders and clashes."""
    
    pairs = list(dict.fromkeys(zip(status["iso3_a"], status["iso3_b"])))
    years = sorted(status["year"].unique())
    grid = status.pivot_table(index=["iso3_a", "iso3_b"], columns="year", values="level").reindex(pairs)
    fig, ax = plt.subplots(figsize=style.size(0.45 * len(pairs) + 1.6), dpi=100)
    ax.imshow(grid.to_numpy(), aspect="auto", cmap=ListedColormap(STEP_COLOURS), vmin=-0.5, vmax=len(bd.STEPS) - 0.5,
              extent=(years[0] - 0.5, years[-1] + 0.5, len(pairs) - 0.5, -0.5), interpolation="nearest")
    for i in range(len(pairs) + 1):
        ax.axhline(i - 0.5, color="#888888", linewidth=0.5)
    index = {p: i for i, p in enumerate(pairs)}
    marks = {"tripoint": ("^", "white", "Junction (tripoint) agreement"),
             "maritime": ("D", "white", "Caspian (sea) border agreement")}
    for step, (marker, face, _) in marks.items():
        sel = steps[steps["step"] == step]
        for r in sel.itertuples():
            if (r.iso3_a, r.iso3_b) in index:
                ax.plot(r.year, index[(r.iso3_a, r.iso3_b)], marker=marker, markersize=7, markerfacecolor=face,
                        markeredgecolor="black", linestyle="none", zorder=5)
    for r in clash_rows.itertuples():
        if (r.iso3_a, r.iso3_b) in index:
            ax.plot(r.year, index[(r.iso3_a, r.iso3_b)], marker="X", markersize=10, color="#D55E00",
                    markeredgecolor="black", linestyle="none", zorder=6)
    ax.axvline(article_year, color="black", linestyle="--", linewidth=1)
    ax.text(article_year + 0.2, -0.6, "article (Mar 2019)", fontsize=8, va="bottom")
    ax.set_yticks(range(len(pairs)), [f"{name(a)}–{name(b)}" for a, b in pairs])
    ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
    ax.set_ylim(len(pairs) - 0.5, -0.9)
    ax.grid(False)
    ax.set_xlabel("Year (status at the end of the year)")
    handles = [Patch(facecolor=c, edgecolor="#555555", label=s) for c, s in zip(STEP_COLOURS, bd.STEPS)]
    handles += [Line2D([], [], marker=m, markerfacecolor=f, markeredgecolor="black", linestyle="none", label=text)
                for m, f, text in marks.values()]
    handles.append(Line2D([], [], marker="X", color="#D55E00", markeredgecolor="black", linestyle="none",
                          markersize=9, label="Border clash (chronology)"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.45, -0.22), ncol=3, fontsize=7.5, frameon=False)
    return fig


def draw_lengths(table: pd.DataFrame):
    """Horizontal bars per pair: Factbook length and NE 1:10m geodesic length; dots: lengths stated in treaties."""
    
    t = table.iloc[::-1].reset_index(drop=True)
    y = np.arange(len(t))
    fig, ax = plt.subplots(figsize=style.size(0.33 * len(t) + 1.4), dpi=100)
    ax.barh(y + 0.2, t["published_km"], height=0.4, color="#555555", label="CIA World Factbook (all editions)")
    ax.barh(y - 0.2, t["geodesic_km"], height=0.4, color="#E69F00", edgecolor="black", linewidth=0.4,
            hatch="///", label="Natural Earth 1:10m line, measured (geodesic)")
    stated = t["stated_km"].notna()
    ax.plot(t.loc[stated, "stated_km"], y[stated], marker="D", color="black", markerfacecolor="white",
            linestyle="none", label="Length stated at a treaty (chronology)")
    ax.set_yticks(y, [f"{name(a)}–{name(b)}" for a, b in zip(t["iso3_a"], t["iso3_b"])])
    ax.set_xlabel("Border length, km")
    ax.set_axisbelow(True)
    n_external = int((~t["internal"]).sum())
    if 0 < n_external < len(t):
        ax.axhline(n_external - 0.5, color="black", linewidth=0.8)
        ax.text(ax.get_xlim()[1], n_external - 0.4, "between two of the five ↑   with a neighbour ↓",
                ha="right", va="bottom", fontsize=7.5)
    ax.legend(loc="lower right", fontsize=8, frameon=True)
    ax.grid(axis="y", visible=False)
    return fig


def draw_pair_card(a: str, b: str, lengths: pd.DataFrame, steps: pd.DataFrame, clash_rows: pd.DataFrame):
    """The widget's figure: the border highlighted on a map, its lengths and its agreements."""
        
    x, y = geo.pair(a, b)
    lay = maps.layers().projected()
    sel = lay.boundaries[(lay.boundaries["iso3_a"] == x) & (lay.boundaries["iso3_b"] == y)]
    fig, (ax, txt) = plt.subplots(1, 2, figsize=(10, 4.6), dpi=90, gridspec_kw={"width_ratios": (1.35, 1)})
    bx0, by0, bx1, by1 = sel.total_bounds if len(sel) else maps.region_extent(lay)
    half = max(bx1 - bx0, by1 - by0) / 2 * 1.25 + 120_000
    cx, cy = (bx0 + bx1) / 2, (by0 + by1) / 2
    maps.draw_base(ax, lay, (cx - half, cy - half * 0.8, cx + half, cy + half * 0.8), highlight=(x, y))
    ax.set_title(f"{name(x)}–{name(y)}", fontsize=10, pad=12)
    row = lengths[(lengths["iso3_a"] == x) & (lengths["iso3_b"] == y)]
    lines = []
    if len(row):
        r = row.iloc[0]
        lines.append(f"Factbook length: {r['published_km']:,.0f} km")
        lines.append(f"Natural Earth 1:10m, measured: {r['geodesic_km']:,.0f} km ({r['ratio_pct']:.0f}%)")
        if pd.notna(r["stated_km"]):
            lines.append(f"Stated at a treaty: {r['stated_km']:,.0f} km")
    mine = steps[(steps["iso3_a"] == x) & (steps["iso3_b"] == y)]
    clashes_ = clash_rows[(clash_rows["iso3_a"] == x) & (clash_rows["iso3_b"] == y)]
    lines.append("")
    lines.append("Agreements in the chronology:" if len(mine) else "No agreement in the chronology.")
    for r in mine.itertuples():
        lines.extend(textwrap.wrap(f"{r.date}  {r.step}: {r.title}", 58, subsequent_indent="     "))
    for r in clashes_.itertuples():
        lines.extend(textwrap.wrap(f"{r.date}  clash: {r.title}", 58, subsequent_indent="     "))
    txt.axis("off")
    txt.text(0, 1, "\n".join(lines), va="top", ha="left", fontsize=8, family="DejaVu Sans")
    return fig


def draw_deaths(dyad_years: pd.DataFrame):
    """Bars of UCDP battle deaths per year (best estimate) with low-high whiskers."""

    d = dyad_years.sort_values("year")
    x = d["year"].astype(str)
    fig, ax = plt.subplots(figsize=style.size(3, 5.5), dpi=100)
    ax.bar(x, d["best"], color="#D55E00", edgecolor="black", hatch="xx", width=0.5)
    ax.errorbar(x, d["best"], yerr=[d["best"] - d["low"], d["high"] - d["best"]], fmt="none", ecolor="black",
                capsize=6)
    for xi, yi in zip(x, d["best"]):
        ax.annotate(f"{yi}", (xi, yi), xytext=(12, 3), textcoords="offset points", fontsize=9)
    ax.set_ylabel("Battle-related deaths")
    ax.set_axisbelow(True)
    ax.grid(axis="x", visible=False)
    return fig


# ---------------------------------------------------------------- the live explorer (HTML: redraws with no kernel)
EVENT_SHAPES = {"clash": "cross", "tripoint": "triangle-up", "maritime": "diamond", "ratification": "square",
                "in force": "square", "announcement": "circle"}  # any other step: circle


def explorer_chart(frame: pd.DataFrame, *, source: str, border: str | None = None) -> alt.LayerChart:
    """One border at a time, chosen from a select: its status by year (step line) and its events
    (points; hover for date, event and title). `frame` is `borders.explorer_frame(...)`."""
    borders = list(dict.fromkeys(frame["border"]))
    chosen = border or borders[0]
    p_border = alt.param(name="border", value=chosen,
                         bind=alt.binding_select(options=borders, name="Border "))
    labels = " : ".join(f"datum.value == {i} ? {explorers._js(s)}" for i, s in enumerate(bd.STEPS)) + " : ''"
    y = alt.Y("level:Q", title=None, scale=alt.Scale(domain=[0, len(bd.STEPS) - 1]),
              axis=alt.Axis(values=list(range(len(bd.STEPS))), labelExpr=labels, labelLimit=170, grid=True))
    lo, hi = int(frame["year"].min()), int(frame["year"].max())
    x = alt.X("year:Q", title="Year (status at the end of the year)", scale=alt.Scale(domain=[lo, hi], nice=False),
              axis=alt.Axis(format="d", tickMinStep=1))
    data = explorers.inline_csv(frame, {c: "number" for c in ("year", "level", "factbook_km", "measured_km",
                                                                "treaty_km")})
    base = alt.Chart(data).transform_filter("datum.border == border")
    line = base.transform_filter("datum.kind == 'status'").mark_line(
        interpolate="step-after", strokeWidth=3, color=STEP_COLOURS[-1]).encode(x=x, y=y)
    years = base.transform_filter("datum.kind == 'status'").mark_point(size=30, filled=True, opacity=0.01).encode(
        x=x, y=y, tooltip=[alt.Tooltip("border:N", title="Border"), alt.Tooltip("year:Q", title="Year", format="d"),
                           alt.Tooltip("step:N", title="Status"),
                           alt.Tooltip("factbook_km:Q", title="Factbook length, km", format=",.0f"),
                           alt.Tooltip("measured_km:Q", title="Measured on the map, km", format=",.0f"),
                           alt.Tooltip("treaty_km:Q", title="Stated at a treaty, km", format=",.0f")])
    shapes = alt.Scale(domain=list(EVENT_SHAPES) + ["other agreement"],
                       range=list(EVENT_SHAPES.values()) + ["circle"])
    events = base.transform_filter("datum.kind == 'event'").transform_calculate(
        mark=f"indexof({explorers._js(list(EVENT_SHAPES))}, datum.what) >= 0 ? datum.what : 'other agreement'"
    ).mark_point(size=110, filled=True, color="#D55E00", stroke="black", strokeWidth=0.6).encode(
        x=x, y=y, shape=alt.Shape("mark:N", scale=shapes, legend=alt.Legend(title="Event")),
        tooltip=[alt.Tooltip("date:N", title="Date"), alt.Tooltip("event_id:N", title="Event"),
                 alt.Tooltip("what:N", title="Classed as"), alt.Tooltip("title:N", title="Title")])
    chart = alt.layer(line, years, events).add_params(p_border).properties(
        width="container", height=explorers.HEIGHT,
        title=explorers._title({"expr": "border"}, source))
    return explorers._configure(chart)
