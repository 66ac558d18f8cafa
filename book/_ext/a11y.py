"""Accessibility and live explorers in the HTML book (a small Sphinx extension).

1. **Live explorers** (`centralasia.explorers`): pages with a ``<figure class="ca-explorer">`` get
   the Vega bundle ``_static/explorers/vega-explorers.js`` (one file, served from the book's own
   static files, loaded as a module on those pages only). If the file is missing (a build not
   started by ``make html``), it is written from vl-convert at build start.
2. **No inert controls**: an ipywidgets explorer needs a Python kernel; in the static HTML its
   snapshot would show controls that do nothing. The HTML builder therefore renders such outputs
   by their text form (the sentence of `centralasia.widgets.Explorer` naming the static
   counterpart) instead of the widget view (a myst-nb mime-priority override), and the
   widget-manager scripts are dropped from pages that no longer show a widget.
3. **Theme fixes** found by axe-core, made at the HTML source:
   - header search button: its aria-label ("Search") hid its visible text ("Search Ctrl+K")
     (label-content-name-mismatch): the label now contains the text;
   - colour-mode button: its icons carried titles (Light/Dark/System Settings) read as content
     that the label "Color mode" did not contain: the icons are hidden from assistive technology;
   - bibliography: ``role="list"`` on a container whose children are not list items
     (aria-required-children) and the deprecated ``doc-biblioentry`` role: both removed.
"""
from __future__ import annotations

import re
from pathlib import Path

BUNDLE = "explorers/vega-explorers.js"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_SCRIPTS = ("widgets/require.js", "widgets/embed-amd.js")

_SEARCH_BUTTON = re.compile(r'(<button class="btn search-button-field[^"]*"[^>]*?) aria-label="Search"')
_THEME_ICON = re.compile(r'(<i class="theme-switch [^"]*"[^>]*?) title="[^"]*"')
_CITATION_LIST = re.compile(r'<div role="list" class="citation-list">')
_BIBLIOENTRY = re.compile(r'(<div class="citation" id="[^"]*") role="doc-biblioentry"')
_TOGGLE_SUMMARY = re.compile(r'<summary aria-label="Toggle hidden content">')


def fix_html(html: str) -> str:
    """The theme-level fixes, on a whole page (idempotent)."""
    html = _SEARCH_BUTTON.sub(r'\1 aria-label="Search (Ctrl+K)"', html)
    html = _THEME_ICON.sub(r'\1 aria-hidden="true"', html)
    html = _CITATION_LIST.sub('<div class="citation-list">', html)
    html = _TOGGLE_SUMMARY.sub("<summary>", html)
    return _BIBLIOENTRY.sub(r"\1", html)


def _config_inited(app, config):
    overrides = list(config.nb_mime_priority_overrides or [])
    overrides.append(("html", WIDGET_VIEW, None))  # None: never render the widget view in HTML
    config.nb_mime_priority_overrides = overrides


def _builder_inited(app):
    if app.builder.format != "html":
        return
    target = Path(app.srcdir) / "_assets" / "static" / BUNDLE
    if not target.exists():
        from centralasia.explorers import write_bundle
        write_bundle(target)


def _page_context(app, pagename, templatename, context, doctree):
    if app.builder.format != "html":
        return
    body = context.get("body", "")
    scripts = context.get("script_files")
    if scripts is not None and WIDGET_VIEW not in body:
        scripts[:] = [s for s in scripts
                      if not str(getattr(s, "filename", s) or "").endswith(WIDGET_SCRIPTS)
                      and "widget-state" not in str(getattr(s, "attributes", {}).get("type", ""))]
    if 'class="ca-explorer"' in body:
        app.add_js_file(BUNDLE, type="module")


def _build_finished(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    for path in Path(app.outdir).rglob("*.html"):
        if "_static" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        fixed = fix_html(text)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")


def setup(app):
    app.connect("config-inited", _config_inited, priority=900)
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _page_context, priority=800)
    app.connect("build-finished", _build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
