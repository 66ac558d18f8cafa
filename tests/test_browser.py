"""The built HTML in headless Debian Chromium: live explorers, accessibility (axe-core), phone width.

Run after `make html` (and `make live-demo` for the worked example); marked `built`.
- every live explorer (`figure.ca-explorer`) renders, and each of its controls, changed with the
  keyboard or the mouse, redraws the chart; no console error; no request leaves the site;
- axe-core (bundled by axe-playwright-python) on every page: no serious or critical violation
  (with `label-content-name-mismatch`, an experimental axe rule, switched on); then, on the same
  page at a 390 px phone width, no text runs off the screen (tables and charts may scroll inside
  their own box) and the document is no wider than the screen;
- no page shows an ipywidgets snapshot (inert controls) or loads the widget manager.
Screenshots of each page at phone width go to `_build/screenshots/` for a person to look at.
"""
from __future__ import annotations

import functools
import re
import http.server
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITES = {"book": ROOT / "_build" / "html", "demo": ROOT / "_build" / "live-demo" / "_build" / "html"}
DEMO_PAGE = "tests/fixtures/explorers_demo.html"
SHOTS = ROOT / "_build" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AXE_OPTIONS = {"rules": {"label-content-name-mismatch": {"enabled": True}},
               "preload": False}  # preload re-fetches @import-ed CSS from the wrong base (a 404 of axe's own)
pytestmark = pytest.mark.built


def pages(site: str) -> list[str]:
    root = SITES[site]
    if not root.exists():
        return []
    found = sorted(str(p.relative_to(root)) for p in root.rglob("*.html")
                   if "_static" not in p.parts and p.name != "genindex.html")
    if site == "demo":
        found = [p for p in found if p == DEMO_PAGE]
    return found


def all_pages():
    return [pytest.param(site, page, id=f"{site}:{page}") for site in SITES for page in pages(site)]


def explorer_pages():
    return [pytest.param(site, page, id=f"{site}:{page}") for site in SITES for page in pages(site)
            if 'class="ca-explorer"' in (SITES[site] / page).read_text(encoding="utf-8")]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def servers():
    running, urls = [], {}
    for site, root in SITES.items():
        if not root.exists():
            continue
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        running.append(httpd)
        urls[site] = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield urls
    for httpd in running:
        httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_page(browser, base: str, page: str, **context_options):
    """A tab on `page` that records console errors and any request leaving the site."""
    context = browser.new_context(**context_options)
    tab = context.new_page()
    record = {"errors": [], "outside": [], "failed": []}
    tab.on("console", lambda m: record["errors"].append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: record["errors"].append(str(e)))
    tab.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:")) else record["outside"].append(r.url))
    tab.on("requestfailed", lambda r: record["failed"].append(r.url))
    tab.on("response", lambda r: record["failed"].append(r.url) if r.status >= 400 else None)
    tab.goto(f"{base}/{page}", wait_until="load")
    return context, tab, record


def chart_of(tab, fig_id: str) -> str:
    return tab.evaluate(f"(() => {{ const s = document.querySelector('#{fig_id} .ca-explorer-live svg');"
                        f" return s ? s.outerHTML : ''; }})()")


def settle(tab):
    tab.wait_for_timeout(250)


