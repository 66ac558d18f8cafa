"""One version everywhere a reader or a citation manager sees it."""
import re
from pathlib import Path

import yaml

import centralasia

ROOT = Path(__file__).resolve().parent.parent
VERSION = centralasia.__version__


def test_pyproject_version():
    assert re.search(rf'^version = "{re.escape(VERSION)}"', (ROOT / "pyproject.toml").read_text(), re.M)


def test_citation_cff_version():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert cff["version"] == VERSION
    assert cff["cff-version"] == "1.2.0" and cff["title"] and cff["message"]
    # The CFF 1.2.0 schema's rules that a hand edit most often breaks:
    assert all("name" in a or "family-names" in a for a in cff["authors"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(cff["date-released"]))
    assert all(r["type"] and r["title"] and r["authors"] for r in cff.get("references", []))


def test_book_config_shows_the_version_in_html_and_pdf():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert config["sphinx"]["config"]["release"] == VERSION
    assert f"Version {VERSION}" in config["html"]["extra_footer"]
    # The title page prints Sphinx's \version macro, which the `version` setting fills.
    assert config["sphinx"]["config"]["version"] == VERSION
    assert "Version \\version" in config["sphinx"]["config"]["latex_elements"]["maketitle"]


def test_how_to_cite_page_and_bibliography_carry_the_version():
    assert f"version = {{{VERSION}}}" in (ROOT / "book" / "cite.md").read_text()
    assert f"version      = {{{VERSION}}}" in (ROOT / "book" / "references.bib").read_text()
