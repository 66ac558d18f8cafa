"""Verdicts of the trade chapter (notebooks/trade), under the written rules.

C28 (¶25, quantity): Kazakhstan's trade with the other four rose by 30% to
$3.4bn in January-October 2018. No compiled figure covers those months, so as
written the evidence does not cover the claim (R1: unverified) unless a
January-October figure appears (then it decides) or the claim falls outside
the bracket built from the Kazakh-side full-year levels (then it is
contradicted). The bracket is a consistency check, not a measurement.

C29 and C42 (¶26, trends): yearly business forums, trading houses and joint
ventures; visits between regional administrations "becoming more frequent".
Examples are sourced, but no count over time exists, so by R2 they are
unverified. C11 and C30 keep the grade of the reviewed ledger.
"""
from __future__ import annotations

import pandas as pd

from .. import trade
from ..data import load
from ..ledger import computed
from ..rules import Assessment, Finding

CHAPTER = "notebooks/trade"
CLAIM_PERIOD = (2018, 1, 10)  # January-October 2018
CLAIM_LEVEL_USD = 3.4e9
CLAIM_GROWTH_PCT = 30.0
TEN_MONTHS = 10 / 12  # pro-rating a full year to ten months assumes even months: a labelled assumption
PARTNERS = ["KGZ", "TJK", "TKM", "UZB"]


def _statement(statements: pd.DataFrame, **match) -> pd.Series:
    rows = statements
    for key, value in match.items():
        rows = rows[rows[key] == value]
    if len(rows) != 1:
        raise ValueError(f"expected one statement for {match}, found {len(rows)}")
    return rows.iloc[0]


def c28_bracket() -> pd.DataFrame:
    """The Kazakh-side full-year levels closest to the claim, and what they sum to.

    One row per partner reading (with its speaker and year) and three bracket
    rows (low, central, high) that differ only in the Uzbekistan 2018 figure,
    which three speakers gave differently. Turkmenistan has no figure (counted
    as nothing, so every sum is short of it) and Tajikistan only for 2017.
    """
    s = load("trade_statements")
    facts = load("econ_facts").set_index("fact_id")
    uzb17 = _statement(s, reporter="KAZ", partner="UZB", year=2017, period="full year", flow="turnover")
    kgz18 = _statement(s, reporter="KAZ", partner="KGZ", year=2018, period="full year", flow="turnover")
    tjk17 = _statement(s[s["attributed_to"].str.contains("Ministry")], reporter="KAZ", partner="TJK", year=2017,
                       period="full year", flow="turnover")
    uzb18_growth = _statement(s, reporter="KAZ", partner="UZB", year=2018, period="full year", flow="turnover")
    growth = float(uzb18_growth["change_as_stated"].split("than ")[1].split(" ")[0]) / 100  # "more than 30 percent"
    readings = pd.DataFrame([
        {"partner": "UZB", "year": 2018, "reading": "low", "value_usd": facts.loc["T09", "value"] * 1e9,
         "speaker": "Uzbek president's press service (Trend, 12 Apr 2019)"},
        {"partner": "UZB", "year": 2018, "reading": "central", "value_usd": float(uzb17["value_usd"]) * (1 + growth),
         "speaker": "2017 level grown by 'more than 30 percent' (Uzbek media via Trend, 15 Apr 2019): a floor"},
        {"partner": "UZB", "year": 2018, "reading": "high", "value_usd": facts.loc["T08", "value"] * 1e9,
         "speaker": "Kazakh minister Abayev (Kazinform, 18 Apr 2019)"},
        {"partner": "KGZ", "year": 2018, "reading": "all", "value_usd": float(kgz18["value_usd"]),
         "speaker": str(kgz18["attributed_to"])},
        {"partner": "TJK", "year": 2017, "reading": "all", "value_usd": float(tjk17["value_usd"]),
         "speaker": str(tjk17["attributed_to"])},
        {"partner": "TKM", "year": pd.NA, "reading": "all", "value_usd": float("nan"),
         "speaker": "no Kazakh-side figure for 2017 or 2018"},
    ])
    others = readings.loc[readings["reading"] == "all", "value_usd"].sum(min_count=1)
    rows = []
    for level in ("low", "central", "high"):
        full = readings.loc[readings["reading"] == level, "value_usd"].iloc[0] + others
        rows.append({"reading": level, "full_year_usd": full, "ten_months_usd": full * TEN_MONTHS})
    bracket = pd.DataFrame(rows)
    bracket.attrs["readings"] = readings
    bracket.attrs["uzb_2017_usd"] = float(uzb17["value_usd"])
    bracket.attrs["uzb_2018_growth_floor_pct"] = growth * 100
    return bracket


