"""Verdicts on the investment and economy claims (chapter notebooks/economy), under the written rules.

C31 (¶28, quantity): "more than $1.1bn" of direct investment from Kazakhstan to
Central Asia over 13 years. Open data give Kazakhstan's total net outward FDI,
not its destinations. The claim is contradicted if it exceeds that total; if
not, no evidence covers the regional figure itself (no outflows by destination,
and the officials' bilateral statements cover other windows and one partner),
so the finding is "no coverage" and rule R1 makes it unverified.

C39 (¶35, trend): Central Asia as "one of the dynamically developing regions of
the world". A real series exists, so R2 does not bar a grade. The test: the
five's GDP-weighted real growth against the world and against the median of
the non-high-income economies, over the ten years before the article (as
written) and from 2019 to the latest year (since). Above both: holds; above
the world only: partly; not above the world: no.
"""
from __future__ import annotations

import pandas as pd

from .. import economy as ec
from .. import indicators as ind
from ..countries import CA5
from ..data import load
from ..ledger import computed
from ..rules import Assessment, Finding

CHAPTER = "notebooks/economy"
CLAIM_USD = 1.1e9
CLAIM_WINDOW = (2006, 2018)  # the 13 years to 2018, the last full year before the article
GROWTH_WINDOW = (2009, 2018)  # ten years before the article
SINCE_WINDOW = (2019, 2024)
SOURCE_GROWTH = "WDI via Gapminder Systema Globalis"


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


def fdi_statements() -> pd.DataFrame:
    """Officials' and the EDB's investment figures (sourced facts, topic 'fdi')."""
    facts = load("econ_facts")
    return facts[facts["topic"] == "fdi"].reset_index(drop=True)


def c31_finding(r: dict, statements: pd.DataFrame) -> Finding:
    if r["years"] != r["last"] - r["first"] + 1:
        return Finding("computed", None, f"Kazakhstan's outward FDI series has gaps in {r['first']}-{r['last']}; "
                       "nothing covers the claim.")
    if r["total_usd"] < CLAIM_USD:
        return Finding("computed", "no", f"Kazakhstan's entire net outward FDI in {r['first']}-{r['last']} was "
                       f"USD {r['total_usd'] / 1e9:.1f} billion, less than the claimed regional figure.")
    kgz = statements[statements["subject"] == "KAZ-KGZ"]
    return Finding("computed", None, (
        f"Kazakhstan's net outward FDI in {r['first']}-{r['last']} summed to USD {r['total_usd'] / 1e9:.1f} "
        f"billion (WDI via Gapminder), so the claim is not impossible, but no open data give outflows by "
        f"destination. The {len(kgz)} officials' figures found for Kyrgyzstan alone cover other windows "
        f"(stated in {', '.join(kgz['date'].str[:4])}) and the EDB's figures are stocks, so none covers the claim."))


@computed("C31")
def c31() -> Assessment:
    r = claim_share_of_outward_fdi()
    statements = fdi_statements()
    as_written = c31_finding(r, statements)
    edb = statements[statements["subject"] == "CA5"].sort_values("date")
    since = c31_finding(r, statements) if as_written.holds == "no" else Finding(
        "judgement", None,
        "Later figures measure something else: the EDB's bottom-up stock of mutual FDI among the five was "
        f"USD {edb['value'].iloc[0]:.1f} billion in {edb['date'].iloc[0][:4]} and "
        f"USD {edb['value'].iloc[-1]:.1f} billion in {edb['date'].iloc[-1][:4]} (EDB monitoring, as reported), "
        "a stock from all five sources, not Kazakhstan's flows over 2005-2018.", sources=len(edb))
    return Assessment("C31", CHAPTER, as_written=as_written, since=since)


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


def peers(first: int, last: int) -> dict:
    return ec.peer_comparison(load("gapminder_world_gdp"), [c.lower() for c in CA5], first, last)


def c39_finding(first: int, last: int) -> Finding:
    g = growth_comparison(first, last)
    p = peers(first, last)
    if g["ca5"] <= g["world"]:
        holds = "no"
    elif g["ca5"] > p["peer_median"]:
        holds = "yes"
    else:
        holds = "partly"
    return Finding("computed", holds, series=True, summary=(
        f"In {first}-{last} the five's real GDP grew {g['ca5']:.1f}% a year (GDP-weighted) against "
        f"{g['world']:.1f}% for the world and a median of {p['peer_median']:.1f}% for {p['n_peers']} "
        f"non-high-income economies (faster than {p['share_of_peers_below']:.0f}% of them); per person "
        f"{p['group_per_person']:.1f}% against {p['world_per_person']:.1f}% for the world ({SOURCE_GROWTH}). "
        "'Potential' is not tested; Turkmenistan's official growth is doubted."))


@computed("C39")
def c39() -> Assessment:
    last = int(load("gapminder_world_gdp")["year"].max())
    return Assessment("C39", CHAPTER, as_written=c39_finding(*GROWTH_WINDOW),
                      since=c39_finding(SINCE_WINDOW[0], min(SINCE_WINDOW[1], last)))
