"""OpenFlights airports and routes of the five Central Asian states (June 2014 snapshot).

Load the Central Asian subset of OpenFlights (routes with a Central Asian airport at
either end, the airports at both ends, the airlines); map every airport's country
through the country table; write one row per airline on one directed airport pair,
and one row per airport that appears in the network or lies in the five states.

The routes are those OpenFlights last received in June 2014: they describe the network
*before* the 2017-18 openings (Tashkent-Dushanbe and others), which the chronology
(`events`, type transport) records. Countries outside the book's country table (Germany,
the United Arab Emirates, India ...) are deliberately not added to it: their airports keep
the OpenFlights country name and its ISO 3166-1 alpha-2 code, and an empty ISO3.
"""
from __future__ import annotations

import pandas as pd

from ...countries import CA5, table, to_iso3
from ...errors import DataError
from ...schema import ODBL, Field, Resource

ROUTES = "openflights/routes_central_asia.csv"
AIRPORTS = "openflights/airports_route_endpoints.csv"
AIRPORTS_CA = "openflights/airports_central_asia.csv"
AIRPORTS_EXT = "openflights/airports_extended_central_asia.csv"
AIRLINES = "openflights/airlines_central_asia.csv"
COUNTRIES = "openflights/countries.csv"
NA = dict(na_values=["\\N"], keep_default_na=False)

# OpenFlights country names of route endpoints that are outside the book's country table:
# left out of the table on purpose (they are destinations, not subjects of the book).
OUTSIDE_TABLE = ("Austria", "Czech Republic", "France", "Germany", "Hong Kong", "India", "Israel",
                 "Italy", "Japan", "Latvia", "Malaysia", "Netherlands", "Singapore", "South Korea",
                 "Thailand", "Ukraine", "United Arab Emirates", "Vietnam")

_airport_fields = (
    Field("iata", "string", "IATA airport code", required=True),
    Field("airport_id", "integer", "OpenFlights airport id", required=True, minimum=1),
    Field("name", "string", "Airport name (OpenFlights)", required=True),
    Field("city", "string", "City as OpenFlights spells it (old spellings kept, e.g. Alma-ata, "
          "Tselinograd for Astana)", required=True),
    Field("country", "string", "Country name as OpenFlights gives it", required=True),
    Field("iso2", "string", "ISO 3166-1 alpha-2 code of the country (OpenFlights countries.dat)",
          required=True),
    Field("iso3", "string", "ISO3 of the country where it is in the book's country table; "
          "empty for countries outside it", country=True),
    Field("ca5", "boolean", "Airport in one of the five Central Asian states", required=True),
    Field("latitude", "number", "Latitude (WGS84)", unit="degree", required=True, minimum=-90, maximum=90),
    Field("longitude", "number", "Longitude (WGS84)", unit="degree", required=True, minimum=-180,
          maximum=180),
    Field("routes", "integer", "Airline-route records (either direction) touching the airport in "
          "the June 2014 snapshot", unit="records", required=True, minimum=0),
)

RESOURCES = [
    Resource(
        name="airports",
        title="Airports of the five Central Asian states and of their route partners (OpenFlights)",
        description="One row per airport: every airport of the five that has an IATA code, and "
                    "every foreign airport at the other end of a Central Asian route, with its "
                    "country, position and number of route records in the June 2014 snapshot.",
        fields=_airport_fields,
        primary_key=("iata",),
        sources=(AIRPORTS, AIRPORTS_CA, AIRPORTS_EXT, ROUTES, COUNTRIES),
        licence=ODBL,
        citation="openflights",
        coverage="Airports of KAZ, KGZ, TJK, TKM, UZB with an IATA code (routes or none) and the "
                 "foreign airports of their routes, June 2014 route snapshot",
        caveats=("Airport positions and names come from OurAirports/DAFIF via OpenFlights "
                 "(last airport update May 2019); Zaysan (SZI) only in the extended airport file.",
                 "Countries outside the book's country table have no ISO3 here (ISO2 only).",
                 "routes counts airline-route records, not flights, seats or passengers."),
    ),
    Resource(
        name="flight_routes",
        title="Scheduled airline routes touching Central Asia, June 2014 (OpenFlights)",
        description="One row per airline on one directed airport pair with a Central Asian "
                    "airport at either end, as in OpenFlights' last route update (June 2014). "
                    "Not a frequency, seat or passenger count; predates the 2017-18 openings.",
        fields=(
            Field("airline", "string", "Airline IATA (or ICAO) code as OpenFlights gives it", required=True),
            Field("airline_name", "string", "Airline name (OpenFlights airlines.dat)"),
            Field("airline_country", "string", "Country the airline is registered in, as "
                  "OpenFlights names it"),
            Field("source_airport", "string", "Origin airport (IATA)", required=True),
            Field("destination_airport", "string", "Destination airport (IATA)", required=True),
            Field("source_iso2", "string", "Origin country (ISO 3166-1 alpha-2)", required=True),
            Field("destination_iso2", "string", "Destination country (ISO 3166-1 alpha-2)", required=True),
            Field("source_iso3", "string", "Origin country (ISO3; empty outside the country table)",
                  country=True),
            Field("destination_iso3", "string", "Destination country (ISO3; empty outside the "
                  "country table)", country=True),
            Field("source_country", "string", "Origin country name (OpenFlights)", required=True),
            Field("destination_country", "string", "Destination country name (OpenFlights)", required=True),
            Field("scope", "string", "domestic (same Central Asian state), intra-CA5 (two of the "
                  "five) or external (one end outside the five)", required=True,
                  enum=("domestic", "intra-CA5", "external")),
            Field("codeshare", "boolean", "Operated by another carrier (codeshare)", required=True),
            Field("stops", "integer", "Number of stops", required=True, minimum=0),
            Field("equipment", "string", "Aircraft types (IATA codes, space-separated)"),
        ),
        primary_key=("airline", "source_airport", "destination_airport"),
        sources=(ROUTES, AIRPORTS, AIRPORTS_CA, AIRPORTS_EXT, AIRLINES, COUNTRIES),
        licence=ODBL,
        citation="openflights",
        coverage="907 airline-route records with an airport of KAZ, KGZ, TJK, TKM or UZB at either "
                 "end; route data last refreshed by OpenFlights' supplier in June 2014",
        caveats=("A June 2014 snapshot: it predates the resumption of Tashkent-Dushanbe flights "
                 "(April 2017) and other openings the 2019 article refers to.",
                 "Each row is an airline on a directed pair, with no dates, frequencies or seats; "
                 "some routes may have ended before 2014 and not been removed.",
                 "Codeshare rows duplicate a flight operated by another airline."),
    ),
]


