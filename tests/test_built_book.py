"""Checks of the built book, as a reader meets it: the PDF and every HTML page.

Run after `make book` (the `make test` command does both); marked `built`.
"""
import functools
import http.server
import json
import re
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
PDF = ROOT / "_build" / "latex" / "book.pdf"
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
    assert "Central Asia" in first_page and "Version 0.1.0" in first_page
    assert "contents" in pdf_text.lower()
    assert "Bibliography" in pdf_text and "Turekhanov" in pdf_text


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
