"""UCDP armed-conflict data: dyad-year battle deaths, conflict-years, GED country-year deaths.

UCDP identifies states by Gleditsch-Ward numbers and by names such as
"Russia (Soviet Union)". We map the *names* (location, battle location,
governments named as sides) through the country table. A place outside the
table (e.g. Syria) is kept in the text columns but has no ISO3 in the list
columns, which name only the table's countries (`select`). Rows are kept when
the conflict's location or the battle location includes a country of the table.
"""
from __future__ import annotations

import pandas as pd

from ...countries import select, to_iso3
from ...schema import CC_BY_4, Field, Resource, iso3, year

BRD = "ucdp/ucdp_brd_dyadic_v24_1_subset.csv"
ACD = "ucdp/ucdp_prio_acd_v25_1_subset.csv"
GED = "ucdp/owid_ucdp_ged_v19_1_country_year_deaths.csv"

INCOMPATIBILITY = ("territory", "government", "government and territory")
CONFLICT_TYPES = ("extrasystemic", "interstate", "intrastate", "internationalised intrastate")
_LIST = "ISO3 codes of the countries of the book's country table among them, ';'-separated"
_CAVEATS = ("UCDP counts only organised armed violence with at least 25 battle-related deaths a year in a "
            "dyad: the Andijan killings of May 2005 (Uzbekistan) are absent and the Osh/Jalal-Abad violence "
            "of June 2010 (Kyrgyzstan) is mostly outside its definitions.",
            "Copied from third-party repositories of the UCDP files (see SOURCE.md); spot checks agree with "
            "the UCDP codebook values.")


def _common_fields() -> tuple[Field, ...]:
    return (
        Field("conflict_id", "integer", "UCDP conflict identifier", required=True, minimum=1),
        Field("location", "string", "Country or countries whose government(s) have a primary claim to "
                                    "the issue in dispute (UCDP names, ', '-separated)", required=True),
        Field("location_iso3", "string", "Location: " + _LIST),
        Field("side_a", "string", "Side A (a government)", required=True),
        Field("side_a_2nd", "string", "States supporting side A with troops"),
        Field("side_b", "string", "Side B (a government or an armed group)", required=True),
        Field("side_b_2nd", "string", "States supporting side B with troops"),
        Field("side_a_iso3", "string", "Governments named in side A: " + _LIST),
        Field("side_b_iso3", "string", "Governments named in side B: " + _LIST),
        Field("side_a_2nd_iso3", "string", "States supporting side A: " + _LIST),
        Field("side_b_2nd_iso3", "string", "States supporting side B: " + _LIST),
        Field("incompatibility", "string", "What the conflict is over", required=True, enum=INCOMPATIBILITY),
        Field("territory_name", "string", "Territory in dispute, if any"),
        year(lo=1989, hi=2025),
        Field("type_of_conflict", "string", "UCDP conflict type", required=True, enum=CONFLICT_TYPES),
    )


