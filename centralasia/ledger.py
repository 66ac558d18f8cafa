"""The claim ledger: every claim graded twice (as written, since) by the written rules.

Each grade comes from exactly one place. A chapter that tests a claim registers a
function with `@computed("C28")` returning a `rules.Assessment` (two `Finding`s read
from `data/`); every other claim has two reviewed findings in
`reference/claim_grades.csv`. `rules.grade()` turns each finding into a verdict and
names the rule that decided it. The ledger page, the chapters and the home page all
call `ledger()`, so a verdict never exists as a hand-typed cell.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import Callable

import pandas as pd

from . import rules
from .data import load
from .paths import REFERENCE_DIR

CLAIM_TYPES_FILE = REFERENCE_DIR / "claim_types.csv"

_REGISTRY: dict[str, Callable[[], rules.Assessment]] = {}


def computed(claim_id: str):
    """Register the function that assesses one claim (it returns a `rules.Assessment`)."""
    def register(function: Callable[[], rules.Assessment]):
        if claim_id in _REGISTRY:
            raise ValueError(f"claim {claim_id} already has a computed verdict")
        _REGISTRY[claim_id] = function
        return function
    return register


def _discover() -> None:
    from . import verdicts
    for module in pkgutil.iter_modules(verdicts.__path__):
        importlib.import_module(f"{verdicts.__name__}.{module.name}")


def claim_types() -> dict[str, str]:
    """claim_id -> claim type (see rules.CLAIM_TYPES), from reference/claim_types.csv."""
    frame = pd.read_csv(CLAIM_TYPES_FILE, dtype="string")
    bad = sorted(set(frame["claim_type"]) - set(rules.CLAIM_TYPES))
    if bad:
        from .errors import DataError
        raise DataError(CLAIM_TYPES_FILE.name, f"unknown claim types {bad}", column="claim_type")
    return dict(zip(frame["claim_id"], frame["claim_type"]))


def computed_verdicts() -> dict[str, rules.Assessment]:
    """Run every registered verdict function (each reads only data/)."""
    _discover()
    out = {}
    for claim_id, function in sorted(_REGISTRY.items()):
        result = function()
        if not isinstance(result, rules.Assessment):
            raise TypeError(f"verdict function for {claim_id} returned {type(result).__name__}, "
                            "not a rules.Assessment")
        if result.claim_id != claim_id:
            raise ValueError(f"verdict function for {claim_id} returned claim {result.claim_id}")
        out[claim_id] = result
    return out


GRADES_FILE = REFERENCE_DIR / "claim_grades.csv"
GRADE_COLUMNS = ("claim_id", "aspect", "kind", "holds", "sources", "series", "summary", "source_refs",
                 "origin")
GRADE_ORIGINS = ("reviewed",)


@dataclass(frozen=True)
class GradeRow:
    finding: rules.Finding
    source_refs: str
    origin: str  # reviewed (the book's review)


def reviewed_findings(path=GRADES_FILE) -> dict[tuple[str, str], GradeRow]:
    """(claim_id, aspect) -> the reviewed finding of reference/claim_grades.csv, checked.

    Every claim in the file must have both aspects; kinds, holds and origins must be known.
    """
    from .errors import DataError
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    name = getattr(path, "name", str(path))
    if tuple(frame.columns) != GRADE_COLUMNS:
        raise DataError(name, f"expected the columns {', '.join(GRADE_COLUMNS)}")
    dup = frame[frame.duplicated(["claim_id", "aspect"])]
    if len(dup):
        raise DataError(name, f"graded twice: {sorted(set(dup['claim_id']))}", column="claim_id")
    bad = sorted(set(frame["aspect"]) - set(rules.ASPECTS))
    if bad:
        raise DataError(name, f"unknown aspects {bad}", column="aspect")
    bad = sorted(set(frame["origin"]) - set(GRADE_ORIGINS))
    if bad:
        raise DataError(name, f"unknown origins {bad}", column="origin")
    out = {}
    for r in frame.itertuples(index=False):
        if r.series not in ("", "true", "false"):
            raise DataError(name, f"{r.claim_id}: series must be true, false or empty", column="series")
        try:
            finding = rules.Finding(kind=r.kind, holds=r.holds or None, summary=r.summary,
                                    sources=int(r.sources) if r.sources else None,
                                    series={"": None, "true": True, "false": False}[r.series])
        except ValueError as error:
            raise DataError(name, f"{r.claim_id} {r.aspect}: {error}") from None
        out[(r.claim_id, r.aspect)] = GradeRow(finding, r.source_refs, r.origin)
    for claim_id in sorted({k[0] for k in out}):
        missing = [a for a in rules.ASPECTS if (claim_id, a) not in out]
        if missing:
            raise DataError(name, f"{claim_id} has no {missing[0]} finding", column="aspect")
    return out


def stale_grades(results: dict | None = None, grades: dict | None = None) -> list[str]:
    """Claims graded in claim_grades.csv although their chapter now returns an Assessment.

    The Assessment wins in the ledger; the rows are stale and should be deleted.
    """
    results = computed_verdicts() if results is None else results
    grades = reviewed_findings() if grades is None else grades
    return sorted({c for c, _ in grades if c in results})


def findings(results: dict, grades: dict, claim_ids) -> dict[str, dict]:
    """claim_id -> {aspect: (Finding, source_refs, origin)} for every claim, from one place each.

    An Assessment returned by the chapter decides both aspects; otherwise the reviewed table
    does. A claim with neither is an error: no grade is ever derived silently.
    """
    out = {}
    for claim_id in claim_ids:
        result = results.get(claim_id)
        if result is not None:
            out[claim_id] = {a: (getattr(result, a), "", "chapter") for a in rules.ASPECTS}
            continue
        if (claim_id, "since") not in grades:
            raise ValueError(f"claim {claim_id} has neither an Assessment nor findings in "
                             f"{GRADES_FILE.name}")
        entry = {a: (grades[(claim_id, a)].finding, grades[(claim_id, a)].source_refs,
                     grades[(claim_id, a)].origin) for a in rules.ASPECTS}
        out[claim_id] = entry
    return out


def ledger() -> pd.DataFrame:
    """Claims with both grades (as written, since), each with its rule, kind of evidence and evidence.

    `verdict` is the *since* grade (the claim as it stands today), kept for pages that quote one
    verdict; `basis` is 'computed' where a chapter function answers for the claim, else 'reviewed'.
    """
    claims = load("claims")
    results = computed_verdicts()
    unknown = sorted(set(results) - set(claims["claim_id"]))
    if unknown:
        raise ValueError(f"computed verdicts for claims not in the ledger: {unknown}")
    grades = reviewed_findings()
    unknown = sorted({c for c, _ in grades} - set(claims["claim_id"]))
    if unknown:
        raise ValueError(f"{GRADES_FILE.name} grades claims not in the ledger: {unknown}")
    types = claim_types()
    untyped = sorted(set(claims["claim_id"]) - set(types))
    if untyped:
        raise ValueError(f"claims without a type in {CLAIM_TYPES_FILE.name}: {untyped}")
    claims["claim_type"] = claims["claim_id"].map(types).astype("string")
    claims["basis"] = "reviewed"
    claims["computed_evidence"] = pd.Series(pd.NA, index=claims.index, dtype="string")
    claims["chapter"] = pd.Series(pd.NA, index=claims.index, dtype="string")
    for aspect in rules.ASPECTS:
        for column in ("verdict", "rule", "kind", "evidence", "sources", "origin"):
            claims[f"{column}_{aspect}"] = pd.Series(pd.NA, index=claims.index, dtype="string")
    by_claim = findings(results, grades, claims["claim_id"])
    for i, claim_id in claims["claim_id"].items():
        result = results.get(claim_id)
        if result is not None:
            claims.loc[i, "basis"] = "computed"
            claims.loc[i, "chapter"] = result.chapter
            claims.loc[i, "computed_evidence"] = result.since.summary
        for aspect, (finding, refs, origin) in by_claim[claim_id].items():
            g = rules.grade(types[claim_id], aspect, finding)
            claims.loc[i, f"verdict_{aspect}"] = g.verdict
            claims.loc[i, f"rule_{aspect}"] = g.rule
            claims.loc[i, f"kind_{aspect}"] = finding.kind
            claims.loc[i, f"evidence_{aspect}"] = finding.summary
            claims.loc[i, f"sources_{aspect}"] = refs or claims.loc[i, "evidence_source"]
            claims.loc[i, f"origin_{aspect}"] = origin
    claims["verdict"] = claims["verdict_since"]
    return claims
