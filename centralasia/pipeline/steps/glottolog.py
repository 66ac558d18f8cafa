"""Glottolog 5.1: the main (state) languages of the five and their partners, with family and lineage.

The lineage is read from Glottolog's classification tree (Newick, node labels are Glottocodes):
the chain of subgroups from the family down to the language. Two languages that share more of
that chain are more closely related genealogically; it says nothing about shared vocabulary.
"""
from __future__ import annotations

import pandas as pd

from ...countries import to_iso3
from ...errors import DataError
from ...schema import CC_BY_4, Field, Resource

LANGUAGES = "glottolog/glottolog_v5_1_languages_subset.csv"
TREES = "glottolog/glottolog_v5_1_family_trees_subset.csv"
# State (national) language of each country, by ISO 639-3 code (constitutions; Afghanistan has two).
STATE_LANGUAGES = {"kaz": "KAZ", "kir": "KGZ", "tgk": "TJK", "tuk": "TKM", "uzn": "UZB", "rus": "RUS",
                   "prs": "AFG", "pbu": "AFG", "azj": "AZE", "cmn": "CHN", "pes": "IRN", "khk": "MNG",
                   "urd": "PAK", "tur": "TUR", "eng": "USA"}
# Regional languages without a state of their own, kept for comparison.
REGIONAL = ("kaa", "uig")

RESOURCES = [
    Resource(
        name="languages",
        title="Main languages of Central Asia and partner states: family and classification (Glottolog 5.1)",
        description="One row per language: Glottocode, name, ISO 639-3 code, the country whose state "
                    "language it is (empty for regional languages), the top-level family and the "
                    "classification lineage from the family to the language.",
        fields=(
            Field("glottocode", "string", "Glottolog identifier", required=True),
            Field("language", "string", "Glottolog name", required=True),
            Field("iso639_3", "string", "ISO 639-3 code", required=True),
            Field("state_language_of", "string", "Country (ISO3) whose state language it is", country=True),
            Field("family", "string", "Top-level family (Glottolog)", required=True),
            Field("lineage", "string", "Glottocodes of the subgroups from the family down to the language, "
                  "';'-separated (family first, language excluded)", required=True),
            Field("depth", "integer", "Number of classification nodes above the language", unit="nodes",
                  required=True, minimum=1),
        ),
        primary_key=("glottocode",),
        sources=(LANGUAGES, TREES),
        licence=CC_BY_4,
        citation="glottolog_5_1",
        coverage="State languages of the five and ten partners, plus Karakalpak and Uyghur",
        caveats=("Classification (topology) only: it measures genealogical relatedness, not mutual "
                 "intelligibility or shared vocabulary.",
                 "State language is a legal status; Russian is also an official language in Kazakhstan and "
                 "Kyrgyzstan and widely used in all five."),
    ),
]


def ancestors(newick: str, code: str) -> list[str]:
    """Labels of the groups enclosing `code` in a Newick string, innermost first."""
    start = newick.find(code + ":")
    if start < 0 or (start > 0 and newick[start - 1] not in "(,"):
        # the code may also appear as a node label after ')'; find it as a leaf or internal node
        start = newick.find(")" + code + ":") + 1 if ")" + code + ":" in newick else -1
    if start < 0:
        raise KeyError(code)
    out, depth, i = [], 0, start + len(code)
    while i < len(newick):
        ch = newick[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                j = i + 1
                while j < len(newick) and newick[j] not in ":,();":
                    j += 1
                out.append(newick[i + 1:j])
            else:
                depth -= 1
        i += 1
    return out


def run(raw) -> dict[str, pd.DataFrame]:
    langs = raw.csv(LANGUAGES, dtype=str)
    wanted = {**STATE_LANGUAGES, **{c: None for c in REGIONAL}}
    keep = langs[langs["ISO639P3code"].isin(wanted) & (langs["Level"] == "language")].copy()
    missing = set(wanted) - set(keep["ISO639P3code"])
    if missing:
        raise DataError(LANGUAGES, f"languages not found: {sorted(missing)}", column="ISO639P3code")
    trees = raw.csv(TREES, dtype=str).set_index("family_glottocode")
    rows = []
    for _, r in keep.iterrows():
        tree = trees.loc[r["Family_ID"], "newick"]
        lineage = ancestors(tree, r["Glottocode"])[::-1]
        if not lineage or lineage[0] != r["Family_ID"]:
            raise DataError(TREES, f"{r['Glottocode']} is not under its family {r['Family_ID']}")
        state = wanted[r["ISO639P3code"]]
        rows.append({"glottocode": r["Glottocode"], "language": r["Name"], "iso639_3": r["ISO639P3code"],
                     "state_language_of": to_iso3([state], "iso3", LANGUAGES)[0] if state else None,
                     "family": r["Family_Name"], "lineage": ";".join(lineage), "depth": len(lineage)})
    return {"languages": pd.DataFrame(rows)}
