"""People and culture: lexical similarity, visa openness, migrant and religion shares.

Pure functions on tidy tables (as `load` returns them), tested in tests/test_people.py.
"""
from __future__ import annotations

from itertools import combinations

import pandas as pd

# Visa categories (see the `visa_requirements` schema) from most to least open.
VISA_ORDER = ("visa_free", "visa_on_arrival", "eta", "e_visa", "visa_required", "no_admission")
# Entry without applying in advance: the comparison of 2019 and 2025 rests on this, because the
# 2019 coding cannot tell an e-visa from a visa.
OPEN = ("visa_free", "visa_on_arrival")
MUSLIM = ("muslim_sunni", "muslim_other")


def lexical_similarity(cognates: pd.DataFrame, languages: list[str] | None = None) -> pd.DataFrame:
    """Share of concepts whose words are cognate, for every pair of languages.

    `cognates` has one row per language, concept and cognate class. For a pair, only concepts
    attested in both count; a concept is shared if the two languages have at least one cognate
    class in common (a language may have two words for one concept). Returns one row per
    unordered pair: a, b, concepts (both attested), shared, similarity (shared / concepts).
    """
    langs = languages if languages is not None else sorted(cognates["language"].unique())
    classes = {lang: g.groupby("concept")["cognateset"].apply(set).to_dict()
               for lang, g in cognates[cognates["language"].isin(langs)].groupby("language")}
    rows = []
    for a, b in combinations(langs, 2):
        ca, cb = classes.get(a, {}), classes.get(b, {})
        both = set(ca) & set(cb)
        shared = sum(1 for c in both if ca[c] & cb[c])
        rows.append({"a": a, "b": b, "concepts": len(both), "shared": shared,
                     "similarity": shared / len(both) if both else float("nan")})
    return pd.DataFrame(rows, columns=["a", "b", "concepts", "shared", "similarity"])


def as_matrix(pairs: pd.DataFrame, value: str = "similarity", diagonal: float = 1.0,
              order: list[str] | None = None) -> pd.DataFrame:
    """A symmetric square matrix from one-row-per-pair output (a, b, value)."""
    names = order or sorted(set(pairs["a"]) | set(pairs["b"]))
    m = pd.DataFrame(float("nan"), index=names, columns=names)
    for r in pairs.itertuples():
        m.loc[r.a, r.b] = m.loc[r.b, r.a] = getattr(r, value)
    for n in names:
        m.loc[n, n] = diagonal
    return m


def shared_lineage(lineage_a: str, lineage_b: str) -> int:
    """Number of classification nodes two languages share (0 = different families)."""
    n = 0
    for x, y in zip(lineage_a.split(";"), lineage_b.split(";")):
        if x != y:
            break
        n += 1
    return n


def visa_matrix(visa: pd.DataFrame, snapshot: int, countries: list[str]) -> pd.DataFrame:
    """Passport (rows) x destination (columns) of visa categories for one snapshot."""
    t = visa[(visa["snapshot"] == snapshot) & visa["passport"].isin(countries)
             & visa["destination"].isin(countries)]
    m = t.pivot(index="passport", columns="destination", values="category")
    return m.reindex(index=countries, columns=countries)


def open_pairs(visa: pd.DataFrame, snapshot: int, countries: list[str], open_: tuple[str, ...] = OPEN) -> dict:
    """How many ordered pairs of different countries need no visa applied for in advance."""
    m = visa_matrix(visa, snapshot, countries)
    cells = [m.loc[a, b] for a in countries for b in countries if a != b]
    known = [c for c in cells if isinstance(c, str)]
    n_open = sum(c in open_ for c in known)
    return {"pairs": len(known), "open": n_open, "share": n_open / len(known) if known else float("nan")}


def visa_changes(visa: pd.DataFrame, countries: list[str], before: int = 2019, after: int = 2025) -> pd.DataFrame:
    """Ordered pairs whose openness (open vs not) differs between two snapshots."""
    a = visa_matrix(visa, before, countries).stack().rename("before")
    b = visa_matrix(visa, after, countries).stack().rename("after")
    t = pd.concat([a, b], axis=1).reset_index()
    t.columns = ["passport", "destination", "before", "after"]
    t = t[t["passport"] != t["destination"]]
    changed = t["before"].isin(OPEN) != t["after"].isin(OPEN)
    return t[changed].sort_values(["passport", "destination"]).reset_index(drop=True)


