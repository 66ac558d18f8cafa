"""FAO AQUASTAT water series as re-published by Gapminder Systema Globalis.

The gapminder-sg raw file carries three AQUASTAT series that the economy step
left out: internal renewable water resources per person, total water
withdrawal, and agriculture's share of withdrawal. Paragraph 28 of the article
names water and energy, so the economy chapter's water-energy section needs
them. Values are kept as published; a missing year stays missing.
"""
from __future__ import annotations

import pandas as pd

from ...countries import select, to_iso3
from ...errors import DataError
from ...schema import CC_BY_4, Field, Resource, iso3, year

SOURCE = "gapminder-sg/gapminder_sg_econ_long.csv"
SERIES = {
    "internal_renewable_water_cu_meters_per_person": ("renewable_water_m3_per_person", "m3 per person per year"),
    "total_water_withdrawal_billion_cu_meters": ("water_withdrawal_bn_m3", "billion m3 per year"),
    "agricultural_water_withdrawal_percent_of_total": ("agri_withdrawal_pct", "% of total withdrawal"),
}
INDICATORS = tuple(sorted(v[0] for v in SERIES.values()))

RESOURCES = [
    Resource(
        name="aquastat_water",
        title="Water resources and withdrawal (FAO AQUASTAT via Gapminder Systema Globalis), long form",
        description="Internal renewable water resources per person, total freshwater withdrawal and the "
                    "share of withdrawal used in agriculture, for the countries of the country table.",
        fields=(iso3(), year(lo=1960, hi=2030),
                Field("indicator", "string", "Indicator (short name)", required=True, enum=INDICATORS),
                Field("value", "number", "Value, in `unit`", required=True, minimum=0),
                Field("unit", "string", "Unit of `value`", required=True,
                      enum=tuple(sorted(v[1] for v in SERIES.values())))),
        primary_key=("iso3", "year", "indicator"),
        sources=(SOURCE,),
        licence=CC_BY_4,
        citation="fao_aquastat",
        coverage="Countries of the country table present in the source; per-person water yearly to 2022, "
                 "withdrawal in the years AQUASTAT reports",
        caveats=("Internal renewable water counts only water generated inside a country's borders: it "
                 "leaves out inflows from upstream neighbours, which is most of Uzbekistan's and "
                 "Turkmenistan's water.",
                 "Per-person values fall mechanically as population grows; the resource itself is a "
                 "long-term average.",
                 "Withdrawal figures are sparse (a few years per country) and partly modelled by FAO."),
    ),
]


def run(raw) -> dict[str, pd.DataFrame]:
    frame = raw.csv(SOURCE)
    frame = frame[frame["indicator"].isin(SERIES)]
    if set(frame["indicator"]) != set(SERIES):
        missing = sorted(set(SERIES) - set(frame["indicator"]))
        raise DataError(SOURCE, f"water series missing from the source: {missing}", column="indicator")
    frame = frame[select(frame["geo"], "iso3_lower")].dropna(subset=["value"])
    if (frame["value"] < 0).any():
        raise DataError(SOURCE, "negative water values", column="value")
    meta = frame["indicator"].map(SERIES)
    out = pd.DataFrame({"iso3": to_iso3(frame["geo"], "iso3_lower", SOURCE),
                        "year": frame["time"].astype(int), "indicator": meta.str[0],
                        "value": frame["value"].astype(float), "unit": meta.str[1]})
    if out.duplicated(["iso3", "year", "indicator"]).any():
        raise DataError(SOURCE, "duplicate country-year-indicator rows in the water series")
    return {"aquastat_water": out}
