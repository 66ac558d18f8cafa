"""The print edition: typeset tables, no code, the bibliography where the contents point.

Registered as a local Sphinx extension (`_config.yml` -> `sphinx.local_extensions`).

1. **Tables** (`centralasia.tables`): myst-nb renders every `text/latex` output as a maths
   block. Outputs that start with the tables marker are turned back into raw LaTeX (a booktabs
   longtable), and the table's `label` is registered as a Sphinx target, so `` {ref}`tbl-x` ``
   resolves in the HTML (the table's `id`) and in the PDF (its `\\label`).
2. **A reader's PDF with no code** (LaTeX builder only): every code-cell input is removed, and so
   are outputs that are not results: stream text (stdout/stderr), error tracebacks, widget views
   and their plain-text reprs, bare object reprs (`<Figure size ...>`) and the figures' CSV
   download links (an HTML-only affordance).
3. **Bibliography in place** (LaTeX): Sphinx gathers every citation into one list at the very end
   of the PDF. The list is moved back to where the `{bibliography}` directive stands (the
   Bibliography chapter), and `book/latex/print.sty` prints it without a second heading.
"""
from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

LOGGER = logging.getLogger(__name__)
TABLE_MARKER = "%% centralasia-table"
DATA_LINK_CLASS = "ca-data-link"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
_LABEL = re.compile(r"^%% centralasia-table label=(\S+)")
_BARE_REPR = re.compile(r"^\s*<[^\n]*>\s*$")  # <Figure size 640x480 with 1 Axes>, <Axes: ...>
_CAPTION = re.compile(r"\\caption\{(.*?)\}\\label", re.S)
STATIC = Path(__file__).parent / "static"


# ------------------------------------------------------------------ 1. tables
def _table_outputs(doctree):
    for node in list(doctree.findall(nodes.math_block)):
        if node.astext().lstrip().startswith(TABLE_MARKER):
            yield node


def tables_to_raw(app, doctree):
    """math_block(table LaTeX) -> raw LaTeX, with a document-qualified label; register labels."""
    docname = app.env.docname
    std = app.env.get_domain("std")
    for node in _table_outputs(doctree):
        text = node.astext().strip()
        match = _LABEL.match(text)
        if match:
            label = match.group(1)
            text = text.replace(f"\\label{{{label}}}", f"\\label{{\\detokenize{{{docname}:{label}}}}}")
            caption = _CAPTION.search(node.astext())
            title = re.sub(r"\\(.)", r"\1", caption.group(1)) if caption else label
            if label in std.labels and std.labels[label][0] != docname:
                LOGGER.warning("duplicate table label %r (also in %s)", label, std.labels[label][0],
                               location=node)
            std.labels[label] = (docname, label, title)
            std.anonlabels[label] = (docname, label)
        node.replace_self(nodes.raw("", text + "\n", format="latex"))


# ------------------------------------------------------------------ 2. no code in the PDF
def _is_data_link(bundle) -> bool:
    return any(isinstance(raw, nodes.raw) and DATA_LINK_CLASS in raw.astext()
               for raw in bundle.findall(nodes.raw))


def _mime_types(bundle) -> list[str]:
    return [child.get("mime_type", "") for child in bundle.children]


def _is_bare_repr(bundle) -> bool:
    types = _mime_types(bundle)
    if set(types) - {"text/plain"}:
        return False
    return bool(_BARE_REPR.match(bundle.astext()))


class StripCodeForPrint(SphinxPostTransform):
    """Remove code inputs and non-result outputs before myst-nb selects a mime type (priority 4)."""

    default_priority = 3
    formats = ("latex",)

    def run(self, **kwargs):
        removed = 0
        for node in list(self.document.findall(nodes.container)):
            if node.parent is None:
                continue
            element = node.get("nb_element", "")
            if element == "cell_code_source":
                node.parent.remove(node)
                removed += 1
            elif element == "mime_bundle" and (
                    WIDGET_MIME in _mime_types(node) or _is_data_link(node) or _is_bare_repr(node)):
                node.parent.remove(node)
        for node in list(self.document.findall(nodes.literal_block)):
            classes = set(node.get("classes", []))
            if node.parent is not None and "output" in classes and classes & {"stream", "stderr", "traceback"}:
                node.parent.remove(node)
        # What is left of a cell are results: set them as part of the text (no indented output
        # frame), and leave no empty frame for cells that had nothing to show.
        for kind in ("cell_code_output", "cell_code"):
            for node in list(self.document.findall(nodes.container)):
                if node.parent is not None and node.get("nb_element") == kind:
                    node.replace_self(list(node.children)) if node.children else node.parent.remove(node)
        LOGGER.info("print edition: %d code inputs removed", removed)


# ------------------------------------------------------------------ 3. bibliography in place
class bibliography_here(nodes.General, nodes.Element):
    """Placeholder where the bibliography directive's entries stood (LaTeX only, replaced)."""


class MarkBibliography(SphinxPostTransform):
    default_priority = 749  # just before Sphinx gathers citations at the document's end
    formats = ("latex",)

    def run(self, **kwargs):
        first = next(iter(self.document.findall(nodes.citation)), None)
        if first is not None:
            first.parent.insert(first.parent.index(first), bibliography_here())


class PlaceBibliography(SphinxPostTransform):
    default_priority = 751
    formats = ("latex",)

    def run(self, **kwargs):
        from sphinx.builders.latex.nodes import thebibliography
        marker = next(iter(self.document.findall(bibliography_here)), None)
        if marker is None:
            return
        bib = next(iter(self.document.findall(thebibliography)), None)
        if bib is not None:
            bib.parent.remove(bib)
            marker.replace_self(bib)
        else:
            marker.parent.remove(marker)


def _skip(self, node):
    raise nodes.SkipNode


def add_static(app):
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))
        app.add_css_file("print_edition.css")


def setup(app):
    app.connect("doctree-read", tables_to_raw)
    app.connect("builder-inited", add_static)
    app.add_post_transform(StripCodeForPrint)
    app.add_post_transform(MarkBibliography)
    app.add_post_transform(PlaceBibliography)
    app.add_node(bibliography_here, html=(_skip, None), latex=(_skip, None), text=(_skip, None))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
