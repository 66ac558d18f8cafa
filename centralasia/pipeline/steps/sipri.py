"""SIPRI military expenditure: level (constant 2022 US$), share of GDP, per capita, 1992-2023.

SIPRI marks "..." (no data) and "xxx" (the state did not exist); the extraction
we read has turned both into an empty value with status `missing`, so the two
can no longer be told apart. Every such cell stays missing here: a gap is a
gap, never a zero.
"""
from __future__ import annotations

import pandas as pd

from ...countries import select, to_iso3
from ...errors import DataError
from ...schema import Field, Licence, Resource, iso3, year

SOURCE = "sipri-milex/sipri_milex_1948_2023_subset.csv"
FIRST_YEAR = 1992
INDICATORS = {  # source indicator -> (column, factor to the published unit)
    "milex_constant_2022_usd_m": ("milex_usd_m", 1.0),
    "milex_share_gdp": ("share_gdp_pct", 100.0),
    "milex_per_capita_current_usd": ("per_capita_usd", 1.0),
}
# Shares of GDP that contradict the spending level (below 0.01 % of GDP while tens of millions of
# US$ were spent): Tajikistan 1992-1994, most likely local-currency GDP in a different unit (the
# Tajik rouble was introduced in 1995). Set to missing; the pipeline stops if the values change.
IMPLAUSIBLE_SHARE = {("TJK", 1992), ("TJK", 1993), ("TJK", 1994)}
IMPLAUSIBLE_BELOW = 1e-4  # as a fraction of GDP

SIPRI_TERMS = Licence("SIPRI-terms", "SIPRI terms of use: free for non-commercial use with the attribution "
                      "'Source: SIPRI Military Expenditure Database'; no open licence",
                      "https://www.sipri.org/databases/milex")

RESOURCES = [
    Resource(
        name="sipri_milex",
        title="Military expenditure (SIPRI Military Expenditure Database, 2024)",
        description="Military expenditure by country and year: level in constant 2022 US$, share of GDP and "
                    "per capita in current US$. Empty = SIPRI has no figure.",
        fields=(
            iso3(), year(lo=FIRST_YEAR, hi=2023),
            Field("milex_usd_m", "number", "Military expenditure, constant 2022 prices",
                  unit="US$ million (constant 2022)", minimum=0),
            Field("share_gdp_pct", "number", "Military expenditure as a share of GDP", unit="% of GDP",
                  minimum=0, maximum=100),
            Field("per_capita_usd", "number", "Military expenditure per person, current prices",
                  unit="current US$ per person", minimum=0),
        ),
        primary_key=("iso3", "year"),
        sources=(SOURCE,),
        licence=SIPRI_TERMS,
        citation="sipri_milex",
        coverage=f"Countries of the table in the source, {FIRST_YEAR}-2023",
        caveats=("Turkmenistan: no figure after 1999; Uzbekistan: only a few years; Tajikistan and "
                 "Afghanistan have gaps.",
                 "Tajikistan's shares of GDP for 1992-1994 in the source (below 0.01 %) contradict its "
                 "spending level and are set to missing here.",
                 "SIPRI's 'no data' (...) and 'state did not exist' (xxx) markers and its colour coding of "
                 "estimates and highly uncertain figures are lost in the extraction used.")),
]


def run(raw) -> dict[str, pd.DataFrame]:
    frame = raw.csv(SOURCE)
    frame = frame[select(frame["country_sipri"], "name")]
    if list(to_iso3(frame["country_sipri"], "name", SOURCE)) != list(frame["iso3"]):
        raise DataError(SOURCE, "names and the added iso3 column disagree", column="iso3")
    frame = frame[(frame["year"] >= FIRST_YEAR) & frame["indicator"].isin(INDICATORS)]
    flagged = frame["status"].fillna("") == "missing"
    if frame.loc[flagged, "value"].notna().any() or frame.loc[~flagged, "value"].isna().any():
        raise DataError(SOURCE, "status and value disagree on what is missing", column="status")
    share = frame["indicator"] == "milex_share_gdp"
    suspect = share & pd.Series(list(zip(frame["iso3"], frame["year"])), index=frame.index).isin(IMPLAUSIBLE_SHARE)
    if not (frame.loc[suspect, "value"] < IMPLAUSIBLE_BELOW).all() or suspect.sum() != len(IMPLAUSIBLE_SHARE):
        raise DataError(SOURCE, "the implausible Tajik shares of GDP changed: review IMPLAUSIBLE_SHARE",
                        column="value")
    if (frame.loc[share & ~suspect, "value"] < IMPLAUSIBLE_BELOW).any():
        raise DataError(SOURCE, "a share of GDP below 0.01 % not reviewed", column="value")
    frame.loc[suspect, "value"] = float("nan")
    frame = frame.assign(value=frame["value"] * frame["indicator"].map({k: f for k, (_, f) in INDICATORS.items()}),
                         column=frame["indicator"].map({k: c for k, (c, _) in INDICATORS.items()}))
    wide = frame.pivot(index=["iso3", "year"], columns="column", values="value").reset_index()
    wide.columns.name = None
    return {"sipri_milex": wide}
