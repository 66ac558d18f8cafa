"""People and culture helpers on small hand-made tables with known answers."""
import math

import pandas as pd
import pytest

from centralasia import people


def cognates(rows):
    return pd.DataFrame(rows, columns=["language", "concept", "cognateset"])


def test_lexical_similarity_counts_only_concepts_both_have():
    t = cognates([("A", "water", 1), ("A", "stone", 2), ("A", "eye", 3), ("A", "hand", 4),
                  ("B", "water", 1), ("B", "stone", 9), ("B", "eye", 3),
                  ("C", "fire", 7)])
    s = people.lexical_similarity(t).set_index(["a", "b"])
    assert s.loc[("A", "B"), "concepts"] == 3 and s.loc[("A", "B"), "shared"] == 2
    assert s.loc[("A", "B"), "similarity"] == pytest.approx(2 / 3)
    assert s.loc[("A", "C"), "concepts"] == 0 and math.isnan(s.loc[("A", "C"), "similarity"])


def test_a_synonym_in_a_shared_class_counts_once():
    t = cognates([("A", "dog", 1), ("A", "dog", 2), ("B", "dog", 2), ("A", "sun", 5), ("B", "sun", 6)])
    s = people.lexical_similarity(t).iloc[0]
    assert (s["concepts"], s["shared"], s["similarity"]) == (2, 1, 0.5)


def test_as_matrix_is_symmetric_with_unit_diagonal():
    pairs = pd.DataFrame({"a": ["A", "A", "B"], "b": ["B", "C", "C"], "similarity": [0.5, 0.2, 0.8]})
    m = people.as_matrix(pairs)
    assert m.loc["B", "A"] == m.loc["A", "B"] == 0.5 and m.loc["C", "C"] == 1.0
    assert (m.values == m.values.T).all()


def test_shared_lineage():
    assert people.shared_lineage("t;c;k;s", "t;c;k;e") == 3
    assert people.shared_lineage("t;c", "i;e") == 0


def visa():
    rows = []
    cats = {2019: {("X", "Y"): "visa_free", ("Y", "X"): "visa_required", ("X", "Z"): "visa_on_arrival",
                   ("Z", "X"): "visa_required", ("Y", "Z"): "visa_required", ("Z", "Y"): "visa_free"},
            2025: {("X", "Y"): "visa_free", ("Y", "X"): "visa_free", ("X", "Z"): "e_visa",
                   ("Z", "X"): "visa_required", ("Y", "Z"): "visa_required", ("Z", "Y"): "no_admission"}}
    for snap, d in cats.items():
        rows += [(snap, p, q, c) for (p, q), c in d.items()]
    return pd.DataFrame(rows, columns=["snapshot", "passport", "destination", "category"])


def test_open_pairs_counts_visa_free_and_on_arrival():
    assert people.open_pairs(visa(), 2019, ["X", "Y", "Z"]) == {"pairs": 6, "open": 3, "share": 0.5}
    assert people.open_pairs(visa(), 2025, ["X", "Y", "Z"])["open"] == 2


def test_visa_changes_lists_pairs_that_opened_or_closed():
    ch = people.visa_changes(visa(), ["X", "Y", "Z"])
    assert list(zip(ch["passport"], ch["destination"])) == [("X", "Z"), ("Y", "X"), ("Z", "Y")]


def test_openness_score_inbound_and_outbound():
    s = people.openness_score(visa(), 2019, "X", ["X", "Y", "Z"])
    assert s == {"outbound": 1.0, "inbound": 0.0}


def migrants():
    pairs = pd.DataFrame({"year": [2019] * 4, "origin": ["A", "A", "B", "C"],
                          "destination": ["B", "R", "A", "A"], "migrant_stock": [10, 60, 5, 5]})
    totals = pd.DataFrame({"iso3": ["A", "B", "A"], "year": [2019] * 3,
                           "direction": ["emigrants", "emigrants", "immigrants"],
                           "migrant_stock": [100, 20, 50]})
    return pairs, totals


def test_migrant_shares_add_an_other_row_that_closes_the_total():
    pairs, totals = migrants()
    s = people.migrant_shares(pairs, totals, "A", 2019).set_index("partner")
    assert s.loc["R", "share"] == 0.6 and s.loc["other", "migrant_stock"] == 30
    assert s["share"].sum() == pytest.approx(1.0)
    im = people.migrant_shares(pairs, totals, "A", 2019, "immigrants").set_index("partner")
    assert im.loc["B", "share"] == 0.1 and im.loc["other", "migrant_stock"] == 40


def test_among_group_share():
    pairs, totals = migrants()
    # A->B 10 and B->A 5 of 100 + 20 emigrants
    assert people.among_group_share(pairs, totals, ["A", "B"], 2019) == pytest.approx(15 / 120)


def test_religion_table_adds_muslim_total():
    s = pd.DataFrame({"iso3": ["A", "A", "A"], "year": [2010] * 3,
                      "religion": ["muslim_sunni", "muslim_other", "non_religious"], "share": [0.6, 0.1, 0.3]})
    assert people.religion_table(s, 2010).loc["A", "muslim"] == pytest.approx(0.7)


def test_newick_ancestors_innermost_first():
    from centralasia.pipeline.steps.glottolog import ancestors
    tree = "((a:1,b:1)ab:1,(c:1,(d:1)dd:1)cd:1)root:1"
    assert ancestors(tree, "a") == ["ab", "root"]
    assert ancestors(tree, "d") == ["dd", "cd", "root"]


def test_passport_codes_of_both_snapshots_map_to_one_scale():
    from centralasia.pipeline.steps.passport_index import _harmonise
    from centralasia.errors import DataError
    assert _harmonise("3", 2019, "x")[0] == "visa_free"
    assert _harmonise("0", 2019, "x")[0] == "visa_required"
    assert _harmonise("30", 2025, "x") == ("visa_free", 30.0)
    assert _harmonise("no admission", 2025, "x")[0] == "no_admission"
    with pytest.raises(DataError):
        _harmonise("maybe", 2025, "x")
