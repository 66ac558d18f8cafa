"""Figures of the transport chapter: each takes already-computed frames and returns a Figure."""
from __future__ import annotations

from typing import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .. import style
from ..countries import name
from ..transport import display_name

LPI_EDITIONS = (2007, 2010, 2012, 2014, 2016, 2018)


def _short(label: str) -> str:
    return display_name(label).replace("United Arab Emirates", "UAE")


def draw_link_matrix(matrix: pd.DataFrame, region: Sequence[str]) -> plt.Figure:
    """Links between each state of `region` (rows) and each column: the region first, then others.

    Cells print the count (a dash for none; italic on the diagonal = domestic); a vertical rule
    separates the region's columns from the foreign ones; darker = more links (log scale).
    """
    fig, ax = plt.subplots(figsize=style.size(3.6))
    shown = matrix.to_numpy().astype(float)
    top = np.log1p(shown.max())
    ax.imshow(np.where(shown > 0, np.log1p(shown), np.nan), cmap="cividis_r", vmin=0, vmax=top, aspect="auto")
    for i in range(shown.shape[0]):
        for j in range(shown.shape[1]):
            v = int(shown[i, j])
            dark = v > 0 and np.log1p(v) > 0.55 * top
            ax.text(j, i, str(v) if v else "–", ha="center", va="center", fontsize=8,
                    color="white" if dark else "black",
                    fontstyle="italic" if matrix.index[i] == matrix.columns[j] else "normal")
    ax.axvline(len(region) - 0.5, color="black", linewidth=1.2)
    ax.set_xticks(range(len(matrix.columns)), [_short(c) for c in matrix.columns], rotation=30, ha="right")
    ax.set_yticks(range(len(matrix.index)), [name(c) for c in matrix.index])
    ax.grid(False)
    ax.set_title("Direct air links, June 2014 (number of airport pairs)")
    return fig


def draw_hubs(top: pd.DataFrame) -> plt.Figure:
    """Horizontal bars of `links` per airport `label`, black for `in_russia`, hatched grey otherwise.

    Rows are drawn in the frame's order from the top down.
    """
    fig, ax = plt.subplots(figsize=style.size(4.6))
    ax.set_axisbelow(True)
    rows = top.iloc[::-1]
    rus = rows["in_russia"].astype(bool).tolist()
    ax.barh(rows["label"], rows["links"], color=["#000000" if r else "#BBBBBB" for r in rus],
            hatch=["" if r else "//" for r in rus], edgecolor="black", linewidth=0.5)
    ax.set_xlabel("Central Asian airports with a direct link, June 2014")
    ax.tick_params(axis="y", labelsize=8)
    ax.legend(handles=[plt.Rectangle((0, 0), 1, 1, color="#000000", label="in Russia"),
                       plt.Rectangle((0, 0), 1, 1, facecolor="#BBBBBB", hatch="//", edgecolor="black",
                                     label="elsewhere")], loc="lower right", fontsize=8)
    ax.set_title("The region's foreign gateways in 2014")
    return fig


def draw_lpi(scores: pd.DataFrame, countries: Sequence[str], region: Sequence[str],
             editions: Sequence[int] = LPI_EDITIONS) -> plt.Figure:
    """Overall LPI (`iso3`, `year`, `overall`) by edition; a missing edition breaks the line."""
    fig, ax = plt.subplots(figsize=style.size(4.4))
    for iso in countries:
        s = scores[scores["iso3"] == iso].set_index("year")["overall"].reindex(list(editions))
        ax.plot(s.index, s.to_numpy(dtype=float, na_value=np.nan), label=name(iso),
                linewidth=2.2 if iso in region else 1.2, markersize=5, **style.country(iso))
    ax.set_xticks(list(editions))
    ax.set_ylabel("Overall LPI score (1 = low, 5 = high)")
    ax.set_xlabel("LPI edition")
    ax.legend(fontsize=8, ncol=3, loc="lower right")
    ax.set_title(f"Logistics Performance Index, {editions[0]}–{editions[-1]}")
    return fig


def draw_air(air: pd.DataFrame, countries: Sequence[str], article_year: int = 2019) -> plt.Figure:
    """Passengers carried (`iso3`, `year`, `air_passengers`), millions on a log scale; gaps kept."""
    fig, ax = plt.subplots(figsize=style.size(4.2))
    for iso in countries:
        s = air[air["iso3"] == iso].sort_values("year")
        s = s.set_index("year")["air_passengers"].reindex(range(int(s["year"].min()), int(s["year"].max()) + 1))
        ax.plot(s.index, s.to_numpy(dtype=float, na_value=np.nan) / 1e6, label=name(iso), markevery=4,
                markersize=5, **style.country(iso))
    ax.set_yscale("log")
    ax.set_yticks([0.1, 0.3, 1, 3, 10], ["0.1", "0.3", "1", "3", "10"])
    ax.axvline(article_year, color="#888888", linewidth=0.8, linestyle=":")
    ax.text(article_year + 0.3, 0.06, "article", fontsize=8, color="#444444")
    ax.set_ylim(0.05, 20)
    ax.set_ylabel("Passengers carried, million (log scale)")
    ax.set_xlabel("Year")
    ax.legend(fontsize=8, ncol=2)
    ax.set_title("Passengers carried by each country's airlines")
    return fig


def draw_series(frame: pd.DataFrame, indicator: str, countries: Sequence[str], years: tuple[int, int],
                label: str | None = None) -> plt.Figure:
    """One indicator of a tidy frame (`iso3`, `indicator`, `year`, `value`) by country (the Jupyter explorer)."""
    rows = frame[(frame["indicator"] == indicator) & frame["year"].between(*years)]
    fig, ax = plt.subplots(figsize=style.size(4.0))
    for iso in countries:
        s = rows[rows["iso3"] == iso].sort_values("year")
        if len(s):
            ax.plot(s["year"], s["value"], label=name(iso), markersize=5, **style.country(iso))
    ax.set_title(label or indicator)
    ax.set_xlabel("Year")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8)
    return fig
