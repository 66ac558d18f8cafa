"""Energy Institute Statistical Review 2025: oil, gas, coal and hydro production, long form.

EI names geographies in snake_case. Two traps are handled here: `russia`
holds the USSR as a whole for 1965-84 and is dropped (the Russian Federation
is `russian_federation`, from 1985; the two are never added), and Kyrgyzstan
and Tajikistan are not separate in EI (they sit inside `other_cis`, which
also holds other states), so they are absent, never estimated.
"""
from __future__ import annotations

import pandas as pd

from ...countries import select, to_iso3
from ...schema import Field, Licence, Resource, iso3, year

SOURCE = "ei-energy/ei_energy_long.csv"
EI_TERMS = Licence("EI-Statistical-Review-terms", "Energy Institute Statistical Review: free use "
                   "with attribution", "https://www.energyinst.org/statistical-review")
KEEP = {
    "oil_production_tonnes": ("oil_production", "million tonnes"),
    "gas_production_bcm": ("gas_production", "billion cubic metres"),
    "coal_production_mt": ("coal_production", "million tonnes"),
    "hydro_generation_twh": ("hydro_generation", "TWh"),
}
USSR_AS_RUSSIA = "russia"  # EI's 1965-84 USSR totals, not the Russian Federation

RESOURCES = [
    Resource(
        name="ei_energy",
        title="Oil, gas and coal production and hydroelectric generation (EI Statistical Review 2025)",
        description="Annual production of crude oil (incl. condensate and NGLs), natural gas and coal "
                    "(in physical units) and hydroelectric generation.",
        fields=(iso3(), year(lo=1985),
                Field("indicator", "string", "Indicator", required=True, enum=tuple(sorted(v[0] for v in KEEP.values()))),
                Field("value", "number", "Value in `unit`", required=True, minimum=0),
                Field("unit", "string", "Unit of `value`", required=True,
                      enum=tuple(sorted({v[1] for v in KEEP.values()})))),
        primary_key=("iso3", "year", "indicator"),
        sources=(SOURCE,),
        licence=EI_TERMS,
        citation="ei_statreview2025",
        coverage="Countries of the country table that EI lists separately (Kazakhstan, Turkmenistan, "
                 "Uzbekistan and comparators) and the World, 1985-2024. Kyrgyzstan and Tajikistan are "
                 "not listed separately by EI and are absent.",
        caveats=("Kyrgyzstan and Tajikistan (both large hydro producers) are inside EI's 'Other CIS' "
                 "and cannot be separated: they are missing, not zero.",
                 "Russia before 1985 (EI 'russia' = USSR) is dropped; rows start in 1985.",
                 "A country-series missing in EI (e.g. Turkmenistan coal) is absent, not zero.",
                 "Coal tonnes are not energy-equivalent across coal grades."),
    ),
]


def run(raw) -> dict[str, pd.DataFrame]:
    frame = raw.csv(SOURCE)
    frame = frame[frame["indicator"].isin(KEEP) & (frame["geo"] != USSR_AS_RUSSIA) & (frame["year"] >= 1985)]
    names = frame["geo"].str.replace("_", " ")
    frame = frame[select(names, "name")].dropna(subset=["value"])
    meta = frame["indicator"].map(KEEP)
    out = pd.DataFrame({"iso3": to_iso3(frame["geo"].str.replace("_", " "), "name", SOURCE),
                        "year": frame["year"].astype(int), "indicator": meta.str[0],
                        "value": frame["value"].astype(float), "unit": meta.str[1]})
    return {"ei_energy": out}
