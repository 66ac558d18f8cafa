"""Computed verdicts of the trade chapter (notebooks/trade).

Only C28 ($3.4bn, +30%, January-October 2018) can be tested with the book's
data. C11 (the summit's trade pledges), C29 (business forums, trading houses,
joint ventures) and C30 (first business councils in 2018) concern what was
said or organised, which no table in data/ records; they keep the verdict of
the reviewed ledger.
"""
from __future__ import annotations

from .. import trade
from ..data import load
from ..ledger import Verdict, computed

CHAPTER = "notebooks/trade"
CLAIM_PERIOD = (2018, 1, 10)  # January-October 2018
CLAIM_LEVEL_USD = 3.4e9
CLAIM_GROWTH_PCT = 30.0


def c28_numbers() -> dict:
    """What the compiled official figures can and cannot say about claim C28."""
    statements = load("trade_statements")
    usable = trade.usable(statements)
    kaz = usable[usable["reporter"] == "KAZ"]
    year, first, last = CLAIM_PERIOD
    # Any Kazakh-side figure for the claim's months, for the claim year or the year before.
    same_months = kaz[(kaz["month_start"] == first) & (kaz["month_end"] == last)
                      & kaz["year"].isin([year - 1, year])]
    regional = statements[(statements["scope"] == "KAZ with CA4")
                          & statements["month_start"].eq(first).fillna(False)
                          & statements["month_end"].eq(last).fillna(False)]
    growth = trade.matched_growth(statements)
    kaz_growth = growth[(growth["reporter"] == "KAZ") & growth["year_to"].isin([2017, 2018])
                        & growth["partner"].isin(["KGZ", "TJK", "TKM", "UZB"])]
    uzb_q1 = kaz_growth[(kaz_growth["partner"] == "UZB") & (kaz_growth["period"] == "Jan-Mar")]
    tjk_fy = kaz_growth[(kaz_growth["partner"] == "TJK") & (kaz_growth["period"] == "full year")
                        & (kaz_growth["year_to"] == 2017)]
    return {
        "jan_oct_figures": len(same_months) + len(regional),
        "kaz_uzb_q1_growth_pct": float(uzb_q1["growth_pct"].iloc[0]),
        "kaz_tjk_2017_growth_pct": float(tjk_fy["growth_pct"].iloc[0]),
        "kaz_matched_growth_2017_2018": kaz_growth.reset_index(drop=True),
        "implied_base_usd": CLAIM_LEVEL_USD / (1 + CLAIM_GROWTH_PCT / 100),
    }


@computed("C28")
def c28() -> Verdict:
    n = c28_numbers()
    if n["jan_oct_figures"]:
        raise AssertionError("a January-October figure is now in the data: compute the verdict from it")
    return Verdict(
        claim_id="C28",
        verdict="unverified",
        evidence=(
            "None of the compiled official figures covers January-October 2017 or 2018 for "
            "Kazakhstan's trade with the region or with any single neighbour, so neither the "
            f"${CLAIM_LEVEL_USD / 1e9:.1f}bn level nor the {CLAIM_GROWTH_PCT:.0f}% growth can be "
            "recomputed. The matched-period figures that "
            "exist point the same way: Kazakh-reported turnover with Uzbekistan rose "
            f"{n['kaz_uzb_q1_growth_pct']:.1f}% in January-March 2018 and with Tajikistan "
            f"{n['kaz_tjk_2017_growth_pct']:.1f}% in 2017."),
        chapter=CHAPTER,
    )
