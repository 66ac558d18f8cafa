"""Rule-based assessments of the transport chapter (notebooks/transport). Grades come from `rules.grade()`.

C32 (¶29, fact): "the countries increase their transport links and launch new flights and high-speed
trains". Evidence kind "chronology": the book's chronology (`events`, type transport, each row
sourced) and its curated rail table (`rail_services`, timetable distance and time as the railways
published them), judged against UIC's threshold for an upgraded high-speed line
(`high_speed_threshold`). Standard: "yes" if new flights and a high-speed train *between* the
states opened between the 2014 route baseline and the article; "partly" if new links and flights
opened but the only high-speed services were domestic; "no" if nothing opened.
Since: the same standard after the article, with the 2014 OpenFlights links compared like with
like against the routes reported by 2026 (Virtual Radar Server): "yes" if more pairs of the five
states are linked and a cross-border high-speed train runs, "partly" if only the links grew,
"no" if the linked pairs fell.

C43 (¶29, forecast): Central Asia could become one of Eurasia's most important trade hubs. As
written, no contemporaneous forecast benchmark exists (R3). Since, a hub is measured by transit
volumes of goods by corridor, which no open source here gives: holds is None (R1), and the summary
says where the region stands (LPI 2018 and the separately published 2023 scores, the gas pipeline).
"""
from __future__ import annotations

import pandas as pd

from .. import transport
from ..countries import CA5, name
from ..data import load
from ..ledger import computed
from ..rules import Assessment, Finding
from ..summits import n_sources

CHAPTER = "notebooks/transport"
ARTICLE_DATE = pd.Timestamp("2019-03-29")
BASELINE_END = pd.Timestamp("2014-06-30")  # OpenFlights' last route update
LPI_YEAR = 2018  # the edition nearest the article
# A top speed counts towards "high-speed" only if it is a line or operating speed, not a coach rating.
SPEED_BASES = ("maximum operating speed",)


def _transport_events() -> pd.DataFrame:
    events = load("events")
    events = events[events["type"] == "transport"].copy()
    events["date"] = pd.to_datetime(events["date"])
    return events.sort_values("date").reset_index(drop=True)


def rail_table() -> pd.DataFrame:
    """Rail services with timetable speeds, whether cross-border, and whether high-speed by UIC."""
    rail = load("rail_services")
    threshold = float(load("high_speed_threshold").set_index("line_kind").loc["upgraded line", "min_speed_kmh"])
    out = transport.timetable_speeds(rail).merge(rail[["service_id", "countries", "opened", "top_speed_basis", "source"]],
                                                 on="service_id")
    out["opened"] = pd.to_datetime(out["opened"])
    out["cross_border"] = out["countries"].str.contains(";")
    out["high_speed"] = out["top_speed_basis"].isin(SPEED_BASES) & (out["top_speed_kmh"].astype(float) >= threshold)
    out.attrs["threshold_kmh"] = threshold
    return out.sort_values("opened").reset_index(drop=True)


def air_pairs() -> dict:
    """Intra-five links in the 2014 OpenFlights snapshot and in the routes reported by 2026."""
    before = transport.links(load("flight_routes"))
    after = transport.reported_links(load("vrs_route_legs"), load("vrs_airports"))
    compared = transport.pairs_compared(before, after, CA5)
    return {"compared": compared,
            "airport_pairs_2014": int((transport.scope(before) == "intra-region").sum()),
            "airport_pairs_2026": int((transport.scope(after) == "intra-region").sum()),
            "country_pairs_2014": int((compared["links_before"] > 0).sum()),
            "country_pairs_2026": int((compared["links_after"] > 0).sum()),
            "pairs": len(compared),
            "tas_dyu_2014": bool(compared.set_index(["country_a", "country_b"]).loc[("TJK", "UZB"), "links_before"] > 0)}


def c32_numbers() -> dict:
    events = _transport_events()
    opened = events[(events["date"] > BASELINE_END) & (events["date"] <= ARTICLE_DATE)]
    later = events[events["date"] > ARTICLE_DATE]
    rail = rail_table()
    before = rail[rail["opened"] <= ARTICLE_DATE]
    talgo = rail.set_index("service_id").loc["ALA-TAS"]
    places = load("ne_places").set_index("name")
    crow = transport.distance_km(places.loc["Almaty", "lon"], places.loc["Almaty", "lat"],
                                 places.loc["Tashkent", "lon"], places.loc["Tashkent", "lat"])
    return {"opened": opened.reset_index(drop=True), "later": later.reset_index(drop=True), "rail": rail,
            "flights_opened": int(opened["title"].str.contains("flight", case=False).sum()),
            "trains_opened": int(opened["title"].str.contains("train|rail|Talgo", case=False).sum()),
            "cross_border_hs_before": int((before["cross_border"] & before["high_speed"]).sum()),
            "cross_border_hs_now": int((rail["cross_border"] & rail["high_speed"]).sum()),
            "domestic_hs_before": before[~before["cross_border"] & before["high_speed"]],
            "talgo": talgo, "almaty_tashkent_crow_km": crow, "threshold_kmh": rail.attrs["threshold_kmh"],
            **air_pairs()}


