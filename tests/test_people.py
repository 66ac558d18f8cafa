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


# ------------------------------------------------------------------ figures and explorer data
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from centralasia.figures import culture as figs  # noqa: E402

TWO = ["KAZ", "KGZ"]


def title(ax) -> str:
    """The axes title wherever the style puts it (style.use() sets titles on the left)."""
    return next((t for t in (ax.get_title(loc) for loc in ("left", "center", "right")) if t), "")


def test_draw_lexical_prints_percentages_off_the_diagonal():
    m = pd.DataFrame([[1.0, 0.9], [0.9, 1.0]], index=["Kazakh", "Kyrgyz"], columns=["Kazakh", "Kyrgyz"])
    fig = figs.draw_lexical(m)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts] == ["90", "90"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Kazakh", "Kyrgyz"]
    assert "cognate" in fig.axes[1].get_ylabel()  # the colour bar
    plt.close(fig)


def test_draw_religion_stacks_each_group_to_the_whole():
    t = pd.DataFrame({"muslim_sunni": [0.6, 0.8], "muslim_other": [0.1, 0.0], "christian_orthodox": [0.2, 0.1],
                      "christian_other": [0.0, 0.0], "non_religious": [0.1, 0.1], "other": [0.0, 0.0]},
                     index=TWO)
    fig = figs.draw_religion({1995: t, 2010: t}, TWO)
    left, right = fig.axes[:2]
    assert [title(left), title(right)] == ["1995", "2010"]
    ends = {round(b.get_x() + b.get_width(), 6) for b in left.patches if b.get_width() > 0 and b.get_x() + b.get_width() > 99}
    assert ends == {100.0}
    assert [t.get_text() for t in left.get_yticklabels()] == ["Kazakhstan", "Kyrgyzstan"]
    assert len(left.patches) == len(figs.REL_ORDER) * len(TWO)
    plt.close(fig)


def test_draw_migrants_in_millions():
    t = pd.DataFrame({"Russia": [2e6, 1e6], "Other four": [1e5, 2e5], "Elsewhere": [5e5, 1e5]}, index=TWO)
    fig = figs.draw_migrants({1990: t, 2019: t}, TWO)
    ax = fig.axes[0]
    assert ax.patches[0].get_width() == 2.0 and "millions" in ax.get_xlabel()
    plt.close(fig)


def test_draw_displaced_stacks_types_in_thousands():
    frame = pd.DataFrame({"refugees": [1000.0, 3000.0], "asylum_seekers": [500.0, None]}, index=[2020, 2021])
    fig = figs.draw_displaced(frame, "Afghans")
    ax = fig.axes[0]
    assert title(ax) == "Afghans" and "thousands" in ax.get_ylabel()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["refugees", "asylum-seekers"]
    plt.close(fig)


def test_draw_visa_labels_cells_and_days():
    m = pd.DataFrame([["visa_free", "visa_free"], ["no_admission", "visa_free"]], index=TWO, columns=TWO)
    days = {"2025": pd.Series({("KAZ", "KGZ"): 60})}
    fig = figs.draw_visa({"2025": m, "2025b": m}, {**days, "2025b": pd.Series(dtype=float)}, TWO)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == ["–", "free\n60 d", "none", "–"]
    assert fig.axes[0].get_xlabel() == "Destination" and fig.axes[0].get_ylabel() == "Passport"
    plt.close(fig)


def test_draw_tourism_keeps_gaps_on_a_log_scale():
    arr = pd.DataFrame({"KAZ": [1e6, 2e6, 4e6]}, index=[2000, 2001, 2003])
    fig = figs.draw_tourism(arr, ["KAZ"])
    ax = fig.axes[0]
    y = ax.lines[0].get_ydata()
    assert len(y) == 4 and np.isnan(y[2]) and ax.get_yscale() == "log"
    plt.close(fig)


def test_country_ties_and_its_figure():
    pairs = pd.DataFrame({"year": [2019] * 4, "origin": ["KAZ", "KAZ", "KGZ", "KGZ"],
                          "destination": ["RUS", "KGZ", "RUS", "KAZ"], "migrant_stock": [80.0, 10.0, 50.0, 25.0]})
    totals = pd.DataFrame({"iso3": TWO, "year": [2019, 2019], "direction": ["emigrants"] * 2,
                           "migrant_stock": [100.0, 100.0]})
    visa = pd.DataFrame({"snapshot": [2019, 2019, 2025, 2025], "passport": ["KAZ", "KGZ", "KAZ", "KGZ"],
                         "destination": ["KGZ", "KAZ", "KGZ", "KAZ"],
                         "category": ["visa_free", "visa_free", "visa_free", "visa_required"]})
    lex = pd.DataFrame([[1.0, 0.9], [0.9, 1.0]], index=["Kazakh", "Kyrgyz"], columns=["Kazakh", "Kyrgyz"])
    ties = people.country_ties(pairs, totals, visa, lex, TWO)
    kaz = ties[ties["iso3"] == "KAZ"].set_index("item")["value"]
    assert kaz["Emigrants (2019) living in Russia"] == pytest.approx(80.0)
    assert kaz["Emigrants (2019) living in other countries"] == pytest.approx(10.0)
    assert kaz["It is open to the other four's citizens (2025)"] == 0.0
    assert kaz["Basic vocabulary cognate with Kyrgyz"] == pytest.approx(90.0)
    assert set(ties["group"]) == {"emigrants", "visas", "language"}
    fig = figs.draw_ties(ties, "KAZ")
    assert len(fig.axes[0].patches) == len(kaz) and fig.axes[0].get_xlim() == (0.0, 100.0)
    plt.close(fig)