def _countries(raw) -> dict[str, str]:
    table = raw.csv(COUNTRIES, dtype=str, **NA)
    return dict(zip(table["name"], table["iso_code"]))


def run(raw) -> dict[str, pd.DataFrame]:
    # Load
    routes = raw.csv(ROUTES, dtype=str, **NA)
    endpoints = raw.csv(AIRPORTS, dtype={"iata": str}, **NA)
    ca_airports = raw.csv(AIRPORTS_CA, dtype={"iata": str}, **NA)
    extended = raw.csv(AIRPORTS_EXT, dtype={"iata": str}, **NA)
    airlines = raw.csv(AIRLINES, dtype=str, **NA)
    iso2_of = _countries(raw)

    # Process: airports (endpoints plus Central Asian airports without routes)
    airports = pd.concat([endpoints, ca_airports[~ca_airports["airport_id"].isin(endpoints["airport_id"])]])
    # A route end that only the extended airport file knows (Zaysan, SZI) is taken from it.
    ends = set(routes["source_airport"]) | set(routes["destination_airport"])
    extra = extended[extended["iata"].isin(ends - set(airports["iata"]))]
    airports = pd.concat([airports, extra])
    airports = airports[airports["iata"].notna() & (airports["iata"] != "")].copy()
    if airports["iata"].duplicated().any():
        raise DataError(AIRPORTS, "two airports share an IATA code", column="iata")
    airports["iso3"] = to_iso3(airports["country"], "name", AIRPORTS, ignore=OUTSIDE_TABLE)
    # ISO2 from the country table where the country is in it (OpenFlights' own list names
    # Kyrgyzstan "Kyrgyz Republic"), from OpenFlights' countries.dat otherwise.
    table_iso2 = {r["iso3"]: r["iso2"] for r in table()}
    airports["iso2"] = [table_iso2[i] if isinstance(i, str) else iso2_of.get(c)
                        for i, c in zip(airports["iso3"], airports["country"])]
    if airports["iso2"].isna().any():
        missing = sorted(set(airports.loc[airports["iso2"].isna(), "country"]))
        raise DataError(COUNTRIES, f"no ISO2 code for {missing}", column="name")
    airports["ca5"] = airports["iso3"].isin(CA5)

    # Routes: both ends must be known airports (OpenFlights ids are missing for a few rows).
    unknown = sorted((set(routes["source_airport"]) | set(routes["destination_airport"]))
                     - set(airports["iata"]))
    if unknown:
        raise DataError(ROUTES, f"route ends not among the airports: {unknown}", column="source_airport")
    a = airports.set_index("iata")
    line = airlines.drop_duplicates("airline_id").set_index("airline_id")
    out = pd.DataFrame({
        "airline": routes["airline"],
        "airline_name": routes["airline_id"].map(line["name"]),
        "airline_country": routes["airline_id"].map(line["country"]),
        "source_airport": routes["source_airport"],
        "destination_airport": routes["destination_airport"],
    })
    for end in ("source", "destination"):
        code = out[f"{end}_airport"]
        out[f"{end}_iso2"] = code.map(a["iso2"])
        out[f"{end}_iso3"] = code.map(a["iso3"])
        out[f"{end}_country"] = code.map(a["country"])
    src_ca, dst_ca = out["source_iso3"].isin(CA5), out["destination_iso3"].isin(CA5)
    if not (src_ca | dst_ca).all():
        raise DataError(ROUTES, "a route has no Central Asian end", column="source_airport")
    out["scope"] = "external"
    both = src_ca & dst_ca
    out.loc[both, "scope"] = "intra-CA5"
    out.loc[both & (out["source_iso3"] == out["destination_iso3"]), "scope"] = "domestic"
    out["codeshare"] = routes["codeshare"].eq("Y")
    out["stops"] = routes["stops"].astype(int)
    out["equipment"] = routes["equipment"]
    if out.duplicated(["airline", "source_airport", "destination_airport"]).any():
        raise DataError(ROUTES, "an airline appears twice on one directed pair", column="airline")

    touches = pd.concat([out["source_airport"], out["destination_airport"]]).value_counts()
    airports["routes"] = airports["iata"].map(touches).fillna(0).astype(int)
    airports = airports[airports["ca5"] | (airports["routes"] > 0)]
    return {"airports": airports.reset_index(drop=True), "flight_routes": out}
