"""Tables that read well in all three editions: Jupyter, the HTML book and the PDF.

`show(frame, caption=..., source=...)` returns a `Table` whose display bundle has
- `text/html`: a real HTML table (`<caption>`, `<th scope="col">`, a source line),
  inside a focusable scroll region so wide tables never widen the page;
- `text/latex`: a booktabs `longtable` with wrapped `p{}` columns sized to their
  content, the header repeated on every page, a numbered caption and the source
  line, all text LaTeX-escaped (Cyrillic and diacritics pass through to xelatex);
- `text/plain`: a fixed-width fallback for terminals (never used by the book).

The book's Sphinx extension (`book/_ext/print_edition.py`) turns the `text/latex`
form into raw LaTeX for the PDF (myst-nb would otherwise typeset it as maths) and
registers `label` so that `` {ref}`tbl-x` `` links to the table in both builders.

Missing values print as an en dash in every form, never as `<NA>` or `nan`.
"""
from __future__ import annotations

import html
import math
import re
import textwrap
from dataclasses import dataclass, field
from numbers import Integral, Real
from typing import Callable, Mapping

import pandas as pd

MISSING = "–"  # en dash, the one marker of a missing value
LATEX_MARKER = "%% centralasia-table"  # first line of every text/latex form (the extension looks for it)
# Characters a line of \small text holds across the PDF's text width (FreeSerif, A4, 10pt class).
LINE_CHARS = {"small": 115, "footnotesize": 130, "scriptsize": 150}
LANDSCAPE_FACTOR = 1.45  # a landscape page is this much wider than the text block
SHORT_CHARS = 16  # columns up to this many characters stay on one line (l/r), longer ones wrap (p{})
EM_PER_CHAR = 0.5  # average FreeSerif character width, for the room left to wrapped columns
MINUS = "\u2212"  # a real minus sign: never a hyphen that could break a number

_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}",
}
_LATEX_RE = re.compile("|".join(re.escape(k) for k in _LATEX_SPECIAL))
_LABEL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def latex_escape(text: str) -> str:
    """Escape LaTeX's special characters; allow line breaks after slashes in long tokens."""
    out = _LATEX_RE.sub(lambda m: _LATEX_SPECIAL[m.group(0)], str(text))
    out = out.replace("/", "/\\allowbreak{}")
    return out.replace("\n", r"\newline{}")


def _is_missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _decimals(values: pd.Series) -> int:
    """Fewest decimals (0-3) that show every value of a float column to three significant digits."""
    finite = [float(v) for v in values if not _is_missing(v) and math.isfinite(float(v))]
    if not finite:
        return 1
    digits = 0
    for value in finite:
        if value == 0:
            continue
        need = max(0, min(3, 3 - int(math.floor(math.log10(abs(value)))) - 1))
        while need > digits and round(value, need - 1) == round(value, need):
            need -= 1
        digits = max(digits, need)
    return digits


Formatter = Callable[[object], str]


def _formatter(series: pd.Series, spec: str | Formatter | None) -> Formatter:
    if callable(spec):
        return spec
    if isinstance(spec, str):
        return spec.format
    if pd.api.types.is_bool_dtype(series):
        return lambda v: "yes" if v else "no"
    if pd.api.types.is_integer_dtype(series):
        return lambda v: str(int(v)).replace("-", MINUS)
    if pd.api.types.is_float_dtype(series):
        digits = _decimals(series)
        return lambda v: f"{float(v):,.{digits}f}".replace("-", MINUS)
    return str


def format_frame(frame: pd.DataFrame, formats: Mapping[str, str | Formatter] | None = None) -> pd.DataFrame:
    """Every cell as text: numbers formatted per column (or by `formats`), missing as an en dash."""
    formats = dict(formats or {})
    unknown = set(formats) - set(map(str, frame.columns))
    if unknown:
        raise KeyError(f"formats for columns not in the table: {sorted(unknown)}")
    out = {}
    for column in frame.columns:
        series = frame[column]
        fmt = _formatter(series, formats.get(str(column)))
        out[str(column)] = [MISSING if _is_missing(v) else fmt(v) for v in series]
    return pd.DataFrame(out, dtype=object)


