"""Interactive explorers for a Python kernel, which degrade to a sentence where no kernel runs.

In Jupyter a reader moves the controls and the figure redraws. In the HTML book and
the PDF there is no kernel, so the widget prints as its text form: a pointer to the
static figure (and to the live chart of `centralasia.explorers`, which does redraw in
the HTML) carrying the same information. The HTML builder never renders the widget
view itself (book/_ext/a11y.py), since its controls would do nothing there.
"""
from __future__ import annotations

from typing import Callable

import ipywidgets as w
import matplotlib.pyplot as plt
from IPython.display import display


class Explorer:
    """An `interactive` widget whose plain-text form names its static counterpart."""

    def __init__(self, widget: w.Widget, static_ref: str):
        self.widget = widget
        self.static_ref = static_ref

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = (f"[Interactive explorer: run this notebook in Jupyter to use it. "
                                f"{self.static_ref} shows the same data in static form.]")
        return bundle


def explorer(draw: Callable[..., plt.Figure], static_ref: str, **controls) -> Explorer:
    """Wire `draw(**values)` to controls; `draw` returns a figure, which is shown then closed."""

    def show(**values):
        fig = draw(**values)
        display(fig)
        plt.close(fig)

    return Explorer(w.interactive(show, **controls), static_ref)


def country_picker(options: dict[str, str], value: tuple[str, ...], description: str = "Countries"):
    """A multi-select of countries: `options` maps display name -> ISO3."""
    return w.SelectMultiple(options=list(options.items()), value=value, description=description,
                            rows=min(len(options), 8))


def year_range(lo: int, hi: int, value: tuple[int, int] | None = None, description: str = "Years"):
    return w.IntRangeSlider(min=lo, max=hi, value=value or (lo, hi), step=1, description=description,
                            continuous_update=False)
