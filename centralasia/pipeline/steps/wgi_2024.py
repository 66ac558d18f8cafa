"""Worldwide Governance Indicators, 2024 update (1996-2023): political stability and rule of law.

A separate resource from `wgi` (the 2020 update, to 2019): every WGI release re-estimates the
whole series, so the two are never mixed. The security chapter uses this release only.
"""
from __future__ import annotations

import pandas as pd

from ...countries import to_iso3
from ...errors import DataError
from ...schema import CC_BY_4, Field, Resource, iso3, year

SOURCE = "wgi-2024/wgi_2024_release_1996_2023_subset.csv"
INDICATORS = {"pv": ("PV", "Political Stability and Absence of Violence/Terrorism"), "rl": ("RL", "Rule of Law")}
COUNTRIES = ("KAZ", "KGZ", "TJK", "TKM", "UZB", "AFG", "CHN", "IRN", "RUS", "TUR", "USA",
             "DEU", "FRA", "GBR", "ARM", "AZE", "BLR", "GEO")

RESOURCES = [
    Resource(
        name="wgi_2024",
        title="Worldwide Governance Indicators, 2024 update: political stability and rule of law, 1996-2023",
        description="WGI estimate (standard normal units), its standard error, the number of sources, the "
                    "percentile rank and the 90% interval of the percentile rank, as the 2024 release gives them.",
        fields=(
            iso3(), year(lo=1996, hi=2023),
            Field("indicator", "string", "PV = " + INDICATORS["pv"][1] + "; RL = " + INDICATORS["rl"][1],
                  required=True, enum=tuple(v[0] for v in INDICATORS.values())),
            Field("estimate", "number", "Governance estimate", unit="standard normal units", required=True,
                  minimum=-3.5, maximum=3.5),
            Field("std_err", "number", "Standard error of the estimate", unit="standard normal units",
                  required=True, minimum=0),
            Field("n_sources", "integer", "Number of data sources", required=True, minimum=1),
            Field("percentile_rank", "number", "Percentile rank among all countries (0 = lowest)",
                  unit="percentile", required=True, minimum=0, maximum=100),
            Field("rank_lo", "number", "Lower bound of the 90% interval of the percentile rank",
                  unit="percentile", required=True, minimum=0, maximum=100),
            Field("rank_hi", "number", "Upper bound of the 90% interval of the percentile rank",
                  unit="percentile", required=True, minimum=0, maximum=100),
        ),
        primary_key=("iso3", "indicator", "year"),
        sources=(SOURCE,),
        licence=CC_BY_4,
        citation="wgi_2024",
        coverage=f"{', '.join(COUNTRIES)}; 1996, 1998, 2000, 2002-2023",
        caveats=("Perception-based composites: year-to-year changes are rarely larger than the uncertainty.",
                 "The 2024 release re-estimates the whole series: never mix it with `wgi` (2020 release).")),
]


def run(raw) -> dict[str, pd.DataFrame]:
    frame = raw.csv(SOURCE)
    frame = frame[frame["iso3"].isin(COUNTRIES) & frame["indicator"].isin(INDICATORS)].copy()
    if list(to_iso3(frame["iso3"], "iso3", SOURCE)) != list(frame["iso3"]):
        raise DataError(SOURCE, "ISO3 codes do not map to themselves", column="iso3")
    missing = sorted(set(COUNTRIES) - set(frame["iso3"]))
    if missing:
        raise DataError(SOURCE, f"no rows for {missing}", column="iso3")
    if frame[["estimate", "stddev"]].isna().any(axis=None):
        raise DataError(SOURCE, "missing estimate or standard error", column="estimate")
    out = pd.DataFrame({"iso3": frame["iso3"], "year": frame["year"].astype(int),
                        "indicator": frame["indicator"].map({k: v[0] for k, v in INDICATORS.items()}),
                        "estimate": frame["estimate"], "std_err": frame["stddev"],
                        "n_sources": frame["nsource"].round().astype("int64"),
                        "percentile_rank": frame["pctrank"], "rank_lo": frame["pctranklower"],
                        "rank_hi": frame["pctrankupper"]})
    return {"wgi_2024": out}