def _numeric(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


@dataclass
class Table:
    """A captioned, sourced table. Display it (last line of a cell) or glue it."""

    frame: pd.DataFrame
    caption: str
    source: str
    label: str | None = None
    widths: Mapping[str, float] | None = None
    landscape: bool = False
    formats: Mapping[str, str | Formatter] | None = None
    notes: str | None = None
    size: str | None = None  # LaTeX font size: "small", "footnotesize" or "scriptsize" (default: by width)
    cells: pd.DataFrame = field(init=False, repr=False)
    numeric: list[bool] = field(init=False, repr=False)

    def __post_init__(self):
        if not isinstance(self.frame, pd.DataFrame):
            raise TypeError(f"tables.show needs a DataFrame, not {type(self.frame).__name__}")
        if not str(self.caption or "").strip():
            raise ValueError("a table needs a caption")
        if not str(self.source or "").strip():
            raise ValueError("a table needs a source line (who published the data, or 'the book's own …')")
        if self.label is not None and not _LABEL_RE.match(self.label):
            raise ValueError(f"label {self.label!r}: use letters, digits, '-' and '_' (e.g. 'tbl-trade-x')")
        if self.size not in (None, *LINE_CHARS):
            raise ValueError(f"size must be one of {sorted(LINE_CHARS)}")
        frame = self.frame.reset_index(drop=True)
        frame.columns = [str(c) for c in frame.columns]
        if frame.columns.duplicated().any():
            raise ValueError(f"duplicate column names: {list(frame.columns)}")
        # Widths for absent columns are ignored, so one widths dict can serve several column
        # selections of a table (e.g. the ledger with and without its theme column).
        self.widths = {c: w for c, w in (self.widths or {}).items() if c in frame.columns} or None
        self.frame = frame
        self.cells = format_frame(frame, self.formats)
        self.numeric = [_numeric(frame[c]) for c in frame.columns]

    # ------------------------------------------------------------ sizes
    def _natural(self) -> list[float]:
        """Characters each column wants: its longest line (capped at 60), at least its longest word."""
        out = []
        for column in self.cells.columns:
            texts = [column] + list(self.cells[column])
            longest_word = max(len(w) for t in texts for w in (str(t).split() or [""]))
            longest_line = max(len(line) for t in texts for line in str(t).splitlines() or [""])
            out.append(float(max(longest_word, min(longest_line, 60), 2)))
        return out

    def wrapped(self) -> list[bool]:
        """Which columns wrap (LaTeX `p{}`): long text, or any column given a width.

        Short columns (numbers, codes, names up to SHORT_CHARS) keep every cell on one line,
        so a number never breaks at its minus sign; if the short columns alone overflow the
        line, every column wraps.
        """
        natural = self._natural()
        widths = self.widths or {}
        wrap = [c in widths or n > SHORT_CHARS for c, n in zip(self.cells.columns, natural)]
        budget = LINE_CHARS[self._size()] * (LANDSCAPE_FACTOR if self.landscape else 1.0)
        short = sum(n + 2.5 for n, w in zip(natural, wrap) if not w)
        return [True] * len(wrap) if short > budget else wrap

    def column_fractions(self) -> list[float]:
        """Share of the wrapped width each wrapped column gets (0 for one-line columns; sums to 1)."""
        natural = self._natural()
        widths = self.widths or {}
        weights = [float(widths.get(c, n)) if w else 0.0
                   for c, n, w in zip(self.cells.columns, natural, self.wrapped())]
        total = sum(weights) or 1.0
        return [w / total for w in weights]

    def total_width(self) -> float:
        """Share of the line width the whole table takes: narrow tables stay narrow."""
        wanted = sum(self._natural()) + 2.5 * len(self.cells.columns)
        scale = LANDSCAPE_FACTOR if self.landscape else 1.0
        return min(1.0, max(0.45, wanted / (LINE_CHARS[self._size()] * scale)))

    def _size(self) -> str:
        if self.size:
            return self.size
        wanted = sum(self._natural()) + 3 * len(self.cells.columns)
        scale = LANDSCAPE_FACTOR if self.landscape else 1.0
        for size in ("small", "footnotesize"):
            if wanted <= LINE_CHARS[size] * scale:
                return size
        return "footnotesize" if wanted <= 2 * LINE_CHARS["footnotesize"] * scale else "scriptsize"

    def column_specs(self) -> list[str]:
        """The longtable column specifications, e.g. ['r', '>{\\raggedright\\arraybackslash}p{...}']."""
        wrapped, natural = self.wrapped(), self._natural()
        short_em = sum(EM_PER_CHAR * n for n, w in zip(natural, wrapped) if not w)
        room = f"(\\linewidth-{short_em:.1f}em-{2 * len(natural)}\\tabcolsep)" if not self.landscape \
            else f"(\\textheight-{short_em:.1f}em-{2 * len(natural)}\\tabcolsep)"
        budget = LINE_CHARS[self._size()] * (LANDSCAPE_FACTOR if self.landscape else 1.0)
        fits = sum(natural) + 2.5 * len(natural) <= budget and not self.widths
        specs = []
        for frac, n, num, wrap in zip(self.column_fractions(), natural, self.numeric, wrapped):
            if not wrap:
                specs.append("r" if num else "l")
                continue
            align = r"\raggedleft" if num else r"\raggedright"
            size = f"{EM_PER_CHAR * n:.1f}em" if fits else f"\\dimexpr{room}*{round(frac * 1000)}/1000\\relax"
            specs.append(f">{{{align}\\arraybackslash}}p{{{size}}}")
        return specs

    # ------------------------------------------------------------ HTML
    def to_html(self) -> str:
        e = html.escape
        cap_id = f"{self.label}-caption" if self.label else None
        num_class = ' class="ca-num"'
        head = "".join(f'<th scope="col"{num_class if num else ""}>{e(c)}</th>'
                       for c, num in zip(self.cells.columns, self.numeric))
        rows = []
        for _, row in self.cells.iterrows():
            tds = "".join(f'<td{num_class if num else ""}>{e(str(v)).replace(chr(10), "<br>")}</td>'
                          for v, num in zip(row, self.numeric))
            rows.append(f"<tr>{tds}</tr>")
        label = f' id="{e(self.label)}"' if self.label else ""
        labelled = f' aria-labelledby="{cap_id}"' if cap_id else ""
        cap_attr = f' id="{cap_id}"' if cap_id else ""
        notes = f'<p class="ca-table-notes">{e(self.notes)}</p>' if self.notes else ""
        return (
            f'<div class="ca-table"{label}>'
            f'<div class="ca-table-scroll" role="region" tabindex="0"{labelled}>'
            f'<table class="table ca-table-grid">'
            f'<caption{cap_attr}>{e(self.caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
            f"{notes}"
            f'<p class="ca-table-source">Source: {e(self.source)}</p></div>')

    # ------------------------------------------------------------ LaTeX
    def to_latex(self) -> str:
        n = len(self.cells.columns)
        size = self._size()
        specs = self.column_specs()
        header = " & ".join(r"\textbf{" + latex_escape(c) + "}" for c in self.cells.columns) + r" \\"
        caption = latex_escape(self.caption)
        label = f"\\label{{{self.label}}}" if self.label else ""
        body = [" & ".join(latex_escape(v) for v in row) + r" \\" for row in self.cells.itertuples(index=False)]
        foot_text = (latex_escape(self.notes) + r"\newline{}" if self.notes else "") + \
            r"\textit{Source:} " + latex_escape(self.source)
        lines = [
            LATEX_MARKER + (f" label={self.label}" if self.label else ""),
            r"\begingroup" + f"\\{size}" + r"\setlength{\LTpre}{6pt}\setlength{\LTpost}{6pt}"
            r"\setlength{\LTleft}{0pt}\setlength{\LTright}{\fill}"
            r"\renewcommand{\arraystretch}{1.15}",
        ]
        if self.landscape:
            lines.append(r"\begin{landscape}")
        lines += [
            r"\begin{longtable}{@{}" + "".join(specs) + "@{}}",
            f"\\caption{{{caption}}}{label}\\\\",
            r"\toprule", header, r"\midrule", r"\endfirsthead",
            f"\\multicolumn{{{n}}}{{@{{}}l}}{{\\textit{{\\tablename~\\thetable{{}} (continued)}}}}\\\\",
            r"\toprule", header, r"\midrule", r"\endhead",
            r"\midrule", f"\\multicolumn{{{n}}}{{r@{{}}}}{{\\textit{{continued on the next page}}}}\\\\",
            r"\endfoot",
            r"\bottomrule",
            r"\endlastfoot",
            *body,
            r"\end{longtable}",
            # The source line follows the table (outside it, so it never changes column widths).
            r"\nopagebreak\vspace{-\LTpost}\vspace{2pt}\par\noindent{\footnotesize " + foot_text + r"\par}",
            r"\vspace{\LTpost}",
        ]
        if self.landscape:
            lines.append(r"\end{landscape}")
        lines.append(r"\endgroup")
        return "\n".join(lines)

    # ------------------------------------------------------------ text
    def to_text(self) -> str:
        columns = list(self.cells.columns)
        budget = 110
        fracs = self.column_fractions()
        limit = {c: max(8, int(f * budget)) for c, f in zip(columns, fracs)}
        wrapped = {c: [textwrap.wrap(str(v), limit[c]) or [""] for v in self.cells[c]] for c in columns}
        width = {c: max([len(c)] + [len(line) for lines in wrapped[c] for line in lines]) for c in columns}
        out = [self.caption, "  ".join(c.ljust(width[c]) for c in columns).rstrip(),
               "  ".join("-" * width[c] for c in columns)]
        for i in range(len(self.cells)):
            height = max(len(wrapped[c][i]) for c in columns)
            for k in range(height):
                out.append("  ".join((wrapped[c][i][k] if k < len(wrapped[c][i]) else "").ljust(width[c])
                                     for c in columns).rstrip())
        out.append(f"Source: {self.source}")
        return "\n".join(out)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/plain": self.to_text(), "text/html": self.to_html(), "text/latex": self.to_latex()}

    def __repr__(self) -> str:
        return self.to_text()


def show(frame: pd.DataFrame, caption: str, source: str, label: str | None = None,
         widths: Mapping[str, float] | None = None, landscape: bool = False,
         formats: Mapping[str, str | Formatter] | None = None, notes: str | None = None,
         size: str | None = None) -> Table:
    """A table for every edition of the book. Make it the last expression of a cell.

    - `caption`: one sentence saying what the rows are (plain text; no roles).
    - `source`: who published the data, e.g. "UN Comtrade (2025); the book's calculation".
    - `label`: a global id such as "tbl-trade-mirror", for `` {ref}`tbl-trade-mirror` ``.
    - `widths`: relative widths {column: weight} (e.g. characters) of columns that wrap; columns not
      in the table are ignored; default: sized to content (short columns stay on one line).
    - `landscape`: print the table on its own landscape page(s) (very wide tables).
    - `formats`: per-column format string ("{:.1f}") or function; default: ints as is, floats to
      about three significant digits, booleans yes/no; missing values always as an en dash.
    - `notes`: an optional line above the source (abbreviations, units).
    """
    return Table(frame, caption, source, label=label, widths=widths, landscape=landscape,
                 formats=formats, notes=notes, size=size)
