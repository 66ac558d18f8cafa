"""UNHCR Refugee Data Finder, release 2025.12.1 (R package `refugees`): stocks to end-2025.

One release only: this step supersedes the 2018 export (`unhcr-afghan-refugees`), whose
resource the book no longer builds; the two releases are never mixed, because every release
re-publishes and revises the whole series.

`unhcr_2025_pairs`: end-year stocks by country of origin and of asylum, for pairs where both
countries are in the book's country table (every pair touching the five, plus Afghans in the
comparators), origin != asylum. The population types are kept apart, never summed silently:
refugees, asylum-seekers, `oip` (other people in need of international protection, a category
UNHCR applies to many Afghans in Iran and Pakistan from the 2025 figures) and `ooc` (others of
concern). `oip` is missing (not zero) for years before UNHCR reported it.

`unhcr_2025_totals`: the same types summed over all partners (any country, inside the table or
not), by year, once for each table country as origin and once as country of asylum.
"""
from __future__ import annotations

import pandas as pd

from ...countries import select, to_iso3
from ...errors import DataError
from ...schema import Field, Licence, Resource, iso3, year

PAIRS = "unhcr-refugees-2025/unhcr_population_1990_2025_ca5_bilateral.csv"
TOTALS = "unhcr-refugees-2025/unhcr_population_1990_2025_totals_by_origin_and_asylum.csv"
CC_BY = Licence("CC-BY-4.0", "Creative Commons Attribution 4.0 (UNHCR Refugee Data Finder)",
                "https://creativecommons.org/licenses/by/4.0/")
TYPES = ("refugees", "asylum_seekers", "oip", "ooc")
_DESCRIBE = {"refugees": "Refugees under UNHCR's mandate (incl. refugee-like situations)",
             "asylum_seekers": "Asylum-seekers", "oip": "Other people in need of international protection "
             "(reported from 2022 upstream; missing = not reported)", "ooc": "Others of concern to UNHCR"}
_types = tuple(Field(t, "integer", _DESCRIBE[t], unit="persons", minimum=0) for t in TYPES)
_common = dict(licence=CC_BY, citation="unhcr_refugees_2025")

RESOURCES = [
    Resource(
        name="unhcr_2025_pairs",
        title="Forcibly displaced persons by origin and country of asylum, 1990-2025 (UNHCR, release 2025.12.1)",
        description="End-year stocks from `origin` in `host`, by population type (never summed here).",
        fields=(iso3("origin", "Country of origin (ISO3)"), iso3("host", "Country of asylum (ISO3)"),
                year(lo=1990, hi=2025)) + _types,
        primary_key=("origin", "host", "year"),
        sources=(PAIRS,),
        coverage="Pairs with both countries in the book's country table: every pair touching KAZ, KGZ, TJK, "
                 "TKM or UZB, and Afghans in the comparators; 1990-2025",
        caveats=("One release (2025.12.1); earlier years are revised in every release: never combine with "
                 "the 2018 export.",
                 "2025 moves many Afghans in Iran and Pakistan from 'refugees' to 'oip': a reclassification, "
                 "not only returns.",
                 "Very small stocks appear as 5 upstream (disclosure control): cells under 10 are indicative."),
        **_common),
    Resource(
        name="unhcr_2025_totals",
        title="Forcibly displaced persons by origin, and hosted, per country, 1990-2025 (UNHCR, release 2025.12.1)",
        description="For each country of the table: the persons originating from it (role origin) or hosted "
                    "by it (role asylum), summed over all partner countries, by population type.",
        fields=(Field("role", "string", "origin or asylum", required=True, enum=("origin", "asylum")),
                iso3(), year(lo=1990, hi=2025)) + _types,
        primary_key=("role", "iso3", "year"),
        sources=(TOTALS,),
        coverage="Table countries among KAZ, KGZ, TJK, TKM, UZB, AFG, RUS, CHN, USA, TUR, IRN, PAK and others; 1990-2025",
        caveats=("A sum is missing when every partner cell was missing upstream.",),
        **_common),
]


def _counts(frame: pd.DataFrame, source: str) -> dict[str, pd.Series]:
    out = {}
    for t in TYPES:
        v = pd.to_numeric(frame[t], errors="raise")
        if ((v.dropna() % 1) != 0).any() or (v.dropna() < 0).any():
            raise DataError(source, "counts must be whole, non-negative numbers", column=t)
        out[t] = v.round().astype("Int64")
    return out


def run(raw) -> dict[str, pd.DataFrame]:
    p = raw.csv(PAIRS, dtype={"coo_iso": str, "coa_iso": str})
    missing = [c for c in ("year", "coo_iso", "coa_iso") + TYPES if c not in p.columns]
    if missing:
        raise DataError(PAIRS, f"missing columns {missing}")
    keep = pd.Series(select(p["coo_iso"], "iso3"), index=p.index) & pd.Series(select(p["coa_iso"], "iso3"), index=p.index)
    p = p[keep & (p["coo_iso"] != p["coa_iso"])]
    pairs = pd.DataFrame({"origin": to_iso3(p["coo_iso"], "iso3", PAIRS), "host": to_iso3(p["coa_iso"], "iso3", PAIRS),
                          "year": p["year"].astype(int), **_counts(p, PAIRS)})
    t = raw.csv(TOTALS, dtype={"iso3": str})
    t = t[select(t["iso3"], "iso3")]
    totals = pd.DataFrame({"role": t["role"], "iso3": to_iso3(t["iso3"], "iso3", TOTALS),
                           "year": t["year"].astype(int), **_counts(t, TOTALS)})
    return {"unhcr_2025_pairs": pairs, "unhcr_2025_totals": totals}
