"""Computed verdicts of the transport chapter (notebooks/transport).

C32 (¶29): the countries are adding transport links, new flights and high-speed trains.
Tested against the 2014 air-route baseline (OpenFlights) and the dated openings in the
chronology (`events`, type transport) between that baseline and the article.

C43 (¶29): Central Asia could become one of Eurasia's main trade hubs. A forecast: the
book can show where the region stood (logistics performance, air connectivity) but has
no transit volumes or corridor data, so the verdict stays "unverified".
"""
from __future__ import annotations

import pandas as pd

from .. import transport
from ..countries import CA5, name
from ..data import load
from ..ledger import Verdict, computed

CHAPTER = "notebooks/transport"
ARTICLE_DATE = pd.Timestamp("2019-03-29")
BASELINE_END = pd.Timestamp("2014-06-30")  # OpenFlights' last route update
LPI_YEAR = 2018  # the edition nearest the article
# Journey time of the 2017 Almaty-Tashkent Talgo service, as the chronology records it (E023:
# "about 16 hours"); the sources of the claim ledger give the same figure.
TALGO_HOURS = 16.0
HIGH_SPEED_KMH = 200  # the usual lower bound for high-speed rail (UIC, upgraded lines)


def _capital_pair_linked(links: pd.DataFrame, a: str, b: str) -> bool:
    pair = {a, b}
    return bool(((links["airport_a"].isin(pair)) & (links["airport_b"].isin(pair))
                 & (links["airport_a"] != links["airport_b"])).any())


def c32_numbers() -> dict:
    """Openings between the 2014 baseline and the article, and the 2014 network they changed."""
    events = load("events")
    events = events[events["type"] == "transport"].copy()
    events["date"] = pd.to_datetime(events["date"])
    opened = events[(events["date"] > BASELINE_END) & (events["date"] <= ARTICLE_DATE)]
    links = transport.links(load("flight_routes"))
    pairs = transport.country_pairs(links, CA5)
    places = load("ne_places").set_index("name")
    almaty_tashkent = transport.distance_km(places.loc["Almaty", "lon"], places.loc["Almaty", "lat"],
                                            places.loc["Tashkent", "lon"], places.loc["Tashkent", "lat"])
    return {
        "opened": opened.sort_values("date").reset_index(drop=True),
        "pairs_linked_2014": int((pairs["links"] > 0).sum()),
        "pairs": len(pairs),
        "tas_dyu_2014": _capital_pair_linked(links, "TAS", "DYU"),
        "almaty_tashkent_km": almaty_tashkent,
        "talgo_kmh_straight_line": almaty_tashkent / TALGO_HOURS,
    }


@computed("C32")
def c32() -> Verdict:
    n = c32_numbers()
    titles = n["opened"]["title"].str.lower().str.cat(sep=" ")
    if n["tas_dyu_2014"] or not ("flight" in titles and ("train" in titles or "talgo" in titles)):
        raise AssertionError("the baseline or the chronology changed: recompute the C32 verdict")
    return Verdict(
        claim_id="C32",
        verdict="supported",
        evidence=(
            f"In the June 2014 route data only {n['pairs_linked_2014']} of the {n['pairs']} pairs of "
            "Central Asian states had a direct flight, and Tashkent-Dushanbe had none; the "
            f"chronology records {len(n['opened'])} openings between then and the article ("
            + "; ".join(f"{t}, {d:%B %Y}" for t, d in zip(n["opened"]["title"], n["opened"]["date"]))
            + "). 'High-speed' fits the rolling stock, not the journey: a trip of about "
            f"{TALGO_HOURS:.0f} hours over a straight-line distance of "
            f"{n['almaty_tashkent_km']:.0f} km averages about {n['talgo_kmh_straight_line']:.0f} km/h "
            f"(faster along the longer track, but far below the {HIGH_SPEED_KMH} km/h of high-speed rail)."),
        chapter=CHAPTER,
    )


def _count(k: int) -> str:
    return "none" if k == 0 else str(k)


def c43_numbers() -> dict:
    scores = load("lpi_scores")
    one = scores[scores["year"] == LPI_YEAR].set_index("iso3")["overall"]
    links = transport.links(load("flight_routes"))
    by_country = transport.hub_shares(links, "country").set_index("country")
    return {
        "above_world": transport.above(scores, LPI_YEAR),
        "best": one.reindex(list(CA5)).idxmax(),
        "best_score": float(one.reindex(list(CA5)).max()),
        "world_score": float(one["WLD"]),
        "russia_share_pct": float(by_country.loc["RUS", "share_pct"]),
    }


@computed("C43")
def c43() -> Verdict:
    n = c43_numbers()
    return Verdict(
        claim_id="C43",
        verdict="unverified",
        evidence=(
            "A forecast, and the data to judge a hub (transit volumes, corridor traffic) are not "
            f"open here. Where the region stood: in the {LPI_YEAR} Logistics Performance Index "
            f"{_count(len(n['above_world']))} of the five scored above the world average of "
            f"{n['world_score']:.2f} (best: {name(n['best'])}, {n['best_score']:.2f}), and in the 2014 "
            "route data "
            f"{n['russia_share_pct']:.0f}% of the five's direct air links abroad went to Russia."),
        chapter=CHAPTER,
    )
