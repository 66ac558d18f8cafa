"""The one country-harmonisation table every source is mapped through.

Each source names countries in its own way (ISO3, lower-case ISO3, FIPS
codes, English names and their variants). `to_iso3` maps them to ISO3 and
refuses anything it does not know: an unmapped name is an error, never a
silent drop.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from typing import Iterable

from .errors import DataError
from .paths import REFERENCE_DIR

TABLE = REFERENCE_DIR / "countries.csv"
CA5 = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
SCHEMES = ("iso3", "iso3_lower", "iso2", "fips", "m49", "name")


@lru_cache(maxsize=1)
def table() -> tuple[dict, ...]:
    """Rows of the country table as dicts (cached; the file is package data)."""
    with open(TABLE, encoding="utf-8", newline="") as handle:
        rows = tuple(csv.DictReader(handle))
    for row in rows:
        row["variants"] = tuple(v for v in row["variants"].split(";") if v)
    return rows


def name(iso3: str) -> str:
    """The English short name used throughout the book."""
    return _row(iso3)["name"]


def names(codes: Iterable[str]) -> list[str]:
    return [name(code) for code in codes]


def group(flag: str) -> tuple[str, ...]:
    """ISO3 codes with a group flag set: 'ca5', 'neighbour' or 'comparator'."""
    return tuple(r["iso3"] for r in table() if r[flag] == "1")


def known(iso3: str) -> bool:
    return any(r["iso3"] == iso3 for r in table())


def _row(iso3: str) -> dict:
    for row in table():
        if row["iso3"] == iso3:
            return row
    raise DataError(TABLE.name, f"unknown country code {iso3!r}", column="iso3")


@lru_cache(maxsize=None)
def _lookup(scheme: str) -> dict[str, str]:
    if scheme not in SCHEMES:
        raise ValueError(f"unknown id scheme {scheme!r}; use one of {SCHEMES}")
    lookup: dict[str, str] = {}
    for row in table():
        if scheme == "iso3_lower":
            keys = [row["iso3"].lower()]
        elif scheme == "name":
            keys = [row["name"], *row["variants"]]
        else:
            keys = [row[scheme]]
        for key in keys:
            lookup[key.casefold() if scheme == "name" else key] = row["iso3"]
    return lookup


def to_iso3(values: Iterable[str], scheme: str, source: str,
            ignore: Iterable[str] = ()) -> list[str | None]:
    """Map ids of one `scheme` to ISO3.

    Every value must be in the table or listed in `ignore` (ids a step
    deliberately leaves out, e.g. regional aggregates); ignored values map to
    None. Anything else stops the pipeline with the name and the source.
    """
    lookup = _lookup(scheme)
    ignored = set(ignore)
    mapped: list[str | None] = []
    unknown: list[str] = []
    for value in values:
        key = value.casefold() if scheme == "name" else value
        if key in lookup:
            mapped.append(lookup[key])
        elif value in ignored:
            mapped.append(None)
        else:
            unknown.append(value)
    if unknown:
        shown = ", ".join(sorted(set(map(repr, unknown)))[:10])
        raise DataError(source, f"country ids not in the country table ({scheme}): {shown}")
    return mapped


def select(values: Iterable[str], scheme: str) -> list[bool]:
    """Which ids of a world-wide source belong to countries in the table."""
    lookup = _lookup(scheme)
    return [(v.casefold() if scheme == "name" else v) in lookup for v in values]
