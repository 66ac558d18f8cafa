"""centralasia.tables and centralasia.figures: the bundles the book's builders pick from."""
import re
from urllib.parse import unquote

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from centralasia import figures, style, tables  # noqa: E402


@pytest.fixture
def frame():
    return pd.DataFrame({
        "country": ["Қазақстан", "Oʻzbekiston", "R&D_100% #1 $x"],
        "share": [1.5, None, -12.25],
        "year": pd.array([1997, pd.NA, 1927], dtype="Int64"),
        "note": pd.array(["a {b} ~c^", pd.NA, "back\\slash"], dtype="string"),
        "ok": [True, False, True],
    })


def test_bundle_has_the_three_forms(frame):
    bundle = tables.show(frame, caption="Cap", source="Src (2026)")._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html", "text/latex"}


def test_missing_values_are_an_en_dash_everywhere(frame):
    table = tables.show(frame, caption="Cap", source="Src")
    for text in (table.to_html(), table.to_latex(), table.to_text()):
        assert "<NA>" not in text and "nan" not in text.lower().replace("tabcolsep", "")
        assert tables.MISSING in text
    assert table.cells.loc[1].tolist() == ["Oʻzbekiston", "–", "–", "–", "no"]


def test_numbers_formatted_per_column_with_real_minus(frame):
    cells = tables.show(frame, caption="Cap", source="Src").cells
    assert cells["share"].tolist() == ["1.5", "–", "−12.2"]
    assert cells["year"].tolist() == ["1997", "–", "1927"]
    custom = tables.show(frame, caption="Cap", source="Src", formats={"share": "{:.2f}"}).cells
    assert custom["share"].tolist()[0] == "1.50"


def test_html_is_an_accessible_table(frame):
    html = tables.show(frame, caption="Capitals & co", source="Src (2026)", label="tbl-x").to_html()
    assert '<caption id="tbl-x-caption">Capitals &amp; co</caption>' in html
    assert html.count('<th scope="col"') == 5
    assert 'role="region" tabindex="0" aria-labelledby="tbl-x-caption"' in html
    assert "Source: Src (2026)" in html and 'id="tbl-x"' in html
    assert "R&amp;D_100% #1 $x" in html


def test_latex_is_an_escaped_booktabs_longtable(frame):
    latex = tables.show(frame, caption="Cap 50%", source="Src_1", label="tbl-x").to_latex()
    assert latex.startswith(tables.LATEX_MARKER + " label=tbl-x")
    for piece in (r"\begin{longtable}", r"\toprule", r"\midrule", r"\bottomrule", r"\endhead",
                  r"\endfirsthead", r"\caption{Cap 50\%}\label{tbl-x}", r"\textit{Source:} Src\_1"):
        assert piece in latex
    assert r"R\&D\_100\% \#1 \$x" in latex and "Қазақстан" in latex
    assert r"a \{b\} \textasciitilde{}c\textasciicircum{}" in latex and r"back\textbackslash{}slash" in latex
    assert "…" not in latex and "↪" not in latex


def test_long_text_columns_wrap_short_ones_do_not():
    frame = pd.DataFrame({"id": ["C01"], "claim": ["word " * 40], "value": [-0.5]})
    table = tables.show(frame, caption="Cap", source="Src")
    assert table.wrapped() == [False, True, False]
    specs = table.column_specs()
    assert specs[0] == "l" and specs[2] == "r" and re.match(r">\{\\raggedright\\arraybackslash\}p\{", specs[1])


def test_explicit_widths_weight_the_wrapped_columns():
    frame = pd.DataFrame({"a": ["x " * 30], "b": ["y " * 30]})
    table = tables.show(frame, caption="Cap", source="Src", widths={"a": 30, "b": 10})
    assert table.column_fractions() == pytest.approx([0.75, 0.25])


def test_header_repeats_and_landscape(frame):
    latex = tables.show(frame, caption="Cap", source="Src", landscape=True).to_latex()
    assert latex.count(r"\textbf{country}") == 2  # first head and continued head
    assert r"\begin{landscape}" in latex and r"\textheight" not in latex.split("longtable")[0]


@pytest.mark.parametrize("bad", [dict(caption=""), dict(source=" "), dict(label="bad label")])
def test_a_table_needs_caption_source_and_a_clean_label(frame, bad):
    args = dict(caption="Cap", source="Src") | bad
    with pytest.raises(ValueError):
        tables.show(frame, **args)


def test_unknown_columns_in_formats_are_errors_in_widths_ignored(frame):
    table = tables.show(frame, caption="Cap", source="Src", widths={"nope": 3, "note": 30})
    assert table.widths == {"note": 30}
    with pytest.raises(KeyError):
        tables.show(frame, caption="Cap", source="Src", formats={"nope": "{}"})


# ------------------------------------------------------------------ figures
def test_data_link_carries_the_frame_and_its_source():
    data = pd.DataFrame({"year": [2019, 2020], "value": [1.5, None]})
    link = figures.DataLink("fig-x", data, "WDI (2025)")
    assert link.csv.splitlines() == ["year,value,source", "2019,1.5,WDI (2025)", "2020,,WDI (2025)"]
    html = link._repr_html_()
    assert 'download="fig-x.csv"' in html and figures.DATA_LINK_CLASS in html
    href = re.search(r'href="([^"]+)"', html).group(1)
    assert unquote(href.split(",", 1)[1].replace("&amp;", "&")) == link.csv


def test_data_link_refuses_a_huge_or_empty_frame():
    with pytest.raises(ValueError):
        figures.DataLink("fig-x", pd.DataFrame({"a": []}), "S")
    with pytest.raises(ValueError):
        figures.DataLink("fig-x", pd.DataFrame({"a": ["x" * 1000] * 1000}), "S")
    with pytest.raises(TypeError):
        figures.DataLink("fig-x", [1, 2], "S")


def test_vector_copy_is_reproducible():
    from IPython.core.pylabtools import print_figure

    def draw():
        fig, ax = plt.subplots(figsize=style.size(3))
        ax.plot([1, 2, 3], [3, 1, 2])
        return style.finish(fig, source="Test")
    one, two = (print_figure(draw(), fmt="pdf", bbox_inches="tight", metadata=dict(style.PDF_METADATA))
                for _ in range(2))
    assert one == two and one.startswith(b"%PDF") and b"CreationDate" not in one
