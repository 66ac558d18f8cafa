"""Drop repeated <script>/<link> entries from every HTML page.

sphinx-thebe registers its inline configuration script each time Sphinx
reads documents, and Jupyter Book reads twice, so every page declared
`THEBE_JS_URL` twice and the browser logged an error. Keeping the first copy
of each asset fixes that without touching the theme.
"""


def _dedupe(assets):
    seen, unique = set(), []
    for asset in assets:
        # An inline script is registered once with filename None and once with '': same asset.
        filename = getattr(asset, "filename", asset) or ""
        key = (str(filename), tuple(sorted(getattr(asset, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(asset)
    return unique


def _on_page_context(app, pagename, templatename, context, doctree):
    for name in ("script_files", "css_files"):
        if name in context:
            context[name] = _dedupe(context[name])


def setup(app):
    app.connect("html-page-context", _on_page_context, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
