"""One look for every figure: colour-blind-safe, legible in greyscale print.

Colours follow the Okabe-Ito palette; each country also gets its own line
style and marker so that lines stay distinguishable when printed in grey.
"""
from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")

# Fixed assignment: a country keeps its colour, line style and marker in every chapter.
COUNTRY_STYLE = {
    "KAZ": dict(color="#0072B2", linestyle="-", marker="o"),
    "KGZ": dict(color="#D55E00", linestyle="--", marker="s"),
    "TJK": dict(color="#009E73", linestyle="-.", marker="^"),
    "TKM": dict(color="#CC79A7", linestyle=":", marker="D"),
    "UZB": dict(color="#E69F00", linestyle=(0, (5, 1)), marker="v"),
    "AFG": dict(color="#56B4E9", linestyle=(0, (3, 1, 1, 1, 1, 1)), marker="P"),
    "RUS": dict(color="#000000", linestyle="-", marker="x"),
    "CHN": dict(color="#999999", linestyle="--", marker="*"),
    "USA": dict(color="#555555", linestyle=":", marker="+"),
    "TUR": dict(color="#882255", linestyle="-.", marker="h"),
    "IRN": dict(color="#44AA99", linestyle=(0, (1, 1)), marker="<"),
    "PAK": dict(color="#117733", linestyle=(0, (5, 2, 1, 2)), marker=">"),
    "AZE": dict(color="#AA4499", linestyle=(0, (2, 2)), marker="d"),
    "MNG": dict(color="#DDCC77", linestyle=(0, (4, 1, 1, 1)), marker="p"),
    "EUU": dict(color="#332288", linestyle=(0, (6, 2)), marker="H"),
    "WLD": dict(color="#BBBBBB", linestyle="-", marker="."),
}

# Categorical verdict colours, ordered from best- to worst-supported.
VERDICT_COLOURS = {
    "supported": "#009E73",
    "partly supported": "#56B4E9",
    "unverified": "#BBBBBB",
    "contradicted": "#D55E00",
}


def use() -> None:
    """Apply the book's matplotlib settings (call once at the top of a notebook)."""
    mpl.rcParams.update({
        "figure.figsize": (8, 4.5),
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "savefig.bbox": "tight",
        "font.size": 10,
        "axes.titlesize": 11,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.color": "#dddddd",
        "grid.linewidth": 0.6,
        "axes.prop_cycle": mpl.cycler(color=OKABE_ITO),
        "legend.frameon": False,
        "svg.hashsalt": "centralasia",  # deterministic SVG ids
        "image.cmap": "cividis",  # perceptually uniform and colour-blind safe
    })


def country(iso3: str) -> dict:
    """Keyword arguments for plotting one country's line consistently."""
    return dict(COUNTRY_STYLE.get(iso3, dict(color="#666666", linestyle="-", marker=".")))


def source_note(fig: plt.Figure, source: str) -> None:
    """Print the source line under the figure, so a copied image keeps its provenance."""
    fig.text(0.01, -0.02, f"Source: {source}", ha="left", va="top", fontsize=8, color="#444444",
             wrap=True)


def finish(fig: plt.Figure, source: str) -> plt.Figure:
    """Add the source line, tidy the layout, and close the figure (glue keeps a copy)."""
    fig.tight_layout()
    source_note(fig, source)
    plt.close(fig)
    return fig
