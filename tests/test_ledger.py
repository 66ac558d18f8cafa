"""The ledger grades every claim twice, each grade from exactly one place, by the written rules."""
import re

import pandas as pd
import pytest

from centralasia import ledger, rules
from centralasia.errors import DataError
from centralasia.rules import Assessment, Finding

HEADER = "claim_id,aspect,kind,holds,sources,series,summary,source_refs,origin\n"


def _grades(tmp_path, body):
    path = tmp_path / "claim_grades.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return ledger.reviewed_findings(path)


@pytest.fixture
def isolated(monkeypatch, tmp_path):
    registry = {}
    monkeypatch.setattr(ledger, "_REGISTRY", registry)
    monkeypatch.setattr(ledger, "_discover", lambda: None)
    claims = pd.DataFrame({"claim_id": ["C01", "C02"], "verdict": ["supported", "supported"],
                           "evidence_source": ["src 1", "src 2"]})
    monkeypatch.setattr(ledger, "load", lambda name: claims.copy())
    monkeypatch.setattr(ledger, "claim_types", lambda: {"C01": "fact", "C02": "decision"})
    grades = _grades(tmp_path, "C01,as_written,judgement,yes,1,,one report,ref,reviewed\n"
                               "C01,since,judgement,no,1,,later undone,ref,reviewed\n"
                               "C02,as_written,chronology,yes,2,,held as agreed,ref,reviewed\n"
                               "C02,since,chronology,partly,2,,kept in part,ref,reviewed\n")
    monkeypatch.setattr(ledger, "reviewed_findings", lambda: grades)
    return registry


def _assessment(claim_id, chapter="notebooks/trade"):
    return Assessment(claim_id, chapter, as_written=Finding("computed", "yes", "x"),
                      since=Finding("computed", "partly", "y"))


def test_reviewed_claims_are_graded_by_the_rules_in_both_directions(isolated):
    table = ledger.ledger().set_index("claim_id")
    assert (table.loc["C01", "verdict_as_written"], table.loc["C01", "rule_as_written"]) == ("partly supported", "R6")
    assert (table.loc["C01", "verdict_since"], table.loc["C01", "rule_since"]) == ("contradicted", "R4")
    assert table.loc["C01", "verdict"] == "contradicted" and table.loc["C01", "basis"] == "reviewed"
    assert (table.loc["C02", "verdict_as_written"], table.loc["C02", "rule_as_written"]) == ("supported", "R7")
    assert table.loc["C02", "verdict_since"] == "partly supported" and table.loc["C02", "basis"] == "reviewed"


def test_an_assessment_wins_over_stale_rows(isolated):
    ledger.computed("C01")(lambda: _assessment("C01", "notebooks/summits"))
    table = ledger.ledger().set_index("claim_id")
    assert (table.loc["C01", "verdict_as_written"], table.loc["C01", "verdict_since"]) == ("supported", "partly supported")
    assert table.loc["C01", "origin_since"] == "chapter" and table.loc["C01", "chapter"] == "notebooks/summits"
    assert ledger.stale_grades(ledger.computed_verdicts(), ledger.reviewed_findings()) == ["C01"]


def test_a_claim_with_no_grade_is_an_error(isolated, monkeypatch):
    monkeypatch.setattr(ledger, "load", lambda name: pd.DataFrame(
        {"claim_id": ["C01", "C02", "C03"], "verdict": ["supported"] * 3, "evidence_source": ["s"] * 3}))
    monkeypatch.setattr(ledger, "claim_types", lambda: {"C01": "fact", "C02": "fact", "C03": "fact"})
    ledger.computed("C02")(lambda: _assessment("C02"))
    with pytest.raises(ValueError, match="C03 has neither an Assessment nor findings"):
        ledger.ledger()


def test_a_function_must_return_an_assessment(isolated):
    ledger.computed("C01")(lambda: ("C01", "supported"))
    with pytest.raises(TypeError, match="not a rules.Assessment"):
        ledger.ledger()


