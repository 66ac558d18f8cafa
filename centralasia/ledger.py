"""The claim ledger as the book presents it: reviewed verdicts, overridden by computation.

A chapter that can test a claim with data registers a function with
`@computed("C28")`. The function reads data through `load` and returns a
`Verdict` whose evidence sentence carries the computed numbers. The ledger
page and the chapter call the same function, so a verdict never exists as a
hand-typed cell. Verdict functions live in `centralasia.verdicts.<theme>`.
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
from .pipeline.steps.facts import VERDICTS

CLAIM_TYPES_FILE = REFERENCE_DIR / "claim_types.csv"

_REGISTRY: dict[str, Callable[[], "Verdict | rules.Assessment"]] = {}


@dataclass(frozen=True)
class Verdict:
    claim_id: str
    verdict: str
    evidence: str  # one or two sentences with the computed figures
    chapter: str  # document name of the chapter that computes it, e.g. "notebooks/trade"

    def __post_init__(self):
        if self.verdict not in VERDICTS:
            raise ValueError(f"{self.claim_id}: verdict {self.verdict!r} is not one of {VERDICTS}")


def computed(claim_id: str):
    """Register the function that computes the verdict of one claim."""
    def register(function: Callable[[], Verdict]):
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


def computed_verdicts() -> dict[str, "Verdict | rules.Assessment"]:
    """Run every registered verdict function (each reads only data/)."""
    _discover()
    out = {}
    for claim_id, function in sorted(_REGISTRY.items()):
        result = function()
        if result.claim_id != claim_id:
            raise ValueError(f"verdict function for {claim_id} returned claim {result.claim_id}")
        out[claim_id] = result
    return out


def ledger() -> pd.DataFrame:
    """Claims with their final verdict and its basis ('computed' or 'sources')."""
    claims = load("claims")
    results = computed_verdicts()
    unknown = sorted(set(results) - set(claims["claim_id"]))
    if unknown:
        raise ValueError(f"computed verdicts for claims not in the ledger: {unknown}")
    claims["basis"] = "sources"
    claims["computed_evidence"] = pd.Series(pd.NA, index=claims.index, dtype="string")
    claims["chapter"] = pd.Series(pd.NA, index=claims.index, dtype="string")
    types = claim_types()
    for aspect in rules.ASPECTS:
        for column in ("verdict", "rule", "kind", "evidence"):
            claims[f"{column}_{aspect}"] = pd.Series(pd.NA, index=claims.index, dtype="string")
    for claim_id, result in results.items():
        row = claims["claim_id"] == claim_id
        claims.loc[row, "basis"] = "computed"
        claims.loc[row, "chapter"] = result.chapter
        if isinstance(result, rules.Assessment):
            # Transitional: two grades from the written rules; `verdict` keeps the 'since' grade.
            for aspect in rules.ASPECTS:
                finding = getattr(result, aspect)
                g = rules.grade(types[claim_id], aspect, finding)
                claims.loc[row, f"verdict_{aspect}"] = g.verdict
                claims.loc[row, f"rule_{aspect}"] = g.rule
                claims.loc[row, f"kind_{aspect}"] = finding.kind
                claims.loc[row, f"evidence_{aspect}"] = finding.summary
            claims.loc[row, "verdict"] = claims.loc[row, "verdict_since"]
            claims.loc[row, "computed_evidence"] = result.since.summary
        else:
            claims.loc[row, "verdict"] = result.verdict
            claims.loc[row, "computed_evidence"] = result.evidence
    return claims
