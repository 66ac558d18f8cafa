"""Figures of the trade chapter: each takes already-computed frames and returns a Figure."""
from __future__ import annotations

from typing import Sequence

import matplotlib.pyplot as plt
import pandas as pd

from .. import style
from ..countries import name

PAIRS = ("KAZ-KGZ", "KAZ-TJK", "KAZ-TKM", "KAZ-UZB", "KGZ-TJK", "KGZ-UZB", "TJK-UZB", "TKM-UZB")
OPENNESS = (("exports_pct_gdp", "Exports"), ("imports_pct_gdp", "Imports"))


def _reporter_handle(iso: str, label: str, size: float = 7) -> plt.Line2D:
    st = style.country(iso)
    return plt.Line2D([], [], linestyle="none", marker=st["marker"], color=st["color"],
                      markeredgecolor="black", markeredgewidth=0.5, markersize=size, label=label)


def draw_statements(fy: pd.DataFrame, pairs: Sequence[str] = PAIRS) -> plt.Figure:
    """One panel per pair: each reporting side's full-year turnover (US$ million) by year."""
    fig, axes = plt.subplots(2, 4, figsize=style.size(4.6), sharex=True)
    for ax, pair in zip(axes.flat, pairs):
        rows = fy[fy["pair"] == pair]
        for reporter in sorted(rows["reporter"].unique()):
            side = rows[rows["reporter"] == reporter].sort_values("year")
            st = style.country(reporter)
            ax.plot(side["year"], side["value_usd"] / 1e6, linestyle="none", marker=st["marker"],
                    color=st["color"], markersize=6, markeredgecolor="black", markeredgewidth=0.5,
                    label=f"{name(reporter)}'s figure")
        ax.set_title(pair.replace("-", "–"))
        ax.set_ylim(bottom=0)
        ax.set_xlim(2013.5, 2024.5)
        ax.set_xticks([2015, 2020])
    for ax in axes[:, 0]:
        ax.set_ylabel("Turnover, US$ million")
    handles = [_reporter_handle(iso, name(iso), 5) for iso in sorted(fy["reporter"].unique())]
    # In the Kazakhstan-Uzbekistan panel's empty upper left corner: style.finish's tight_layout
    # would let a figure-level legend overlap the panel titles.
    axes.flat[list(pairs).index("KAZ-UZB")].legend(
        handles=handles, title="Reported by", loc="upper left", fontsize=7, title_fontsize=7,
        handletextpad=0.2, borderpad=0.3, framealpha=0.9)
    fig.suptitle("Full-year turnover, by reporting side", x=0.01, ha="left", fontweight="bold")
    return fig


def draw_mirror(mirror: pd.DataFrame) -> plt.Figure:
    """One row per pair and year quoted by both sides: the two figures joined, with the gap in %."""
    fig, ax = plt.subplots(figsize=style.size(3.4))
    labels = []
    for i, row in enumerate(mirror.itertuples(index=False)):
        y = len(mirror) - 1 - i
        ax.plot([row.value_1 / 1e6, row.value_2 / 1e6], [y, y], color="#888888", linewidth=1.2, zorder=1)
        for reporter, value in ((row.reporter_1, row.value_1), (row.reporter_2, row.value_2)):
            st = style.country(reporter)
            ax.scatter(value / 1e6, y, marker=st["marker"], color=st["color"], s=60, zorder=2,
                       edgecolors="black", linewidths=0.5)
        ax.annotate(f"gap {row.gap_pct_of_mean:.0f}%", (max(row.value_1, row.value_2) / 1e6, y),
                    textcoords="offset points", xytext=(12, -3), fontsize=8)
        labels.append((y, f"{row.pair.replace('-', '–')} {row.year}"))
    ax.set_yticks([y for y, _ in labels], [t for _, t in labels])
    ax.set_xscale("log")
    ax.set_xlim(200, 60000)
    ax.set_xticks([300, 1000, 3000, 10000, 30000], ["300", "1,000", "3,000", "10,000", "30,000"])
    ax.set_ylim(-0.6, len(mirror) - 0.4)
    reporters = sorted(set(mirror["reporter_1"]) | set(mirror["reporter_2"]))
    ax.legend(handles=[_reporter_handle(iso, f"reported by {name(iso)}", 8) for iso in reporters],
              fontsize=8, loc="lower right")
    ax.set_xlabel("Full-year turnover reported by each side, US$ million (log scale)")
    ax.set_title("Same pair, same year, two speakers' figures")
    return fig


def draw_openness(openness: pd.DataFrame, countries: Sequence[str]) -> plt.Figure:
    """Exports and imports of goods and services, % of GDP: one panel each, one line per country."""
    fig, axes = plt.subplots(1, 2, figsize=style.size(3.6), sharey=True)
    for ax, (indicator, title) in zip(axes, OPENNESS):
        for iso in countries:
            s = openness[(openness["iso3"] == iso) & (openness["indicator"] == indicator)].sort_values("year")
            ax.plot(s["year"], s["value"], label=name(iso), markevery=5, markersize=5, linewidth=1.4,
                    **style.country(iso))
        ax.set_title(f"{title} of goods and services, % of GDP")
        ax.set_xlabel("Year")
    axes[0].set_ylabel("% of GDP")
    axes[0].legend(fontsize=8)
    return fig

