"""Visa requirements between the 15 countries: Passport Index snapshots of 23 Nov 2019 and 12 Jan 2025.

The two snapshots code requirements differently. 2019: 3 visa-free, 2 visa on arrival, 1 eTA
required, 0 visa required (README of 23 Nov 2019). 2025: a number = visa-free stay in days,
'visa free' (days not given), 'visa on arrival', 'eta', 'e-visa', 'visa required', 'no admission',
-1 = own country. We map both to one explicit `category` and keep the raw code next to it.
The 2019 code 0 lumps e-visa with visa required, so 2019 has no e-visa category: compare the
two years on `openness` (visa-free or on arrival = open) rather than on the fine categories.
"""
from __future__ import annotations

import pandas as pd

from ...countries import to_iso3
from ...errors import DataError
from ...schema import Field, Licence, Resource, iso3

Y2019 = "passport-index/passport_index_2019-11-23_tidy_iso3_subset.csv"
Y2025 = "passport-index/passport_index_2025-01-12_tidy_iso3_subset.csv"
SNAPSHOTS = {2019: ("2019-11-23", Y2019), 2025: ("2025-01-12", Y2025)}
CATEGORIES = ("visa_free", "visa_on_arrival", "eta", "e_visa", "visa_required", "no_admission")
CODES_2019 = {"3": "visa_free", "2": "visa_on_arrival", "1": "eta", "0": "visa_required"}
WORDS_2025 = {"visa free": "visa_free", "visa on arrival": "visa_on_arrival", "eta": "eta",
              "e-visa": "e_visa", "visa required": "visa_required", "no admission": "no_admission"}
MIT = Licence("MIT", "MIT License", "https://github.com/ilyankou/passport-index-dataset/blob/master/LICENSE")

RESOURCES = [
    Resource(
        name="visa_requirements",
        title="Visa requirements between the five and ten partners, 2019 and 2025 (Passport Index)",
        description="What an ordinary passport of `passport` needs to enter `destination` as a tourist, in "
                    "two snapshots, harmonised into one category scale; `raw_code` is the value as published.",
        fields=(
            Field("snapshot", "integer", "Snapshot year (2019 = 23 Nov 2019; 2025 = 12 Jan 2025)",
                  required=True, enum=None, minimum=2019, maximum=2025),
            iso3("passport", "Passport (ISO3)"),
            iso3("destination", "Destination (ISO3)"),
            Field("category", "string", "visa_free (with or without stated days); visa_on_arrival; eta "
                  "(electronic travel authorisation); e_visa; visa_required; no_admission", required=True,
                  enum=CATEGORIES),
            Field("visa_free_days", "integer", "Visa-free stay in days, when the source states it (2025 only)",
                  unit="days", minimum=1, maximum=366),
            Field("raw_code", "string", "Requirement as published (2019: 0-3 code; 2025: days or words)",
                  required=True),
        ),
        primary_key=("snapshot", "passport", "destination"),
        sources=(Y2019, Y2025),
        licence=MIT,
        citation="passport_index_ilyankou",
        coverage="15 countries (KAZ, KGZ, TJK, TKM, UZB, AFG, AZE, CHN, GEO, IRN, MNG, PAK, RUS, TUR, USA), "
                 "all ordered pairs of different countries; snapshots 2019-11-23 and 2025-01-12",
        caveats=("A private, crowd-assisted compilation for ordinary passports and tourist stays, not a "
                 "legal source.",
                 "2019 code 0 covers both e-visa and visa required; 2019 has no day counts.",
                 "2025 codes Tajik passports to Kyrgyzstan 'no admission' (land border closed after the "
                 "2021-22 clashes); the March 2025 border treaty postdates the snapshot."),
    ),
]


def _harmonise(code: str, year: int, source: str) -> tuple[str, float]:
    if year == 2019:
        if code not in CODES_2019:
            raise DataError(source, f"unknown 2019 code {code!r}", column="Code")
        return CODES_2019[code], float("nan")
    if code.isdigit():
        return "visa_free", float(code)
    if code not in WORDS_2025:
        raise DataError(source, f"unknown 2025 requirement {code!r}", column="Requirement")
    return WORDS_2025[code], float("nan")


def run(raw) -> dict[str, pd.DataFrame]:
    frames = []
    for year, (_, path) in SNAPSHOTS.items():
        t = raw.csv(path, dtype=str)
        t.columns = ["passport", "destination", "raw_code"]
        t = t[t["passport"] != t["destination"]].copy()  # own country (-1 in 2025)
        t["passport"] = to_iso3(t["passport"], "iso3", path)
        t["destination"] = to_iso3(t["destination"], "iso3", path)
        cats = [_harmonise(c.strip(), year, path) for c in t["raw_code"]]
        t["category"] = [c for c, _ in cats]
        t["visa_free_days"] = pd.array([d for _, d in cats], dtype="Float64").round().astype("Int64")
        t["snapshot"] = year
        frames.append(t)
    out = pd.concat(frames, ignore_index=True)
    if out.groupby("snapshot").size().nunique() != 1:
        raise DataError(Y2019, "the snapshots cover different pairs", column="Passport")
    return {"visa_requirements": out}
