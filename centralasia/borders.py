"""Delimitation and demarcation status of each border, computed from the chronology.

The chronology (`load('events')`) records border agreements as dated events.
Each `border_agreement` event is given one *step* by the first rule below that
matches its title (or, for rule 5, its title and description). The rules are
deliberately plain so a reader can audit them (`classify_events` shows the step
given to every event):

0. ``Caspian``, ``maritime`` or ``seabed`` → ``maritime`` (a sea boundary: shown, but outside
   the land-border status);
1. ``junction`` or ``tripoint`` → ``tripoint`` (fixes where three borders meet; marked on each
   of the three pairs, it does not change their status);
2. ``enters into force``, ``exchange ratification`` or ``ratification instruments exchanged`` →
   ``in force`` (of the demarcation instrument if the title says ``demarcation``, else of the
   delimitation);
3. ``ratif...`` → ``ratification`` by the state whose adjective opens the title (``Kyrgyz
   parliament ratifies ...`` is Kyrgyzstan's ratification);
4. ``demarcation agreement``/``treaty``, ``border demarcation`` or ``demarcation completed`` →
   ``demarcation signed``;
5. ``about N%`` (N < 100) or ``on border sections`` / ``certain border sections`` →
   ``partly delimited`` (a treaty covering part of the line);
6. ``in principle`` or ``announce`` → ``announcement`` (no change of status);
7. ``state border``, ``border treaty``, ``remaining border sections`` or ``delimitation`` →
   ``delimited`` (the whole line, or what remained of it, agreed).

A border's status on a date counts ratifications: its delimitation (or demarcation) is
*ratified* once, after the instrument that completed it, an ``in force`` event or a
ratification by each of the two states is recorded. The status is the highest step reached:
no agreement recorded < partly delimited < delimited < delimitation ratified < demarcation
signed < demarcation ratified. An event dated to a month or a year counts from the end of
that month or year. An event no rule matches stops the computation (a new kind of event needs
a new rule, not a silent default). Status ``no agreement recorded`` means the chronology holds
no agreement for the pair, not that none exists.
"""
from __future__ import annotations

import calendar
import itertools
import re

import pandas as pd

STEPS = ("no agreement recorded", "partly delimited", "delimited", "delimitation ratified",
         "demarcation signed", "demarcation ratified")
MARKERS = ("maritime", "tripoint", "announcement")
ACTS = ("in force", "ratification")  # events that ratify an instrument rather than add one
DEMONYMS = {"kazakh": "KAZ", "kyrgyz": "KGZ", "tajik": "TJK", "turkmen": "TKM", "uzbek": "UZB",
            "russian": "RUS", "chinese": "CHN"}

_RULES: tuple[tuple[str, str, bool], ...] = (
    # (pattern, step, also search the description)
    (r"caspian|maritime|seabed", "maritime", False),
    (r"junction|tripoint", "tripoint", False),
    (r"enters? into force|entered into force|exchange ratification|ratification instruments exchanged", "in force",
     False),
    (r"ratif", "ratification", False),
    (r"demarcation (agreement|treaty)|border demarcation|demarcation completed", "demarcation signed", False),
    (r"about \d{1,2}%|on (certain )?border sections", "partly delimited", True),
    (r"in principle|announce", "announcement", False),
    (r"state border|border treaty|remaining border sections|delimitation", "delimited", False),
)


def classify(title: str, description: str = "") -> str:
    """The step one border-agreement event represents (rules in the module docstring)."""
    t, d = title.lower(), (description or "").lower()
    for pattern, step, in_description in _RULES:
        if re.search(pattern, t) or (in_description and re.search(pattern, d)):
            return step
    raise ValueError(f"no rule classifies the border event {title!r}")


def instrument(title: str) -> str:
    """Which instrument an 'in force' or 'ratification' event concerns."""
    return "demarcation" if "demarcation" in title.lower() else "delimitation"


def ratifier(title: str) -> str:
    """The state whose ratification a 'ratification' event records (the adjective opening the title)."""
    first = title.split()[0].lower()
    if first not in DEMONYMS:
        raise ValueError(f"the ratification {title!r} does not open with the ratifying state's adjective")
    return DEMONYMS[first]


def effective_date(date: str) -> pd.Timestamp:
    """The day from which an event counts: a month or a year counts from its last day."""
    parts = [int(p) for p in str(date).split("-")]
    if len(parts) == 1:
        return pd.Timestamp(parts[0], 12, 31)
    if len(parts) == 2:
        return pd.Timestamp(parts[0], parts[1], calendar.monthrange(*parts)[1])
    return pd.Timestamp(*parts)


def pairs_of(countries: str) -> list[tuple[str, str]]:
    """All alphabetical pairs among the ';'-separated ISO3 codes of an event."""
    codes = sorted(c for c in countries.split(";") if c)
    return list(itertools.combinations(codes, 2))


