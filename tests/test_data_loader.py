"""Every kind of bad input must raise DataError naming the file, the column and the problem."""
import json

import pandas as pd
import pytest

from centralasia.data import load
from centralasia.errors import DataError
from centralasia.pipeline import descriptor, to_csv_bytes
from centralasia.schema import CC_BY_4, Field, Resource, iso3, year

RESOURCE = Resource(
    name="sample", title="Sample", description="A tiny table for fault injection",
    fields=(iso3(), year(lo=1990, hi=2030),
            Field("share", "number", "A share", unit="%", minimum=0, maximum=100),
            Field("count", "integer", "A count", minimum=0)),
    primary_key=("iso3", "year"), sources=(), licence=CC_BY_4, citation="centralasia_book",
    coverage="test")
GOOD = pd.DataFrame({"iso3": ["KAZ", "KGZ", "UZB"], "year": [2018, 2018, 2019],
                     "share": [12.5, None, 99.0], "count": [3, 4, None]})


def write_package(folder, payload: bytes, fix_checksum=True):
    """A one-table data package; by default its recorded size and hash match the payload."""
    (folder / "sample.csv").write_bytes(payload)
    entry = descriptor(RESOURCE, payload if fix_checksum else to_csv_bytes(GOOD, RESOURCE), folder)
    (folder / "datapackage.json").write_text(json.dumps({"resources": [entry]}))
    return folder / "datapackage.json"


@pytest.fixture
def good_bytes():
    return to_csv_bytes(GOOD, RESOURCE)


def test_a_good_file_loads_with_types_and_missing_values(tmp_path, good_bytes):
    frame = load("sample", write_package(tmp_path, good_bytes))
    assert list(frame["iso3"]) == ["KAZ", "KGZ", "UZB"]
    assert str(frame["year"].dtype) == "Int64" and str(frame["share"].dtype) == "Float64"
    assert frame["share"].isna().tolist() == [False, True, False]  # missing stays missing, never 0


def expect(package, *fragments):
    with pytest.raises(DataError) as err:
        load("sample", package)
    message = str(err.value)
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_missing_file(tmp_path, good_bytes):
    package = write_package(tmp_path, good_bytes)
    (tmp_path / "sample.csv").unlink()
    expect(package, "data/sample.csv", "missing")


def test_truncated_file(tmp_path, good_bytes):
    package = write_package(tmp_path, good_bytes)
    (tmp_path / "sample.csv").write_bytes(good_bytes[:-10])
    expect(package, "data/sample.csv", "truncated", f"{len(good_bytes) - 10} of {len(good_bytes)} bytes")


def test_checksum_mismatch(tmp_path, good_bytes):
    package = write_package(tmp_path, good_bytes)
    (tmp_path / "sample.csv").write_bytes(good_bytes.replace(b"12.5", b"13.5"))
    expect(package, "data/sample.csv", "checksum mismatch")


def test_wrong_type(tmp_path, good_bytes):
    expect(write_package(tmp_path, good_bytes.replace(b"12.5", b"twelve")),
           "column 'share'", "'twelve'", "not of type number", "line 2")


def test_missing_column(tmp_path, good_bytes):
    payload = pd.read_csv(pd.io.common.BytesIO(good_bytes)).drop(columns="count").to_csv(index=False).encode()
    expect(write_package(tmp_path, payload), "column 'count'", "missing")


def test_duplicate_key(tmp_path, good_bytes):
    payload = good_bytes.replace(b"KGZ,2018", b"KAZ,2018")
    expect(write_package(tmp_path, payload), "duplicate primary key", "iso3=KAZ, year=2018")


def test_out_of_range_value(tmp_path, good_bytes):
    expect(write_package(tmp_path, good_bytes.replace(b"99", b"140")),
           "column 'share'", "out of range", "maximum 100")


def test_out_of_range_year(tmp_path, good_bytes):
    expect(write_package(tmp_path, good_bytes.replace(b"2019", b"1850")),
           "column 'year'", "below the minimum 1990")


def test_unknown_country_code(tmp_path, good_bytes):
    expect(write_package(tmp_path, good_bytes.replace(b"UZB", b"XYZ")),
           "column 'iso3'", "unknown country code 'XYZ'")


def test_required_value_empty(tmp_path, good_bytes):
    expect(write_package(tmp_path, good_bytes.replace(b"UZB", b"")), "column 'iso3'", "required")


def test_malformed_csv(tmp_path, good_bytes):
    expect(write_package(tmp_path, good_bytes + b'KAZ,2020,"unclosed\n'), "data/sample.csv", "malformed CSV")


def test_missing_descriptor(tmp_path):
    with pytest.raises(DataError, match="datapackage.json: the data package descriptor is missing"):
        load("sample", tmp_path / "datapackage.json")


def test_unknown_dataset_lists_the_known_ones(tmp_path, good_bytes):
    with pytest.raises(DataError, match="no dataset named 'gdp'; known: sample"):
        load("gdp", write_package(tmp_path, good_bytes))
