"""Figures of the people-and-culture chapter: each takes already-computed frames and returns a Figure."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .. import style
from ..countries import name

REL_ORDER = ("muslim_sunni", "muslim_other", "christian_orthodox", "christian_other", "non_religious", "other")
REL_LABEL = {"muslim_sunni": "Muslim, Sunni", "muslim_other": "Muslim, other (incl. Shia)",
             "christian_orthodox": "Christian, Orthodox", "christian_other": "Christian, other",
             "non_religious": "Non-religious", "other": "Other religions"}
REL_STYLE = {"muslim_sunni": ("#0072B2", ""), "muslim_other": ("#56B4E9", "//"),
             "christian_orthodox": ("#E69F00", ""), "christian_other": ("#F0E442", ".."),
             "non_religious": ("#BBBBBB", "xx"), "other": ("#000000", "")}
V_LABEL = {"visa_free": "free", "visa_on_arrival": "VOA", "eta": "eTA", "e_visa": "e-visa",
           "visa_required": "visa", "no_admission": "none"}
V_SCORE = {"visa_free": 5, "visa_on_arrival": 4, "eta": 3, "e_visa": 2, "visa_required": 1, "no_admission": 0}
DISPLACED_LABEL = {"refugees": "refugees", "asylum_seekers": "asylum-seekers",
                   "oip": "other people in need of international protection"}


def draw_lexical(m: pd.DataFrame) -> plt.Figure:
    """Heat map of a square similarity matrix (shares 0-1), values printed in per cent."""
    fig, ax = plt.subplots(figsize=(8.2, 7))
    image = ax.imshow(m.to_numpy(dtype=float), cmap="cividis", vmin=0.4, vmax=1.0)
    for i in range(len(m)):
        for j in range(len(m)):
            v = m.iat[i, j]
            if i != j:
                ax.text(j, i, f"{100 * v:.0f}", ha="center", va="center", fontsize=7.5,
                        color="black" if v > 0.72 else "white")
    ax.set_xticks(range(len(m)), m.columns, rotation=90)
    ax.set_yticks(range(len(m)), m.index)
    ax.grid(False)
    fig.colorbar(image, ax=ax, shrink=0.75, label="Share of basic concepts with cognate words")
    ax.set_title("Lexical similarity of Turkic languages (basic vocabulary, %)")
    return fig


def _stacked(panels, codes, columns, labels, styles, xlabel, xlim=None):
    fig, axes = plt.subplots(1, len(panels), figsize=(10, 4.4), sharey=True)
    for ax, (title, t) in zip(axes, panels):
        left = np.zeros(len(codes))
        for col in columns:
            v = t.loc[codes, col].astype(float).to_numpy()
            colour, hatch = styles[col]
            ax.barh(range(len(codes)), v, left=left, color=colour, hatch=hatch, edgecolor="white",
                    linewidth=0.5, label=labels[col])
            left += v
        ax.set_yticks(range(len(codes)), [name(c) for c in codes])
        if xlim:
            ax.set_xlim(*xlim)
        ax.set_xlabel(xlabel)
        ax.set_title(str(title))
        ax.grid(axis="y", visible=False)
    axes[0].invert_yaxis()  # shared y axis: invert once
    handles, labs = axes[0].get_legend_handles_labels()
    fig.legend(handles, labs, loc="lower center", ncol=3, fontsize=8, bbox_to_anchor=(0.5, 0.98))
    return fig


def draw_religion(tables: dict, codes: list[str]) -> plt.Figure:
    """Stacked shares (0-1) by religion, one panel per year of `tables` ({year: frame})."""
    panels = [(y, t * 100) for y, t in tables.items()]
    return _stacked(panels, codes, REL_ORDER, REL_LABEL, REL_STYLE, "% of population", (0, 100))


def draw_migrants(tables: dict, codes: list[str]) -> plt.Figure:
    """Stacked emigrant stocks (persons) by where they live: Russia, the other four, elsewhere."""
    labels = {"Russia": "living in Russia", "Other four": "living in the other four Central Asian states",
              "Elsewhere": "living elsewhere"}
    styles = {"Russia": ("#000000", ""), "Other four": ("#E69F00", "//"), "Elsewhere": ("#BBBBBB", "..")}
    panels = [(y, t / 1e6) for y, t in tables.items()]
    return _stacked(panels, codes, list(labels), labels, styles, "People born in the country, living abroad (millions)")


def draw_displaced(frame: pd.DataFrame, title: str) -> plt.Figure:
    """Stacked areas of displaced persons by type (columns of `frame`), by year (index)."""
    fig, ax = plt.subplots(figsize=(8, 4))
    cols = [c for c in DISPLACED_LABEL if c in frame.columns]
    values = [frame[c].astype(float).fillna(0).to_numpy() / 1e3 for c in cols]
    ax.stackplot(frame.index, values, labels=[DISPLACED_LABEL[c] for c in cols],
                 colors=["#0072B2", "#E69F00", "#BBBBBB"][:len(cols)], hatch=["", "//", ".."][:len(cols)],
                 edgecolor="white")
    ax.axvline(2021.6, color="black", linewidth=0.8, linestyle=":")
    ax.text(2021.8, ax.get_ylim()[1] * 0.92, "Aug 2021", fontsize=8)
    ax.set_ylabel("Persons from Afghanistan (thousands)")
    ax.set_xlabel("Year (end-year stock)")
    ax.set_title(title)
    ax.legend(fontsize=8, loc="upper left")
    return fig


def draw_visa(matrices: dict, days: dict, codes: list[str]) -> plt.Figure:
    """One passport x destination grid per snapshot ({title: category matrix}); days {title: Series}."""
    fig, axes = plt.subplots(1, len(matrices), figsize=(10, 4.6))
    for ax, (title, m) in zip(axes, matrices.items()):
        ax.imshow(m.apply(lambda col: col.map(lambda x: V_SCORE.get(x, np.nan))).to_numpy(dtype=float),
                  cmap="cividis", vmin=0, vmax=5)
        for i, a in enumerate(codes):
            for j, b in enumerate(codes):
                if a == b:
                    ax.text(j, i, "–", ha="center", va="center", color="black")
                    continue
                cat, d = m.loc[a, b], days[title].get((a, b))
                label = V_LABEL[cat] + (f"\n{int(d)} d" if cat == "visa_free" and pd.notna(d) else "")
                ax.text(j, i, label, ha="center", va="center", fontsize=8,
                        color="black" if V_SCORE[cat] >= 3 else "white",
                        fontweight="bold" if cat == "no_admission" else "normal")
        ax.set_xticks(range(len(codes)), codes)
        ax.set_yticks(range(len(codes)), codes)
        ax.set_xlabel("Destination")
        ax.set_ylabel("Passport")
        ax.grid(False)
        ax.set_title(title)
    return fig


def draw_tourism(arrivals: pd.DataFrame, codes: list[str]) -> plt.Figure:
    """Arrivals (persons) by year (index) for each country column, log scale, gaps kept."""
    fig, ax = plt.subplots(figsize=(8, 4.2))
    for c in codes:
        s = arrivals[c].reindex(range(int(arrivals.index.min()), int(arrivals.index.max()) + 1))
        ax.plot(s.index, s.to_numpy(dtype=float) / 1e6, markersize=3.5, label=name(c), **style.country(c))
    ax.set_yscale("log")
    ax.set_ylabel("International arrivals (millions, log scale)")
    ax.set_xlabel("Year")
    ax.legend(fontsize=8, ncol=2)
    return fig