def classify_events(events: pd.DataFrame) -> pd.DataFrame:
    """One row per (border-agreement event, pair) with the step the rules give it."""
    rows = []
    agreements = events[events["type"] == "border_agreement"]
    for e in agreements.itertuples():
        step = classify(str(e.title), str(e.description) if pd.notna(e.description) else "")
        by = ratifier(str(e.title)) if step == "ratification" else ""
        for a, b in pairs_of(str(e.countries)):
            rows.append({"event_id": e.event_id, "date": e.date, "year": int(e.year), "iso3_a": a,
                         "iso3_b": b, "step": step, "instrument": instrument(str(e.title)) if step in ACTS else "",
                         "ratified_by": by, "effective": effective_date(e.date), "title": e.title})
    columns = ["event_id", "date", "year", "iso3_a", "iso3_b", "step", "instrument", "ratified_by", "effective", "title"]
    return pd.DataFrame(rows, columns=columns).sort_values(["iso3_a", "iso3_b", "effective", "event_id"],
                                                           ignore_index=True)


def _ratified(mine: pd.DataFrame, completed: pd.Timestamp | None, kind: str, a: str, b: str) -> bool:
    """Whether the instrument of `kind` completed on `completed` was later ratified by both or put in force."""
    if completed is None:
        return False
    after = mine[(mine["effective"] >= completed) & (mine["instrument"] == kind)]
    return bool((after["step"] == "in force").any() or {a, b} <= set(after["ratified_by"]))


def pair_status(steps: pd.DataFrame, a: str, b: str, on: pd.Timestamp) -> dict:
    """Status of one pair on a date, with the flags it is built from."""
    mine = steps[(steps["iso3_a"] == a) & (steps["iso3_b"] == b) & (steps["effective"] <= on)]

    def first(step):
        hit = mine["step"] == step
        return mine.loc[hit, "effective"].min() if hit.any() else None

    flags = {"partly": first("partly delimited") is not None, "delimited": first("delimited") is not None,
             "demarcation_signed": first("demarcation signed") is not None}
    flags["delimitation_ratified"] = _ratified(mine, first("delimited"), "delimitation", a, b)
    flags["demarcation_ratified"] = _ratified(mine, first("demarcation signed"), "demarcation", a, b)
    order = ("partly", "delimited", "delimitation_ratified", "demarcation_signed", "demarcation_ratified")
    level = max([i + 1 for i, key in enumerate(order) if flags[key]], default=0)
    return {"iso3_a": a, "iso3_b": b, "level": level, "step": STEPS[level], **flags}


def status_on(events: pd.DataFrame, pairs: list[tuple[str, str]], on) -> pd.DataFrame:
    """Status of each pair on one date (e.g. the article's, 2019-03-29)."""
    steps = classify_events(events)
    return pd.DataFrame([pair_status(steps, a, b, pd.Timestamp(on)) for a, b in pairs])


def status_by_year(events: pd.DataFrame, pairs: list[tuple[str, str]], years: range) -> pd.DataFrame:
    """Status of each pair at the end of each year: columns iso3_a, iso3_b, year, step, level and the flags."""
    steps = classify_events(events)
    rows = [{"year": year, **pair_status(steps, a, b, pd.Timestamp(year, 12, 31))} for a, b in pairs for year in years]
    return pd.DataFrame(rows)


def first_year(status: pd.DataFrame, a: str, b: str, step: str) -> int | None:
    """First year a pair's status reached `step` (or a higher one); None if never."""
    level = STEPS.index(step)
    hit = status[(status["iso3_a"] == a) & (status["iso3_b"] == b) & (status["level"] >= level)]
    return int(hit["year"].min()) if len(hit) else None


def stated_lengths(events: pd.DataFrame) -> pd.DataFrame:
    """The largest border length (km) the chronology's texts state for each pair, with its event.

    Reads numbers written as 'N km' in border-agreement titles and descriptions
    (e.g. 'the 2,357 km border'). Section lengths can also match, which is why the
    largest value per pair is kept; pairs without any stated length are absent.
    """
    rows = []
    agreements = events[events["type"] == "border_agreement"]
    for e in agreements.itertuples():
        text = f"{e.title} {e.description if pd.notna(e.description) else ''}"
        values = [float(v.replace(",", "")) for v in re.findall(r"(\d[\d,]*(?:\.\d+)?) km\b", text)]
        pairs = pairs_of(str(e.countries))
        if values and len(pairs) == 1:
            rows.append({"iso3_a": pairs[0][0], "iso3_b": pairs[0][1], "stated_km": max(values),
                         "event_id": e.event_id})
    found = pd.DataFrame(rows, columns=["iso3_a", "iso3_b", "stated_km", "event_id"])
    found = found.sort_values(["iso3_a", "iso3_b", "stated_km", "event_id"], ascending=[True, True, False, True])
    return found.drop_duplicates(["iso3_a", "iso3_b"]).reset_index(drop=True)