def c28_numbers() -> dict:
    """What the compiled official figures can and cannot say about claim C28."""
    statements = load("trade_statements")
    usable = trade.usable(statements)
    kaz = usable[usable["reporter"] == "KAZ"]
    year, first, last = CLAIM_PERIOD
    same_months = kaz[(kaz["month_start"] == first) & (kaz["month_end"] == last)
                      & kaz["year"].isin([year - 1, year])]
    regional = statements[(statements["scope"] == "KAZ with CA4")
                          & statements["month_start"].eq(first).fillna(False)
                          & statements["month_end"].eq(last).fillna(False)]
    growth = trade.matched_growth(statements)
    kaz_growth = growth[(growth["reporter"] == "KAZ") & growth["year_to"].isin([2017, 2018])
                        & growth["partner"].isin(PARTNERS)]
    uzb_q1 = kaz_growth[(kaz_growth["partner"] == "UZB") & (kaz_growth["period"] == "Jan-Mar")]
    tjk_fy = kaz_growth[(kaz_growth["partner"] == "TJK") & (kaz_growth["period"] == "full year")
                        & (kaz_growth["year_to"] == 2017)]
    return {
        "jan_oct_figures": len(same_months) + len(regional),
        "jan_oct_rows": pd.concat([same_months, regional]),
        "kaz_uzb_q1_growth_pct": float(uzb_q1["growth_pct"].iloc[0]),
        "kaz_tjk_2017_growth_pct": float(tjk_fy["growth_pct"].iloc[0]),
        "kaz_matched_growth_2017_2018": kaz_growth.reset_index(drop=True),
        "implied_base_usd": CLAIM_LEVEL_USD / (1 + CLAIM_GROWTH_PCT / 100),
    }


def c28_as_written(n: dict, bracket: pd.DataFrame) -> Finding:
    rows = n["jan_oct_rows"]
    regional = rows[rows["scope"] == "KAZ with CA4"]
    if len(regional[regional["year"] == CLAIM_PERIOD[0]]):
        level = float(regional[regional["year"] == CLAIM_PERIOD[0]]["value_usd"].iloc[0])
        holds = "yes" if abs(level / CLAIM_LEVEL_USD - 1) <= 0.05 else "no"
        return Finding("chronology", holds, sources=1, summary=(
            f"A Kazakh-side January-October {CLAIM_PERIOD[0]} figure for the region gives "
            f"USD {level / 1e9:.2f} billion."))
    low, high = bracket["ten_months_usd"].min(), bracket["ten_months_usd"].max()
    if not low <= CLAIM_LEVEL_USD <= high:
        return Finding("chronology", "no", sources=2, summary=(
            f"The claimed USD {CLAIM_LEVEL_USD / 1e9:.1f} billion lies outside the USD {low / 1e9:.1f}-"
            f"{high / 1e9:.1f} billion bracket of Kazakh-side full-year levels pro-rated to ten months."))
    return Finding("chronology", None, summary=(
        f"No compiled figure covers January-October {CLAIM_PERIOD[0]}. Kazakh-side full-year levels "
        f"(Uzbekistan and Kyrgyzstan {CLAIM_PERIOD[0]}, Tajikistan 2017, none for Turkmenistan), pro-rated "
        f"to ten months, give USD {low / 1e9:.1f}-{high / 1e9:.1f} billion depending on which speaker's "
        f"Uzbekistan figure is taken: consistent with the claimed USD {CLAIM_LEVEL_USD / 1e9:.1f} billion "
        "but not a measurement of it, and in current dollars."))


@computed("C28")
def c28() -> Assessment:
    n = c28_numbers()
    as_written = c28_as_written(n, c28_bracket())
    since = Finding("chronology", None, summary=(
        "Later statements give other aggregates for other years (Kazakhstan with the region in 2021 and "
        "2023, all five in 2024) and none revisits January-October 2018; IMF DOTS or the Kazakh bureau's "
        "cumulative partner tables would settle it."))
    return Assessment("C28", CHAPTER, as_written=as_written, since=since)


@computed("C29")
def c29() -> Assessment:
    summary = ("Examples are sourced (an Uzbek-Kazakh business forum in Tashkent in September 2017 (TCA); "
               "the first Central Asian Economic Forum in March 2019 (uz-line); joint ventures with Kazakh "
               "capital in Uzbekistan by mid-2019 (Xinhua)), but no count of forums, trading houses or joint "
               "ventures by year was found, so 'every year' and the growth cannot be graded.")
    return Assessment("C29", CHAPTER,
                      as_written=Finding("judgement", "partly", summary, sources=3, series=False),
                      since=Finding("judgement", None, "No series of forums or joint ventures after 2019 was "
                                    "compiled.", series=False))


@computed("C42")
def c42() -> Assessment:
    summary = ("Visits are documented for one pair (South Kazakhstan and the Tashkent, Syrdarya and Jizzakh "
               "regions, 2017-2018, Kazinform), but no count of interregional visits over time was found: a "
               "claim that visits are becoming more frequent needs that series.")
    return Assessment("C42", CHAPTER,
                      as_written=Finding("judgement", "partly", summary, sources=1, series=False),
                      since=Finding("judgement", None, "No count of interregional visits after 2019 was "
                                    "compiled.", series=False))
