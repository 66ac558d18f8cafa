"""Figures of the borders chapter that take already-computed frames (see centralasia.borders)."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

from .. import borders as bd
from .. import maps

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
    fig, axes = plt.subplots(1, len(panels), figsize=(5.2 * len(panels), 4.6), dpi=dpi, squeeze=False)
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