def clashes(events: pd.DataFrame) -> pd.DataFrame:
    """Border clashes in the chronology, one row per (event, pair)."""
    rows = []
    for e in events[events["type"] == "border_clash"].itertuples():
        for a, b in pairs_of(str(e.countries)):
            rows.append({"event_id": e.event_id, "date": e.date, "year": int(e.year), "iso3_a": a,
                         "iso3_b": b, "title": e.title, "description": e.description})
    return pd.DataFrame(rows, columns=["event_id", "date", "year", "iso3_a", "iso3_b", "title", "description"])


# ---------------------------------------------------------------- chapter tables (frames only; display in the notebook)

def length_table(measured: pd.DataFrame, published: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Pairs with Factbook length, NE 1:10m geodesic length, their ratio and the chronology's stated length."""
    from . import geo
    out = geo.compare_lengths(measured, published)
    out = out.merge(stated_lengths(events)[["iso3_a", "iso3_b", "stated_km"]], on=["iso3_a", "iso3_b"], how="left")
    from .countries import CA5
    out["internal"] = out["iso3_a"].isin(CA5) & out["iso3_b"].isin(CA5)
    return out.sort_values(["internal", "published_km"], ascending=[False, False], ignore_index=True)




def pair_label(a: str, b: str) -> str:
    from .countries import name
    return f"{name(a)}–{name(b)}"


def seven_pair_table(events: pd.DataFrame, pairs: list[tuple[str, str]], then, now) -> pd.DataFrame:
    """Status of each pair on two dates and the chronology events behind the latest status."""
    a, b = status_on(events, pairs, then), status_on(events, pairs, now)
    steps = classify_events(events)
    rows = []
    for (x, y), s0, s1 in zip(pairs, a.itertuples(), b.itertuples()):
        mine = steps[(steps.iso3_a == x) & (steps.iso3_b == y) & (steps.effective <= pd.Timestamp(now))]
        mine = mine[mine.step.isin(STEPS + ACTS)]
        rows.append({"border": pair_label(x, y), "29 Mar 2019": s0.step, "latest": s1.step,
                     "events (chronology)": ", ".join(mine["event_id"]) or "none"})
    return pd.DataFrame(rows)


def incident_record(events: pd.DataFrame, incidents: pd.DataFrame, start: int = 2010, end: int = 2019) -> pd.DataFrame:
    """Border clashes of the chronology and published incident figures, start-end, one row each."""
    c = clashes(events)
    c = c[(c.year >= start) & (c.year <= end)]
    rows = [{"date": r.date, "border": pair_label(r.iso3_a, r.iso3_b), "what": "clash (chronology)",
             "figure": "", "record": r.event_id} for r in c.itertuples()]
    inc = incidents[incidents["date"].str[:4].astype(int).between(start, end)]
    for r in inc.itertuples():
        from .countries import name
        border = pair_label(r.iso3_a, r.iso3_b) if pd.notna(r.iso3_b) and r.iso3_b else f"all of {name(r.iso3_a)}'s borders"
        figure = f"{int(r.value):,} {r.unit}" if pd.notna(r.value) else ""
        rows.append({"date": r.date, "border": border, "what": r.kind, "figure": figure, "record": r.incident_id})
    return pd.DataFrame(rows).sort_values(["date", "record"], ignore_index=True)


def length_summary(lengths: pd.DataFrame) -> dict:
    """The numbers the lengths section quotes (glue them): totals, ratio range, stated-length order."""
    from .countries import name
    internal = lengths[lengths["internal"]]
    lo, hi = lengths.loc[lengths["ratio_pct"].idxmin()], lengths.loc[lengths["ratio_pct"].idxmax()]
    stated = lengths.dropna(subset=["stated_km"])
    return {
        "borders_fb_internal_km": float(internal["published_km"].sum()),
        "borders_ne_internal_km": float(internal["geodesic_km"].sum()),
        "borders_ne_share_pct": float(100 * lengths["geodesic_km"].sum() / lengths["published_km"].sum()),
        "borders_ratio_min_pct": float(lo["ratio_pct"]), "borders_ratio_min_pair": f"{name(lo['iso3_a'])}–{name(lo['iso3_b'])}",
        "borders_ratio_max_pct": float(hi["ratio_pct"]), "borders_ratio_max_pair": f"{name(hi['iso3_a'])}–{name(hi['iso3_b'])}",
        "borders_proj_err_pct": float(lengths["projection_error_pct"].abs().max()),
        "borders_n_stated": len(stated),
        "borders_short_lo": float(100 - lengths["ratio_pct"].max()),
        "borders_short_hi": float(100 - lengths["ratio_pct"].min()),
        "borders_n_ordered": int(((stated["stated_km"] > stated["published_km"])
                                  & (stated["published_km"] > stated["geodesic_km"])).sum()),
    }


def length_display(lengths: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "border": [pair_label(a, b) for a, b in zip(lengths["iso3_a"], lengths["iso3_b"])],
        "Factbook km": lengths["published_km"].round(0).astype(int),
        "NE 1:10m km": lengths["geodesic_km"].round(0).astype(int),
        "NE/Factbook %": lengths["ratio_pct"].round(0).astype(int),
        "treaty km": lengths["stated_km"].round(0).astype("Int64"),
    })


