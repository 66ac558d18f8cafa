"""The country table itself, published so that every code in data/ can be resolved."""
from __future__ import annotations

import pandas as pd

from ...countries import table
from ...schema import CC_BY_4, Field, Resource, iso3

RESOURCES = [
    Resource(
        name="countries",
        title="Country harmonisation table",
        description="The countries and aggregates the book uses, their codes in each scheme the "
                    "sources use, group flags, and the name variants the sources spell.",
        fields=(
            iso3(),
            Field("name", "string", "English short name used in the book", required=True),
            Field("m49", "string", "UN M49 numeric code (as text, zero-padded)"),
            Field("iso2", "string", "ISO 3166-1 alpha-2"),
            Field("fips", "string", "FIPS 10-4 / GEC code used by the CIA World Factbook"),
            Field("ca5", "boolean", "One of the five Central Asian states", required=True),
            Field("neighbour", "boolean", "Borders a Central Asian state (incl. across the Caspian)", required=True),
            Field("comparator", "boolean", "A usual comparator in the book", required=True),
            Field("aggregate", "boolean", "A group of countries, not a country", required=True),
            Field("variants", "string", "Name variants seen in the sources, ';'-separated"),
        ),
        primary_key=("iso3",),
        sources=(),
        licence=CC_BY_4,
        citation="centralasia_book",
        coverage="Five Central Asian states, their neighbours, usual comparators, EU and World",
    ),
]


def run(raw) -> dict[str, pd.DataFrame]:
    frame = pd.DataFrame([dict(r) for r in table()])
    for flag in ("ca5", "neighbour", "comparator", "aggregate"):
        frame[flag] = frame[flag] == "1"
    frame["variants"] = frame["variants"].map(";".join)
    return {"countries": frame}