def openness_score(visa: pd.DataFrame, snapshot: int, country: str, partners: list[str]) -> dict:
    """For one country: share of partners its citizens enter without a visa, and share it admits so."""
    m = visa_matrix(visa, snapshot, [country, *[p for p in partners if p != country]])
    others = [p for p in m.index if p != country]
    out_open = sum(m.loc[country, p] in OPEN for p in others)
    in_open = sum(m.loc[p, country] in OPEN for p in others)
    return {"outbound": out_open / len(others), "inbound": in_open / len(others)}


def migrant_shares(pairs: pd.DataFrame, totals: pd.DataFrame, country: str, year: int,
                   direction: str = "emigrants") -> pd.DataFrame:
    """Partners of one country as shares of its total emigrant (or immigrant) stock.

    emigrants: where people born in `country` live; immigrants: where residents born abroad were born.
    Partners outside the table are summed as 'other'.
    """
    own, other = ("origin", "destination") if direction == "emigrants" else ("destination", "origin")
    total = totals[(totals["iso3"] == country) & (totals["year"] == year)
                   & (totals["direction"] == direction)]["migrant_stock"]
    if len(total) != 1:
        raise KeyError(f"no {direction} total for {country} {year}")
    total = float(total.iloc[0])
    t = pairs[(pairs[own] == country) & (pairs["year"] == year)]
    t = t.groupby(other)["migrant_stock"].sum().astype(float)
    t["other"] = total - t.sum()
    if t["other"] < -0.5:
        raise ValueError(f"partners exceed the total for {country} {year}")
    return pd.DataFrame({"partner": t.index, "migrant_stock": t.values, "share": t.values / total})


def among_group_share(pairs: pd.DataFrame, totals: pd.DataFrame, group: list[str], year: int) -> float:
    """Share of the group's emigrants (summed) who live in another member of the group."""
    t = pairs[(pairs["year"] == year) & pairs["origin"].isin(group) & pairs["destination"].isin(group)
              & (pairs["origin"] != pairs["destination"])]
    tot = totals[(totals["year"] == year) & totals["iso3"].isin(group) & (totals["direction"] == "emigrants")]
    return float(t["migrant_stock"].sum()) / float(tot["migrant_stock"].sum())


def religion_table(shares: pd.DataFrame, year: int) -> pd.DataFrame:
    """Country x religious group shares for one year, with a Muslim total column."""
    t = shares[shares["year"] == year].pivot(index="iso3", columns="religion", values="share")
    t["muslim"] = t[[c for c in MUSLIM if c in t.columns]].sum(axis=1)
    return t


def stay_days(visa: pd.DataFrame, snapshot: int, passport: str, destination: str):
    """The visa-free stay (days) that one snapshot gives for a passport and destination.

    Returns an int, or None where that snapshot states no length of stay (the 2019 coding never
    does). A statement about 2019 must come from the 2019 snapshot, never from a later one.
    """
    row = visa[(visa["snapshot"] == snapshot) & (visa["passport"] == passport) & (visa["destination"] == destination)]
    if row.empty:
        raise KeyError(f"no {snapshot} row for {passport} -> {destination}")
    days = row["visa_free_days"].iloc[0]
    return None if pd.isna(days) else int(days)


def stays_by_snapshot(visa: pd.DataFrame, passport: str, destinations: list[str]) -> pd.DataFrame:
    """Category and stated stay for one passport in each destination, one column pair per snapshot."""
    rows = []
    for d in destinations:
        row = {"destination": d}
        for snap in sorted(visa["snapshot"].unique()):
            t = visa[(visa["snapshot"] == snap) & (visa["passport"] == passport) & (visa["destination"] == d)]
            row[f"category_{snap}"] = t["category"].iloc[0]
            row[f"days_{snap}"] = stay_days(visa, int(snap), passport, d)
        rows.append(row)
    return pd.DataFrame(rows)


DISPLACED_TYPES = ("refugees", "asylum_seekers", "oip")


