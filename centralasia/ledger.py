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

from .data import load
from .pipeline.steps.facts import VERDICTS

_REGISTRY: dict[str, Callable[[], "Verdict"]] = {}


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


def computed_verdicts() -> dict[str, Verdict]:
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
    for claim_id, result in results.items():
        row = claims["claim_id"] == claim_id
        claims.loc[row, "verdict"] = result.verdict
        claims.loc[row, "basis"] = "computed"
        claims.loc[row, "computed_evidence"] = result.evidence
        claims.loc[row, "chapter"] = result.chapter
    return claims
