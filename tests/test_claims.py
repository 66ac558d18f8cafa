import pandas as pd
import pytest

from centralasia import claims as cl
from centralasia.errors import DataError


def _ledger():
    return pd.DataFrame({
        "claim_id": pd.array(["C01", "C02", "C03"], dtype="string"),
        "paragraph": pd.array([10, 12, 11], dtype="Int64"),
        "theme": pd.array(["summits", "trade", "summits"], dtype="string"),
        "verdict": pd.array(["supported", "unverified", "partly supported"], dtype="string"),
        "basis": ["sources", "computed", "sources"],
        "chapter": pd.array([pd.NA, "notebooks/economy", pd.NA], dtype="string"),
    })


def _mapping(rows):
    return pd.DataFrame(rows, columns=["claim_id", "chapter"], dtype="string")


def test_with_chapters_prefers_computing_chapter():
    mapping = _mapping([("C01", "notebooks/summits"), ("C02", "notebooks/trade"),
                        ("C03", "notebooks/summits")])
    out = cl.with_chapters(_ledger(), mapping)
    assert list(out["chapter"]) == ["notebooks/summits", "notebooks/economy", "notebooks/summits"]
    assert list(out["chapter_title"]) == ["Summits", "Investment and economy", "Summits"]


def test_with_chapters_rejects_unmapped_and_stale_rows():
    with pytest.raises(DataError, match="without a chapter.*C03"):
        cl.with_chapters(_ledger(), _mapping([("C01", "notebooks/summits"), ("C02", "notebooks/trade")]))
    full = [("C01", "notebooks/summits"), ("C02", "notebooks/trade"), ("C03", "notebooks/summits"),
            ("C99", "notebooks/trade")]
    with pytest.raises(DataError, match="not in the ledger.*C99"):
        cl.with_chapters(_ledger(), _mapping(full))


def test_claim_chapters_file_checks(tmp_path):
    good = tmp_path / "ok.csv"
    good.write_text("claim_id,chapter\nC01,notebooks/summits\n", encoding="utf-8")
    assert cl.claim_chapters(good).shape == (1, 2)
    dup = tmp_path / "dup.csv"
    dup.write_text("claim_id,chapter\nC01,notebooks/summits\nC01,notebooks/trade\n", encoding="utf-8")
    with pytest.raises(DataError, match="more than once"):
        cl.claim_chapters(dup)
    bad = tmp_path / "bad.csv"
    bad.write_text("claim_id,chapter\nC01,notebooks/nowhere\n", encoding="utf-8")
    with pytest.raises(DataError, match="unknown chapters"):
        cl.claim_chapters(bad)


def test_shipped_mapping_covers_the_ledger():
    from centralasia import load
    mapping = cl.claim_chapters()
    assert set(mapping["claim_id"]) == set(load("claims")["claim_id"])


def test_paragraph_ranges():
    assert cl.paragraph_ranges([12, 10, 11, 17, 17]) == "10-12, 17"
    assert cl.paragraph_ranges([5]) == "5"
    assert cl.paragraph_ranges([]) == ""


def test_themes_by_paragraph_orders_by_first_paragraph():
    out = cl.themes_by_paragraph(_ledger())
    assert list(out["theme"]) == ["summits", "trade"]
    assert list(out["paragraphs"]) == ["10-11", "12"]
    assert list(out["claims"]) == [2, 1]


def test_verdict_counts_and_crosstab():
    ledger = _ledger()
    counts = cl.verdict_counts(ledger)
    assert counts == {"n_claims": 3, "n_supported": 1, "n_partly": 1, "n_contradicted": 0,
                      "n_unverified": 1, "n_computed": 1}
    table = cl.verdicts_by_theme(ledger)
    assert list(table.columns) == ["supported", "partly supported", "contradicted", "unverified"]
    assert table.loc["summits"].tolist() == [1, 1, 0, 0]
    assert int(table.to_numpy().sum()) == 3


def test_verdict_counts_rejects_unknown_verdict():
    ledger = _ledger()
    ledger.loc[0, "verdict"] = "maybe"
    with pytest.raises(ValueError):
        cl.verdict_counts(ledger)


def test_table_wraps_text_and_escapes_html():
    frame = pd.DataFrame({"id": ["C01"], "claim": ["a <b> long claim that needs wrapping here"]})
    table = cl.Table(frame, widths={"claim": 12})
    text = repr(table).splitlines()
    assert max(len(line) for line in text) <= len("C01") + 2 + 12
    assert len(text) > 3
    assert "&lt;b&gt;" in table._repr_html_()


def test_ledger_table_one_theme_in_paragraph_order():
    mapping = _mapping([("C01", "notebooks/summits"), ("C02", "notebooks/trade"),
                        ("C03", "notebooks/summits")])
    ledger = cl.with_chapters(_ledger(), mapping)
    ledger["claim"] = ["first", "second", "third"]
    table = cl.ledger_table(ledger, "summits")
    assert list(table.frame.columns) == ["id", "¶", "claim", "verdict", "basis", "chapter"]
    assert list(table.frame["id"]) == ["C01", "C03"]
    assert "theme" in cl.ledger_table(ledger).frame.columns
    with pytest.raises(ValueError):
        cl.ledger_table(ledger, "culture")


def test_chapter_verdicts_lists_every_claim_of_the_chapter_with_the_right_evidence():
    import pandas as pd
    from centralasia.claims import chapter_verdicts
    ledger = pd.DataFrame({
        "claim_id": ["C02", "C01", "C03"], "paragraph": [5, 4, 9], "claim": ["b", "a", "c"],
        "verdict": ["supported", "contradicted", "supported"], "basis": ["sources", "computed", "sources"],
        "evidence": ["reviewed b", "reviewed a", "reviewed c"],
        "computed_evidence": pd.Series([pd.NA, "computed a", pd.NA], dtype="string"),
        "chapter": ["notebooks/trade", "notebooks/trade", "notebooks/borders"]})
    table = chapter_verdicts("notebooks/trade", ledger).frame
    assert list(table["id"]) == ["C01", "C02"]  # paragraph order, other chapters left out
    assert list(table["evidence"]) == ["computed a", "reviewed b"]


def test_chapter_verdicts_refuses_unknown_or_empty_chapters():
    import pandas as pd
    import pytest
    from centralasia.claims import chapter_verdicts
    ledger = pd.DataFrame({"claim_id": ["C01"], "paragraph": [4], "claim": ["a"], "verdict": ["supported"],
                           "basis": ["sources"], "evidence": ["e"],
                           "computed_evidence": pd.Series([pd.NA], dtype="string"),
                           "chapter": ["notebooks/trade"]})
    with pytest.raises(ValueError, match="unknown chapter"):
        chapter_verdicts("notebooks/nowhere", ledger)
    with pytest.raises(ValueError, match="assigns no claim"):
        chapter_verdicts("notebooks/borders", ledger)
