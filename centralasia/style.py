"""One look for every figure: colour-blind-safe, legible in greyscale print.

Colours follow the Okabe-Ito palette; each country also gets its own line
style and marker so that lines stay distinguishable when printed in grey.
"""
from __future__ import annotations

from functools import partial

import matplotlib as mpl
import matplotlib.pyplot as plt

# The PDF's text block is 17.5 cm (6.9 in) wide (Jupyter Book's LaTeX class): figures drawn
# at this width print at their true font sizes. Use `figsize=(TEXT_WIDTH, h)` (or `style.size(h)`) for custom heights.
TEXT_WIDTH = 6.8
# Fixed metadata so that the vector copy of a figure is byte-for-byte reproducible (nbval compares
# glued outputs): no creation date, no producer string carrying the matplotlib version.
PDF_METADATA = {"CreationDate": None, "Producer": None, "Creator": None}

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
        "figure.figsize": (TEXT_WIDTH, 3.6),
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "savefig.bbox": "tight",
        "font.size": 9,  # 9 pt on paper at text width; never below 7 pt (tick labels)
        "axes.titlesize": 10,
        "axes.labelsize": 9,
        "xtick.labelsize": 8,
        "ytick.labelsize": 8,
        "legend.fontsize": 8,
        "pdf.fonttype": 42,  # TrueType in the PDF: text stays searchable and copyable
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
    _vector_copies()


def size(height: float, width: float = TEXT_WIDTH) -> tuple[float, float]:
    """A figsize at the PDF's text width: `plt.subplots(figsize=style.size(4))`."""
    return (width, height)


def _vector_copies() -> None:
    """In a kernel, give every displayed or glued figure a PDF copy beside its PNG.

    The HTML book keeps the light PNG; the LaTeX builder prefers `application/pdf`, so the
    printed book gets vector figures. Metadata is fixed so the copy is reproducible.
    """
    try:
        from IPython import get_ipython
        from IPython.core.pylabtools import print_figure
    except ImportError:  # pragma: no cover - IPython is part of the environment
        return
    shell = get_ipython()
    if shell is None:
        return
    from matplotlib.figure import Figure
    # Resolve the backend first: activating the inline backend resets every figure formatter
    # (matplotlib_inline's select_figure_formats), which would drop the PDF copy again.
    plt.switch_backend(mpl.get_backend())
    formatter = shell.display_formatter.formatters["application/pdf"]
    formatter.enabled = True
    formatter.for_type(Figure, partial(print_figure, fmt="pdf", base64=True, bbox_inches="tight",
                                       metadata=dict(PDF_METADATA)))


def country(iso3: str) -> dict:
    """Keyword arguments for plotting one country's line consistently."""
    return dict(COUNTRY_STYLE.get(iso3, dict(color="#666666", linestyle="-", marker=".")))


def source_note(fig: plt.Figure, source: str) -> None:
    """Print the source line under the figure, so a copied image keeps its provenance."""
    fig.text(0.01, -0.02, f"Source: {source}", ha="left", va="top", fontsize=7.5, color="#444444",
             wrap=True)


def finish(fig: plt.Figure, source: str) -> plt.Figure:
    """Add the source line, tidy the layout, and close the figure (glue keeps a copy)."""
    fig.tight_layout()
    source_note(fig, source)
    plt.close(fig)
    return fig
