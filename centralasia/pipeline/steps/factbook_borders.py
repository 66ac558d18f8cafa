"""CIA World Factbook land boundaries and boundary disputes for Central Asia (2017, 2020, 2026).

Load the Factbook's pair lengths and dispute texts (parsed from three snapshots
of the profiles); keep every pair with at least one Central Asian side; put the
three editions side by side (the lengths are the same in all three); keep the
five states' "Disputes - international" text per edition.
"""
from __future__ import annotations

import pandas as pd

from ...countries import CA5, to_iso3
from ...errors import DataError
from ...schema import PUBLIC_DOMAIN, Field, Resource

PAIRS = "factbook/land_boundaries_pairs.csv"
DISPUTES = "factbook/geography_disputes.csv"
EDITIONS = (2017, 2020, 2026)
_common = dict(licence=PUBLIC_DOMAIN, citation="cia_factbook")

RESOURCES = [
    Resource(
        name="factbook_borders",
        title="Land boundary lengths by pair, as published (CIA World Factbook 2017, 2020, 2026)",
        description="One row per pair as reported in one country's profile (both directions are "
                    "kept, so each pair appears twice), for pairs with at least one of the five "
                    "Central Asian states; lengths of the three editions side by side.",
        fields=(Field("iso3", "string", "Country whose profile reports the length", required=True, country=True),
                Field("neighbour_iso3", "string", "Border country", required=True, country=True),
                *(Field(f"length_km_{e}", "number", f"Published length, edition {e}", unit="km", minimum=0)
                  for e in EDITIONS),
                Field("source_text", "string", "Published item, latest edition (verbatim)", required=True)),
        primary_key=("iso3", "neighbour_iso3"),
        sources=(PAIRS,),
        coverage="Profiles of KAZ, KGZ, TJK, TKM, UZB, AFG, CHN, IRN, RUS (rows towards the five)",
        caveats=("The Factbook does not say how or when the lengths were measured; they do not "
                 "change between editions and do not reflect delimitation status.",),
        **_common),
    Resource(
        name="factbook_disputes",
        title="Boundary disputes of the five Central Asian states, as worded by the Factbook",
        description="The Factbook's 'Disputes - international' entry per edition (verbatim).",
        fields=(Field("edition", "integer", "Factbook edition (snapshot year)", required=True,
                      minimum=2017, maximum=2026),
                Field("iso3", "string", "Country", required=True, country=True),
                Field("disputes", "string", "Disputes - international (verbatim; empty: field dropped)")),
        primary_key=("edition", "iso3"),
        sources=(DISPUTES,),
        coverage="KAZ, KGZ, TJK, TKM, UZB; editions 2017, 2020, 2026 (the 2026 edition has no such field)",
        caveats=("US government wording; snapshots of March 2017 and November 2020 bracket the article.",),
        **_common),
]


def run(raw) -> dict[str, pd.DataFrame]:
    p = raw.csv(PAIRS)
    p = p[p["iso3"].isin(CA5) | p["neighbour_iso3"].isin(CA5)].copy()
    p["iso3"] = to_iso3(p["iso3"], "iso3", PAIRS)
    p["neighbour_iso3"] = to_iso3(p["neighbour_iso3"], "iso3", PAIRS)
    # Russia and China report split segments for their own pair only; none of those rows is kept,
    # but sum defensively so a pair is one row.
    wide = p.pivot_table(index=["iso3", "neighbour_iso3"], columns="edition", values="length_km",
                         aggfunc="sum").reindex(columns=list(EDITIONS))
    wide.columns = [f"length_km_{e}" for e in EDITIONS]
    latest = p.sort_values("edition").groupby(["iso3", "neighbour_iso3"])["source_text"].last()
    borders = wide.join(latest).reset_index()
    a = borders.set_index(["iso3", "neighbour_iso3"])["length_km_2026"]
    b = a.copy()
    b.index = b.index.swaplevel()
    mismatch = (a - b.reindex(a.index)).abs() > 0
    if mismatch.any():
        raise DataError(PAIRS, f"the two profiles of a pair disagree: {list(a[mismatch].index)}",
                        column="length_km")

    d = raw.csv(DISPUTES, keep_default_na=False, dtype={"disputes_international": str})
    d = d[d["iso3"].isin(CA5)]
    disputes = pd.DataFrame({"edition": d["edition"].astype(int),
                             "iso3": to_iso3(d["iso3"], "iso3", DISPUTES),
                             "disputes": d["disputes_international"].replace("", None)})
    return {"factbook_borders": borders, "factbook_disputes": disputes}