def test_the_grades_file_is_checked(tmp_path):
    with pytest.raises(DataError, match="no since finding"):
        _grades(tmp_path, "C01,as_written,judgement,yes,2,,x,r,reviewed\n")
    with pytest.raises(DataError, match="graded twice"):
        _grades(tmp_path, "C01,since,judgement,yes,2,,x,r,reviewed\nC01,since,judgement,no,2,,x,r,reviewed\n")
    with pytest.raises(DataError, match="hunch"):
        _grades(tmp_path, "C01,since,hunch,yes,2,,x,r,reviewed\nC01,as_written,hunch,yes,2,,x,r,reviewed\n")
    with pytest.raises(DataError, match="unknown origins"):
        _grades(tmp_path, "C01,since,judgement,yes,2,,x,r,guess\nC01,as_written,judgement,yes,2,,x,r,guess\n")


def test_a_claim_can_be_computed_only_once(isolated):
    ledger.computed("C01")(lambda: None)
    with pytest.raises(ValueError, match="already has a computed verdict"):
        ledger.computed("C01")(lambda: None)


def test_a_function_must_answer_for_its_own_claim(isolated):
    ledger.computed("C01")(lambda: _assessment("C02"))
    with pytest.raises(ValueError, match="returned claim C02"):
        ledger.ledger()


def test_computed_verdicts_for_unknown_claims_are_refused(isolated):
    ledger.computed("C99")(lambda: _assessment("C99"))
    with pytest.raises(ValueError, match="not in the ledger"):
        ledger.ledger()


# --- the shipped ledger ------------------------------------------------------------------

def test_every_claim_of_the_book_has_both_grades_with_their_rules():
    table = ledger.ledger()
    for aspect in rules.ASPECTS:
        assert table[f"verdict_{aspect}"].isin(rules.VERDICTS).all()
        assert table[f"rule_{aspect}"].str.fullmatch(r"R[1-7]").all()
        assert table[f"kind_{aspect}"].isin(list(rules.EVIDENCE_KINDS)).all()
        assert table[f"evidence_{aspect}"].str.len().min() > 10
        assert not table[f"evidence_{aspect}"].str.contains("{chapter}", regex=False).any()


def test_no_reviewed_row_is_stale():
    stale = ledger.stale_grades()
    assert not stale, (f"claims {stale} now return an Assessment: delete their rows from "
                       "reference/claim_grades.csv")


def test_every_registered_function_in_the_book_runs_on_the_committed_data():
    for claim_id, result in ledger.computed_verdicts().items():
        assert result.chapter.startswith("notebooks/")
        text = result.since.summary if isinstance(result, Assessment) else result.evidence
        assert text, f"{claim_id} has no computed evidence sentence"


# Numbers in reviewed evidence must be quotations with their source; dates and ids may be typed.
MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
ALLOWED = [
    r"“[^”]*”", r'"[^"]*"',                                   # quotations (cited beside them)
    r"\b\d{1,2}(?:[-–]\d{1,2})? " + MONTHS + r"\b",          # 15 March, 5-7 October
    r"\b(?:19|20)\d{2}(?:[-–](?:(?:19|20)\d{2}|\d{2}))?\b",  # 2018, 2017-2018, 2018-19
    r"\b[CER]\d+\b", r"¶\d+",                                # claim, event and rule ids; paragraphs
    r"\bMIR 24\b",                                           # a publisher's name
]


def free_numbers(text: str) -> list[str]:
    """Digits left once quotations, dates, years and ids are removed."""
    for pattern in ALLOWED:
        text = re.sub(pattern, " ", text)
    return re.findall(r"\d[\d,.]*", text)


def test_the_number_check_can_fail():
    assert free_numbers("around 40 dead in April 2021") == ["40"]
    assert free_numbers("“about 137,000” (UNHCR 2022) on 5-7 October 2018, see E046 and C13") == []


def test_no_free_typed_numbers_in_reviewed_evidence():
    grades = pd.read_csv(ledger.GRADES_FILE, dtype=str, keep_default_na=False)
    bad = {f"{r.claim_id} {r.aspect}": free_numbers(r.summary) for r in grades.itertuples()
           if free_numbers(r.summary)}
    assert not bad, f"numbers typed outside quotations in claim_grades.csv: {bad}"
