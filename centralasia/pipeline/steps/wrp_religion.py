"""World Religion Project (Maoz & Henderson), national data v1.1: religious composition, 1995-2010.

Adherent counts are grouped into five categories and divided by the WRP population of the state
(`population in independent states`), as the WRP documentation prescribes.
"""
from __future__ import annotations

import pandas as pd

from ...countries import to_iso3
from ...errors import DataError
from ...schema import Field, Licence, Resource, iso3, year

WRP = "wrp-religion/wrp_national_subset.csv"
# Correlates of War state codes of the countries kept -> ISO3 (COW state list, v2016).
COW = {705: "KAZ", 703: "KGZ", 702: "TJK", 701: "TKM", 704: "UZB", 700: "AFG", 365: "RUS", 640: "TUR",
       630: "IRN", 710: "CHN"}
GROUPS = {"muslim_sunni": ["islmsun"], "muslim_other": ["islmshi", "islmibd", "islmnat", "islmalw", "islmahm",
                                                         "islmothr"],
          "christian_orthodox": ["chrstorth"],
          "christian_other": ["chrstprot", "chrstcat", "chrstang", "chrstothr"],
          "non_religious": ["non religious"]}
OTHER = ["total jews", "total buddhists", "total zoroastrains/parsis", "total hindus", "total sikhs",
         "total shinto", "total baha'i", "total taoists", "total jains", "total confucists", "total syncretics",
         "total animists", "other religions"]
RELIGIONS = (*GROUPS, "other")
COW_LICENCE = Licence("other-attribution", "Correlates of War data: free for academic use with citation "
                      "(no formal open licence stated)", "https://correlatesofwar.org/data-sets/")

RESOURCES = [
    Resource(
        name="religion_shares",
        title="Religious composition of the five and five partners, 1995-2010 (World Religion Project)",
        description="Adherents by religious group and their share of the state's population, every five years.",
        fields=(iso3(), year(lo=1995, hi=2010),
                Field("religion", "string", "muslim_sunni; muslim_other (Shia, Ibadi and other Muslims); "
                      "christian_orthodox; christian_other; non_religious; other (all other religions)",
                      required=True, enum=RELIGIONS),
                Field("adherents", "integer", "Adherents", unit="persons", required=True, minimum=0),
                Field("population", "integer", "Population of the state (WRP)", unit="persons", required=True,
                      minimum=1),
                Field("share", "number", "Adherents / population", unit="fraction", required=True,
                      minimum=0, maximum=1)),
        primary_key=("iso3", "year", "religion"),
        sources=(WRP,),
        licence=COW_LICENCE,
        citation="maoz_henderson_2013",
        coverage="KAZ, KGZ, TJK, TKM, UZB, AFG, RUS, TUR, IRN, CHN; 1995-2010 every five years",
        caveats=("Estimates for the post-Soviet states rest on few sources (WRP reliability 'Medium' or lower).",
                 "No data after 2010.",
                 "The copy used renamed some WRP variables; Muslim branches are from the original columns."),
    ),
]


def run(raw) -> dict[str, pd.DataFrame]:
    w = raw.csv(WRP)
    w = w[w["state"].isin(COW) & (w["year"] >= 1995)].copy()
    w["iso3"] = to_iso3(w["state"].map(COW), "iso3", WRP)
    rows = []
    for _, r in w.iterrows():
        population = r["population in independent states"]
        counts = {g: sum(float(r[c]) for c in cols) for g, cols in GROUPS.items()}
        counts["other"] = sum(float(r[c]) for c in OTHER)
        if sum(counts.values()) > population * 1.01:
            raise DataError(WRP, f"adherents exceed population for {r['iso3']} {r['year']}")
        for religion, n in counts.items():
            rows.append({"iso3": r["iso3"], "year": int(r["year"]), "religion": religion,
                         "adherents": int(round(n)), "population": int(population), "share": n / population})
    return {"religion_shares": pd.DataFrame(rows)}
