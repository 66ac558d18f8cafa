"""Computed verdicts for the investment and economy claims (chapter notebooks/economy).

C31 (¶28): "more than $1.1bn" of direct investment from Kazakhstan to Central
Asia over 13 years. No open source has bilateral FDI, so the claim cannot be
verified; what can be computed is Kazakhstan's total outward FDI over the
same years, of which the claim would be a share. The claim is contradicted
only if it exceeded that total.

C39 (¶35): Central Asia as "one of the dynamically developing regions of the
world". Tested as real GDP growth of the five (weighted by constant-US$ GDP)
against world growth over the ten years before the article, 2009-2018.
"""
from __future__ import annotations

import pandas as pd

from .. import indicators as ind
from ..countries import CA5
from ..data import load
from ..ledger import Verdict, computed

CHAPTER = "notebooks/economy"
CLAIM_USD = 1.1e9
CLAIM_WINDOW = (2006, 2018)  # the 13 years to 2018, the last full year before the article
GROWTH_WINDOW = (2009, 2018)  # ten years before the article


def kazakh_outward_fdi_usd() -> pd.Series:
    """Kazakhstan's net FDI outflows in current US$ by year (WDI % of GDP x WDI GDP)."""
    econ = load("gapminder_econ")
    pct = econ[(econ["iso3"] == "KAZ") & (econ["indicator"] == "fdi_outflows_pct_gdp")]
    gdp = load("wb_gdp")
    gdp = gdp[gdp["iso3"] == "KAZ"].set_index("year")["gdp_usd"]
    return ind.usd_from_pct_gdp(pct.set_index("year")["value"], gdp).dropna()


def claim_share_of_outward_fdi(first: int = CLAIM_WINDOW[0], last: int = CLAIM_WINDOW[1]) -> dict:
    total, years = ind.window_sum(kazakh_outward_fdi_usd(), first, last)
    return {"first": first, "last": last, "years": years, "total_usd": total,
            "claim_share_pct": CLAIM_USD / total * 100}


@computed("C31")
def c31() -> Verdict:
    r = claim_share_of_outward_fdi()
    if r["years"] != r["last"] - r["first"] + 1:
        return Verdict("C31", "unverified", "Kazakhstan's outward FDI series has gaps in "
                       f"{r['first']}-{r['last']}; the claim cannot be set against it.", CHAPTER)
    if r["total_usd"] < CLAIM_USD:
        verdict = "contradicted"
        note = "more than Kazakhstan's entire reported outward FDI"
    else:
        verdict = "partly supported"
        note = (f"{r['claim_share_pct']:.1f}% of that total, so plausible in size, but no open data "
                "give outward FDI by destination, so the regional figure itself cannot be checked")
    evidence = (f"Kazakhstan's net outward FDI in {r['first']}-{r['last']} summed to "
                f"USD {r['total_usd'] / 1e9:.1f} billion (WDI via Gapminder, % of GDP x GDP in current US dollars); "
                f"USD 1.1 billion would be {note}.")
    return Verdict("C31", verdict, evidence, CHAPTER)


def growth_comparison(first: int = GROWTH_WINDOW[0], last: int = GROWTH_WINDOW[1]) -> dict:
    """Average real growth of the five (aggregate and each) and of the world over a window."""
    econ = load("gapminder_econ")
    levels = ind.wide(econ[(econ["indicator"] == "gdp_constant_usd") & econ["iso3"].isin(CA5)], "value")
    rates = ind.wide(econ[econ["indicator"] == "gdp_growth_pct"], "value")
    ca5 = ind.group_growth(levels[list(CA5)])
    out = {"first": first, "last": last,
           "ca5": ind.average_growth(ca5.loc[first:last]),
           "world": ind.average_growth(rates.loc[first:last, "WLD"])}
    for code in CA5:
        out[code] = ind.average_growth(rates.loc[first:last, code])
    out["faster_than_world"] = [c for c in CA5 if out[c] > out["world"]]
    return out


@computed("C39")
def c39() -> Verdict:
    r = growth_comparison()
    n = len(r["faster_than_world"])
    verdict = "supported" if r["ca5"] > r["world"] and n >= 4 else (
        "partly supported" if r["ca5"] > r["world"] else "contradicted")
    evidence = (f"Real GDP of the five grew {r['ca5']:.1f}% a year in {r['first']}-{r['last']} "
                f"against {r['world']:.1f}% for the world, and {n} of the 5 grew faster than the "
                "world (WDI via Gapminder; Turkmenistan's official growth is doubted). "
                "'Huge potential' is not testable.")
    return Verdict("C39", verdict, evidence, CHAPTER)
