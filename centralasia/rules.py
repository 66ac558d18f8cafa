"""The written verdict rules: one function per rule, applied in a fixed order.

Every claim gets two grades:

- *as written*: was the claim true on 29 March 2019, on what could be known then?
- *since*: has it been borne out by what happened afterwards, to the latest data?

A grade is never typed. Whoever assesses a claim (a chapter's registered function,
or a reviewed row of `reference/claim_grades.csv`) records a `Finding`: what kind of
evidence it is, whether it covers the claim, what it says of the claim, how many
independent sources stand behind it. `grade()` then applies the rules below, in
order; the first rule that decides names itself, so every verdict carries the rule
that produced it. The methods page of the book is generated from this module
(`rules_table()`), so the text and the code cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

VERDICTS = ("supported", "partly supported", "contradicted", "unverified")
ASPECTS = ("as_written", "since")

# What sort of statement a claim is; some rules apply only to some kinds.
CLAIM_TYPES = {
    "fact": "a dated event, a place, a name or a status that either happened or did not",
    "quantity": "a number: a value, a sum, a share or a rate",
    "decision": "that leaders or governments agreed, decided or signed something",
    "trend": "that something grew, fell, or became more or less frequent over time",
    "forecast": "what will happen, or what something will make possible",
    "thesis": "the article's interpretation: what the facts add up to",
}

# Kinds of evidence, named for what they are (the home page counts them by these names).
EVIDENCE_KINDS = {
    "computed": "computed from open data by a registered function of the chapter",
    "chronology": "a rule applied to the book's curated, sourced chronology or reference tables",
    "judgement": "a sourced judgement of the book's reviewers, recorded with its sources",
}

HOLDS = ("yes", "partly", "no")


@dataclass(frozen=True)
class Finding:
    """What the evidence says about one aspect (as written, or since) of one claim.

    kind: one of EVIDENCE_KINDS.
    holds: "yes" (substance and detail confirmed), "partly" (substance confirmed, some detail
        wrong or missing, or only part of the claim confirmed), "no" (the evidence contradicts
        the claim), or None when no evidence covers the claim.
    sources: independent sources that confirm it (judgement and chronology evidence);
        None for computed evidence, whose data source is named in the summary.
    series: for trend claims, whether a time series of the quantity exists over the period.
    summary: one or two sentences; numbers in it come from data (computed) or are quotations
        with their source.
    """
    kind: str
    holds: str | None
    summary: str
    sources: int | None = None
    series: bool | None = None

    def __post_init__(self):
        if self.kind not in EVIDENCE_KINDS:
            raise ValueError(f"evidence kind {self.kind!r} is not one of {tuple(EVIDENCE_KINDS)}")
        if self.holds is not None and self.holds not in HOLDS:
            raise ValueError(f"holds={self.holds!r} is not one of {HOLDS} or None")
        if self.sources is not None and self.sources < 0:
            raise ValueError("sources cannot be negative")
        if not self.summary.strip():
            raise ValueError("a finding needs a summary of its evidence")


@dataclass(frozen=True)
class Grade:
    verdict: str
    rule: str  # id of the rule that decided, e.g. "R1"


@dataclass(frozen=True)
class Rule:
    rule_id: str
    name: str
    text: str  # the rule as the methods page states it
    decide: Callable[[str, str, Finding], str | None]  # (claim_type, aspect, finding) -> verdict or None


_RULES: list[Rule] = []


def rule(rule_id: str, name: str):
    """Register a rule; its docstring is the rule's published text."""
    def register(function):
        text = " ".join((function.__doc__ or "").split())
        if not text:
            raise ValueError(f"rule {rule_id} needs a docstring: it is the published text")
        _RULES.append(Rule(rule_id, name, text, function))
        return function
    return register


@rule("R1", "No coverage, no grade")
def no_coverage(claim_type: str, aspect: str, f: Finding) -> str | None:
    """If no evidence covers the claim (for that aspect), the claim is *unverified*. A gap in
    the data or in the chronology is never read as partial support."""
    return "unverified" if f.holds is None else None


@rule("R2", "A trend needs a series")
def trend_needs_series(claim_type: str, aspect: str, f: Finding) -> str | None:
    """A claim that something grew, fell or became more frequent is *unverified* unless a time
    series of that quantity over the period exists; single observations or statements that it
    grew do not grade a trend."""
    if claim_type == "trend" and not f.series:
        return "unverified"
    return None


@rule("R3", "Forecasts are graded only since")
def forecast_as_written(claim_type: str, aspect: str, f: Finding) -> str | None:
    """A forecast cannot be true or false on the day it is made. As written, it is graded only
    against what forecasters published at the time (e.g. the IMF's April 2019 projections);
    where no such benchmark exists it is *unverified* as written. Since, it is graded on the
    outturn like any other claim."""
    if claim_type == "forecast" and aspect == "as_written" and f.kind != "computed":
        return "unverified"
    return None


@rule("R4", "Contradicted")
def contradicted(claim_type: str, aspect: str, f: Finding) -> str | None:
    """If the evidence contradicts the substance of the claim (for a decision: the decision was
    not taken, as written; it was not carried out, since), the claim is *contradicted*. One
    reliable source, or one computation from open data, is enough to contradict."""
    return "contradicted" if f.holds == "no" else None


@rule("R5", "Partly")
def partly(claim_type: str, aspect: str, f: Finding) -> str | None:
    """If the evidence confirms the substance but a detail is wrong or unconfirmed, or only part
    of the claim holds, the claim is *partly supported*."""
    return "partly supported" if f.holds == "partly" else None


@rule("R6", "One source is not enough to support")
def single_source(claim_type: str, aspect: str, f: Finding) -> str | None:
    """A claim confirmed by a single report (one news agency, one official statement), or by the
    book's chronology where the event rests on one source, is at most *partly supported*.
    Support needs two independent sources, a legal or official text, or a computation from
    open data."""
    if f.kind != "computed" and f.holds == "yes" and (f.sources or 0) < 2:
        return "partly supported"
    return None


@rule("R7", "Supported")
def supported(claim_type: str, aspect: str, f: Finding) -> str | None:
    """Otherwise, if the evidence confirms the claim in substance and detail, the claim is
    *supported*. For a decision claim, as written means the decision was taken as described;
    since means it was carried out."""
    return "supported" if f.holds == "yes" else None


def grade(claim_type: str, aspect: str, finding: Finding) -> Grade:
    """Apply the rules in order; the first that decides gives the verdict and its rule id."""
    if claim_type not in CLAIM_TYPES:
        raise ValueError(f"claim type {claim_type!r} is not one of {tuple(CLAIM_TYPES)}")
    if aspect not in ASPECTS:
        raise ValueError(f"aspect {aspect!r} is not one of {ASPECTS}")
    for r in _RULES:
        verdict = r.decide(claim_type, aspect, finding)
        if verdict is not None:
            return Grade(verdict, r.rule_id)
    raise AssertionError("the rules are exhaustive: R7 or an earlier rule always decides")


@dataclass(frozen=True)
class Assessment:
    """Both grades of one claim, as a chapter's registered function returns them."""
    claim_id: str
    chapter: str  # document name of the chapter that assesses it, e.g. "notebooks/trade"
    as_written: Finding
    since: Finding


def rules_table() -> pd.DataFrame:
    """The rules in the order they apply, as the methods page prints them."""
    return pd.DataFrame([{"rule": r.rule_id, "name": r.name, "text": r.text} for r in _RULES])