def status_summary(then: pd.DataFrame, now: pd.DataFrame, focus: str = "KAZ") -> dict:
    """The counts the status section quotes (glue them), from `status_on` frames on two dates.

    For each date (`article`, `now`): borders delimited, delimitation ratified (or superseded by a
    ratified demarcation), demarcation signed, demarcation ratified, and the names of the last; for
    `focus` (Kazakhstan), the same on the article's date, and the number of the other borders.
    """
    out = {}
    for key, frame in (("article", then), ("now", now)):
        ratified = frame[frame["demarcation_ratified"]]
        out[f"borders_delimited_{key}"] = int(frame["delimited"].sum())
        out[f"borders_delim_ratified_{key}"] = int((frame["delimitation_ratified"] | frame["demarcation_ratified"]).sum())
        out[f"borders_demarcation_{key}"] = int(frame["demarcation_signed"].sum())
        out[f"borders_demarc_ratified_{key}"] = len(ratified)
        out[f"borders_demarc_ratified_{key}_names"] = ", ".join(
            pair_label(a, b) for a, b in zip(ratified["iso3_a"], ratified["iso3_b"])) or "none"
    mine = then[(then["iso3_a"] == focus) | (then["iso3_b"] == focus)]
    out["borders_focus_n"] = len(mine)
    out["borders_focus_delimited_article"] = int(mine["delimited"].sum())
    out["borders_focus_demarcation_article"] = int(mine["demarcation_signed"].sum())
    out["borders_focus_demarc_ratified_article"] = int(mine["demarcation_ratified"].sum())
    out["borders_others_n"] = len(then) - len(mine)
    return out


def explorer_frame(events: pd.DataFrame, lengths: pd.DataFrame, years: range) -> pd.DataFrame:
    """The border explorer's data, tidy long: one row per (border, year) of status, one per event.

    Columns: `border`, `kind` ("status" or "event"), `year`, `level` (0-5, the index of the step in
    `STEPS`), `step`, and for status rows the lengths (`factbook_km`, `measured_km`, `treaty_km`),
    for event rows `date`, `event_id`, `what` (the step the rules give it, or "clash") and `title`.
    An event sits at the level its border had at the end of its year (so it marks the status line).
    """
    pairs = [tuple(p) for p in lengths[["iso3_a", "iso3_b"]].to_numpy()]
    status = status_by_year(events, pairs, years)
    status = status.merge(lengths[["iso3_a", "iso3_b", "published_km", "geodesic_km", "stated_km"]],
                          on=["iso3_a", "iso3_b"], how="left")
    rows = pd.DataFrame({"border": [pair_label(a, b) for a, b in zip(status["iso3_a"], status["iso3_b"])],
                         "kind": "status", "year": status["year"], "level": status["level"],
                         "step": status["step"], "factbook_km": status["published_km"].round(0),
                         "measured_km": status["geodesic_km"].round(0), "treaty_km": status["stated_km"].round(0)})
    marks = pd.concat([classify_events(events)[["event_id", "date", "year", "iso3_a", "iso3_b", "step", "title"]]
                       .rename(columns={"step": "what"}),
                       clashes(events)[["event_id", "date", "year", "iso3_a", "iso3_b", "title"]].assign(what="clash")],
                      ignore_index=True)
    marks = marks[marks["year"].between(years.start, years.stop - 1)]
    marks = marks.merge(status[["iso3_a", "iso3_b", "year", "level", "step"]], on=["iso3_a", "iso3_b", "year"])
    marks = pd.DataFrame({"border": [pair_label(a, b) for a, b in zip(marks["iso3_a"], marks["iso3_b"])],
                          "kind": "event", "year": marks["year"], "level": marks["level"], "step": marks["step"],
                          "date": marks["date"], "event_id": marks["event_id"], "what": marks["what"],
                          "title": marks["title"]})
    out = pd.concat([rows, marks], ignore_index=True)
    return out.sort_values(["border", "kind", "year", "event_id"], ignore_index=True, na_position="first")
