"""Small curated reference tables of the transport and people-and-culture chapters.

Published figures with no open dataset behind them (timetables, the UIC high-speed thresholds,
LPI 2023 scores as reported, the gas pipeline's lines, census religion shares, cross-border
minorities, the legal status of Russian, tourist arrivals by origin). Each row carries its own
sources; nothing is filled in where the sources are silent (an empty cell stays empty).
No raw file is read: these are the book's own compilation, CC BY 4.0, in `centralasia/reference/`.
"""
from __future__ import annotations

import pandas as pd

from ...countries import known
from ...errors import DataError
from ...paths import REFERENCE_DIR
from ...schema import CC_BY_4, Field, Resource, iso3

_src = Field("source", "string", "Sources, each 'Title. Publisher, date. URL', ' ; '-separated", required=True)
_t = dict(licence=CC_BY_4, citation="transport_reference", sources=())
_p = dict(licence=CC_BY_4, citation="people_reference", sources=())


def _num(name, description, unit=None, required=False, lo=0, hi=None, kind="number"):
    return Field(name, kind, description, unit=unit, required=required, minimum=lo, maximum=hi)


RESOURCES = [
    Resource(name="rail_services", title="Passenger rail services cited by the transport chapter, with timetable distance and time",
             description="One row per service: route length and journey time as the railways published them.",
             fields=(Field("service_id", "string", "Identifier", required=True),
                     Field("service", "string", "Service", required=True),
                     Field("countries", "string", "Countries served (ISO3, ';'-separated)", required=True),
                     Field("opened", "date", "First regular service", required=True),
                     _num("distance_km", "Route (timetable) distance", "km", True, 1, 5000),
                     Field("distance_basis", "string", "What the distance is", required=True),
                     _num("hours_min", "Shortest published journey time", "hours", True, 0.1, 100),
                     _num("hours_max", "Longest published journey time", "hours", True, 0.1, 100),
                     _num("top_speed_kmh", "Top speed as published", "km/h", True, 1, 500),
                     Field("top_speed_basis", "string", "What the top speed is (line, train or coach)", required=True),
                     _src),
             primary_key=("service_id",), coverage="Almaty-Tashkent (2017) and Uzbekistan's Afrosiyob services",
             caveats=("Journey times change with timetables; the range spans the sources.",), **_t),
    Resource(name="high_speed_threshold", title="UIC thresholds for high-speed rail",
             description="Line speeds above which UIC calls a line high-speed.",
             fields=(Field("line_kind", "string", "new line or upgraded line", required=True),
                     _num("min_speed_kmh", "Design speed threshold", "km/h", True, 100, 400), _src),
             primary_key=("line_kind",), coverage="UIC definitions", caveats=("UIC says there is no single definition.",), **_t),
    Resource(name="lpi_2023_published", title="Logistics Performance Index 2023: published overall scores (as reported)",
             description="Overall LPI 2023 scores as reported from the World Bank's LPI site; not part of the 2007-2018 series.",
             fields=(iso3(), _num("overall", "Overall LPI 2023 score (1-5)", "score", True, 1, 5),
                     _num("rank", "Rank among the economies scored", None, False, 1, 200, "integer"),
                     _num("economies", "Economies scored", None, True, 1, 200, "integer"), _src),
             primary_key=("iso3",), coverage="KAZ, KGZ, TJK, UZB, RUS; Turkmenistan not found",
             caveats=("Scores reported to one decimal by news agencies, not read from the World Bank file.",
                      "The 2023 edition changed its method (new key performance indicators from tracking data); "
                      "the book never joins it to the 2007-2018 series."), **_t),
    Resource(name="gas_pipeline_lines", title="Central Asia-China gas pipeline: lines A-C",
             description="Opening, length and design capacity of each line, as published.",
             fields=(Field("line", "string", "Line", required=True), Field("opened", "string", "Month opened (YYYY-MM)", required=True),
                     _num("length_km", "Length", "km", True, 1, 5000),
                     _num("capacity_bcm", "Design capacity", "bcm per year", False, 0, 100), _src),
             primary_key=("line",), coverage="Lines A, B, C (Line D not built as of the sources)", caveats=(), **_t),
    Resource(name="gas_pipeline_facts", title="Central Asia-China gas pipeline: system figures",
             description="Length, capacity and cumulative deliveries of the whole system, as published.",
             fields=(Field("fact", "string", "What", required=True), _num("value", "Value", None, True),
                     Field("unit", "string", "Unit", required=True), Field("as_of", "string", "As of (YYYY-MM)", required=True), _src),
             primary_key=("fact",), coverage="CNPC figures as reported by news agencies", caveats=(), **_t),
    Resource(name="religion_census", title="Religion in national censuses (self-declared)",
             description="Shares of the census population declaring Islam or Christianity.",
             fields=(iso3(), Field("year", "integer", "Census year", required=True, minimum=1989, maximum=2030),
                     _num("muslim_pct", "Muslim", "%", True, 0, 100), _num("christian_pct", "Christian", "%", False, 0, 100),
                     Field("basis", "string", "Kind of source", required=True), _src),
             primary_key=("iso3", "year"), coverage="Kazakhstan 2009 and 2021 (no other census of the five found with religion)",
             caveats=("Self-declared affiliation, not practice.",), **_p),
    Resource(name="cross_border_minorities", title="Cross-border minorities: Uzbeks in Kyrgyzstan and Tajikistan, Tajiks in Uzbekistan",
             description="Size of each group as the sources give it, by country and area.",
             fields=(Field("group", "string", "Group", required=True), iso3("country", "Country of residence (ISO3)"),
                     Field("area", "string", "Area", required=True), Field("year", "integer", "Year of the figure", required=True,
                                                                           minimum=1989, maximum=2030),
                     _num("persons", "Persons", "persons", False, 0, None, "integer"), _num("share_pct", "Share of the area's population", "%", False, 0, 100),
                     Field("basis", "string", "Kind of source", required=True), _src),
             primary_key=("group", "country", "area", "year"), coverage="Groups named by referee B; latest figures found",
             caveats=("Official counts of Tajiks in Uzbekistan are widely held to be too low.",
                      "The Uzbek figure for Tajikistan is from the 1989 census: no later figure was found."), **_p),
    Resource(name="russian_language_status", title="Legal status of Russian in the five (where sourced)",
             description="Status of Russian beside the state language.",
             fields=(iso3(), Field("status", "string", "Status", required=True), _src),
             primary_key=("iso3",), coverage="Kazakhstan and Kyrgyzstan (others not sourced here)", caveats=(), **_p),
    Resource(name="tourism_by_origin", title="Visitors to Uzbekistan by country of origin (as reported)",
             description="Foreign citizens arriving for tourism purposes, by citizenship, for the period given.",
             fields=(iso3("destination", "Destination (ISO3)"), Field("period", "string", "Period (YYYY-MM/YYYY-MM)", required=True),
                     Field("origin", "string", "Origin (ISO3) or 'all'", required=True),
                     _num("visitors", "Visitors", "persons", True, 0, None, "integer"), _src),
             primary_key=("destination", "period", "origin"), coverage="Uzbekistan, January-July 2023",
             caveats=("Uzbek statistics count visits for any purpose including family visits; one news report.",), **_p),
]


