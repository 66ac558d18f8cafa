"""Figures of the summits chapter: each takes already-computed frames and returns a Figure."""
from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from .. import style

# kind -> (label, marker, filled)
TYPES = {
    "summit": ("Summits", "o", True),
    "ministerial": ("Ministerial meetings", "s", False),
    "treaty": ("Treaties", "D", True),
    "border_agreement": ("Border agreements", "^", True),
    "border_clash": ("Border clashes", "X", True),
    "organisation": ("Organisations", "P", False),
    "un": ("United Nations", "h", False),
    "transport": ("Transport links", "v", False),
    "culture": ("Culture", "*", True),
}
COLOURS = dict(zip(TYPES, ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000",
                           "#555555", "#882255")))
MARKERS = ["o", "s", "D", "^", "v", "P", "X", "h", "*", "<"]


def draw_timeline(events: pd.DataFrame, kinds=tuple(TYPES), years=(1991, 2026),
                  article: pd.Timestamp | None = None, band=("2018-03-15", "2025-12-31")) -> plt.Figure:
    """One row per kind of event; `events` needs type, when and classification.

    Summits that were called off or were ceremonies are drawn hollow and grey and not counted in the label.
    """
    kinds = [k for k in TYPES if k in kinds]
    start, end = pd.Timestamp(years[0], 1, 1), pd.Timestamp(years[1], 12, 31)
    fig, ax = plt.subplots(figsize=(8.5, 0.42 * max(len(kinds), 3) + 1.4))
    ax.axvspan(pd.Timestamp(band[0]), pd.Timestamp(band[1]), facecolor="none", edgecolor="#bbbbbb",
               hatch="///", linewidth=0, zorder=0)
    labels = []
    for row, kind in enumerate(kinds):
        label, marker, filled = TYPES[kind]
        sel = events[(events["type"] == kind) & events["when"].between(start, end)]
        held = sel["classification"].isin(("held", "held_partial"))
        colour = COLOURS[kind]
        ax.scatter(sel.loc[held, "when"], [row] * int(held.sum()), marker=marker, s=46, linewidths=1.1,
                   facecolors=colour if filled else "white", edgecolors=colour, zorder=3)
        if (~held).any():
            ax.scatter(sel.loc[~held, "when"], [row] * int((~held).sum()), marker=marker, s=46, linewidths=1.1,
                       facecolors="white", edgecolors="#999999", zorder=3)
        labels.append(f"{label} ({int(held.sum())})")
    ax.set_yticks(range(len(kinds)))
    ax.set_yticklabels(labels)
    ax.set_ylim(len(kinds) - 0.5, -0.5)
    ax.set_xlim(start, end)
    if article is not None and start <= article <= end:
        ax.axvline(article, color="#000000", linestyle="--", linewidth=1)
        ax.text(article, -0.45, " article (Mar 2019)", fontsize=8, va="top")
    ax.xaxis.set_major_locator(mdates.YearLocator(5 if years[1] - years[0] > 12 else 1))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="y", visible=False)
    ax.set_title(f"Events in the chronology by kind, {years[0]}-{years[1]}")
    return fig


def draw_nauryz(promise: pd.DataFrame, window: int, cancelled_years=()) -> plt.Figure:
    """Days between each meeting (promise_test frame: date, days_from_nauryz, host) and 21 March."""
    fig, ax = plt.subplots(figsize=(8, 4.2))
    ax.axhspan(-window, 0, facecolor="none", edgecolor="#777777", hatch="...", linewidth=0.8)
    ax.axhline(0, color="#000000", linewidth=0.8)
    years = promise["date"].dt.year
    days = promise["days_from_nauryz"].astype(float)
    ax.plot(years, days, color="#0072B2", linestyle=":", linewidth=1)
    ax.scatter(years, days, marker="o", s=60, color="#0072B2", zorder=3, label="Consultative Meeting held")
    for y, d, host in zip(years, days, promise["host"]):
        ax.annotate(host.split(" (")[0], (y, d), textcoords="offset points", xytext=(0, 8), ha="center", fontsize=8)
    top = max(300.0, float(days.max()) + 40)
    for i, y in enumerate(cancelled_years):
        ax.bar([y], [top + 40], bottom=-40, width=0.6, facecolor="none", edgecolor="#D55E00", hatch="xx",
               label=f"{y}: meeting called off" if i == 0 else None)
    ax.text(years.min() + 2.5, -window / 2, f"eve-of-Nauryz window: {window} days before 21 March", fontsize=7.5,
            va="center", bbox=dict(facecolor="white", edgecolor="none", pad=1))
    ax.set_xlim(years.min() - 0.5, years.max() + 0.6)
    ax.set_ylim(-40, top)
    ax.set_xticks(range(int(years.min()), int(years.max()) + 1))
    ax.set_ylabel("Days from 21 March (negative = before)")
    ax.set_title("Consultative Meetings and Nauryz")
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 0.14), fontsize=8)
    return fig


def draw_partners(summits: pd.DataFrame, cumulative: pd.Series, article: pd.Timestamp | None = None,
                  xlim=("2021-06-01", "2026-03-01")) -> plt.Figure:
    """Left: one row per partner (in order of first summit) with its summits; right: cumulative partners."""
    order = summits.groupby("partner")["when"].min().sort_values().index.tolist()
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(9, 4.2), gridspec_kw={"width_ratios": [2.2, 1]})
    palette = style.OKABE_ITO + ("#999999", "#555555")
    for row, partner in enumerate(order):
        sel = summits[summits["partner"] == partner]
        ax.scatter(sel["when"], [row] * len(sel), marker=MARKERS[row % 10], s=60, color=palette[row % 10],
                   edgecolor="#000000", linewidth=0.5, zorder=3)
    if article is not None:
        ax.axvline(article, color="#000000", linestyle="--", linewidth=1)
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels([f"{p} ({int((summits['partner'] == p).sum())})" for p in order])
    ax.set_ylim(len(order) - 0.3, -0.7)
    ax.set_xlim(pd.Timestamp(xlim[0]), pd.Timestamp(xlim[1]))
    ax.xaxis.set_major_locator(mdates.YearLocator(1))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="y", visible=False)
    ax.set_title("Leaders' summits of the five with one partner")
    ax2.bar(cumulative.index, cumulative.to_numpy(), color="#bbbbbb", edgecolor="#000000", hatch="//")
    ax2.set_xticks(list(cumulative.index)[::2])
    ax2.tick_params(axis="x", labelrotation=45)
    ax2.set_ylabel("Partners (cumulative)")
    ax2.set_title("Partners, cumulative")
    return fig
