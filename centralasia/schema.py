"""How a tidy table is described: the fields, units and constraints of a resource.

One description serves three purposes: the pipeline checks what it writes,
`datapackage.json` publishes it (Frictionless Table Schema), and the loader
checks what it reads.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Frictionless types: string, integer, number, boolean, date, year
    description: str
    unit: str | None = None
    required: bool = False
    minimum: float | int | None = None
    maximum: float | int | None = None
    enum: tuple[str, ...] | None = None
    country: bool = False  # values must be ISO3 codes in the country table

    def descriptor(self) -> dict:
        out: dict = {"name": self.name, "type": self.type, "description": self.description}
        if self.unit:
            out["unit"] = self.unit
        constraints: dict = {}
        if self.required:
            constraints["required"] = True
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if self.enum is not None:
            constraints["enum"] = list(self.enum)
        if constraints:
            out["constraints"] = constraints
        if self.country:
            out["countryCode"] = "ISO3"
        return out

    @classmethod
    def from_descriptor(cls, d: dict) -> "Field":
        c = d.get("constraints", {})
        enum = c.get("enum")
        return cls(name=d["name"], type=d["type"], description=d.get("description", ""),
                   unit=d.get("unit"), required=c.get("required", False),
                   minimum=c.get("minimum"), maximum=c.get("maximum"),
                   enum=tuple(enum) if enum is not None else None,
                   country=d.get("countryCode") == "ISO3")


def iso3(name: str = "iso3", description: str = "Country (ISO 3166-1 alpha-3)") -> Field:
    return Field(name, "string", description, required=True, country=True)


def year(name: str = "year", lo: int = 1900, hi: int = 2030) -> Field:
    return Field(name, "integer", "Calendar year", required=True, minimum=lo, maximum=hi)


@dataclass(frozen=True)
class Licence:
    name: str  # SPDX-style id
    title: str
    path: str  # URL of the licence text


CC_BY_4 = Licence("CC-BY-4.0", "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/")
ODBL = Licence("ODbL-1.0", "Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/")
PUBLIC_DOMAIN = Licence("PDDL-1.0", "Public domain", "https://opendatacommons.org/licenses/pddl/1-0/")


@dataclass(frozen=True)
class Resource:
    """One tidy table in data/, and everything a re-user must know about it."""
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    sources: tuple[str, ...]  # raw files, relative to the raw directory
    licence: Licence
    citation: str  # key in book/references.bib
    coverage: str
    caveats: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)