def _read(name: str) -> pd.DataFrame:
    frame = pd.read_csv(REFERENCE_DIR / f"{name}.csv", dtype=str, keep_default_na=False)
    return frame.replace("", None)


def run(raw) -> dict[str, pd.DataFrame]:
    files = {"rail_services": "rail_services", "high_speed_threshold": "high_speed_threshold",
             "lpi_2023_published": "lpi_2023", "gas_pipeline_lines": "gas_pipeline_lines",
             "gas_pipeline_facts": "gas_pipeline_facts", "religion_census": "religion_census",
             "cross_border_minorities": "cross_border_minorities",
             "russian_language_status": "russian_language_status", "tourism_by_origin": "tourism_by_origin"}
    out = {}
    for resource, file in files.items():
        frame = _read(file)
        if frame["source"].isna().any():
            raise DataError(f"{file}.csv", "every row needs a source", column="source")
        out[resource] = frame
    for code in out["rail_services"]["countries"].str.split(";").explode():
        if not known(code):
            raise DataError("rail_services.csv", f"unknown country code {code!r}", column="countries")
    origins = out["tourism_by_origin"]["origin"]
    if any(o != "all" and not known(o) for o in origins):
        raise DataError("tourism_by_origin.csv", "origin must be a table country or 'all'", column="origin")
    rail = out["rail_services"]
    if (rail["hours_min"].astype(float) > rail["hours_max"].astype(float)).any():
        raise DataError("rail_services.csv", "hours_min exceeds hours_max", column="hours_min")
    return out
