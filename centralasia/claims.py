"""The claim ledger as the front matter shows it: chapters, themes, counts, tables.

`centralasia.ledger.ledger()` gives each claim two grades (as written, since), each
with its rule and kind of evidence. This module adds what the page "The article at a glance" needs:
the chapter that tests each claim (from `reference/claim_chapters.csv`, unless
a computed verdict names its own chapter), the paragraphs each theme occupies,
the verdict counts the home page quotes, and tables narrow enough for print.
"""
from __future__ import annotations

import csv
import textwrap
from pathlib import Path

import pandas as pd

from . import tables
from .errors import DataError
from .paths import REFERENCE_DIR
from .pipeline.steps.facts import THEMES, VERDICTS

CHAPTERS_FILE = REFERENCE_DIR / "claim_chapters.csv"

# Reading order of the book; the ledger page lists chapters in this order.
CHAPTER_TITLES = {
    "notebooks/article": "The article at a glance",
    "notebooks/summits": "Summits",
    "notebooks/security": "Security",
    "notebooks/borders": "Borders",
    "notebooks/trade": "Trade",
    "notebooks/economy": "Investment and economy",
    "notebooks/transport": "Transport",
    "notebooks/culture": "People and culture",
    "notebooks/conclusions": "Conclusions",
}

# Names of the kinds of evidence as the book prints them (rules.EVIDENCE_KINDS defines them).
KIND_NAMES = {"computed": "computed from open data",
              "chronology": "rule-based on the book's curated chronology",
              "judgement": "sourced judgement"}
ASPECT_NAMES = {"as_written": "as written", "since": "since"}
MIN_THEME_CLAIMS = 3  # themes with fewer claims are not called firm or weak ground

# Keys of the glued counts (the home page refers to them by these names).
COUNT_KEYS = {"supported": "n_supported", "partly supported": "n_partly",
              "contradicted": "n_contradicted", "unverified": "n_unverified"}


def claim_chapters(path: Path = CHAPTERS_FILE) -> pd.DataFrame:
    """The claim -> chapter mapping, checked: one row per claim, known chapters only."""
    path = Path(path)
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows or set(rows[0]) != {"claim_id", "chapter"}:
        raise DataError(path.name, "expected the columns claim_id, chapter")
    frame = pd.DataFrame(rows, dtype="string")
    dup = sorted(frame.loc[frame["claim_id"].duplicated(), "claim_id"])
    if dup:
        raise DataError(path.name, f"claims mapped more than once: {dup}", column="claim_id")
    unknown = sorted(set(frame["chapter"]) - set(CHAPTER_TITLES))
    if unknown:
        raise DataError(path.name, f"unknown chapters {unknown}", column="chapter")
    return frame


def with_chapters(ledger: pd.DataFrame, mapping: pd.DataFrame) -> pd.DataFrame:
    """Fill the ledger's `chapter`: the computing chapter where there is one, else the mapping.

    Every claim must be mapped and every mapped claim must exist, so a claim added
    to the ledger without a chapter (or a stale mapping row) is caught.
    """
    ids, mapped = set(ledger["claim_id"]), set(mapping["claim_id"])
    if ids - mapped:
        raise DataError(CHAPTERS_FILE.name, f"claims without a chapter: {sorted(ids - mapped)}",
                        column="claim_id")
    if mapped - ids:
        raise DataError(CHAPTERS_FILE.name, f"mapped claims not in the ledger: {sorted(mapped - ids)}",
                        column="claim_id")
    out = ledger.copy()
    by_id = mapping.set_index("claim_id")["chapter"]
    chapter = out["chapter"] if "chapter" in out else pd.Series(pd.NA, index=out.index, dtype="string")
    out["chapter"] = chapter.fillna(out["claim_id"].map(by_id)).astype("string")
    out["chapter_title"] = out["chapter"].map(CHAPTER_TITLES).astype("string")
    return out


def paragraph_ranges(paragraphs) -> str:
    """Compact, sorted paragraph list: [12, 10, 11, 17] -> '10-12, 17'."""
    values = sorted({int(p) for p in paragraphs})
    runs, start = [], None
    for i, value in enumerate(values):
        if start is None:
            start = value
        if i + 1 == len(values) or values[i + 1] != value + 1:
            runs.append(f"{start}" if start == value else f"{start}-{value}")
            start = None
    return ", ".join(runs)