def _hs_sentence(n: dict) -> str:
    t, hs = n["talgo"], n["domestic_hs_before"]
    return (f"The one new cross-border train ({t['service']}) covers its {t['distance_km']:.0f} km timetable route at "
            f"{t['kmh_low']:.0f}-{t['kmh_high']:.0f} km/h on average (its coaches, not the line, are rated "
            f"{t['top_speed_kmh']:.0f} km/h); the region's high-speed trains by UIC's {n['threshold_kmh']:.0f} km/h "
            f"threshold are domestic, Uzbekistan's " + "; ".join(
                f"{s} (from {o:%B %Y}, {lo:.0f}-{hi:.0f} km/h average)"
                for s, o, lo, hi in zip(hs["service"], hs["opened"], hs["kmh_low"], hs["kmh_high"])) + ".")


@computed("C32")
def c32() -> Assessment:
    n = c32_numbers()
    if n["flights_opened"] == 0 and n["trains_opened"] == 0:
        holds = "no"
    elif n["flights_opened"] and n["cross_border_hs_before"]:
        holds = "yes"
    else:
        holds = "partly"
    sources = min(n_sources(s) for s in n["opened"]["source"]) if len(n["opened"]) else 0
    as_written = Finding(kind="chronology", holds=holds, sources=sources, summary=(
        f"The chronology records {len(n['opened'])} openings between the June 2014 route data and the article ("
        + "; ".join(f"{t}, {d:%B %Y}" for t, d in zip(n["opened"]["title"], n["opened"]["date"]))
        + "). " + _hs_sentence(n)))
    grew = n["country_pairs_2026"] > n["country_pairs_2014"]
    since_holds = ("no" if n["country_pairs_2026"] < n["country_pairs_2014"]
                   else "yes" if grew and n["cross_border_hs_now"] else "partly" if grew else "no")
    later_sources = min((n_sources(s) for s in n["later"]["source"]), default=0)
    since = Finding(kind="chronology", holds=since_holds, sources=later_sources, summary=(
        f"Pairs of the five states with a direct air link: {n['country_pairs_2014']} of {n['pairs']} in the June 2014 "
        f"route data, {n['country_pairs_2026']} in the routes reported by 2026 (airport pairs between two of the five: "
        f"{n['airport_pairs_2014']} and {n['airport_pairs_2026']}; reported routes are not a schedule). The chronology "
        f"records {len(n['later'])} transport events since the article; cross-border high-speed services in the rail "
        f"table: {n['cross_border_hs_now']}."))
    return Assessment("C32", CHAPTER, as_written=as_written, since=since)


def c43_numbers() -> dict:
    scores = load("lpi_scores")
    one = scores[scores["year"] == LPI_YEAR].set_index("iso3")["overall"]
    links = transport.links(load("flight_routes"))
    by_country = transport.hub_shares(links, "country").set_index("country")
    lpi23 = load("lpi_2023_published").set_index("iso3")
    facts = load("gas_pipeline_facts").set_index("fact")
    return {
        "above_world": transport.above(scores, LPI_YEAR),
        "best": one.reindex(list(CA5)).idxmax(),
        "best_score": float(one.reindex(list(CA5)).max()),
        "world_score": float(one["WLD"]),
        "russia_share_pct": float(by_country.loc["RUS", "share_pct"]),
        "lpi_2023": lpi23,
        "lpi_2023_best": lpi23.reindex(list(CA5)).dropna(subset=["overall"])["overall"].astype(float).idxmax(),
        "gas_capacity_bcm": float(facts.loc["design capacity of the system", "value"]),
        "gas_delivered_bcm": float(facts.loc["gas delivered to China since 2009", "value"]),
        "gas_delivered_as_of": str(facts.loc["gas delivered to China since 2009", "as_of"]),
    }


def _count(k: int) -> str:
    words = ("none", "one", "two", "three", "four", "five")
    return words[k] if k < len(words) else str(k)


@computed("C43")
def c43() -> Assessment:
    n = c43_numbers()
    where = (f"In the {LPI_YEAR} Logistics Performance Index {_count(len(n['above_world']))} of the five scored above "
             f"the world average of {n['world_score']:.2f} (best: {name(n['best'])}, {n['best_score']:.2f}); in the "
             f"2014 route data {n['russia_share_pct']:.0f}% of the five's direct air links abroad went to Russia.")
    as_written = Finding(kind="computed", holds=None, summary=(
        "A forecast, with no contemporaneous forecast of transit volumes to grade it against. " + where))
    best = n["lpi_2023"].loc[n["lpi_2023_best"]]
    since = Finding(kind="computed", holds=None, summary=(
        "A trade hub is measured by transit volumes of goods by corridor, which no open source reached here gives. "
        f"The best published LPI 2023 score of the five was {name(n['lpi_2023_best'])}'s {float(best['overall']):.1f} "
        f"(a separate edition, not comparable with {LPI_YEAR}); the region's working transit corridor is the "
        f"Central Asia-China gas pipeline (design capacity {n['gas_capacity_bcm']:.0f} bcm a year, "
        f"{n['gas_delivered_bcm']:.0f} bcm delivered by {n['gas_delivered_as_of']}, as CNPC reported)."))
    return Assessment("C43", CHAPTER, as_written=as_written, since=since)