RESOURCES = [
    Resource(
        name="ucdp_brd_dyads",
        title="Battle-related deaths by dyad and year (UCDP BRD dyadic v24.1)",
        description="One row per dyad-year with at least 25 battle-related deaths, for conflicts located "
                    "in, or fought in, a country of the book's country table; best, low and high estimates.",
        fields=(
            *_common_fields()[:1],
            Field("dyad_id", "integer", "UCDP dyad identifier", required=True, minimum=1),
            *_common_fields()[1:],
            Field("battle_location", "string", "Countries where the fighting took place (UCDP names)"),
            Field("battle_iso3", "string", "Battle location: " + _LIST),
            Field("best", "integer", "Battle-related deaths, best estimate", unit="deaths", required=True, minimum=0),
            Field("low", "integer", "Battle-related deaths, low estimate", unit="deaths", required=True, minimum=0),
            Field("high", "integer", "Battle-related deaths, high estimate", unit="deaths", required=True, minimum=0),
        ),
        primary_key=("dyad_id", "year"),
        sources=(BRD,),
        licence=CC_BY_4,
        citation="ucdp_brd",
        coverage="1989-2023; dyads whose conflict location or battle location includes a country of the table",
        caveats=_CAVEATS),
    Resource(
        name="ucdp_conflicts",
        title="Armed conflicts by year (UCDP/PRIO Armed Conflict Dataset v25.1)",
        description="One row per conflict-year with at least 25 battle-related deaths, for conflicts located "
                    "in a country of the book's country table; intensity 1 = 25-999 deaths, 2 = 1,000 or more.",
        fields=(
            *_common_fields(),
            Field("intensity_level", "integer", "1 = minor (25-999 battle deaths in the year), 2 = war (1,000+)",
                  required=True, minimum=1, maximum=2),
            Field("start_date", "date", "Date of the first battle-related death of the conflict"),
            Field("ep_end_date", "date", "Date the episode ended (empty if still active at the year's end)"),
        ),
        primary_key=("conflict_id", "year"),
        sources=(ACD,),
        licence=CC_BY_4,
        citation="ucdp_acd",
        coverage="1989-2024 (the BRD period); conflicts whose location includes a country of the table",
        caveats=_CAVEATS),
    Resource(
        name="ucdp_ged_country_year",
        title="Direct deaths in organised violence by country and year (UCDP GED v19.1, via OWID)",
        description="Sum of the best estimates of all UCDP GED events (state-based, non-state and one-sided "
                    "violence) in a country and year, and the rate per 100,000 people.",
        fields=(
            iso3(), year(lo=1989, hi=2018),
            Field("deaths", "integer", "Direct deaths in organised violence (GED best estimates summed); "
                                       "0 = no GED event recorded", unit="deaths", required=True, minimum=0),
            Field("death_rate", "number", "Direct deaths per 100,000 people (UN population)",
                  unit="deaths per 100,000 people", minimum=0),
        ),
        primary_key=("iso3", "year"),
        sources=(GED,),
        licence=CC_BY_4,
        citation="ucdp_ged_owid",
        coverage="Countries of the table in the source, 1989-2018",
        caveats=("OWID writes 0 where GED recorded no event; a 0 is 'nothing recorded', not a measured "
                 "absence of violence.",) + _CAVEATS[:1]),
]


def _split(text) -> list[str]:
    return [] if pd.isna(text) or text == "" else [t.strip() for t in str(text).split(",")]


def _iso3_list(values: pd.Series, source: str, strip: str = "") -> pd.Series:
    """Map comma-separated UCDP names to ';'-joined ISO3 of those in the country table."""
    out = []
    for text in values:
        names = [n.removeprefix(strip) for n in _split(text)]
        if strip:  # only governments (not armed groups) name a state
            names = [n for n, raw in zip(names, _split(text)) if raw.startswith(strip)]
        kept = [n for n, keep in zip(names, select(names, "name")) if keep]
        out.append(";".join(sorted(set(to_iso3(kept, "name", source)))))
    return pd.Series(out, index=values.index, dtype=object)


def _common(frame: pd.DataFrame, source: str) -> pd.DataFrame:
    frame = frame.copy()
    location = "location_inc" if "location_inc" in frame.columns else "location"
    frame["location"] = frame[location]
    frame["location_iso3"] = _iso3_list(frame["location"], source)
    frame["side_a_iso3"] = _iso3_list(frame["side_a"], source, strip="Government of ")
    frame["side_b_iso3"] = _iso3_list(frame["side_b"], source, strip="Government of ")
    frame["side_a_2nd_iso3"] = _iso3_list(frame["side_a_2nd"], source, strip="Government of ")
    frame["side_b_2nd_iso3"] = _iso3_list(frame["side_b_2nd"], source, strip="Government of ")
    frame["incompatibility"] = frame["incompatibility"].map(dict(enumerate(INCOMPATIBILITY, start=1)))
    frame["type_of_conflict"] = frame["type_of_conflict"].map(dict(enumerate(CONFLICT_TYPES, start=1)))
    return frame


def run(raw) -> dict[str, pd.DataFrame]:
    brd = _common(raw.csv(BRD, dtype={"gwno_loc": str}), BRD)
    brd["battle_iso3"] = _iso3_list(brd["battle_location"], BRD)
    brd = brd[(brd["location_iso3"] != "") | (brd["battle_iso3"] != "")]
    brd = brd.rename(columns={"bd_best": "best", "bd_low": "low", "bd_high": "high"})

    acd = _common(raw.csv(ACD, dtype={"gwno_loc": str}), ACD)
    acd = acd[(acd["location_iso3"] != "") & (acd["year"] >= 1989)]

    ged = raw.csv(GED)
    ged = ged[select(ged["Entity"], "name")]
    ged = pd.DataFrame({"iso3": to_iso3(ged["Entity"], "name", GED), "year": ged["Year"],
                        "deaths": ged["Direct conflict deaths"].round().astype("int64"),
                        "death_rate": ged["Direct conflict death rate"]})
    return {"ucdp_brd_dyads": brd, "ucdp_conflicts": acd, "ucdp_ged_country_year": ged}
