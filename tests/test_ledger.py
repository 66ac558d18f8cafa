"""The ledger takes reviewed verdicts and replaces those a chapter computes."""
import pandas as pd
import pytest

from centralasia import ledger, rules
from centralasia.ledger import Verdict


@pytest.fixture
def isolated(monkeypatch):
    registry = {}
    monkeypatch.setattr(ledger, "_REGISTRY", registry)
    monkeypatch.setattr(ledger, "_discover", lambda: None)
    claims = pd.DataFrame({"claim_id": ["C01", "C02"], "verdict": ["supported", "supported"]})
    monkeypatch.setattr(ledger, "load", lambda name: claims.copy())
    return registry


def test_computed_verdict_overrides_the_reviewed_one(isolated):
    @ledger.computed("C02")
    def _c02():
        return Verdict("C02", "contradicted", "computed: 1 < 2", "notebooks/trade")

    table = ledger.ledger().set_index("claim_id")
    assert table.loc["C01", "verdict"] == "supported" and table.loc["C01", "basis"] == "sources"
    assert table.loc["C02", "verdict"] == "contradicted" and table.loc["C02", "basis"] == "computed"
    assert table.loc["C02", "chapter"] == "notebooks/trade"


def test_a_verdict_outside_the_scale_is_refused():
    with pytest.raises(ValueError, match="not one of"):
        Verdict("C01", "probably", "", "notebooks/x")


def test_a_claim_can_be_computed_only_once(isolated):
    ledger.computed("C01")(lambda: None)
    with pytest.raises(ValueError, match="already has a computed verdict"):
        ledger.computed("C01")(lambda: None)


def test_a_function_must_answer_for_its_own_claim(isolated):
    ledger.computed("C01")(lambda: Verdict("C02", "supported", "", "notebooks/x"))
    with pytest.raises(ValueError, match="returned claim C02"):
        ledger.ledger()


def test_computed_verdicts_for_unknown_claims_are_refused(isolated):
    ledger.computed("C99")(lambda: Verdict("C99", "supported", "", "notebooks/x"))
    with pytest.raises(ValueError, match="not in the ledger"):
        ledger.ledger()


def test_every_registered_verdict_in_the_book_runs_on_the_committed_data():
    results = ledger.computed_verdicts()
    for claim_id, verdict in results.items():
        if isinstance(verdict, rules.Assessment):
            assert verdict.as_written.summary and verdict.since.summary, f"{claim_id}: empty finding"
        else:
            assert verdict.evidence, f"{claim_id} has no computed evidence sentence"
        assert verdict.chapter.startswith("notebooks/")