@pytest.mark.parametrize("site,page", explorer_pages())
def test_explorers_redraw_on_every_control(browser, servers, site, page):
    context, tab, record = open_page(browser, servers[site], page)
    tab.wait_for_function("Array.from(document.querySelectorAll('figure.ca-explorer'))"
                          ".every(f => f.dataset.live)", timeout=20000)
    figures = tab.eval_on_selector_all("figure.ca-explorer", "fs => fs.map(f => [f.id, f.dataset.live])")
    assert figures and all(state == "true" for _, state in figures), figures
    unchanged = []
    for fig_id, _ in figures:
        inputs = tab.locator(f"#{fig_id} .vega-bindings input, #{fig_id} .vega-bindings select")
        assert inputs.count() > 0, f"{fig_id}: no controls"
        for i in range(inputs.count()):
            control = inputs.nth(i)
            kind = control.evaluate("e => e.tagName === 'SELECT' ? 'select' : e.type")
            label = control.evaluate("e => (e.closest('label') || e.labels[0] || {}).textContent || ''").strip()
            assert label, f"{fig_id}: a {kind} without a label"
            before = chart_of(tab, fig_id)
            if kind == "radio" and control.is_checked():
                continue  # choosing the chosen radio changes nothing; its siblings are tested
            control.focus()  # every control is reachable and operable from the keyboard
            assert control.evaluate("e => document.activeElement === e && e.tabIndex >= 0"), \
                f"{fig_id}: {label} not in the tab order"
            if kind == "select":
                count = control.evaluate("e => e.options.length")
                step = "ArrowDown" if control.evaluate("e => e.selectedIndex") < count - 1 else "ArrowUp"
                tab.keyboard.press(step)
            elif kind == "range":
                at_max = control.evaluate("e => Number(e.value) >= Number(e.max)")
                tab.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
            else:  # checkbox, radio
                tab.keyboard.press("Space")
            settle(tab)
            if chart_of(tab, fig_id) == before:
                unchanged.append(f"{fig_id}: {kind} '{label}'")
            if kind == "checkbox":  # tick it back: each control is tried from the initial state
                tab.keyboard.press("Space")
                settle(tab)
            elif kind == "select":  # and the measure back, so later controls act on the initial chart
                tab.keyboard.press("ArrowUp" if step == "ArrowDown" else "ArrowDown")
                settle(tab)
        assert tab.locator(f"#{fig_id} svg[aria-label]").count() == 1, f"{fig_id}: chart without a name"
        assert tab.locator(f"#{fig_id} a.ca-explorer-data").count() == 1, f"{fig_id}: no CSV link"
    # hover: a tooltip with the values, on each explorer, in its initial state (toggling every
    # checkbox above may have emptied a chart whose boxes all started ticked)
    tab.reload(wait_until="load")
    tab.wait_for_function("Array.from(document.querySelectorAll('figure.ca-explorer'))"
                          ".every(f => f.dataset.live)", timeout=20000)
    no_tooltip = []
    for fig_id, _ in figures:
        marks = tab.locator(f"#{fig_id} .ca-explorer-live svg g.role-mark.mark-symbol path, "
                            f"#{fig_id} .ca-explorer-live svg g.role-mark.mark-rect path")
        shown = ""
        for k in range(min(marks.count(), 5)):
            marks.nth(k).scroll_into_view_if_needed()
            box = marks.nth(k).bounding_box()
            if not box:
                continue
            tab.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            settle(tab)
            shown = tab.evaluate("(document.querySelector('#vg-tooltip-element.visible') || {}).textContent || ''")
            if shown:
                break
        if not shown:
            no_tooltip.append(fig_id)
    context.close()
    assert not unchanged, f"controls that do not redraw: {unchanged}"
    assert not no_tooltip, f"no tooltip on hover: {no_tooltip}"
    assert not record["errors"], f"console errors: {record['errors'][:5]}"
    assert not record["outside"], f"requests leaving the site: {record['outside'][:5]}"
    assert not record["failed"], f"failed requests: {record['failed'][:5]}"


def test_the_worked_example_was_built():
    if not SITES["book"].exists() or not any(explorer_pages()):
        pytest.fail("no page with a live explorer was built: run `make html` and `make live-demo`")


def test_vega_bundle_is_served_once_and_only_where_needed():
    for site in SITES:
        for page in pages(site):
            text = (SITES[site] / page).read_text(encoding="utf-8")
            loads = text.count("explorers/vega-explorers.js")
            assert loads == (1 if 'class="ca-explorer"' in text else 0), page
            remote = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', text)
            assert not remote, f"{page} loads {remote[:3]}"


@pytest.mark.parametrize("site,page", all_pages())
def test_no_widget_snapshot_with_inert_controls(site, page):
    text = (SITES[site] / page).read_text(encoding="utf-8")
    assert "application/vnd.jupyter.widget-view+json" not in text, page
    assert "widgets/embed-amd.js" not in text, "widget manager loaded with no widget to show"


def wait_live(tab, site, page):
    if 'class="ca-explorer"' in (SITES[site] / page).read_text(encoding="utf-8"):
        tab.wait_for_function("Array.from(document.querySelectorAll('figure.ca-explorer'))"
                              ".every(f => f.dataset.live)", timeout=20000)
    tab.wait_for_timeout(300)


WIDE_TEXT = """() => {
  const vw = window.innerWidth, out = [];
  const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p); if (['auto', 'scroll', 'hidden'].includes(s.overflowX) && p.clientWidth < p.scrollWidth + 1
          && p.getBoundingClientRect().right <= vw + 1) return true; } return false; };
  for (const e of document.querySelectorAll('article p, article li, article h1, article h2, article h3, article figcaption, article td')) {
    if (!e.checkVisibility({visibilityProperty: true})) continue;
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > vw + 1 && !scrolls(e)) out.push(e.tagName + ': ' + e.textContent.trim().slice(0, 60));
  }
  return out.slice(0, 5); }"""


@pytest.mark.parametrize("site,page", all_pages())
def test_axe_and_phone_width(browser, servers, site, page):
    """axe-core: no serious or critical violation; then at 390 px: no sideways scroll of text."""
    from axe_playwright_python.sync_playwright import Axe
    context, tab, record = open_page(browser, servers[site], page, viewport={"width": 1280, "height": 900})
    wait_live(tab, site, page)
    result = Axe().run(tab, options=AXE_OPTIONS)
    bad = [(v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["html"][:120])
           for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
    tab.set_viewport_size({"width": 390, "height": 844})
    tab.wait_for_timeout(400)
    width, viewport = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    wide = tab.evaluate(WIDE_TEXT)
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{site}-{page.replace('/', '_')}.png"))
    context.close()
    assert not bad, f"axe on {page}: {bad}"
    assert width <= viewport, f"{page}: document {width}px wide on a {viewport}px screen; too wide: {wide}"
    assert not wide, f"{page}: text wider than the screen: {wide}"
