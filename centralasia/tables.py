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
from typing import Callable, Mapping

import pandas as pd

MISSING = "–"  # en dash, the one marker of a missing value
LATEX_MARKER = "%% centralasia-table"  # first line of every text/latex form (the extension looks for it)
# Characters a line holds across the PDF's text width (17.5 cm = 498 pt) at EM_PER_CHAR em each:
# \small is 9 pt, \footnotesize 8 pt, \scriptsize 7 pt (FreeSerif in a 10 pt class).
LINE_CHARS = {"small": 110, "footnotesize": 124, "scriptsize": 141}
LANDSCAPE_FACTOR = 1.45  # a landscape page is this much wider than the text block
SHORT_CHARS = 16  # columns up to this many characters stay on one line (l/r), longer ones wrap (p{})
EM_PER_CHAR = 0.5  # average FreeSerif character width, for the room left to wrapped columns
NOWRAP_CHARS = 12  # HTML: columns up to this many characters never wrap (dates, codes, numbers)
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
        frame = self.frame
        # A meaningful index (row labels such as "held", or a named index) becomes the first column.
        if not (isinstance(frame.index, pd.RangeIndex) and frame.index.names == [None]):
            names = [n if n is not None else "" for n in frame.index.names]
            frame = frame.rename_axis(names if len(names) > 1 else names[0]).reset_index()
        else:
            frame = frame.reset_index(drop=True)
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
        so a number never breaks at its minus sign; when they leave the wrapped columns too
        little room, columns of up to 11, then 6 characters wrap too, then all.
        """
        natural, words = self._natural(), self._longest_words()
        widths = self.widths or {}
        budget = LINE_CHARS[self._size()] * (LANDSCAPE_FACTOR if self.landscape else 1.0)
        for threshold in (SHORT_CHARS, 11, 6):  # wrap more columns until the table fits
            wrap = [c in widths or n > threshold for c, n in zip(self.cells.columns, natural)]
            short = sum(n + 2.5 for n, w in zip(natural, wrap) if not w)
            least = sum(word + 3.5 for word, w in zip(words, wrap) if w)
            if short + least <= budget:
                return wrap
        return [True] * len(natural)

    def _longest_words(self) -> list[int]:
        return [max(len(w) for t in [c, *self.cells[c]] for w in (str(t).split() or [""]))
                for c in self.cells.columns]

    def column_fractions(self) -> list[float]:
        """Share of the wrapped width each wrapped column gets (0 for one-line columns; sums to 1).

        Every wrapped column first gets room for its longest word; the rest of the line is shared
        in proportion to what each column still wants (its natural width, or its `widths` weight).
        """
        natural, words, wrapped = self._natural(), self._longest_words(), self.wrapped()
        widths = self.widths or {}
        budget = LINE_CHARS[self._size()] * (LANDSCAPE_FACTOR if self.landscape else 1.0)
        budget -= sum(n + 2.5 for n, w in zip(natural, wrapped) if not w)
        minimum = [float(wd + 1) if w else 0.0 for wd, w in zip(words, wrapped)]
        if widths:
            total = sum(float(widths.get(c, n)) for c, n, w in zip(self.cells.columns, natural, wrapped) if w)
            want = [budget * float(widths.get(c, n)) / total if w else 0.0
                    for c, n, w in zip(self.cells.columns, natural, wrapped)]
        else:
            want = [n if w else 0.0 for n, w in zip(natural, wrapped)]
        extra = [max(0.0, wt - m) for wt, m in zip(want, minimum)]
        spare = max(0.0, budget - 2.5 * sum(wrapped) - sum(minimum))
        scale = min(1.0, spare / sum(extra)) if sum(extra) else 0.0
        alloc = [m + e * scale for m, e in zip(minimum, extra)]
        total = sum(alloc) or 1.0
        return [a / total for a in alloc]

    def total_width(self) -> float:
        """Share of the line width the whole table takes: narrow tables stay narrow."""
        wanted = sum(self._natural()) + 2.5 * len(self.cells.columns)
        scale = LANDSCAPE_FACTOR if self.landscape else 1.0
        return min(1.0, max(0.45, wanted / (LINE_CHARS[self._size()] * scale)))

    def _size(self) -> str:
        """The largest font that fits: the natural widths, else the longest words (cells wrap)."""
        if self.size:
            return self.size
        scale = LANDSCAPE_FACTOR if self.landscape else 1.0
        natural = sum(self._natural()) + 3 * len(self.cells.columns)
        words = sum(self._longest_words()) + 3.5 * len(self.cells.columns)
        for size in ("small", "footnotesize"):
            if natural <= LINE_CHARS[size] * scale:
                return size
        return "footnotesize" if words <= LINE_CHARS["footnotesize"] * scale else "scriptsize"

    def fits(self) -> bool:
        """Whether every column can get its longest word at the chosen size (else: landscape or split)."""
        scale = LANDSCAPE_FACTOR if self.landscape else 1.0
        wrapped = self.wrapped()
        need = sum(w + 3.5 if wrap else n + 2.5
                   for w, n, wrap in zip(self._longest_words(), self._natural(), wrapped))
        return need <= LINE_CHARS[self._size()] * scale

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
    def _html_classes(self) -> list[str]:
        """Numbers right-aligned; short columns (dates, codes, numbers) never wrap."""
        return ["ca-num" if num else ("ca-nowrap" if n <= NOWRAP_CHARS else "")
                for num, n in zip(self.numeric, self._natural())]

    def to_html(self) -> str:
        """A captioned table in a keyboard-focusable scroll region, then notes and source line.

        The caption is shown above the scroll region (so a wide table never clips it) and kept
        as the table's `<caption>` for assistive technology.
        """
        e = html.escape
        classes = [f' class="{c}"' if c else "" for c in self._html_classes()]
        head = "".join(f'<th scope="col"{k}>{e(c)}</th>' for c, k in zip(self.cells.columns, classes))
        rows = []
        for _, row in self.cells.iterrows():
            tds = "".join(f'<td{k}>{e(str(v)).replace(chr(10), "<br>")}</td>' for v, k in zip(row, classes))
            rows.append(f"<tr>{tds}</tr>")
        label = f' id="{e(self.label)}"' if self.label else ""
        notes = f'<p class="ca-table-notes">{e(self.notes)}</p>' if self.notes else ""
        return (
            f'<div class="ca-table"{label}>'
            f'<p class="ca-table-caption" aria-hidden="true">{e(self.caption)}</p>'
            f'<div class="ca-table-scroll" role="region" tabindex="0" aria-label="{e(self.caption)}">'
            f'<table class="ca-table-grid"><caption class="ca-sr-only">{e(self.caption)}</caption>'
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
            r"\begingroup" + f"\\{size}" + r"\setlength{\LTpre}{0pt}\setlength{\LTpost}{6pt}"
            r"\setlength{\LTleft}{0pt}\setlength{\LTright}{\fill}"
            r"\renewcommand{\arraystretch}{1.15}",
        ]
        if self.landscape:
            lines.append(r"\begin{landscape}")
        lines += [
            # Numbered caption above the table (book/latex/print.sty), flush left like the table.
            f"\\catablecaption{{{caption}{label}}}\\catablekeepnumber",
            r"\begin{longtable}{@{}" + "".join(specs) + "@{}}",
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

    `frame` is a DataFrame (a meaningful index becomes the first column), or an object with a
    `.frame` and optional `.widths` (such as `claims.chapter_verdicts(...)`).

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
    if not isinstance(frame, pd.DataFrame) and isinstance(getattr(frame, "frame", None), pd.DataFrame):
        # A table object of the package (e.g. claims.Table from claims.chapter_verdicts): its frame
        # and its column widths.
        widths = widths or getattr(frame, "widths", None)
        frame = frame.frame
    return Table(frame, caption, source, label=label, widths=widths, landscape=landscape,
                 formats=formats, notes=notes, size=size)