def displaced_from(pairs: pd.DataFrame, origin: str, hosts: list[str], types=DISPLACED_TYPES) -> pd.DataFrame:
    """Year x population type: persons from `origin` hosted by all of `hosts` together (one release).

    Missing cells stay missing in a type's column until a host reports a value (`min_count=1`).
    """
    t = pairs[(pairs["origin"] == origin) & pairs["host"].isin(hosts)]
    out = t.groupby("year")[list(types)].sum(min_count=1)
    return out.reindex(range(int(t["year"].min()), int(t["year"].max()) + 1)).astype("Float64")


def resource_summary(tables: dict) -> pd.DataFrame:
    """Rows and years covered by each loaded table (snapshots for the visa table, periods where given)."""
    rows = []
    for r, t in tables.items():
        if "year" in t:
            years = f"{t['year'].min()}–{t['year'].max()}"
        elif "snapshot" in t:
            years = ", ".join(str(s) for s in sorted(t["snapshot"].unique()))
        elif "period" in t:
            years = ", ".join(sorted(t["period"].unique()))
        else:
            years = "–"
        rows.append({"table": r, "rows": len(t), "years": years})
    return pd.DataFrame(rows)


def where_emigrants_live(pairs: pd.DataFrame, totals: pd.DataFrame, countries: list[str], year: int) -> pd.DataFrame:
    """Per country of birth: emigrants living in Russia, in the other countries of the group, elsewhere."""
    rows = []
    for c in countries:
        s = migrant_shares(pairs, totals, c, year).set_index("partner")["migrant_stock"]
        others = s.reindex([x for x in countries if x != c]).fillna(0).sum()
        rows.append({"iso3": c, "Russia": s.get("RUS", 0.0), "Other four": others,
                     "Elsewhere": s.sum() - s.get("RUS", 0.0) - others})
    return pd.DataFrame(rows).set_index("iso3")


def census_beside_wrp(census: pd.DataFrame, wrp: pd.DataFrame) -> pd.DataFrame:
    """Census Muslim shares beside the WRP estimate of the nearest WRP year (never merged into one series)."""
    rows = []
    wrp_years = sorted(wrp["year"].unique())
    for r in census.itertuples():
        near = min(wrp_years, key=lambda y: (abs(y - r.year), -y))
        t = religion_table(wrp, int(near))
        rows.append({"iso3": r.iso3, "year": int(r.year), "census, % Muslim": float(r.muslim_pct),
                     "WRP year": int(near), "WRP, % Muslim": round(100 * float(t.loc[r.iso3, "muslim"]), 1)})
    return pd.DataFrame(rows)


def minorities_table(minorities: pd.DataFrame) -> pd.DataFrame:
    """The minorities reference table for display: readable columns, blanks for figures not given."""
    from .countries import name
    t = minorities.sort_values(["group", "country", "year"]).copy()
    return pd.DataFrame({
        "group": t["group"], "in": t["country"].map(name), "area": t["area"], "year": t["year"].astype(int),
        "persons": [f"{int(v):,}" if pd.notna(v) else "" for v in t["persons"]],
        "share, %": [f"{float(v):.1f}" if pd.notna(v) else "" for v in t["share_pct"]],
        "basis": t["basis"]}).reset_index(drop=True)


def number_word(k: int) -> str:
    """Small counts as words in prose (zero to ten), larger ones as digits."""
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return words[k] if 0 <= k < len(words) else f"{k:,}"


def visitor_shares(by_origin: pd.DataFrame, destination: str, period: str, group: list[str]) -> pd.DataFrame:
    """Visitors by origin for one destination and period, with each origin's share of the reported total.

    attrs: total (the reported all-origins figure) and share_from_group_pct (origins in `group`).
    """
    from .countries import name
    t = by_origin[(by_origin["destination"] == destination) & (by_origin["period"] == period)]
    total = int(t.loc[t["origin"] == "all", "visitors"].iloc[0])
    rows = t[t["origin"] != "all"].sort_values("visitors", ascending=False)
    out = pd.DataFrame({"origin": rows["origin"].map(name), "visitors": rows["visitors"].astype(int),
                        "share of all visitors, %": (100 * rows["visitors"].astype(float) / total).round(1)})
    out.attrs["total"] = total
    out.attrs["share_from_group_pct"] = 100 * float(rows.loc[rows["origin"].isin(group), "visitors"].sum()) / total
    return out.reset_index(drop=True)
