"""Write book/methods.md, "How verdicts are graded", from centralasia.rules (`python -m centralasia.methods`).

The page is generated, never edited by hand: its rule texts are the docstrings of the rule
functions, its worked examples are graded by `rules.grade` when the page is written, and a test
fails when the page is out of date with the code.
"""
from __future__ import annotations

from . import rules
from .claims import KIND_NAMES
from .paths import ROOT

PAGE = ROOT / "book" / "methods.md"

# Worked examples: (claim type, aspect, finding) -> the page shows what the rules decide.
EXAMPLES = [
    ("trend", "since", rules.Finding("judgement", "partly", "visits reported, never counted", 2, False),
     "Visits are said to be more frequent; examples exist but no count by year."),
    ("fact", "as_written", rules.Finding("judgement", "yes", "one agency", 1),
     "A meeting's outcome is reported by one news agency only."),
    ("fact", "as_written", rules.Finding("judgement", "no", "treaty of an earlier year", 2),
     "A border is said to be delimited in one year; the treaty that completed it is older."),
    ("decision", "as_written", rules.Finding("judgement", "yes", "two reports of the agreement", 2),
     "Leaders agreed to meet every year; two sources report the agreement."),
    ("decision", "since", rules.Finding("chronology", "partly", "held most years, never on the date", 2),
     "The same meetings were held in most years, never at the agreed time."),
    ("forecast", "as_written", rules.Finding("judgement", "yes", "plausible", 3),
     "A forecast with no forecast of its time to compare it with."),
    ("quantity", "as_written", rules.Finding("computed", None, "no data by destination"),
     "A sum of investment by destination that no open dataset records."),
]


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render() -> str:
    lines = [
        "(methods)=",
        "# How verdicts are graded",
        "",
        "This page is generated from `centralasia/rules.py` by `python -m centralasia.methods`; do not edit it "
        "by hand. The rules below are the code that grades every claim of the ledger, stated in words; the "
        "examples at the end are graded by that code when the page is written.",
        "",
        "## Two grades for every claim",
        "",
        "- **As written**: was the claim true on 29 March 2019, the day the article appeared, on what could be "
        "known then?",
        "- **Since**: has it been borne out by what happened afterwards, to the latest data? For a statement "
        "about the past, *since* asks whether later evidence still supports it; for a decision, whether it was "
        "carried out; for a forecast, whether it came true.",
        "",
        "A grade is never typed. Whoever assesses a claim records a *finding* for each aspect: the kind of "
        "evidence, whether it covers the claim and what it says (holds, holds in part, does not hold), how many "
        "independent sources stand behind it and, for a trend, whether a time series exists. The rules are then "
        "applied in order, and the first rule that decides gives the verdict and names itself, so every grade "
        "in the book reads like *partly supported (R6)*. Findings come from the chapters' registered functions, "
        "which read the book's data, or from the reviewed table `centralasia/reference/claim_grades.csv`, in "
        "which every finding names its sources and any number is a quotation with its source.",
        "",
        "## What kind of statement a claim is",
        "",
        "| claim type | what it asserts |",
        "| --- | --- |",
    ]
    lines += [f"| {t} | {_cell(text)} |" for t, text in rules.CLAIM_TYPES.items()]
    lines += ["", "## Kinds of evidence", "",
              "The home page and the ledger count grades by these three names.", "",
              "| kind | as the book names it | what it is |", "| --- | --- | --- |"]
    lines += [f"| `{k}` | {KIND_NAMES[k]} | {_cell(text)} |" for k, text in rules.EVIDENCE_KINDS.items()]
    lines += ["", "## The rules, in the order they apply", "", "| rule | name | rule as applied |",
              "| --- | --- | --- |"]
    lines += [f"| {r.rule} | {_cell(r.name)} | {_cell(r.text)} |" for r in rules.rules_table().itertuples()]
    lines += ["", "The four verdicts are therefore: **supported** (R7), **partly supported** (R5 or R6), "
              "**contradicted** (R4) and **unverified** (R1, R2 or R3). *Unverified* means that no evidence "
              "covers the claim, not that it is false.", "",
              "## Worked examples", "",
              "Each row is a hand-made case; the verdict is what `rules.grade` returns for it (the same cases "
              "are unit tests).", "",
              "| case | claim type | aspect | finding | verdict |", "| --- | --- | --- | --- | --- |"]
    for claim_type, aspect, finding, case in EXAMPLES:
        g = rules.grade(claim_type, aspect, finding)
        held = {"yes": "holds", "partly": "holds in part", "no": "does not hold", None: "no coverage"}[finding.holds]
        extra = [KIND_NAMES[finding.kind], held]
        if finding.sources is not None:
            extra.append("one source" if finding.sources == 1 else "two or more sources")
        if finding.series is not None:
            extra.append("time series" if finding.series else "no time series")
        lines.append(f"| {_cell(case)} | {claim_type} | {aspect.replace('_', ' ')} | {', '.join(extra)} | "
                     f"{g.verdict} ({g.rule}) |")
    return "\n".join(lines) + "\n"


def main() -> None:
    PAGE.write_text(render(), encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)} from centralasia/rules.py")


if __name__ == "__main__":
    main()
