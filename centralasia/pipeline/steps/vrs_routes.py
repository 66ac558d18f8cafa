"""Air routes reported for callsigns touching Central Asia: Virtual Radar Server standing data (Aug 2026).

A crowd-sourced table that assigns each flight callsign the airports it flies, in order. It has no
dates, frequencies or validity periods, and stale routes survive (e.g. Astana-Kyiv, not flown since
February 2022): the book reads it as "routes reported by 2026", never as a schedule. A callsign
with stops is split into its legs. Airports are identified by the source's code (ICAO where known).
"""
from __future__ import annotations

import pandas as pd

from ...countries import CA5, select, to_iso3
from ...errors import DataError
from ...schema import Field, Licence, Resource

ROUTES = "vrs-standing-data-routes/vrs_routes_touching_ca5.csv"
AIRPORTS = "vrs-standing-data-routes/vrs_airports_referenced.csv"
CA5_AIRPORTS = "vrs-standing-data-routes/vrs_airports_ca5.csv"
CC0 = Licence("CC0-1.0", "Creative Commons CC0 1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/")
_common = dict(licence=CC0, citation="vrs_standing_data")
_code = "Airport code in the source (ICAO where known, else IATA)"

RESOURCES = [
    Resource(
        name="vrs_airports",
        title="Airports on routes reported for Central Asian callsigns (Virtual Radar Server, Aug 2026)",
        description="Every airport that appears in a reported route touching the five, with its country.",
        fields=(Field("code", "string", _code, required=True),
                Field("iata", "string", "IATA code, where the source gives one"),
                Field("name", "string", "Airport name", required=True),
                Field("city", "string", "Location as the source gives it"),
                Field("iso2", "string", "Country (ISO 3166-1 alpha-2)", required=True),
                Field("iso3", "string", "Country (ISO3) where it is in the book's country table; empty "
                      "otherwise", country=True),
                Field("ca5", "boolean", "In one of the five Central Asian states", required=True)),
        primary_key=("code",),
        sources=(AIRPORTS, CA5_AIRPORTS),
        coverage="266 airports referenced by 4,447 callsign routes (snapshot of 19 Aug 2026)",
        caveats=("Countries outside the book's country table have ISO2 only.",),
        **_common),
    Resource(
        name="vrs_route_legs",
        title="Legs of air routes reported for callsigns touching Central Asia (Virtual Radar Server, Aug 2026)",
        description="One row per leg of each reported callsign route (airports in flight order).",
        fields=(Field("callsign", "string", "Flight callsign (ICAO airline code + number)", required=True),
                Field("airline", "string", "ICAO airline code", required=True),
                Field("leg", "integer", "Leg number within the route (1 = first)", required=True, minimum=1),
                Field("origin", "string", _code, required=True),
                Field("destination", "string", _code, required=True)),
        primary_key=("callsign", "leg"),
        sources=(ROUTES,),
        coverage="Every callsign whose reported route includes one of the 85 airports of the five",
        caveats=("Not a schedule: no dates or frequencies; stale routes survive. Count routes as "
                 "'reported by 2026', not 'operating in 2026'.",
                 "Coverage depends on volunteers and ADS-B receivers; small local carriers and domestic "
                 "Turkmen and Tajik flights may be missing."),
        **_common),
]


def run(raw) -> dict[str, pd.DataFrame]:
    ap = pd.concat([raw.csv(AIRPORTS, dtype=str, keep_default_na=False),
                    raw.csv(CA5_AIRPORTS, dtype=str, keep_default_na=False)]).drop_duplicates("Code")
    inside = select(ap["CountryISO2"], "iso2")
    iso3 = to_iso3(ap["CountryISO2"], "iso2", AIRPORTS, ignore=set(ap["CountryISO2"][[not i for i in inside]]))
    airports = pd.DataFrame({"code": ap["Code"], "iata": ap["IATA"].replace("", None), "name": ap["Name"],
                             "city": ap["Location"].replace("", None), "iso2": ap["CountryISO2"], "iso3": iso3})
    airports["ca5"] = airports["iso3"].isin(CA5)
    r = raw.csv(ROUTES, dtype=str, keep_default_na=False)
    rows = []
    for callsign, airline, codes in zip(r["Callsign"], r["AirlineCode"], r["AirportCodes"]):
        stops = codes.split("-")
        if len(stops) < 2 or "" in stops:
            raise DataError(ROUTES, f"callsign {callsign!r} has a route with fewer than two airports: {codes!r}",
                            column="AirportCodes")
        rows += [(callsign, airline, k + 1, a, b) for k, (a, b) in enumerate(zip(stops, stops[1:]))]
    legs = pd.DataFrame(rows, columns=["callsign", "airline", "leg", "origin", "destination"])
    unknown = sorted(set(legs["origin"]).union(legs["destination"]) - set(airports["code"]))
    if unknown:
        raise DataError(ROUTES, f"route airports missing from the airport files: {unknown[:10]}", column="AirportCodes")
    return {"vrs_airports": airports, "vrs_route_legs": legs}
