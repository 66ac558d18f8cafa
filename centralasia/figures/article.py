"""Figures of the article page (notebooks/article): drawn from frames the package computes."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from .. import style

HATCHES = {"supported": "", "partly supported": "///", "unverified": "...", "contradicted": "xxx"}


def draw_verdicts_by_theme(as_written, since):
    """Two panels of stacked bars (themes x verdicts), as written and since, first theme on top."""
    fig, axes = plt.subplots(1, 2, figsize=(9, 4.8), sharey=True)
    top = max(as_written.sum(axis=1).max(), since.sum(axis=1).max())
    for ax, table, title in ((axes[0], as_written, "As written (March 2019)"), (axes[1], since, "Since (latest data)")):
        table = table.iloc[::-1]
        left = np.zeros(len(table))
        for verdict in table.columns:
            values = table[verdict].to_numpy()
            ax.barh(table.index, values, left=left, color=style.VERDICT_COLOURS[verdict], hatch=HATCHES[verdict],
                    edgecolor="#333333", linewidth=0.6, label=verdict)
            left += values
        ax.set_xlim(0, top + 1)
        ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
        ax.grid(axis="y", visible=False)
        ax.set_xlabel("Number of claims")
        ax.set_title(title)
    axes[0].legend(ncols=4, loc="upper center", bbox_to_anchor=(1.05, -0.14), frameon=False)
    return fig
