"""The live-explorer spec builders (centralasia.explorers) and the HTML fixes of book/_ext/a11y.py."""
import base64
import importlib.util
import io
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from centralasia import explorers, integration as ig, style

ROOT = Path(__file__).resolve().parent.parent


def frame():
    rows = []
    for ind, scale in (("a", 1.0), ("b", 10.0)):
        for k, iso in enumerate(("KAZ", "KGZ", "UZB")):
            for year in range(2000, 2011):
                rows.append({"iso3": iso, "indicator": ind, "year": year, "value": scale * (k + year - 2000)})
    return pd.DataFrame(rows)


MEASURES = {"Measure A (%)": "a", "Measure B (US$)": "b"}
COUNTRIES = {"Kazakhstan": "KAZ", "Kyrgyzstan": "KGZ", "Uzbekistan": "UZB"}


@pytest.fixture
def lines():
    chart = explorers.lines(frame(), measures=MEASURES, countries=COUNTRIES, selected=["KAZ", "UZB"],
                            years=(2002, 2008), source="Test source (2026)")
    return explorers.show(chart, name="exp-test-lines", alt="A line chart of two measures for three countries.")


def params(spec):
    return {p["name"]: p for p in explorers._params(spec)}


def test_lines_binds_measure_period_and_countries(lines):
    p = params(lines.spec())
    assert p["measure"]["bind"]["input"] == "select"
    assert p["measure"]["bind"]["options"] == ["a", "b"]
    assert p["measure"]["bind"]["labels"] == list(MEASURES)
    assert p["measure"]["value"] == "a"
    assert (p["year_from"]["bind"]["input"], p["year_to"]["bind"]["input"]) == ("range", "range")
    assert (p["year_from"]["value"], p["year_to"]["value"]) == (2002, 2008)
    assert (p["year_from"]["bind"]["min"], p["year_from"]["bind"]["max"]) == (2000, 2010)
    ticks = {n: q for n, q in p.items() if q.get("bind", {}).get("input") == "checkbox"}
    assert {q["bind"]["name"].strip() for q in ticks.values()} == set(COUNTRIES)
    assert {n: q["value"] for n, q in ticks.items()} == {"p_KAZ": True, "p_KGZ": False, "p_UZB": True}
    kinds = {c["input"] for c in lines.controls()}
    assert kinds == {"select", "range", "checkbox"}
    assert all(c["label"] for c in lines.controls()), "every input has a label"


def test_lines_filter_uses_every_control(lines):
    spec = lines.spec()
    filters = [t["filter"] for layer in spec["layer"] for t in layer.get("transform", []) if "filter" in t]
    assert len(filters) == 2, "both layers (lines, points) are filtered"
    for name in ("measure", "year_from", "year_to", "p_KAZ", "p_KGZ", "p_UZB"):
        assert all(re.search(rf"\b{name}\b", f) for f in filters), name


def test_lines_look_palette_dashes_tooltip_source(lines):
    spec = lines.spec()
    line, points = spec["layer"]
    colour = line["encoding"]["color"]["scale"]
    assert colour["domain"] == list(COUNTRIES)
    assert colour["range"] == [style.country(c)["color"] for c in COUNTRIES.values()]
    dashes = line["encoding"]["strokeDash"]["scale"]["range"]
    assert len({tuple(d) for d in dashes}) == 3, "each country has its own line style (greyscale print)"
    assert [t["field"] for t in points["encoding"]["tooltip"]] == ["country", "year", "value"]
    assert spec["title"]["subtitle"] == "Source: Test source (2026)"
    assert "measure" in spec["title"]["text"]["expr"]  # the title names the chosen measure
    assert spec["data"]["format"]["type"] == "csv" and lines.csv().startswith("measure,country,year,value")
    assert spec["description"].startswith("A line chart")


def test_lines_data_inline_is_the_frame(lines):
    data = pd.read_csv(io.StringIO(lines.csv()))
    assert list(data.columns) == ["measure", "country", "year", "value"]
    assert len(data) == len(frame())
    assert set(data["country"]) == set(COUNTRIES)


def test_show_bundle_for_html_pdf_and_text(lines):
    bundle, meta = lines._repr_mimebundle_()
    assert set(bundle) == {"text/html", "image/png", "text/plain"}
    png = base64.b64decode(bundle["image/png"])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    html = bundle["text/html"]
    assert 'class="ca-explorer"' in html and 'id="exp-test-lines"' in html
    assert 'alt="A line chart of two measures for three countries."' in html
    spec = re.search(r'<script type="application/json" class="ca-explorer-spec">(.*?)</script>', html, re.S).group(1)
    assert json.loads(spec.replace("<\\/", "</"))["params"]
    assert "http" not in re.sub(r'"\$schema":"[^"]*"', "", spec), "no remote resource in the spec"
    assert "<script src" not in html  # the page loads the one bundle, the output carries none
    assert meta["image/png"]["alt"]


