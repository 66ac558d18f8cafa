"""Figures of the security chapter: each `draw_*` takes already-computed frames, returns a Figure."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .. import alignment as al
from .. import style
from ..countries import name

GREY = "#444444"


def _look(code: str) -> dict:
    return dict(color=GREY, marker="o", linestyle="-") if code == al.AMONG_FIVE else style.country(code)


def draw_heatmap(table: pd.DataFrame, codes: list[str], measure: str, title: str):
    """Symmetric matrix of one measure for the pairs among `codes` (rows of `table`: a, b, measure)."""
    grid = pd.DataFrame(np.nan, index=codes, columns=codes)
    for r in table.itertuples():
        if r.a in codes and r.b in codes:
            grid.loc[r.a, r.b] = grid.loc[r.b, r.a] = getattr(r, measure)
    fig, ax = plt.subplots(figsize=(7.6, 6.4))
    lo = al.COLOUR_RANGE[measure][0]
    image = ax.imshow(grid.to_numpy(dtype=float), cmap="cividis", vmin=lo, vmax=1.0)
    for i in range(len(codes)):
        for j in range(len(codes)):
            value = grid.iat[i, j]
            if np.isfinite(value):
                ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=6.5,
                        color="black" if value > lo + 0.55 * (1 - lo) else "white")
    ax.set_xticks(range(len(codes)), codes, rotation=90)
    ax.set_yticks(range(len(codes)), codes)
    ax.grid(False)
    if list(codes[:5]) == list(al.FIVE) and len(codes) > 5:
        ax.axhline(4.5, color="white", lw=2)
        ax.axvline(4.5, color="white", lw=2)
    fig.colorbar(image, ax=ax, shrink=0.8, label=al.MEASURE_LABELS[measure])
    ax.set_title(title)
    return fig


def draw_differences(diffs: pd.DataFrame, measures=("ac1", "kappa")):
    """Dot-and-whisker of 'among the five minus the five with X', one panel per measure and vote subset."""
    groups = list(dict.fromkeys(diffs["group"]))
    fig, axes = plt.subplots(len(groups), len(measures), figsize=(10, 3.2 + 2.6 * len(groups)), squeeze=False)
    for i, group in enumerate(groups):
        for j, measure in enumerate(measures):
            ax = axes[i, j]
            d = diffs[(diffs.group == group) & (diffs.measure == measure)].sort_values("estimate")
            y = np.arange(len(d))
            colors = ["#b2182b" if lo <= 0 else GREY for lo in d["lo"]]
            ax.errorbar(d["estimate"], y, xerr=[d["estimate"] - d["lo"], d["hi"] - d["estimate"]], fmt="none",
                        ecolor=colors, elinewidth=1.2)
            ax.scatter(d["estimate"], y, c=colors, s=18, zorder=3)
            ax.axvline(0, color="black", lw=0.7)
            ax.set_yticks(y, [name(b) if len(b) == 3 else b for b in d["b"]], fontsize=7.5)
            ax.set_xlabel(f"Difference in {al.MEASURE_LABELS[measure]}")
            ax.set_title(f"{group}: among the five minus with each state", fontsize=9)
    fig.suptitle("Are the five closer to each other than to outside states? (red: interval reaches zero)",
                 x=0.01, ha="left", fontweight="bold", fontsize=10)
    return fig


def draw_trends(yearly: pd.DataFrame, partners: list[str], measure: str = "ac1"):
    """Yearly mean of a measure among the five (grey) and of the five with each partner."""
    fig, axes = plt.subplots(2, 3, figsize=(10, 6), sharex=True, sharey=True)
    five = yearly[yearly.a == al.AMONG_FIVE].sort_values("group")
    for ax, code in zip(axes.flat, partners):
        ax.fill_between(five.group, five[f"{measure}_lo"], five[f"{measure}_hi"], color="#bbbbbb", alpha=0.5, lw=0)
        ax.plot(five.group, five[measure], color=GREY, lw=2.2, label="Among the five")
        part = yearly[yearly.a == code].sort_values("group")
        s = style.country(code)
        ax.fill_between(part.group, part[f"{measure}_lo"], part[f"{measure}_hi"], color=s["color"], alpha=0.2, lw=0)
        ax.plot(part.group, part[measure], markersize=4, markevery=3, label=f"The five with {name(code)}", **s)
        ax.axhline(0, color="black", lw=0.6)
        ax.set_title(name(code), fontsize=10)
        ax.legend(loc="lower right", fontsize=7)
    for ax in axes[:, 0]:
        ax.set_ylabel(al.MEASURE_LABELS[measure])
    fig.suptitle(f"UNGA voting agreement by year ({al.MEASURE_LABELS[measure]})", x=0.01, ha="left",
                 fontweight="bold", fontsize=11)
    return fig


def draw_idealpoints(points: pd.DataFrame, codes: list[str]):
    """Ideal points by year with the posterior 5-95% band, one line per country."""
    fig, ax = plt.subplots(figsize=(10, 5.2))
    for code in codes:
        part = points[points.iso3 == code].sort_values("year")
        s = style.country(code)
        ax.fill_between(part.year, part.q05.astype(float), part.q95.astype(float), color=s["color"], alpha=0.12, lw=0)
        ax.plot(part.year, part.ideal_point.astype(float), markersize=3, markevery=4, label=name(code), **s)
    ax.axvline(2019.25, color="black", lw=0.8, linestyle=":")
    ax.set_xlabel("Year")
    ax.set_ylabel("Ideal point (higher = closer to the US-led position)")
    ax.legend(ncol=3, fontsize=7.5, loc="upper left")
    ax.set_title("UNGA ideal points, 1992-2024 (dotted line: the article, March 2019)")
    return fig


def draw_conflict(per_conflict: pd.DataFrame, labels: dict[int, str], looks: dict[int, str]):
    """Battle-related deaths per year and conflict (best estimate with low-high range), log scale."""
    fig, ax = plt.subplots(figsize=(9, 4.5))
    for cid, label in labels.items():
        part = per_conflict[per_conflict.conflict_id == cid]
        s = style.country(looks[cid])
        ax.vlines(part.year, part.low, part.high, color=s["color"], lw=1.2)
        ax.plot(part.year, part.best, s["marker"], color=s["color"], markersize=7, label=label)
    ax.set_yscale("log")
    ax.set_ylabel("Battle-related deaths in the year (log scale)")
    ax.set_xlim(1988, 2024)
    ax.legend(loc="upper right", fontsize=8)
    ax.set_title("Battle-related deaths in conflicts located in Central Asia, 1989-2023")
    return fig


def draw_milex(milex: pd.DataFrame, codes: list[str]):
    """Military spending: level (log) and share of GDP; gaps stay gaps."""
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.4))
    for code in codes:
        part = milex[milex.iso3 == code].sort_values("year")
        s = style.country(code)
        for ax, col in ((axes[0], "milex_usd_m"), (axes[1], "share_gdp_pct")):
            ax.plot(part.year, part[col].astype(float), markersize=3.5, label=name(code), **s)
    axes[0].set_yscale("log")
    axes[0].set_ylabel("US$ million, constant 2022 prices (log scale)")
    axes[1].set_ylabel("% of GDP")
    axes[0].set_title("Level")
    axes[1].set_title("Share of GDP")
    axes[1].legend(fontsize=8, ncol=2)
    return fig


def draw_wgi(wgi: pd.DataFrame, codes: list[str], z: float = 1.645):
    """WGI estimates with +- z standard errors, political stability (top) and rule of law (bottom)."""
    fig, axes = plt.subplots(2, len(codes), figsize=(10, 4.8), sharex=True, sharey=True)
    for row, (indicator, label) in enumerate((("PV", "Political stability"), ("RL", "Rule of law"))):
        for col, code in enumerate(codes):
            ax = axes[row, col]
            part = wgi[(wgi.iso3 == code) & (wgi.indicator == indicator)].sort_values("year")
            s = style.country(code)
            est, se = part.estimate.astype(float), part.std_err.astype(float)
            ax.fill_between(part.year, est - z * se, est + z * se, color=s["color"], alpha=0.25, lw=0)
            ax.plot(part.year, est, markersize=2.5, **s)
            ax.axhline(0, color="black", lw=0.6)
            ax.set_ylim(-2.5, 1.0)
            if row == 0:
                ax.set_title(name(code), fontsize=9)
            if col == 0:
                ax.set_ylabel(f"{label}\n(estimate)")
    return fig


def draw_afghanistan(deaths: pd.DataFrame, yearly: pd.DataFrame, marks: list[int], measure: str = "ac1"):
    """Battle deaths in Afghanistan (top) and the five's yearly agreement with Afghanistan (bottom)."""
    fig, axes = plt.subplots(2, 1, figsize=(9, 6.5), sharex=True)
    s = style.country("AFG")
    axes[0].fill_between(deaths.index, deaths.low, deaths.high, color=s["color"], alpha=0.3, lw=0)
    axes[0].plot(deaths.index, deaths.best, markersize=3.5, **s)
    axes[0].set_ylabel("Battle-related deaths")
    axes[0].set_title("Battle-related deaths in conflicts located in Afghanistan")
    five = yearly[yearly.a == al.AMONG_FIVE].sort_values("group")
    part = yearly[yearly.a == "AFG"].sort_values("group")
    axes[1].fill_between(five.group, five[f"{measure}_lo"], five[f"{measure}_hi"], color="#bbbbbb", alpha=0.5, lw=0)
    axes[1].plot(five.group, five[measure], color=GREY, lw=2.2, label="Among the five")
    axes[1].fill_between(part.group, part[f"{measure}_lo"], part[f"{measure}_hi"], color=s["color"], alpha=0.2, lw=0)
    axes[1].plot(part.group, part[measure], markersize=3.5, label="The five with Afghanistan", **s)
    axes[1].axhline(0, color="black", lw=0.6)
    axes[1].set_ylabel(f"{al.MEASURE_LABELS[measure]} (UNGA votes)")
    axes[1].set_title("UNGA voting agreement with Afghanistan (roll-call data end in 2019)")
    axes[1].legend(fontsize=8, loc="lower right")
    for ax in axes:
        for year_ in sorted(set(marks)):
            ax.axvline(year_, color="#777777", lw=0.8, linestyle=":")
    axes[1].set_xlim(1988, 2024)
    return fig
