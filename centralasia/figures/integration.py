"""Figures of the formal-ties index chapter: each takes already-computed frames and returns a Figure."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

POINT_STYLE = {
    0: dict(marker="o", markerfacecolor="white", markeredgecolor="#444444", color="#444444"),
    1: dict(marker="o", markerfacecolor="#0072B2", markeredgecolor="black", color="#0072B2"),
}
DIM_STYLE = {  # colour and hatch per dimension (colour-blind and greyscale safe)
    "alignment": ("#56B4E9", ""), "meetings": ("#E69F00", "///"), "borders": ("#009E73", ""),
    "peace": ("#D55E00", "xxx"), "mobility": ("#CC79A7", "..."),
}


def draw_profile(region: pd.DataFrame, index: pd.DataFrame, labels: dict[str, str]) -> plt.Figure:
    """Left: the region's dimension scores (rows: dimensions; columns: the two points).
    Right: the index per unit (rows: units, named; columns: the two points)."""
    points = list(region.columns)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2), gridspec_kw={"width_ratios": (1, 1.1)})
    y = np.arange(len(region))[::-1]
    for k, (off, p) in enumerate(((0.2, points[0]), (-0.2, points[1]))):
        left.barh(y + off, region[p], height=0.38, color="#BBBBBB" if k == 0 else "#0072B2",
                  edgecolor="black", linewidth=0.5, hatch="///" if k == 0 else None, label=p)
    left.set_yticks(y, [labels[d] for d in region.index])
    left.set_xlim(0, 1.05)
    left.set_xlabel("Dimension score (0–1)")
    left.set_title("The region's dimensions")
    left.legend(loc="upper center", bbox_to_anchor=(0.45, -0.16), fontsize=8)
    left.grid(axis="y", visible=False)
    yy = np.arange(len(index))[::-1]
    for yi, (_, row) in zip(yy, index.iterrows()):
        right.plot([row[points[0]], row[points[1]]], [yi, yi], color="#888888", lw=1, zorder=1)
    for k, p in enumerate(points):
        right.plot(index[p], yy, linestyle="none", markersize=8, zorder=3 + k, label=p, **POINT_STYLE[k])
    right.set_yticks(yy, list(index.index))
    right.set_xlim(0, 1.05)
    right.set_xlabel("Formal-ties index, equal weights (0–1)")
    right.set_title("The index, by state and for the region")
    right.legend(loc="upper center", bbox_to_anchor=(0.45, -0.16), fontsize=8)
    right.grid(axis="y", visible=False)
    return fig


def draw_decomposition(contrib: pd.DataFrame, labels: dict[str, str], uncapped: pd.Series | None = None) -> plt.Figure:
    """Change of the index by dimension: one row per unit (named), stacked positive and negative
    contributions (columns: dimensions, plus 'total'); `uncapped` marks the total with no meetings cap."""
    dims = [c for c in contrib.columns if c != "total"]
    fig, ax = plt.subplots(figsize=(8.5, 4.4))
    y = np.arange(len(contrib))[::-1]
    pos, neg = np.zeros(len(contrib)), np.zeros(len(contrib))
    for d in dims:
        v = contrib[d].to_numpy(dtype=float)
        left = np.where(v >= 0, pos, neg)
        colour, hatch = DIM_STYLE.get(d, ("#999999", ""))
        ax.barh(y, v, left=left, height=0.6, color=colour, hatch=hatch, edgecolor="black", linewidth=0.5,
                label=labels[d])
        pos, neg = pos + np.clip(v, 0, None), neg + np.clip(v, None, 0)
    ax.plot(contrib["total"], y, marker="D", color="black", linestyle="none", markersize=6, label="Net change")
    if uncapped is not None:
        ax.plot(uncapped.reindex(contrib.index), y, marker="D", markerfacecolor="white", markeredgecolor="black",
                linestyle="none", markersize=6, label="Net change with no cap on meetings")
    ax.axvline(0, color="black", lw=0.8)
    ax.set_yticks(y, list(contrib.index))
    ax.set_xlabel("Contribution to the change of the index, around the article to latest (index points)")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.45, -0.14), ncol=3, fontsize=8)
    return fig


def draw_intervals(index_iv: pd.DataFrame, rank_iv: pd.DataFrame, points: list[str]) -> plt.Figure:
    """Left: the index's central interval and median per unit and point (index: (point, unit name));
    right: the rank interval and median rank of each state (1 = highest)."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2), gridspec_kw={"width_ratios": (1.2, 1)})
    for ax, frame, lo, mid, hi in ((left, index_iv, "lo", "median", "hi"),
                                   (right, rank_iv, "rank_lo", "rank_median", "rank_hi")):
        units = list(dict.fromkeys(frame.index.get_level_values(1)))
        y = np.arange(len(units))[::-1]
        for k, (off, p) in enumerate(((0.15, points[0]), (-0.15, points[1]))):
            sub = frame.loc[p].reindex(units)
            colour = POINT_STYLE[k]["color"]
            ax.hlines(y + off, sub[lo], sub[hi], color=colour, lw=4, alpha=0.6)
            ax.plot(sub[mid], y + off, linestyle="none", markersize=7, label=p, **POINT_STYLE[k])
        ax.set_yticks(y, units)
        ax.grid(axis="y", visible=False)
    left.set_xlim(0, 1.02)
    left.set_xlabel("Formal-ties index: middle 90% of scenarios and median")
    right.set_xlim(5.5, 0.5)
    right.set_xticks([1, 2, 3, 4, 5])
    right.set_xlabel("Rank among the five: middle 90% of scenarios and median")
    left.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=8)
    return fig


def draw_reweighted(scores: dict[str, pd.DataFrame], weights: dict[str, float], names: dict[str, str]) -> plt.Figure:
    """The index under the reader's `weights` at each point (scores: point -> units x dimensions)."""
    w = pd.Series(weights, dtype=float)
    fig, ax = plt.subplots(figsize=(7, 3.6))
    if not w.sum() > 0:
        ax.axis("off")
        ax.text(0, 0.5, "Give at least one dimension a weight above zero.")
        return fig
    points = list(scores)
    units = list(scores[points[0]].index)
    y = np.arange(len(units))[::-1]
    for k, (off, p) in enumerate(((0.15, points[0]), (-0.15, points[1]))):
        s = scores[p]
        index = s.mul(w.reindex(s.columns).fillna(0), axis=1).sum(axis=1) / w.reindex(s.columns).fillna(0).sum()
        ax.barh(y + off, index.reindex(units), height=0.3, color="#BBBBBB" if k == 0 else "#0072B2",
                edgecolor="black", linewidth=0.5, hatch="///" if k == 0 else None, label=p)
    ax.set_yticks(y, [names.get(u, u) for u in units])
    ax.set_xlim(0, 1)
    ax.set_xlabel("Formal-ties index with your weights (0–1)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.4, -0.18), ncol=2, fontsize=8)
    ax.grid(axis="y", visible=False)
    return fig
