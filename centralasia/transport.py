"""Measures for the transport chapter: the 2014 air-route network, LPI changes, distances.

Route tables follow the `flight_routes` resource: one row per airline on one directed
airport pair, with `source_airport`, `destination_airport`, `source_iso3`,
`destination_iso3` (empty outside the country table), `source_country`,
`destination_country` (names), `airline` and `codeshare`.

A *link* is an undirected airport pair served by at least one operating (non-codeshare)
airline, whichever direction the records list: A-B and B-A are one link. Counting links
rather than airline records keeps a pair served by three airlines from weighing three
times as much as one served by one; the number of airlines is kept beside it.
"""
from __future__ import annotations

from itertools import combinations
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
from pyproj import Geod

from .countries import CA5

GEOD = Geod(ellps="WGS84")


def _label(iso3: pd.Series, name: pd.Series) -> pd.Series:
    """ISO3 where the country is in the country table, else the source's country name."""
    return iso3.astype("string").fillna(name.astype("string"))


def links(routes: pd.DataFrame, include_codeshares: bool = False) -> pd.DataFrame:
    """Undirected airport pairs with their countries and the number of distinct airlines.

    Columns: airport_a, airport_b (alphabetical), country_a, country_b (ISO3 or name),
    airlines. Sorted by airport pair.
    """
    r = routes if include_codeshares else routes[~routes["codeshare"].astype(bool)]
    src = _label(r["source_iso3"], r["source_country"])
    dst = _label(r["destination_iso3"], r["destination_country"])
    swap = r["source_airport"] > r["destination_airport"]
    out = pd.DataFrame({
        "airport_a": np.where(swap, r["destination_airport"], r["source_airport"]),
        "airport_b": np.where(swap, r["source_airport"], r["destination_airport"]),
        "country_a": np.where(swap, dst, src),
        "country_b": np.where(swap, src, dst),
        "airline": r["airline"].to_numpy(),
    })
    grouped = (out.groupby(["airport_a", "airport_b", "country_a", "country_b"], as_index=False)
               ["airline"].nunique().rename(columns={"airline": "airlines"}))
    return grouped.sort_values(["airport_a", "airport_b"], ignore_index=True)


def scope(link_table: pd.DataFrame, region: Sequence[str] = CA5) -> pd.Series:
    """'domestic', 'intra-region' or 'external' for each link."""
    a, b = link_table["country_a"].isin(region), link_table["country_b"].isin(region)
    out = pd.Series("external", index=link_table.index, dtype="string")
    out[a & b] = "intra-region"
    out[a & b & (link_table["country_a"] == link_table["country_b"])] = "domestic"
    out[~a & ~b] = pd.NA
    return out


def country_pairs(link_table: pd.DataFrame, countries: Sequence[str]) -> pd.DataFrame:
    """Every unordered pair of `countries` with its number of direct links and airlines.

    Pairs without a link are kept with 0 links: an absent connection is a finding, not a gap.
    """
    rows = []
    for a, b in combinations(sorted(countries), 2):
        sel = (((link_table["country_a"] == a) & (link_table["country_b"] == b))
               | ((link_table["country_a"] == b) & (link_table["country_b"] == a)))
        rows.append({"country_a": a, "country_b": b, "links": int(sel.sum()),
                     "airlines": int(link_table.loc[sel, "airlines"].sum())})
    return pd.DataFrame(rows)


def link_matrix(link_table: pd.DataFrame, rows: Sequence[str], columns: Sequence[str]) -> pd.DataFrame:
    """Number of links between each row country and each column country (symmetric counting;
    a country with itself counts its domestic links)."""
    out = pd.DataFrame(0, index=list(rows), columns=list(columns), dtype=int)
    for a, b in zip(link_table["country_a"], link_table["country_b"]):
        for x, y in {(a, b), (b, a)}:  # a set: a domestic link counts once
            if x in out.index and y in out.columns:
                out.loc[x, y] += 1
    return out


def hub_shares(link_table: pd.DataFrame, by: str = "airport", region: Sequence[str] = CA5) -> pd.DataFrame:
    """Shares of the region's external links by the foreign airport (or country) they reach.

    Returns `by` value, links, share_pct (of all external links), sorted by links (desc),
    then name.
    """
    ext = link_table[scope(link_table, region) == "external"]
    a_in = ext["country_a"].isin(region)
    far_airport = np.where(a_in, ext["airport_b"], ext["airport_a"])
    far_country = np.where(a_in, ext["country_b"], ext["country_a"])
    key = {"airport": far_airport, "country": far_country}[by]
    counts = pd.Series(key).value_counts().rename_axis(by).reset_index(name="links")
    counts["share_pct"] = 100.0 * counts["links"] / len(ext)
    return counts.sort_values(["links", by], ascending=[False, True], ignore_index=True)


