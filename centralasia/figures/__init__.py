"""Publishing figures: one call glues the figure and offers the data that drew it.

Drawing code lives in `centralasia/figures/<chapter>.py` as `draw_<what>(frame, ...) -> Figure`
(tested for its axes, series and labels). A notebook then needs one line:

    figures.publish("fig-trade-mirror", draw_mirror(gaps), data=gaps,
                    source="UN Comtrade (2025); the book's calculation")

`publish` adds the source line to the image and closes the figure (`style.finish`), glues it
under `name` without showing it (the markdown `{glue:figure}` block places it, with caption,
alt text and label), and shows a "Download the data behind this figure (CSV)" link in the
HTML. The link is a `data:` URI, so the CSV travels with the page and needs no server;
the PDF prints nothing for it (the book's Sphinx extension drops it for LaTeX).
"""
from __future__ import annotations

import html
import re
from urllib.parse import quote

import pandas as pd

from .. import style

# A data link heavier than this is a sign the wrong frame was passed (e.g. map geometries):
# pass the tidy frame the figure plots instead.
MAX_CSV_BYTES = 400_000
DATA_LINK_CLASS = "ca-data-link"
_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def figure_csv(data: pd.DataFrame, source: str) -> str:
    """The CSV a reader downloads: the frame as plotted, plus a `source` column naming its origin."""
    frame = data.reset_index() if _has_named_index(data) else data.reset_index(drop=True)
    frame = frame.copy()
    frame.columns = [str(c) for c in frame.columns]
    if "source" not in frame.columns:
        frame["source"] = source
    return frame.to_csv(index=False, lineterminator="\n", float_format="%.10g")


def _has_named_index(frame: pd.DataFrame) -> bool:
    return any(name is not None for name in frame.index.names)


class DataLink:
    """The link under a figure. HTML only: its bundle has no form the PDF would print."""

    def __init__(self, name: str, data: pd.DataFrame, source: str):
        if not isinstance(data, pd.DataFrame):
            raise TypeError(f"{name}: data must be the DataFrame that drew the figure, "
                            f"not {type(data).__name__}")
        if data.empty:
            raise ValueError(f"{name}: the data behind a figure cannot be empty")
        self.name, self.source = name, source
        self.csv = figure_csv(data, source)
        if len(self.csv.encode()) > MAX_CSV_BYTES:
            raise ValueError(f"{name}: {len(self.csv.encode()):,} bytes of CSV; pass the tidy frame the "
                             f"figure plots (limit {MAX_CSV_BYTES:,})")

    def href(self) -> str:
        return "data:text/csv;charset=utf-8," + quote(self.csv, safe=",.-_~:;()'*! ")\
            .replace(" ", "%20")

    def _repr_html_(self) -> str:
        e = html.escape
        rows = self.csv.count("\n") - 1
        return (f'<p class="{DATA_LINK_CLASS}"><a download="{e(self.name)}.csv" href="{e(self.href())}">'
                f"Download the data behind this figure (CSV, {rows:,} rows)</a> · "
                f"Source: {e(self.source)}</p>")

    def _repr_mimebundle_(self, include=None, exclude=None):
        # text/plain is required by Jupyter; the LaTeX build removes this output entirely.
        return {"text/html": self._repr_html_(),
                "text/plain": f"[Data behind {self.name}: CSV download in the HTML edition]"}


def publish(name: str, fig, data: pd.DataFrame, source: str, *, link: bool = True):
    """Glue `fig` as `name` (hidden; place it with `{glue:figure}`) and show its data link.

    `data` is the frame the figure was drawn from; `source` the publisher line printed on the
    image and beside the link ("Publisher, dataset (year)"). `link=False` only for a figure whose
    data is shown as a table beside it. Returns None, so the cell prints nothing more.
    """
    from IPython.display import display
    from myst_nb import glue

    if not _NAME_RE.match(name):
        raise ValueError(f"figure name {name!r}: use letters, digits, '-' and '_' (e.g. 'fig-trade-x')")
    if not str(source or "").strip():
        raise ValueError(f"{name}: a figure needs its source line")
    data_link = DataLink(name, data, source) if link else None  # validate before gluing
    glue(name, style.finish(fig, source=source), display=False)
    if data_link is not None:
        display(data_link)
    return None
