"""Checks of the built book, as a reader meets it: the PDF and every HTML page.

Run after `make book` (the `make test` command does both); marked `built`.
"""
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BUILD = Path(os.environ.get("BOOK_BUILD", ROOT / "_build"))  # e.g. a preview or demo build
HTML = BUILD / "html"
PDF = BUILD / "latex" / "book.pdf"
TEX = BUILD / "latex" / "book.tex"
pytestmark = pytest.mark.built


def toc_documents() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    docs = [toc["root"]]
    for part in toc.get("parts", [{"chapters": toc.get("chapters", [])}]):
        docs += [c["file"] for c in part["chapters"]]
    return docs


def title_of(doc: str) -> str:
    path = next(p for p in (ROOT / f"{doc}.md", ROOT / f"{doc}.ipynb") if p.exists())
    if path.suffix == ".ipynb":
        text = "\n".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"]
                         if c["cell_type"] == "markdown")
    else:
        text = path.read_text()
    return re.search(r"^# (.+)$", text, re.M).group(1).strip()


# ---------------------------------------------------------------- PDF
@pytest.fixture(scope="module")
def pdf_text():
    assert PDF.exists(), f"{PDF} was not built"
    return subprocess.run(["pdftotext", "-layout", str(PDF), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_pdf_has_a_text_layer(pdf_text):
    assert len(pdf_text.split()) > 2000


def test_pdf_has_no_unresolved_references(pdf_text):
    assert "??" not in pdf_text


def test_pdf_embeds_all_its_fonts():
    out = subprocess.run(["pdffonts", str(PDF)], check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    not_embedded = [r[0] for r in rows if "no" in r[-5:-3]]
    assert rows and not not_embedded, f"fonts not embedded: {not_embedded}"


def test_pdf_has_title_page_contents_and_bibliography(pdf_text):
    first_page = pdf_text.split("\f")[0]
    assert "Central Asia" in first_page and re.search(r"Version \d+\.\d+\.\d+", first_page)
    assert "contents" in pdf_text.lower()
    assert "Bibliography" in pdf_text and "Turekhanov" in pdf_text


def test_title_verso_says_how_to_cite(pdf_text):
    verso = pdf_text.split("\f")[1]
    version = re.search(r"Version (\d+\.\d+\.\d+)", pdf_text.split("\f")[0]).group(1)
    assert "How to cite this book" in verso and f"Version {version}" in verso
    assert "CC BY 4.0" in verso and "MIT" in verso


# ---------------------------------------------------------------- PDF: a reader's edition
# Code as it would print: a call into the book's package or a notebook's set-up lines.
CODE_MARKERS = [
    (r"glue\(", "glue("),
    (r"^\s*(from [\w.]+ )?import [\w., ]+( as \w+)?\s*$", "an import line"),
    (r"(?<![\w.])ca\.[a-z_]+", "ca.<name>"),
    (r"\b(style\.use|tables\.show|figures\.publish|widgets\.explorer)\(", "a package call"),
    (r"\bplt\.|\bax\.set", "matplotlib calls"),
    (r"^\s*(In|Out) ?\[\d*\]:", "a prompt"),
]


@pytest.mark.parametrize("pattern,what", CODE_MARKERS, ids=[w for _, w in CODE_MARKERS])
def test_pdf_prints_no_code(pdf_text, pattern, what):
    hits = [line.strip() for line in pdf_text.splitlines() if re.search(pattern, line)]
    assert not hits, f"{len(hits)} line(s) with {what} in the PDF, e.g. {hits[:5]}"


def test_pdf_has_no_wrapped_or_truncated_text_dumps(pdf_text):
    arrows = pdf_text.count("↪")
    assert arrows == 0, f"{arrows} wrap arrows (a code block or text table running off the line)"
    # A truncated table cell or elided row/column (pandas prints "..." or "…" for them).
    cut = [line.strip() for line in pdf_text.splitlines()
           if re.search(r"(\.\.\.|…)(\s{2,}|$)", line) and re.search(r"\S\s{2,}\S", line)]
    assert not cut, f"truncation marks in tabular lines: {cut[:5]}"


@pytest.fixture(scope="module")
def tex():
    assert TEX.exists(), f"{TEX} was not built"
    return TEX.read_text(encoding="utf-8")


def test_pdf_has_no_verbatim_dumps(tex):
    """Verbatim blocks in the PDF are code or plain-text tables; only a BibTeX example may print so."""
    blocks = re.findall(r"\\begin\{sphinxVerbatim\}.*?\\end\{sphinxVerbatim\}", tex, re.S)
    dumps = [b[:160] for b in blocks if "@misc" not in b]
    assert not dumps, f"{len(dumps)} verbatim block(s) in the PDF: {dumps[:3]}"


def test_tables_are_typeset(tex, pdf_text):
    """Every table is a booktabs longtable with a numbered caption; report how many there are."""
    tables = re.findall(r"\\begin\{longtable\}.*?\\end\{longtable\}", tex, re.S)
    ours = [t for t in tables if r"\endfirsthead" in t]
    captions = re.findall(r"^\s*Table \d+\.\d+: ", pdf_text, re.M)
    print(f"typeset tables: {len(tables)} longtables ({len(ours)} from centralasia.tables), "
          f"{len(captions)} numbered captions")
    assert tables, "no typeset table in the PDF"
    assert all(re.search(r"\\(sphinx)?toprule", t) and re.search(r"\\(sphinx)?bottomrule", t)
               for t in tables), "a table without booktabs rules"
    assert len(captions) >= len(ours)
    assert all(r"\endhead" in t for t in ours), "a long table without a repeated header"


def _pages(pdf_text):
    return pdf_text.split("\f")


def _chapter_page(pages, title):
    """Index of the page where the chapter `title` opens (its heading is set in capitals)."""
    for i, page in enumerate(pages):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if title.upper() in lines[:8] and any(line == "CHAPTER" for line in lines[:4]):
            return i
    raise AssertionError(f"chapter {title!r} not found")


def test_bibliography_chapter_has_its_entries(pdf_text):
    pages = _pages(pdf_text)
    start = _chapter_page(pages, "Bibliography")
    end = _chapter_page(pages, title_of("book/cite"))
    chapter = "\n".join(pages[start:end])
    entries = re.findall(r"^\s*\[\d+\]\s+\S", chapter, re.M)
    assert len(entries) >= 20 and "Turekhanov" in chapter, \
        f"the Bibliography chapter (pages {start + 1}-{end}) lists {len(entries)} entries"
    after = "\n".join(pages[end:])
    assert not re.search(r"^\s*\[1\]\s+\S", after, re.M), "bibliography entries printed after the last chapter"


def test_figures_are_vector_in_print(tex):
    images = re.findall(r"\\sphinxincludegraphics(?:\[[^]]*\])?\{\{?([^}]+)\}?(\.\w+)?\}", tex)
    names = [name + ext for name, ext in images]
    raster = [n for n in names if not n.endswith(".pdf")]
    print(f"figures in the PDF: {len(names)}, raster {len(raster)}")
    assert names and len(raster) <= len(names) // 4, f"raster figures in the PDF: {raster[:5]}"


@pytest.mark.parametrize("doc", toc_documents()[1:])  # the home page is front matter, untitled in the PDF
def test_pdf_contains_every_chapter_title(pdf_text, doc):
    flat = re.sub(r"\s+", " ", pdf_text)
    assert re.sub(r"\s+", " ", title_of(doc)) in flat


def test_pdf_figures_are_numbered(pdf_text):
    assert re.search(r"Fig\. \d+\.\d+", pdf_text) or re.search(r"Figure \d+", pdf_text)


def test_pdf_prints_no_widget_repr(pdf_text):
    assert "interactive(children" not in pdf_text and "Widget(" not in pdf_text


# ---------------------------------------------------------------- HTML in a real browser
@pytest.fixture(scope="module")
def server():
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium")
    assert chromium, "Debian chromium is needed for the browser smoke test (apt-get install chromium)"
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()


def pages() -> list[str]:
    return sorted(str(p.relative_to(HTML)) for p in HTML.rglob("*.html")
                  if "_static" not in p.parts and p.name not in ("genindex.html",))


def test_every_toc_document_was_built():
    for doc in toc_documents():
        assert (HTML / f"{doc}.html").exists(), doc


@pytest.mark.parametrize("page", pages())
def test_page_in_browser(browser, server, page):
    context = browser.new_context()
    tab = context.new_page()
    errors = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    failed = []
    tab.on("requestfailed", lambda r: failed.append(r.url))
    tab.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    tab.goto(f"{server}/{page}", wait_until="load")
    tab.wait_for_timeout(300)
    widget_views = tab.locator("script[type='application/vnd.jupyter.widget-view+json']").count()
    if widget_views:
        tab.wait_for_selector(".jupyter-widgets", timeout=15000)
    broken_images = tab.evaluate(
        "Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
    rendered_widgets = tab.evaluate(
        "Array.from(document.querySelectorAll('script[type=\"application/vnd.jupyter.widget-view+json\"]'))"
        ".filter(s => !s.parentElement.querySelector('.jupyter-widgets')).length")
    links = tab.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")
    context.close()
    assert not errors, f"console errors on {page}: {errors[:5]}"
    assert not failed, f"failed requests on {page}: {failed[:5]}"
    assert not broken_images, f"broken images on {page}: {broken_images[:5]}"
    assert rendered_widgets == 0, f"{rendered_widgets} empty widget area(s) on {page}"
    broken = []
    for link in links:
        url = urlparse(link)
        if not link.startswith(server):
            continue
        target = HTML / unquote(url.path).lstrip("/")
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            broken.append(link)
    assert not broken, f"broken internal links on {page}: {broken[:5]}"


def test_search_finds_a_chapter(browser, server):
    tab = browser.new_page()
    tab.goto(f"{server}/search.html?q=Kazakhstan", wait_until="load")
    tab.wait_for_selector("#search-results li", timeout=15000)
    hits = tab.locator("#search-results li").count()
    tab.close()
    assert hits > 0


# ---------------------------------------------------------------- the print demonstration book
@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """tests/print_demo/build.sh: a two-chapter book through the book's own configuration."""
    if not shutil.which("xelatex"):
        pytest.skip("TeX is needed for the print demonstration")
    out = tmp_path_factory.mktemp("print-demo")
    subprocess.run([str(ROOT / "tests" / "print_demo" / "build.sh"), str(out)], check=True,
                   capture_output=True, timeout=600)
    text = subprocess.run(["pdftotext", "-layout", str(out / "_build/latex/book.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    page = (out / "_build/html/notebooks/demo.html").read_text(encoding="utf-8")
    return {"pdf": text, "tex": (out / "_build/latex/book.tex").read_text(encoding="utf-8"), "html": page}


def test_demo_pdf_prints_results_not_code(demo):
    pdf = demo["pdf"]
    for absent in ("stray print output", "<Axes", "import ", "tables.show", "figures.publish", "CSV"):
        assert absent not in pdf, absent
    assert "Table 1.1: Capitals of the five states" in pdf and "Table 1.2 (continued)" in pdf
    assert "Қазақстан" in pdf and "Oʻzbekiston" in pdf and "R&D $ budget #1" in pdf


def test_demo_pdf_typesets_tables_and_vector_figures(demo):
    tex = demo["tex"]
    assert tex.count(r"\begin{longtable}") == 2 and r"\begin{sphinxVerbatim}" not in tex
    assert r"\label{\detokenize{notebooks/demo:tbl-demo-capitals}}" in tex
    assert r"\hyperref[\detokenize{notebooks/demo:tbl-demo-capitals}]" in tex
    assert re.search(r"\\sphinxincludegraphics\{\{[0-9a-f]+\}\.pdf\}", tex)
    bib = tex.index(r"\begin{sphinxthebibliography}")
    assert tex.rindex(r"\chapter{Bibliography}") < bib < tex.index(r"\end{document}")


def test_demo_html_has_real_tables_and_data_links(demo):
    page = demo["html"]
    assert page.count('<table class="table ca-table-grid">') == 2 and "<NA>" not in page
    assert '<caption id="tbl-demo-capitals-caption">' in page
    assert 'download="fig-demo-line.csv"' in page and "href=\"data:text/csv" in page
    assert 'href="#tbl-demo-capitals"' in page  # the {ref} resolves to the table
    assert "stray print output" in page  # the HTML keeps every output; only the PDF drops them
