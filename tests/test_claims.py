import pandas as pd
import pytest

from centralasia import claims as cl, tables
from centralasia.errors import DataError


def _ledger():
    return pd.DataFrame({
        "claim_id": pd.array(["C01", "C02", "C03"], dtype="string"),
        "paragraph": pd.array([10, 12, 11], dtype="Int64"),
        "theme": pd.array(["summits", "trade", "summits"], dtype="string"),
        "verdict": pd.array(["supported", "unverified", "partly supported"], dtype="string"),
        "basis": ["reviewed", "computed", "reviewed"],
        "chapter": pd.array([pd.NA, "notebooks/economy", pd.NA], dtype="string"),
        "verdict_as_written": pd.array(["supported", "unverified", "contradicted"], dtype="string"),
        "rule_as_written": ["R7", "R1", "R4"],
        "kind_as_written": ["judgement", "computed", "judgement"],
        "evidence_as_written": ["aw a", "aw b", "aw c"],
        "verdict_since": pd.array(["supported", "unverified", "partly supported"], dtype="string"),
        "rule_since": ["R7", "R1", "R5"],
        "kind_since": ["chronology", "computed", "judgement"],
        "evidence_since": ["s a", "s b", "s c"],
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
    assert (counts["n_claims"], counts["n_supported"], counts["n_partly"], counts["n_unverified"]) == (3, 1, 1, 1)
    assert (counts["n_as_written_supported"], counts["n_as_written_contradicted"]) == (1, 1)
    assert counts["n_since_partly"] == 1 and counts["n_computed"] == 1
    assert (counts["n_as_written_kind_judgement"], counts["n_since_kind_chronology"]) == (2, 1)
    table = cl.verdicts_by_theme(ledger)
    assert list(table.columns) == ["supported", "partly supported", "contradicted", "unverified"]
    assert table.loc["summits"].tolist() == [1, 1, 0, 0]
    assert cl.verdicts_by_theme(ledger, "as_written").loc["summits"].tolist() == [1, 0, 1, 0]
    cross = cl.grade_crosstab(ledger)
    assert cross.loc["contradicted", "partly supported"] == 1 and int(cross.to_numpy().sum()) == 3
    kinds = cl.kind_counts(ledger)
    assert kinds.loc["sourced judgement", "as written"] == 2
    assert kinds.loc["rule-based on the book's curated chronology", "since"] == 1


def test_small_themes_are_never_firm_or_weak_ground():
    ledger = _ledger()
    assert cl.ground(ledger, min_claims=3) == {"firm": [], "weak": [], "small": ["summits", "trade"]}
    two = cl.ground(ledger, min_claims=2)
    assert two["small"] == ["trade"] and two["weak"] == [] and two["firm"] == []  # summits: 1 of 2


def test_verdict_counts_rejects_unknown_verdict():
    ledger = _ledger()
    ledger.loc[0, "verdict_since"] = "maybe"
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
    assert list(table.frame.columns) == ["id", "¶", "claim", "as written", "since", "chapter"]
    assert list(table.frame["id"]) == ["C01", "C03"]
    assert list(table.frame["as written"]) == ["supported (R7)", "contradicted (R4)"]
    assert list(table.frame["since"]) == ["supported (R7)", "partly supported (R5)"]
    assert "theme" in cl.ledger_table(ledger).frame.columns
    with pytest.raises(ValueError):
        cl.ledger_table(ledger, "culture")


def test_chapter_verdicts_lists_every_claim_of_the_chapter_with_both_grades():
    ledger = cl.with_chapters(_ledger(), _mapping([("C01", "notebooks/summits"), ("C02", "notebooks/trade"),
                                                   ("C03", "notebooks/summits")]))
    ledger["claim"] = ["a", "b", "c"]
    table = cl.chapter_verdicts("notebooks/summits", ledger).frame
    assert list(table["id"]) == ["C01", "C03"]  # paragraph order, other chapters left out
    assert list(table["since"]) == ["supported (R7)", "partly supported (R5)"]
    assert table["evidence"].iloc[0] == ("As written (sourced judgement): aw a "
                                         "Since (rule-based on the book's curated chronology): s a")


def test_chapter_verdicts_refuses_unknown_or_empty_chapters():
    ledger = cl.with_chapters(_ledger(), _mapping([("C01", "notebooks/summits"), ("C02", "notebooks/trade"),
                                                   ("C03", "notebooks/summits")]))
    with pytest.raises(ValueError, match="unknown chapter"):
        cl.chapter_verdicts("notebooks/nowhere", ledger)
    with pytest.raises(ValueError, match="assigns no claim"):
        cl.chapter_verdicts("notebooks/borders", ledger)


def test_review_page_and_regrade_record_are_current():
    from centralasia import review
    book = cl.book_ledger()
    record = review.regrades(book)
    shipped = pd.read_csv(review.REGRADES_FILE, dtype=str, keep_default_na=False)
    for column in ("as_written", "rule_as_written", "since", "rule_since"):
        assert list(shipped[column]) == list(record[column]), \
            "regrades.csv is stale: run python -m centralasia.review --regrades"
    assert review.PAGE.read_text(encoding="utf-8") == review.render(book), \
        "book/review.md is stale: run python -m centralasia.review"


def test_review_page_lists_pending_points():
    from centralasia import review
    text = review.render()
    answered = set(zip(review.responses()["referee"], review.responses()["point"]))
    pending = [p for p in review.points().itertuples() if (p.referee, p.point) not in answered]
    assert text.count("| response pending |") == len(pending)


def test_moves_count_up_and_down():
    from centralasia import review
    frame = pd.DataFrame({"grade_0_1_0": ["supported", "unverified", "not in 0.1.0"],
                          "as_written": ["partly supported", "contradicted", "supported"],
                          "since": ["supported", "supported", "supported"]})
    out = review.moves(frame)
    assert out.loc["as written"].tolist() == [0, 2, 0, 1]
    assert out.loc["since"].tolist() == [1, 0, 1, 1]


def test_ledger_and_verdict_tables_typeset_for_print():
    ledger = cl.with_chapters(_ledger(), _mapping([("C01", "notebooks/summits"), ("C02", "notebooks/trade"),
                                                   ("C03", "notebooks/summits")]))
    ledger["claim"] = ["a", "b", "c"]
    for table in (cl.chapter_verdicts("notebooks/summits", ledger), cl.ledger_table(ledger, "summits")):
        bundle = table._repr_mimebundle_()
        assert bundle["text/latex"].startswith(tables.LATEX_MARKER)
        assert "longtable" in bundle["text/latex"] and "<caption" in bundle["text/html"]
        assert "Source:" in bundle["text/html"]
    assert "tbl-summits-verdicts" in cl.chapter_verdicts("notebooks/summits", ledger).to_html()
