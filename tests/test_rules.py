"""The written verdict rules on small hand-made cases whose answers are known."""
import pytest

from centralasia.rules import Finding, grade, rules_table


def f(holds, kind="judgement", sources=2, series=None):
    return Finding(kind=kind, holds=holds, summary="test", sources=sources, series=series)


@pytest.mark.parametrize("claim_type,aspect,finding,verdict,rule", [
    ("fact", "as_written", f(None), "unverified", "R1"),           # coverage gap
    ("fact", "since", f(None, kind="computed"), "unverified", "R1"),
    ("trend", "since", f("yes", series=False), "unverified", "R2"),  # trend without a series
    ("trend", "since", f("yes", series=True), "supported", "R7"),
    ("forecast", "as_written", f("yes"), "unverified", "R3"),
    ("forecast", "since", f("no"), "contradicted", "R4"),
    ("fact", "as_written", f("no", sources=1), "contradicted", "R4"),  # one source can contradict
    ("fact", "as_written", f("partly"), "partly supported", "R5"),
    ("fact", "as_written", f("yes", sources=1), "partly supported", "R6"),  # single source caps
    ("fact", "as_written", f("yes", kind="chronology", sources=1), "partly supported", "R6"),
    ("quantity", "as_written", f("yes", kind="computed", sources=None), "supported", "R7"),
    ("decision", "as_written", f("yes", sources=3), "supported", "R7"),
])
def test_rules_decide_known_cases(claim_type, aspect, finding, verdict, rule):
    g = grade(claim_type, aspect, finding)
    assert (g.verdict, g.rule) == (verdict, rule)


def test_bad_inputs_are_refused():
    with pytest.raises(ValueError):
        Finding(kind="hunch", holds="yes", summary="x")
    with pytest.raises(ValueError):
        Finding(kind="computed", holds="maybe", summary="x")
    with pytest.raises(ValueError):
        grade("opinion", "since", f("yes"))
    with pytest.raises(ValueError):
        grade("fact", "later", f("yes"))


def test_every_rule_has_published_text_in_order():
    table = rules_table()
    assert list(table["rule"]) == [f"R{i}" for i in range(1, len(table) + 1)]
    assert table["text"].str.len().min() > 40


def test_methods_page_is_current():
    from centralasia import methods
    assert methods.PAGE.read_text(encoding="utf-8") == methods.render(), \
        "book/methods.md is stale: run python -m centralasia.methods"


def test_methods_examples_grade_as_the_page_says():
    from centralasia import methods
    got = [grade(t, a, f).verdict for t, a, f, _ in methods.EXAMPLES]
    assert got == ["unverified", "partly supported", "contradicted", "supported", "partly supported",
                   "unverified", "unverified"]
    text = methods.render()
    for r in rules_table().itertuples():
        assert r.text in text  # the published text is the rule's own docstring