def test_show_checks_name_and_alt(lines):
    with pytest.raises(ValueError):
        explorers.show(lines.chart, name="Bad Name", alt="A sentence of alt text here.")
    with pytest.raises(ValueError):
        explorers.show(lines.chart, name="exp-x", alt="Chart")


def scores():
    units = [*ig.FIVE, ig.REGION]
    rng = np.random.default_rng(2019)
    a = pd.DataFrame(rng.uniform(0, 1, (6, 3)), index=units, columns=["meetings", "borders", "peace"])
    b = a.copy()
    b.loc["TKM", "borders"] = np.nan
    b.loc["UZB", ["meetings", "borders"]] = np.nan  # with the weights below: no weight present, no index
    return {"around the article": a, "latest": b}


def test_long_scores_shape():
    long = explorers.long_scores(scores())
    assert list(long.columns) == ["unit", "point", "dimension", "score"]
    assert len(long) == 2 * 6 * 3 and long["score"].isna().sum() == 3


def test_reweight_matches_integration_aggregate():
    """The browser's computation (rendered by Vega, no kernel) equals integration.aggregate."""
    vlc = pytest.importorskip("vl_convert")
    s = scores()
    chart = explorers.reweight(explorers.long_scores(s), labels={"meetings": "M", "borders": "B", "peace": "P"},
                               min_coverage=ig.MIN_COVERAGE, source="test")
    live = explorers.show(chart, name="exp-test-reweight", alt="Bars of an index re-weighted by sliders.")
    p = params(live.spec())
    assert [p[n]["bind"]["input"] for n in ("p_meetings", "p_borders", "p_peace")] == ["range"] * 3
    spec = live.static_spec()
    # set the weights to 1, 0.5, 0 and read the bar widths back from Vega's scenegraph
    for name, value in (("p_meetings", 1.0), ("p_borders", 0.5), ("p_peace", 0.0)):
        next(q for q in spec["params"] if q["name"] == name)["value"] = value
    graph = vlc.vegalite_to_scenegraph(spec)
    bars = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("marktype") == "rect" and "marks" in str(node.get("name", "")):
                bars.extend(node["items"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(graph)
    widths = sorted(round(b["width"] / explorers.WIDTH, 3) for b in bars if b.get("width", 0) > 0)
    weights = pd.Series({"meetings": 1.0, "borders": 0.5, "peace": 0.0})
    expected = pd.concat([ig.aggregate(t, weights) for t in s.values()]).dropna()
    assert len(widths) == len(expected) == 11
    assert widths == pytest.approx(sorted(expected.round(3)), abs=0.004)


def test_bars_select_entity():
    data = pd.DataFrame({"iso3": ["KAZ", "KAZ", "KGZ"], "item": ["x", "y", "x"], "value": [1.0, 2.0, 3.0]})
    chart = explorers.bars(data, entities={"Kazakhstan": "KAZ", "Kyrgyzstan": "KGZ"}, source="s", value_title="v")
    p = params(chart.to_dict())
    assert p["entity"]["bind"]["input"] == "select" and p["entity"]["bind"]["options"] == ["KAZ", "KGZ"]
    assert chart.to_dict()["transform"][0]["filter"] == "datum.entity == entity"


def test_png_renders_the_initial_state(lines):
    from PIL import Image
    image = Image.open(io.BytesIO(lines.png()))
    assert image.width >= 2 * explorers.WIDTH * 0.9


def test_bundle_is_self_contained(tmp_path):
    path = explorers.write_bundle(tmp_path / "x" / "vega-explorers.js")
    text = path.read_text()
    assert "caExplorer" in text and "vegaEmbed" in text
    assert not re.search(r"""(src|href)\s*=\s*["']https?://""", text)
    assert "cdn.jsdelivr" not in text.replace("cdn.jsdelivr.net/npm/vega-", "")  # only the editor links


# ------------------------------------------------------------------ the HTML fixes (book/_ext/a11y.py)
def a11y():
    spec = importlib.util.spec_from_file_location("a11y", ROOT / "book" / "_ext" / "a11y.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a11y_fixes_theme_buttons_and_bibliography():
    page = ('<button class="btn search-button-field search-button__button pst-js-only" title="Search" '
            'aria-label="Search" data-bs-placement="bottom"><span>Search</span><kbd>Ctrl</kbd>+<kbd>K</kbd></button>'
            '<i class="theme-switch fa-solid fa-sun fa-lg" data-mode="light" title="Light"></i>'
            '<div role="list" class="citation-list"><div class="citation" id="id3" role="doc-biblioentry">x</div></div>')
    fixed = a11y().fix_html(page)
    assert 'aria-label="Search (Ctrl+K)"' in fixed
    assert 'title="Light"' not in fixed and 'aria-hidden="true"' in fixed
    assert 'role="list"' not in fixed and "doc-biblioentry" not in fixed
    assert a11y().fix_html(fixed) == fixed
