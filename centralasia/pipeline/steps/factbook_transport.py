"""CIA World Factbook transport stocks: railways, roads, pipelines, airports (2017, 2020, 2026).

The Factbook gives each figure as a string with its reference year inside it, e.g.
"16,614 km (2017)". The step parses the number and the year, keeps the verbatim
string beside them, and writes one row per edition, country and indicator. A figure
without a year in its string gets an empty reference year (the 2017 edition often omits
it); a field the edition dropped (the 2026 edition has no roads or pipelines) gives no row.
"""
from __future__ import annotations

import re

import pandas as pd

from ...countries import to_iso3
from ...errors import DataError
from ...schema import PUBLIC_DOMAIN, Field, Resource, iso3

SOURCE = "factbook/transport_indicators.csv"
# indicator -> (Factbook column, unit, description)
SIMPLE = {
    "airports": ("airports", "airports", "Airports (all, paved or not)"),
    "airports_paved": ("airports_paved_total", "airports", "Airports with paved runways"),
    "railways_km": ("railways_total", "km", "Railways, total length"),
    "railways_broad_gauge_km": ("railways_broad_gauge", "km", "Railways of broad gauge (1,520 mm in "
                                "the former USSR and Mongolia, 1,676 mm in Pakistan and Iran)"),
    "railways_standard_gauge_km": ("railways_standard_gauge", "km", "Railways of standard gauge (1,435 mm)"),
    "roadways_km": ("roadways_total", "km", "Roadways, total length"),
    "roadways_paved_km": ("roadways_paved", "km", "Roadways, paved length"),
}
PIPELINES = {"gas": "pipelines_gas_km", "oil": "pipelines_oil_km", "crude oil": "pipelines_oil_km"}
UNITS = {**{k: v[1] for k, v in SIMPLE.items()}, "pipelines_gas_km": "km", "pipelines_oil_km": "km"}

RESOURCES = [
    Resource(
        name="factbook_transport",
        title="Transport stocks: airports, railways (by gauge), roads, gas and oil pipelines (CIA World Factbook)",
        description="One row per Factbook edition, country and indicator: the number parsed from "
                    "the Factbook string, its unit, the reference year stated in the string, and "
                    "the string itself.",
        fields=(
            Field("edition", "integer", "Factbook edition (snapshot year)", required=True,
                  minimum=2017, maximum=2026),
            iso3(),
            Field("indicator", "string", "What is counted: " + "; ".join(
                f"{k} = {v[2]}" for k, v in SIMPLE.items()) + "; pipelines_gas_km, "
                "pipelines_oil_km = gas and (crude) oil pipelines", required=True, enum=tuple(UNITS)),
            Field("value", "number", "The figure parsed from the Factbook string", required=True,
                  minimum=0),
            Field("unit", "string", "Unit of value", required=True, enum=("km", "airports")),
            Field("reference_year", "integer", "Year the Factbook gives for the figure (empty if "
                  "the string gives none)", minimum=1990, maximum=2026),
            Field("text", "string", "The Factbook string (verbatim)", required=True),
        ),
        primary_key=("edition", "iso3", "indicator"),
        sources=(SOURCE,),
        licence=PUBLIC_DOMAIN,
        citation="cia_factbook",
        coverage="Profiles of KAZ, KGZ, TJK, TKM, UZB, AFG, AZE, CHN, IRN, MNG, PAK, RUS; editions "
                 "of March 2017, November 2020 and January 2026 (the last without roads, pipelines "
                 "or paved airports); no railways for Afghanistan",
        caveats=("Reference years are mixed (2000-2025) and often years behind the edition; "
                 "an edition repeating an old figure is not a new measurement.",
                 "China's 2020 and 2026 railway figures are standard-gauge lengths "
                 "(conventional plus high-speed); other countries' are all gauges. Gauge lengths "
                 "are given only where the Factbook splits them out.",
                 "Pipelines: only gas and oil (crude) lengths are parsed; condensate, refined "
                 "products and water lines stay only in the verbatim text."),
    ),
]

_NUMBER = re.compile(r"^([\d,]+(?:\.\d+)?)(?: km)?")
_YEAR = re.compile(r"\((\d{4})\)")
_PIPE = re.compile(r"^(?:(?P<kind1>[a-z /]+?) )?(?P<n>[\d,]+(?:\.\d+)?) km(?: (?P<kind2>[a-z /]+?))?"
                   r"(?: \((?P<year>\d{4})\))*$")


def number(text: str) -> float:
    match = _NUMBER.match(text.strip())
    if not match:
        raise DataError(SOURCE, f"no leading number in {text!r}")
    return float(match[1].replace(",", ""))


def reference_year(text: str) -> int | None:
    """The year in brackets; if several differ, the last one (the Factbook puts the field's
    year at the end); None if there is none."""
    years = _YEAR.findall(text)
    return int(years[-1]) if years else None


def pipelines(text: str) -> dict[str, tuple[float, int | None]]:
    """Gas and oil lengths (km) with their years, from either Factbook wording:
    'gas 12,432 km; oil 11,313 km (2013)' or '15,256 km gas (2017), 8,013 km oil (2017)'."""
    overall = _YEAR.search(text.strip()[-6:])
    overall_year = int(overall[1]) if overall else None
    out: dict[str, tuple[float, int | None]] = {}
    for part in re.split(r"[;,]\s+", text.strip()):
        part = part.strip()
        match = _PIPE.match(part)
        if not match:
            raise DataError(SOURCE, f"unreadable pipeline item {part!r}", column="pipelines")
        kind = match["kind1"] or match["kind2"]
        own = _YEAR.findall(part)
        year = int(own[0]) if own else overall_year
        if kind in PIPELINES:
            key = PIPELINES[kind]
            if key in out:
                raise DataError(SOURCE, f"two {key} items in {text!r}", column="pipelines")
            out[key] = (float(match["n"].replace(",", "")), year)
    return out


def run(raw) -> dict[str, pd.DataFrame]:
    src = raw.csv(SOURCE, dtype=str, keep_default_na=False)
    src["iso3"] = to_iso3(src["iso3"], "iso3", SOURCE)
    rows = []
    for r in src.itertuples(index=False):
        for indicator, (column, unit, _) in SIMPLE.items():
            text = getattr(r, column).strip()
            if text:
                rows.append((int(r.edition), r.iso3, indicator, number(text), unit,
                             reference_year(text), text))
        if r.pipelines.strip():
            for indicator, (value, year) in pipelines(r.pipelines).items():
                rows.append((int(r.edition), r.iso3, indicator, value, "km", year, r.pipelines.strip()))
    out = pd.DataFrame(rows, columns=["edition", "iso3", "indicator", "value", "unit",
                                      "reference_year", "text"])
    out["reference_year"] = out["reference_year"].astype("Int64")
    return {"factbook_transport": out}
