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


def walk_items(node, marktype):
    found = []
    if isinstance(node, dict):
        if node.get("marktype") == marktype and node.get("role") == "mark":
            found += node.get("items", [])
        for v in node.values():
            found += walk_items(v, marktype)
    elif isinstance(node, list):
        for v in node:
            found += walk_items(v, marktype)
    return found


def test_agreement_in_the_browser_equals_alignment_scores():
    """Kappa and agreement computed by Vega from summed yearly tables equal alignment.scores."""
    vlc = pytest.importorskip("vl_convert")
    from centralasia import alignment as al
    rng = np.random.default_rng(2019)
    votes = pd.DataFrame(rng.choice([0, 1, 2, -1], size=(120, 3), p=[0.6, 0.2, 0.15, 0.05]),
                         columns=["KAZ", "KGZ", "UZB"], index=pd.RangeIndex(1, 121, name="rcid"))
    votes["KGZ"] = np.where(rng.uniform(size=120) < 0.7, votes["KAZ"], votes["KGZ"])
    calls = pd.DataFrame({"rcid": votes.index, "year": np.repeat([2001, 2002, 2003, 2004], 30)})
    pairs = al.pairs_of(["KAZ", "KGZ", "UZB"])
    counts = explorers.pair_counts(votes, calls, pairs)
    assert counts[[f"c{k}" for k in range(9)]].to_numpy().sum() == sum(
        ((votes[a] >= 0) & (votes[b] >= 0)).sum() for a, b in pairs)
    for measure in ("kappa", "agreement"):
        chart = explorers.agreement(counts, countries=COUNTRIES, years=(2002, 2003), measure=measure, source="t")
        graph = vlc.vegalite_to_scenegraph(explorers.show(chart, name="exp-t", alt="A matrix of pair agreement.")
                                           .static_spec())
        shown = sorted(float(t["text"].replace("\u2212", "-")) for t in walk_items(graph, "text") if t.get("text"))
        sub = votes.loc[calls.loc[calls["year"].between(2002, 2003), "rcid"]]
        index = 2 if measure == "kappa" else 1
        expected = sorted(round(float(al.scores(al.counts(sub[a].to_numpy(), sub[b].to_numpy()))[index]), 2)
                          for a, b in pairs for _ in (0, 1))
        assert shown == pytest.approx(expected, abs=0.0051), measure
    p = params(chart.to_dict())
    assert p["measure"]["bind"]["input"] == "radio" and p["measure"]["bind"]["options"] == ["agreement", "kappa"]


def test_timeline_kinds_and_period():
    events = pd.DataFrame({"date": ["1993", "2018-03-15", "2019-11-29", "2022-07-21"],
                           "type": ["organisation", "summit", "summit", "treaty"],
                           "title": ["IFAS", "Astana", "Tashkent", "Cholpon-Ata"]})
    chart = explorers.event_timeline(events, kinds={"summit": "Summits", "treaty": "Treaties"}, years=(2015, 2026),
                               source="the book's chronology")
    spec = chart.to_dict()
    p = params(spec)
    assert [p[n]["bind"]["input"] for n in ("p_summit", "p_treaty", "year_from", "year_to")] == \
        ["checkbox", "checkbox", "range", "range"]
    data = pd.read_csv(io.StringIO(spec["datasets"][spec["data"]["name"]]))
    assert list(data["title"]) == ["Astana", "Tashkent", "Cholpon-Ata"]  # kinds not asked for are left out
    assert data["when"].iloc[0] == pytest.approx(2018 + 73 / 366, abs=1e-3)
    assert [t["field"] for t in spec["encoding"]["tooltip"]] == ["date", "kind", "title"]


