"""Fault injection for the security chapter's data resources (in the style of test_data_loader.py).

Each resource is copied from the built data package into a temporary one-table package; one fault
is injected (a wrong type, a value out of range, a value outside the allowed set, an unknown country
code, a duplicate primary key, an empty required value, a missing column); loading must raise
DataError naming the file, the column and the problem. The untouched copy must load.
"""
import io
import json

import pandas as pd
import pytest

from centralasia.data import load
from centralasia.errors import DataError
from centralasia.paths import ROOT

DATA = ROOT / "data"
PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
ENTRIES = {r["name"]: r for r in PACKAGE["resources"]}
RESOURCES = ["unga_idealpoints", "wgi_2024", "ukraine_votes", "security_alignments",
             "security_counterevidence"]


def rows(name: str) -> pd.DataFrame:
    """The resource's CSV as text cells, exactly as stored."""
    return pd.read_csv(DATA / ENTRIES[name]["path"], dtype=str, keep_default_na=False)


def package(folder, name: str, frame: pd.DataFrame):
    """A one-table package holding `frame` as resource `name`, size and hash recorded for it."""
    import hashlib

    payload = frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
    entry = dict(ENTRIES[name], bytes=len(payload), hash="sha256:" + hashlib.sha256(payload).hexdigest())
    (folder / entry["path"]).write_bytes(payload)
    (folder / "datapackage.json").write_text(json.dumps({"resources": [entry]}), encoding="utf-8")
    return folder / "datapackage.json"


def expect(name, pkg, *fragments):
    with pytest.raises(DataError) as err:
        load(name, pkg)
    message = str(err.value)
    assert f"data/{ENTRIES[name]['path']}" in message, message
    for fragment in fragments:
        assert fragment in message, message
    return message


@pytest.mark.parametrize("name", RESOURCES)
def test_the_untouched_copy_loads(tmp_path, name):
    frame = load(name, package(tmp_path, name, rows(name)))
    assert len(frame) == len(rows(name)) > 0


# (resource, column, bad value, words the message must contain)
BAD_VALUES = [
    ("unga_idealpoints", "ideal_point", "left", "not of type number"),
    ("unga_idealpoints", "year", "2031", "above the maximum"),
    ("unga_idealpoints", "q95", "7.5", "above the maximum"),
    ("unga_idealpoints", "n_votes", "-3", "below the minimum"),
    ("wgi_2024", "estimate", "9.9", "above the maximum"),
    ("wgi_2024", "indicator", "VA", "not one of"),
    ("wgi_2024", "std_err", "-0.1", "below the minimum"),
    ("wgi_2024", "percentile_rank", "n/a", "not of type number"),
    ("ukraine_votes", "vote", "abstained", "not one of"),
    ("ukraine_votes", "yes_total", "many", "not of type integer"),
    ("ukraine_votes", "date", "2 March 2022", "not of type date"),
    ("security_alignments", "item", "nato", "not one of"),
    ("security_counterevidence", "topic", "economy", "not one of"),
    ("security_counterevidence", "date", "2022-13-05", "not of type date"),
]


@pytest.mark.parametrize("name, column, value, problem", BAD_VALUES,
                         ids=[f"{n}-{c}-{v}" for n, c, v, _ in BAD_VALUES])
def test_a_bad_value_names_file_column_and_problem(tmp_path, name, column, value, problem):
    frame = rows(name)
    frame.loc[0, column] = value
    expect(name, package(tmp_path, name, frame), f"column '{column}'", value, problem)


@pytest.mark.parametrize("name", RESOURCES)
def test_a_required_value_left_empty(tmp_path, name):
    frame = rows(name)
    column = ENTRIES[name]["schema"]["primaryKey"][0]
    frame.loc[0, column] = ""
    expect(name, package(tmp_path, name, frame), f"column '{column}'", "required")


@pytest.mark.parametrize("name", RESOURCES)
def test_a_duplicate_primary_key(tmp_path, name):
    frame = rows(name)
    frame = pd.concat([frame, frame.iloc[[0]]], ignore_index=True)
    key = ENTRIES[name]["schema"]["primaryKey"]
    expect(name, package(tmp_path, name, frame), "duplicate primary key", f"{key[0]}=")


@pytest.mark.parametrize("name", ["unga_idealpoints", "wgi_2024", "ukraine_votes", "security_alignments"])
def test_an_unknown_country_code(tmp_path, name):
    frame = rows(name)
    frame.loc[0, "iso3"] = "XYZ"
    expect(name, package(tmp_path, name, frame), "column 'iso3'", "XYZ")


@pytest.mark.parametrize("name", RESOURCES)
def test_a_missing_column(tmp_path, name):
    frame = rows(name)
    column = ENTRIES[name]["schema"]["fields"][-1]["name"]
    expect(name, package(tmp_path, name, frame.drop(columns=column)), f"column '{column}'", "missing")


def test_a_file_cut_short_is_caught_by_its_recorded_size(tmp_path):
    pkg = package(tmp_path, "ukraine_votes", rows("ukraine_votes"))
    path = tmp_path / ENTRIES["ukraine_votes"]["path"]
    payload = path.read_bytes()
    path.write_bytes(payload[:-40])
    expect("ukraine_votes", pkg, "truncated")


def test_the_fault_check_can_fail():
    """`rows` reads the stored text, so a fault injected by the tests is the only fault."""
    frame = rows("wgi_2024")
    assert set(frame["indicator"]) <= {"PV", "RL"}
    assert pd.read_csv(io.StringIO(frame.to_csv(index=False))).shape == frame.shape
