"""Turkic basic vocabulary with expert cognate judgements (Savelyev & Robbeets 2020, Lexibank CLDF).

We keep the cognate-class assignments of the languages the chapter compares: one row per
language, concept and cognate class (a language may have two words, in two classes, for one
concept). The lexical similarity itself is computed in `centralasia.people`.
"""
from __future__ import annotations

import pandas as pd

from ...errors import DataError
from ...schema import CC_BY_4, Field, Resource

BASE = "lexibank-savelyevturkic/"
FILES = {k: BASE + f"{k}.csv" for k in ("languages", "parameters", "forms", "cognates")}
# Lexibank language id -> name used in the book (state languages of four of the five, neighbours,
# and Old Turkic as a historical anchor).
KEEP = {"Kazakh": "Kazakh", "Kirghiz": "Kyrgyz", "Uzbek": "Uzbek", "Turkmen": "Turkmen",
        "KaraKalpak": "Karakalpak", "Uighur": "Uyghur", "Turkish": "Turkish", "Azeri": "Azerbaijani",
        "Tatar": "Tatar", "Bashkir": "Bashkir", "Yakut": "Yakut", "Chuvash": "Chuvash",
        "OldUyghur": "Old Turkic"}

RESOURCES = [
    Resource(
        name="turkic_cognates",
        title="Cognate classes of Turkic basic vocabulary, 13 languages (Savelyev & Robbeets 2020)",
        description="One row per language, concept and cognate class: two words for one concept in the "
                    "same language are two rows if their classes differ, one row if not.",
        fields=(
            Field("language", "string", "Language (book name)", required=True, enum=tuple(sorted(KEEP.values()))),
            Field("glottocode", "string", "Glottolog code of the language"),
            Field("concept", "string", "Concept (Concepticon gloss)", required=True),
            Field("cognateset", "integer", "Cognate class identifier (expert judgement)", required=True,
                  minimum=1),
        ),
        primary_key=("language", "concept", "cognateset"),
        sources=tuple(FILES.values()),
        licence=CC_BY_4,
        citation="savelyev_robbeets_2020",
        coverage="254 basic-vocabulary concepts; Kazakh, Kyrgyz, Uzbek, Turkmen, Karakalpak, Uyghur, Turkish, "
                 "Azerbaijani, Tatar, Bashkir, Yakut, Chuvash, Old Turkic",
        caveats=("Turkic only: Tajik and Russian are not in the dataset.",
                 "Cognate = inherited from a common ancestor word (borrowings within Turkic may be marked "
                 "as cognate); it is not mutual intelligibility."),
    ),
]


def run(raw) -> dict[str, pd.DataFrame]:
    langs = raw.csv(FILES["languages"], dtype=str).set_index("ID")
    unknown = set(KEEP) - set(langs.index)
    if unknown:
        raise DataError(FILES["languages"], f"languages not found: {sorted(unknown)}", column="ID")
    params = raw.csv(FILES["parameters"], dtype=str).set_index("ID")
    forms = raw.csv(FILES["forms"], dtype=str)[["ID", "Language_ID", "Parameter_ID"]]
    cognates = raw.csv(FILES["cognates"], dtype=str)[["Form_ID", "Cognateset_ID"]]
    t = forms[forms["Language_ID"].isin(KEEP)].merge(cognates, left_on="ID", right_on="Form_ID", how="inner")
    if t["Cognateset_ID"].isna().any():
        raise DataError(FILES["cognates"], "form without cognate class", column="Cognateset_ID")
    gloss = params["Concepticon_Gloss"].fillna(params["Name"])
    if gloss.duplicated().any():  # fall back on the dataset's own concept label where glosses repeat
        gloss = params["Name"]
    out = pd.DataFrame({"language": t["Language_ID"].map(KEEP),
                        "glottocode": t["Language_ID"].map(langs["Glottocode"]),
                        "concept": t["Parameter_ID"].map(gloss),
                        "cognateset": t["Cognateset_ID"].astype(int)})
    if out["concept"].isna().any():
        raise DataError(FILES["forms"], "form for an unknown concept", column="Parameter_ID")
    return {"turkic_cognates": out.drop_duplicates().reset_index(drop=True)}