def airport_degree(link_table: pd.DataFrame, airports: Iterable[str] | None = None) -> pd.Series:
    """Number of links per airport (optionally only for `airports`), descending."""
    degree = pd.concat([link_table["airport_a"], link_table["airport_b"]]).value_counts()
    if airports is not None:
        degree = degree.reindex(list(airports), fill_value=0)
    return degree.sort_values(ascending=False, kind="mergesort")


def lpi_change(scores: pd.DataFrame, start: int, end: int, column: str = "overall") -> pd.DataFrame:
    """Score in `start` and `end` editions and the change, per country; a missing edition
    gives a missing change (never 0)."""
    wide = scores.pivot(index="iso3", columns="year", values=column)
    out = pd.DataFrame({"start": wide.get(start), "end": wide.get(end)}, index=wide.index)
    out["change"] = out["end"] - out["start"]
    return out


def above(scores: pd.DataFrame, year: int, reference: str = "WLD", column: str = "overall",
          countries: Sequence[str] = CA5) -> list[str]:
    """Countries of `countries` scoring above the `reference` row in one edition."""
    one = scores[scores["year"] == year].set_index("iso3")[column]
    return [c for c in countries if c in one.index and one[c] > one[reference]]


def distance_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Geodesic distance on the WGS84 ellipsoid, km."""
    return GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000.0


def distance_matrix(points: pd.DataFrame, key: str = "iso3") -> pd.DataFrame:
    """Symmetric geodesic distance matrix (km) between points with `lon`, `lat` columns."""
    p = points.set_index(key)
    codes = list(p.index)
    out = pd.DataFrame(0.0, index=codes, columns=codes)
    for a, b in combinations(codes, 2):
        d = distance_km(p.loc[a, "lon"], p.loc[a, "lat"], p.loc[b, "lon"], p.loc[b, "lat"])
        out.loc[a, b] = out.loc[b, a] = d
    return out


def display_name(label: str) -> str:
    """The book's country name for an ISO3 label; other labels (source names) unchanged."""
    from .countries import known, name
    return name(label) if len(label) == 3 and label.isupper() and known(label) else label


def reported_links(legs: pd.DataFrame, airports: pd.DataFrame) -> pd.DataFrame:
    """Links (as `links` returns them) from a callsign route table such as `vrs_route_legs`.

    Each leg of a reported route is one directed airport pair flown by the callsign's airline;
    airports are named by IATA code where the source gives one (as OpenFlights does), so the
    two route tables are counted the same way. Countries: ISO3 where in the country table, else
    the ISO2 code. A reported route is not a scheduled one: see the chapter's caveats.
    """
    ap = airports.set_index("code")
    label = ap["iata"].astype("string").fillna(ap.index.to_series().astype("string"))
    country = ap["iso3"].astype("string").fillna(ap["iso2"].astype("string"))
    routes = pd.DataFrame({
        "source_airport": legs["origin"].map(label).to_numpy(),
        "destination_airport": legs["destination"].map(label).to_numpy(),
        "source_iso3": legs["origin"].map(country).to_numpy(),
        "destination_iso3": legs["destination"].map(country).to_numpy(),
        "airline": legs["airline"].to_numpy(),
    })
    routes = routes[routes["source_airport"] != routes["destination_airport"]]
    routes["source_country"] = routes["source_iso3"]
    routes["destination_country"] = routes["destination_iso3"]
    routes["codeshare"] = False
    return links(routes)


def pairs_compared(before: pd.DataFrame, after: pd.DataFrame, countries: Sequence[str] = CA5) -> pd.DataFrame:
    """For each pair of `countries`: airport pairs linked in each of two link tables.

    Columns country_a, country_b, links_before, links_after. Counted identically on both.
    """
    a, b = country_pairs(before, countries), country_pairs(after, countries)
    return a[["country_a", "country_b", "links"]].rename(columns={"links": "links_before"}).merge(
        b[["country_a", "country_b", "links"]].rename(columns={"links": "links_after"}),
        on=["country_a", "country_b"], validate="one_to_one")


def timetable_speeds(rail: pd.DataFrame) -> pd.DataFrame:
    """Average speed of each rail service over its timetable (route) distance, as a range.

    kmh_low = distance / longest time; kmh_high = distance / shortest time.
    """
    out = rail[["service_id", "service", "distance_km", "top_speed_kmh"]].copy()
    d = rail["distance_km"].astype(float)
    out["kmh_low"] = d / rail["hours_max"].astype(float)
    out["kmh_high"] = d / rail["hours_min"].astype(float)
    return out
