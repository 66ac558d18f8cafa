"""The published data package is valid, complete and described on the provenance page."""
import json
import re

import pytest
from frictionless import Package

from centralasia import load, pipeline, provenance
from centralasia.paths import BIBLIOGRAPHY, DATA_DIR

PACKAGE = json.loads((DATA_DIR / "datapackage.json").read_text())
RESOURCES = PACKAGE["resources"]


def test_frictionless_validates_the_package():
    report = Package(str(DATA_DIR / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:10]


def test_every_resource_in_the_code_is_published_and_vice_versa():
    assert {r["name"] for r in RESOURCES} == {r.name for r in pipeline.all_resources()}


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r["name"])
def test_each_resource_names_licence_citation_and_raw_files(resource):
    bib = BIBLIOGRAPHY.read_text(encoding="utf-8")
    assert re.search(r"@\w+\{" + re.escape(resource["citation"]) + ",", bib), resource["citation"]
    assert resource["licenses"] and resource["licenses"][0]["path"].startswith("https://")
    for raw_file in resource["rawFiles"]:
        assert re.fullmatch(r"[0-9a-f]{64}", raw_file["sha256"])
    assert resource["coverage"]
    for field in resource["schema"]["fields"]:
        assert field.get("description"), f"{resource['name']}.{field['name']} has no description"


@pytest.mark.parametrize("name", [r["name"] for r in RESOURCES])
def test_each_resource_loads_through_the_validating_loader(name):
    assert len(load(name)) > 0


def test_provenance_page_is_up_to_date():
    assert provenance.PAGE.read_text(encoding="utf-8") == provenance.render(), \
        "book/provenance.md is stale: run `python -m centralasia.provenance`"
