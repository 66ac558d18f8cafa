"""Reading the data package: every table is checked before a notebook sees it.

`load(name)` verifies the file against its recorded size and sha256, parses
each column with the type of its schema, and checks constraints, the primary
key and country codes. Any fault raises `DataError` naming the file, the
column and the problem.
"""
from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pandas as pd

from . import countries
from .errors import DataError
from .paths import DATAPACKAGE
from .schema import Field

_TRUE, _FALSE = {"true", "True", "1"}, {"false", "False", "0"}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def package(path: Path = DATAPACKAGE) -> dict:
    """The parsed datapackage.json descriptor."""
    path = Path(path)
    if not path.exists():
        raise DataError(path.name, "the data package descriptor is missing; run `make data`")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(path.name, f"not valid JSON ({exc.msg}, line {exc.lineno})") from None


def resource_descriptor(name: str, path: Path = DATAPACKAGE) -> dict:
    descriptor = package(path)
    for resource in descriptor["resources"]:
        if resource["name"] == name:
            return resource
    known = ", ".join(sorted(r["name"] for r in descriptor["resources"]))
    raise DataError(Path(path).name, f"no dataset named {name!r}; known: {known}")


def load(name: str, package_path: Path = DATAPACKAGE) -> pd.DataFrame:
    """Load one dataset of the package as a typed, validated DataFrame."""
    package_path = Path(package_path)
    resource = resource_descriptor(name, package_path)
    file = package_path.parent / resource["path"]
    label = f"data/{resource['path']}"
    if not file.exists():
        raise DataError(label, "file is missing; run `make data` to rebuild data/")
    size, expected_size = file.stat().st_size, resource.get("bytes")
    if expected_size is not None and size < expected_size:
        raise DataError(label, f"file is truncated: {size} of {expected_size} bytes")
    expected_hash = resource.get("hash", "").removeprefix("sha256:")
    if expected_hash and sha256(file) != expected_hash:
        raise DataError(label, "checksum mismatch: the file differs from the one the pipeline "
                               "recorded in datapackage.json (edited by hand?); run `make data`")
    fields = [Field.from_descriptor(d) for d in resource["schema"]["fields"]]
    frame = parse_csv(file.read_bytes(), fields, label)
    check_primary_key(frame, resource["schema"].get("primaryKey", []), label)
    return frame


def parse_csv(raw: bytes, fields: list[Field], label: str) -> pd.DataFrame:
    """Parse CSV bytes into typed columns, checking the header and every value."""
    try:
        text = raw.decode("utf-8")
        strings = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except UnicodeDecodeError as exc:
        raise DataError(label, f"not UTF-8 text (byte {exc.start})") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataError(label, f"malformed CSV: {str(exc).strip()}") from None
    expected = [f.name for f in fields]
    missing = [c for c in expected if c not in strings.columns]
    if missing:
        raise DataError(label, "column is missing from the file", column=missing[0])
    extra = [c for c in strings.columns if c not in expected]
    if extra:
        raise DataError(label, "column is not in the schema", column=extra[0])
    return pd.DataFrame({f.name: _typed(strings[f.name], f, label) for f in fields})


def _typed(values: pd.Series, field: Field, label: str) -> pd.Series:
    empty = values == ""
    if field.required and empty.any():
        row = int(empty.idxmax()) + 2  # +1 header, +1 one-based
        raise DataError(label, f"required value is empty (line {row})", column=field.name)
    present = values[~empty]
    if field.type in ("integer", "year"):
        parsed = pd.to_numeric(present, errors="coerce")
        bad = parsed.isna() | (parsed != parsed.round())
        out_dtype = "Int64"
    elif field.type == "number":
        parsed = pd.to_numeric(present, errors="coerce")
        bad = parsed.isna()
        out_dtype = "Float64"
    elif field.type == "boolean":
        parsed = present.map(lambda v: True if v in _TRUE else False if v in _FALSE else None)
        bad = parsed.isna()
        out_dtype = "boolean"
    elif field.type == "date":
        parsed = pd.to_datetime(present, format="%Y-%m-%d", errors="coerce")
        bad = parsed.isna()
        out_dtype = "datetime64[ns]"
    else:
        parsed, bad, out_dtype = present, pd.Series(False, index=present.index), "string"
    if bad.any():
        first = bad[bad].index[0]
        raise DataError(label, f"value {values[first]!r} on line {first + 2} is not of type "
                               f"{field.type}", column=field.name)
    column = pd.Series(pd.NA, index=values.index, dtype=out_dtype)
    column[~empty] = parsed.astype(out_dtype) if out_dtype != "datetime64[ns]" else parsed
    _check_constraints(column, field, label)
    return column


def _check_constraints(column: pd.Series, field: Field, label: str) -> None:
    present = column.dropna()
    for bound, failing in ((field.minimum, present < field.minimum if field.minimum is not None else None),
                           (field.maximum, present > field.maximum if field.maximum is not None else None)):
        if failing is not None and failing.any():
            first = failing[failing].index[0]
            side = "below the minimum" if bound == field.minimum and present[first] < bound else "above the maximum"
            raise DataError(label, f"value {present[first]} on line {first + 2} is out of range "
                                   f"({side} {bound})", column=field.name)
    if field.enum is not None:
        outside = ~present.isin(field.enum)
        if outside.any():
            first = outside[outside].index[0]
            raise DataError(label, f"value {present[first]!r} on line {first + 2} is not one of "
                                   f"{list(field.enum)}", column=field.name)
    if field.country:
        unknown = ~present.map(countries.known).astype(bool)
        if unknown.any():
            first = unknown[unknown].index[0]
            raise DataError(label, f"unknown country code {present[first]!r} on line {first + 2} "
                                   "(not in the country table)", column=field.name)


def check_primary_key(frame: pd.DataFrame, key: list[str], label: str) -> None:
    if not key:
        return
    duplicated = frame.duplicated(subset=key, keep=False)
    if duplicated.any():
        first = frame[duplicated].iloc[0]
        values = ", ".join(f"{k}={first[k]}" for k in key)
        raise DataError(label, f"duplicate primary key ({values})", column="+".join(key))