# ------------------------------------------------------------------ heatmap (the security chapter's explorer)
def scene_items(graph, marktype):
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("marktype") == marktype and "marks" in str(node.get("name", "")):
                found.extend(node["items"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(graph)
    return found


def random_votes():
    from centralasia import alignment as al
    rng = np.random.default_rng(2019)
    codes = ["KAZ", "KGZ", "TKM", "RUS"]
    calls = pd.DataFrame({"rcid": np.arange(1, 121), "year": np.repeat([2001, 2002, 2003], 40)})
    base = rng.choice([0, 1, 2], size=120, p=[0.8, 0.1, 0.1])
    matrix = pd.DataFrame({c: np.where(rng.uniform(size=120) < 0.7, base, rng.choice([-1, 0, 1, 2], size=120))
                           for c in codes}, index=calls["rcid"]).astype("int8")
    return al, codes, calls, matrix


def heat_chart(measure="ac1", years=(2002, 2003), selected=None):
    al, codes, calls, matrix = random_votes()
    f = al.vega_measures()
    chart = explorers.heatmap(al.pair_year_counts(matrix, calls, codes), formulas=f, count=f["n"],
                              measures={al.MEASURE_LABELS[m]: m for m in al.MEASURES}, sums=list(al.CELLS),
                              entities={c.title(): c for c in codes}, measure=measure, years=years, selected=selected,
                              domains={"agreement": (0, 1), "kappa": (-0.2, 1)}, source="Test votes (2026)")
    return explorers.show(chart, name="exp-test-heat", alt="A matrix of agreement for pairs of four countries.")


def test_heatmap_binds_measure_years_and_entities():
    live = heat_chart(selected=["KAZ", "KGZ", "TKM"])
    p = params(live.spec())
    assert p["measure"]["bind"]["input"] == "radio" and p["measure"]["value"] == "ac1"
    assert p["measure"]["bind"]["options"] == ["agreement", "kappa", "ac1", "s"]
    assert (p["year_from"]["value"], p["year_to"]["value"]) == (2002, 2003)
    assert (p["year_from"]["bind"]["min"], p["year_to"]["bind"]["max"]) == (2001, 2003)
    assert {n: q["value"] for n, q in p.items() if n.startswith("p_")} == \
        {"p_KAZ": True, "p_KGZ": True, "p_TKM": True, "p_RUS": False}
    assert all(c["label"] for c in live.controls())
    spec = live.spec()
    filters = " ".join(t["filter"] for t in spec["transform"] if "filter" in t)
    for name in ("year_from", "year_to", "p_KAZ", "p_RUS"):
        assert re.search(rf"\b{name}\b", filters), name
    calc = " ".join(t.get("as", "") + t.get("calculate", "") for t in spec["transform"] if "calculate" in t)
    assert "measure ==" in calc, "the value follows the measure control"


def test_heatmap_look_tooltip_source():
    spec = heat_chart().spec()
    cells, text = spec["layer"]
    assert cells["mark"]["type"] == "rect" and text["mark"]["type"] == "text"
    assert cells["encoding"]["color"]["scale"]["scheme"] == "cividis"  # the static figure's colour map
    assert "measure" in cells["encoding"]["color"]["scale"]["domainMin"]["expr"]
    assert [t["field"] for t in cells["encoding"]["tooltip"]] == ["row", "col", "value", "n"]
    assert cells["encoding"]["x"]["sort"] == ["Kaz", "Kgz", "Tkm", "Rus"]
    assert spec["title"]["subtitle"] == "Source: Test votes (2026)"
    assert heat_chart().csv().startswith("a,b,year,c00"), "the counts are the page's CSV"
    assert "measure" in spec["title"]["text"]["expr"] and "year_from" in spec["title"]["text"]["expr"]


@pytest.mark.parametrize("measure", ["agreement", "kappa", "ac1", "s"])
def test_heatmap_computes_alignment_in_the_browser(measure):
    """Vega (no kernel) sums the counts over the chosen years and gives what alignment.alignment gives."""
    vlc = pytest.importorskip("vl_convert")
    al, codes, calls, matrix = random_votes()
    live = heat_chart(measure=measure, years=(2003, 2002))  # sliders crossed: still the span 2002-2003
    items = scene_items(vlc.vegalite_to_scenegraph(live.static_spec()), "text")
    shown = sorted(round(float(i["text"].replace("\u2212", "-")), 2) for i in items if i.get("text"))
    rcids = calls.loc[calls.year.between(2002, 2003), "rcid"]
    expected = al.alignment(matrix, {"g": rcids}, al.pairs_of(codes), n_boot=2)[measure].dropna()
    assert len(shown) == 2 * len(expected) == 12, "each pair twice (symmetric), no diagonal"
    assert shown == pytest.approx(sorted(list(expected.round(2)) * 2), abs=0.006)


def test_pair_year_counts_add_up():
    al, codes, calls, matrix = random_votes()
    counts = al.pair_year_counts(matrix, calls, codes)
    assert list(counts.columns) == ["a", "b", "year", *al.CELLS]
    one = counts[(counts.a == "KAZ") & (counts.b == "KGZ")]
    table = al.counts(matrix["KAZ"], matrix["KGZ"])
    assert one[list(al.CELLS)].sum().to_numpy().reshape(3, 3).tolist() == table.tolist()


# ------------------------------------------------------------------ timeline (the summits chapter's explorer)
def test_timeline_binds_kinds_and_years_and_draws_the_selection():
    vlc = pytest.importorskip("vl_convert")
    events = pd.DataFrame({"when": pd.to_datetime(["2001-03-01", "2005-06-01", "2010-01-01", "2012-05-05"]),
                           "date": ["2001-03", "2005-06-01", "2010", "2012-05-05"], "type": ["a", "b", "a", "c"],
                           "title": ["One", "Two", "Three", "Four"], "off": [False, False, True, False]})
    chart = explorers.timeline(events, kinds={"Kind A": "a", "Kind B": "b", "Kind C": "c"}, source="Test (2026)",
                               colours={"a": "#0072B2", "b": "#E69F00", "c": "#009E73"}, markers={"a": "o", "b": "s"},
                               filled=["a"], selected=["a", "b"], years=(2000, 2011), muted="off",
                               rules={"article": "2009-03-29"})
    live = explorers.show(chart, name="exp-test-time", alt="Events of three kinds by date, chosen by checkboxes.")
    p = params(live.spec())
    assert {n: q["value"] for n, q in p.items() if n.startswith("p_")} == {"p_a": True, "p_b": True, "p_c": False}
    assert (p["year_from"]["value"], p["year_to"]["value"]) == (2000, 2011)
    assert {c["input"] for c in live.controls()} == {"checkbox", "range"}
    rows, points = live.spec()["layer"][:2]
    assert "p_c" in rows["transform"][0]["filter"], "a kind's row follows its checkbox"
    assert [t["field"] for t in points["encoding"]["tooltip"]] == ["shown", "label", "kind", "status"]
    assert live.spec()["title"]["subtitle"] == "Source: Test (2026)"
    assert live.csv().startswith("date,kind,label,shown,muted"), "the events are the page's CSV"
    symbols = [i for i in scene_items(vlc.vegalite_to_scenegraph(live.static_spec()), "symbol")
               if i.get("shape") is not None and i.get("fill") is not None]
    assert len(symbols) == 3, "kind C is unticked: three events drawn"
    assert sorted(s["fill"] for s in symbols) == ["#0072B2", "#ffffff", "#ffffff"]  # B hollow, muted A hollow
    assert sorted(s["stroke"] for s in symbols) == ["#0072B2", "#999999", "#E69F00"]
    rules = scene_items(vlc.vegalite_to_scenegraph(live.static_spec()), "rule")
    assert len(rules) == 2 + 1, "a row line per ticked kind, and the article's date"
