"""Figures of the conclusions: each takes already-computed frames and returns a Figure."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from .. import style

ORDER = ("supported", "partly supported", "unverified", "contradicted")
HATCH = {"supported": "", "partly supported": "///", "unverified": "...", "contradicted": "xxx"}


def _stacked(ax, table: pd.DataFrame, title: str) -> None:
    left = np.zeros(len(table))
    y = np.arange(len(table))[::-1]
    for verdict in ORDER:
        values = table[verdict].to_numpy() if verdict in table else np.zeros(len(table))
        ax.barh(y, values, left=left, color=style.VERDICT_COLOURS[verdict], hatch=HATCH[verdict],
                edgecolor="black", linewidth=0.5, label=verdict)
        for yi, x0, v in zip(y, left, values):
            if v:
                ax.text(x0 + v / 2, yi, str(int(v)), ha="center", va="center", fontsize=8,
                        bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.8))
        left += values
    ax.set_yticks(y, list(table.index))
    ax.set_title(title)
    ax.set_xlabel("Claims")
    ax.grid(axis="y", visible=False)


def draw_scorecard(as_written: pd.DataFrame, since: pd.DataFrame) -> plt.Figure:
    """Two stacked bar charts, theme x verdict counts: as written (left) and since (right)."""
    fig, axes = plt.subplots(1, 2, figsize=(10, 0.42 * len(as_written) + 2.0), sharey=True)
    top = max(as_written.sum(axis=1).max(), since.sum(axis=1).max()) + 0.5
    for ax, table, title in zip(axes, (as_written, since), ("As written (29 March 2019)", "Since (to the latest data)")):
        _stacked(ax, table, title)
        ax.set_xlim(0, top)
    handles = [Patch(facecolor=style.VERDICT_COLOURS[v], hatch=HATCH[v], edgecolor="black", label=v) for v in ORDER]
    fig.legend(handles=handles, loc="lower center", ncol=4, fontsize=8, bbox_to_anchor=(0.5, -0.02))
    fig.subplots_adjust(bottom=0.2)
    return fig
