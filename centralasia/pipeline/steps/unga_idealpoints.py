"""UN General Assembly ideal points (Voeten, year-based, version of 28 July 2025), 1992-2024.

Ideal points place each state on one dimension estimated from all its recorded votes of a year
(Bailey, Strezhnev & Voeten 2017): roughly, distance from the positions of the United States and
its allies. They are model estimates with posterior uncertainty, not votes; the source gives the
posterior median and the 5%, 10%, 90% and 95% quantiles, which we keep.

Only one of the source's series is kept: `idealpointfp` (final-passage votes), the one that runs to
2024. `idealpointall` (to 2023) and the session-based legacy series are different estimates and are
never mixed with it.
"""
from __future__ import annotations

import pandas as pd

from ...countries import to_iso3
from ...errors import DataError
from ...schema import Field, Licence, Resource, iso3, year

SOURCE = "unga-idealpoints-2025/unga_idealpoints_july2025_subset.csv"
FIRST_YEAR, LAST_YEAR = 1992, 2024
# The five, the partners and the benchmark states of the security chapter (all in the source).
COUNTRIES = ("KAZ", "KGZ", "TJK", "TKM", "UZB", "AFG", "CHN", "IRN", "RUS", "TUR", "USA",
             "DEU", "FRA", "GBR", "ARM", "AZE", "BLR", "GEO")
QUANTILES = {"q5fp": "q05", "q10fp": "q10", "q50fp": "q50", "q90fp": "q90", "q95fp": "q95"}

DATAVERSE_TERMS = Licence("Dataverse-terms", "Harvard Dataverse terms of the Voeten UNGA voting dataset; no "
                          "licence stated in the files obtained; cite Voeten's Dataverse entry and Bailey, "
                          "Strezhnev & Voeten (2017)",
                          "https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379")

RESOURCES = [
    Resource(
        name="unga_idealpoints",
        title="UN General Assembly ideal points by country and year (Voeten, July 2025 version), 1992-2024",
        description="Year-based ideal point from final-passage roll calls (`idealpointfp`), the number of "
                    "votes behind it and its posterior quantiles.",
        fields=(
            iso3(), year(lo=FIRST_YEAR, hi=LAST_YEAR),
            Field("ideal_point", "number", "Ideal point estimate (higher = closer to the US-led Western "
                                           "position)", unit="ideal-point scale", required=True,
                  minimum=-5, maximum=5),
            Field("n_votes", "integer", "Final-passage votes the estimate uses", unit="votes", required=True,
                  minimum=0),
            *(Field(col, "number", f"Posterior {col[1:].lstrip('0')}% quantile", unit="ideal-point scale",
                    required=True, minimum=-6, maximum=6) for col in QUANTILES.values()),
        ),
        primary_key=("iso3", "year"),
        sources=(SOURCE,),
        licence=DATAVERSE_TERMS,
        citation="voeten_idealpoints_2025",
        coverage=f"{', '.join(COUNTRIES)}; {FIRST_YEAR}-{LAST_YEAR} (Uzbekistan from 1994)",
        caveats=("Estimates, not votes: the roll calls of 2020-2024 behind them are not in the book.",
                 "Few votes stand behind some Central Asian years (Turkmenistan is often absent): use the "
                 "quantile columns.",
                 "One dimension only; closeness on it is not agreement on any particular issue.")),
]


def run(raw) -> dict[str, pd.DataFrame]:
    frame = raw.csv(SOURCE)
    frame = frame[frame["iso3c"].isin(COUNTRIES) & frame["year"].between(FIRST_YEAR, LAST_YEAR)].copy()
    mapped = to_iso3(frame["iso3c"], "iso3", SOURCE)
    if list(mapped) != list(frame["iso3c"]):
        raise DataError(SOURCE, "ISO3 codes do not map to themselves", column="iso3c")
    frame = frame.dropna(subset=["idealpointfp"])
    missing = sorted(set(COUNTRIES) - set(frame["iso3c"]))
    if missing:
        raise DataError(SOURCE, f"no ideal points for {missing}", column="iso3c")
    if frame.duplicated(["iso3c", "year"]).any():
        raise DataError(SOURCE, "more than one row per country and year", column="year")
    q = frame[list(QUANTILES)]
    if not ((q.diff(axis=1).iloc[:, 1:] >= -1e-9).all(axis=None)):
        raise DataError(SOURCE, "posterior quantiles are not in increasing order", column="q5fp")
    out = pd.DataFrame({"iso3": frame["iso3c"], "year": frame["year"].astype(int),
                        "ideal_point": frame["idealpointfp"], "n_votes": frame["nvotesfp"].round().astype("int64")})
    for col, new in QUANTILES.items():
        out[new] = frame[col]
    return {"unga_idealpoints": out}