def themes_by_paragraph(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per theme (in the ledger's theme order): claims, paragraphs, first paragraph."""
    rows = []
    for theme in THEMES:
        sub = claims[claims["theme"] == theme]
        if sub.empty:
            continue
        rows.append({"theme": theme, "claims": len(sub),
                     "paragraphs": paragraph_ranges(sub["paragraph"]),
                     "first": int(sub["paragraph"].min())})
    return (pd.DataFrame(rows).sort_values(["first", "theme"]).drop(columns="first")
            .reset_index(drop=True))


def verdict_counts(ledger: pd.DataFrame) -> dict[str, int]:
    """The counts the book glues.

    n_claims; per aspect and verdict `n_<aspect>_<short>` (e.g. n_as_written_supported,
    n_since_partly); per aspect and kind of evidence `n_<aspect>_kind_<kind>`; n_computed
    (claims a chapter function answers for). The unprefixed n_supported ... n_unverified are
    the *since* counts, for pages that quote one grade.
    """
    counts = {"n_claims": int(len(ledger))}
    for aspect in ASPECT_NAMES:
        column = ledger[f"verdict_{aspect}"]
        if column.isna().any() or not set(column) <= set(VERDICTS):
            raise ValueError(f"a {aspect} verdict outside the four categories slipped into the ledger")
        for verdict, key in COUNT_KEYS.items():
            counts[f"n_{aspect}_{key[2:]}"] = int((column == verdict).sum())
        for kind in KIND_NAMES:
            counts[f"n_{aspect}_kind_{kind}"] = int((ledger[f"kind_{aspect}"] == kind).sum())
    for verdict, key in COUNT_KEYS.items():
        counts[key] = counts[f"n_since_{key[2:]}"]
    counts["n_computed"] = int((ledger["basis"] == "computed").sum())
    return counts


def kind_counts(ledger: pd.DataFrame) -> pd.DataFrame:
    """Kind of evidence x aspect: how many grades rest on each kind (named as the book prints them)."""
    rows = {KIND_NAMES[k]: [int((ledger[f"kind_{a}"] == k).sum()) for a in ASPECT_NAMES] for k in KIND_NAMES}
    return pd.DataFrame.from_dict(rows, orient="index", columns=list(ASPECT_NAMES.values()))


def grade_crosstab(ledger: pd.DataFrame) -> pd.DataFrame:
    """As-written verdict (rows) x since verdict (columns), all four categories each way."""
    table = pd.crosstab(ledger["verdict_as_written"], ledger["verdict_since"])
    table = table.reindex(index=list(VERDICTS), columns=list(VERDICTS), fill_value=0).astype(int)
    table.index.name, table.columns.name = "as written", "since"
    return table


def verdicts_by_theme(ledger: pd.DataFrame, aspect: str = "since") -> pd.DataFrame:
    """Theme x verdict counts for one aspect (all four verdict columns, themes in ledger order)."""
    table = pd.crosstab(ledger["theme"], ledger[f"verdict_{aspect}"])
    table = table.reindex(columns=list(VERDICTS), fill_value=0)
    order = [t for t in THEMES if t in table.index]
    return table.loc[order].astype(int)


def ground(ledger: pd.DataFrame, aspect: str = "since", firm: float = 0.75, weak: float = 0.5,
           min_claims: int = MIN_THEME_CLAIMS) -> dict[str, list[str]]:
    """Themes on firm ground (share supported >= firm) and weak ground (< weak), for one aspect.

    Themes with fewer than `min_claims` claims are listed as `small` and never called firm or
    weak: one or two claims say nothing about a theme.
    """
    table = verdicts_by_theme(ledger, aspect)
    size = table.sum(axis=1)
    share = table["supported"] / size
    big = size >= min_claims
    return {"firm": list(share[big & (share >= firm)].index), "weak": list(share[big & (share < weak)].index),
            "small": list(size[~big].index)}


def grade_label(verdict, rule) -> str:
    """'partly supported (R5)'."""
    return f"{verdict} ({rule})" if pd.notna(verdict) else ""


class Table:
    """A plain table that prints narrow: HTML as pandas renders it, text wrapped per column.

    Jupyter shows the HTML; the PDF build uses the text form, where long claims
    are wrapped to `widths` characters instead of running off the page.
    """

    def __init__(self, frame: pd.DataFrame, widths: dict[str, int] | None = None):
        self.frame = frame.reset_index(drop=True)
        self.widths = widths or {}

    def _repr_html_(self) -> str:
        return self.frame.to_html(index=False, escape=True, na_rep="", border=0)

    def __repr__(self) -> str:
        columns = list(self.frame.columns)
        cells = {c: [textwrap.wrap(str(v) if pd.notna(v) else "", self.widths.get(c, 10**6)) or [""]
                     for v in self.frame[c]] for c in columns}
        width = {c: max([len(str(c))] + [len(line) for lines in cells[c] for line in lines])
                 for c in columns}
        lines = ["  ".join(str(c).ljust(width[c]) for c in columns).rstrip(),
                 "  ".join("-" * width[c] for c in columns)]
        for i in range(len(self.frame)):
            height = max(len(cells[c][i]) for c in columns)
            for k in range(height):
                parts = [(cells[c][i][k] if k < len(cells[c][i]) else "").ljust(width[c]) for c in columns]
                lines.append("  ".join(parts).rstrip())
        return "\n".join(lines)


LEDGER_COLUMNS = {"claim_id": "id", "paragraph": "¶", "theme": "theme", "claim": "claim",
                  "as_written": "as written", "since": "since", "chapter_title": "chapter"}
LEDGER_WIDTHS = {"claim": 40, "as written": 14, "since": 14, "chapter": 12, "theme": 11}


def _with_labels(rows: pd.DataFrame) -> pd.DataFrame:
    rows = rows.copy()
    for aspect in ASPECT_NAMES:
        rows[aspect] = [grade_label(v, r) for v, r in zip(rows[f"verdict_{aspect}"], rows[f"rule_{aspect}"])]
    return rows


LEDGER_SOURCE = "Central Asia Harmony Book Team, claim ledger (2026); grades by the book's rules"


def ledger_table(ledger: pd.DataFrame, theme: str | None = None, caption: str | None = None,
                 label: str | None = None) -> tables.Table:
    """The ledger (or one theme of it) as a typeset table (`tables.show`), in paragraph order.

    Both grades are shown with the rule that decided each. With `theme` given, the theme column
    is dropped (the section heading names it). `.frame` is the table's data.
    """
    rows = ledger if theme is None else ledger[ledger["theme"] == theme]
    if rows.empty:
        raise ValueError(f"no claims with theme {theme!r}")
    frame = (_with_labels(rows).sort_values(["paragraph", "claim_id"])[list(LEDGER_COLUMNS)]
             .rename(columns=LEDGER_COLUMNS))
    if theme is not None:
        frame = frame.drop(columns="theme")
    if caption is None:
        caption = (f"Claims of the article on {theme}: both grades, with the rule that decided each"
                   if theme else "The claim ledger: every claim with both grades and the rule that decided each")
    return tables.show(frame, caption=caption, source=LEDGER_SOURCE, label=label,
                       widths={c: w for c, w in LEDGER_WIDTHS.items() if c in frame.columns})


def book_ledger() -> pd.DataFrame:
    """The ledger as the book shows it: both grades, and every claim's chapter filled in."""
    from .ledger import ledger
    return with_chapters(ledger(), claim_chapters())


VERDICT_COLUMNS = {"claim_id": "id", "paragraph": "¶", "claim": "claim", "as_written": "as written",
                   "since": "since", "why": "evidence"}
VERDICT_WIDTHS = {"claim": 28, "as written": 12, "since": 12, "evidence": 50}


def evidence_text(row) -> str:
    """'As written (sourced judgement): ... Since (computed from open data): ...'."""
    parts = []
    for aspect, name in ASPECT_NAMES.items():
        kind = KIND_NAMES.get(row[f"kind_{aspect}"], row[f"kind_{aspect}"])
        parts.append(f"{name.capitalize()} ({kind}): {row[f'evidence_{aspect}']}")
    return " ".join(parts)


def chapter_verdicts(chapter: str, ledger: pd.DataFrame | None = None) -> tables.Table:
    """A chapter's Verdicts section: every claim the ledger assigns to it, as on the ledger page.

    Both grades with their rules, and the evidence of each aspect with its kind, so chapter and
    ledger can never disagree. Returned as a typeset table (`tables.show`); `.frame` is its data.
    """
    ledger = book_ledger() if ledger is None else ledger
    if chapter not in CHAPTER_TITLES:
        raise ValueError(f"unknown chapter {chapter!r}")
    rows = ledger[ledger["chapter"] == chapter].sort_values(["paragraph", "claim_id"]).copy()
    if rows.empty:
        raise ValueError(f"the ledger assigns no claim to {chapter}")
    rows = _with_labels(rows)
    rows["why"] = [evidence_text(r) for _, r in rows.iterrows()]
    name = chapter.split("/")[-1]
    return tables.show(rows[list(VERDICT_COLUMNS)].rename(columns=VERDICT_COLUMNS),
                       caption=f"Verdicts of this chapter: the claims the ledger assigns to "
                               f"{CHAPTER_TITLES[chapter]}, both grades with their rules and the evidence",
                       source=LEDGER_SOURCE, label=f"tbl-{name}-verdicts", widths=VERDICT_WIDTHS)
