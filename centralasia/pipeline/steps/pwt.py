"""Penn World Table 10.01: real GDP at chained PPPs and population (to 2019), for income comparisons."""
from __future__ import annotations

import pandas as pd

from ...countries import select, to_iso3
from ...schema import CC_BY_4, Field, Resource, iso3, year

SOURCE = "pwt1001/pwt1001_long.csv"

RESOURCES = [
    Resource(
        name="pwt_gdp_ppp",
        title="Real GDP at chained PPPs and population (Penn World Table 10.01)",
        description="Expenditure-side real GDP at chained PPPs (rgdpe) and population (pop), from "
                    "which GDP per person in 2017 international dollars is computed.",
        fields=(iso3(), year(lo=1990, hi=2019),
                Field("rgdpe_musd", "number", "Expenditure-side real GDP at chained PPPs (PWT rgdpe)",
                      unit="million 2017 international $", required=True, minimum=0),
                Field("pop_m", "number", "Population (PWT pop)", unit="million persons",
                      required=True, minimum=0),
                Field("rgdpe_per_capita", "number", "rgdpe / pop",
                      unit="2017 international $ per person", required=True, minimum=0)),
        primary_key=("iso3", "year"),
        sources=(SOURCE,),
        licence=CC_BY_4,
        citation="feenstra2015pwt",
        coverage="Countries of the country table in PWT 10.01, 1990-2019",
        caveats=("Ends in 2019.",
                 "PPP figures for Turkmenistan, Tajikistan and Uzbekistan rest on weak price and "
                 "national-accounts data: treat them as rough."),
    ),
]


def run(raw) -> dict[str, pd.DataFrame]:
    frame = raw.csv(SOURCE)
    frame = frame[frame["indicator"].isin(["rgdpe", "pop"]) & (frame["year"] >= 1990)]
    frame = frame[select(frame["country"], "iso3_lower")]
    wide = frame.pivot(index=["country", "year"], columns="indicator", values="value").dropna().reset_index()
    out = pd.DataFrame({"iso3": to_iso3(wide["country"], "iso3_lower", SOURCE),
                        "year": wide["year"].astype(int),
                        "rgdpe_musd": wide["rgdpe"], "pop_m": wide["pop"],
                        "rgdpe_per_capita": (wide["rgdpe"] / wide["pop"]).round(2)})
    return {"pwt_gdp_ppp": out}
