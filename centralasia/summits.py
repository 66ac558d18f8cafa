"""Summits and the five-party format: the computations behind the chapter.

Small, pure functions on DataFrames so that they can be tested on hand-made
tables: how far each Consultative Meeting fell from Nauryz (21 March), the
gaps between meetings, the years without one, which outside partners hold
leaders' summits with all five states, and what kind of outlet a source is.
"""
from __future__ import annotations

import re
import numpy as np
import pandas as pd

CA5 = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
NAURYZ = (3, 21)  # month, day: the spring equinox holiday the 2018 meeting named
DAYS_PER_MONTH = 365.25 / 12

# --- dates -------------------------------------------------------------------------------------


def event_dates(dates: pd.Series, precision: pd.Series) -> pd.Series:
    """Plotting dates for ISO dates of mixed precision: a year is placed at 1 July, a month on the 15th."""
    out = []
    for text, prec in zip(dates, precision):
        if prec == "year":
            out.append(pd.Timestamp(int(text[:4]), 7, 1))
        elif prec == "month":
            out.append(pd.Timestamp(int(text[:4]), int(text[5:7]), 15))
        elif prec == "day":
            out.append(pd.Timestamp(text))
        else:
            raise ValueError(f"unknown date precision {prec!r}")
    return pd.Series(out, index=dates.index, dtype="datetime64[ns]")


def days_from_nauryz(dates: pd.Series) -> pd.Series:
    """Days from 21 March of the same year (negative: before Nauryz, i.e. 'on the eve')."""
    ts = pd.to_datetime(dates)
    nauryz = pd.to_datetime({"year": ts.dt.year, "month": NAURYZ[0], "day": NAURYZ[1]})
    return (ts - nauryz).dt.days.astype("Int64")


def on_eve_of_nauryz(offsets: pd.Series, window: int = 30) -> pd.Series:
    """True where a meeting fell within `window` days before Nauryz (or on the day)."""
    return (offsets <= 0) & (offsets >= -window)


def gaps_in_months(dates: pd.Series) -> pd.Series:
    """Months since the previous date (dates sorted first; the first is missing)."""
    ts = pd.to_datetime(dates).sort_values()
    gaps = ts.diff().dt.days / DAYS_PER_MONTH
    return gaps.astype("Float64")


def years_without(dates: pd.Series, first: int, last: int) -> list[int]:
    """Calendar years from `first` to `last` in which no date falls."""
    years = set(pd.to_datetime(dates).dt.year)
    return [y for y in range(first, last + 1) if y not in years]


def promise_test(meetings: pd.DataFrame, window: int = 30) -> pd.DataFrame:
    """One row per meeting (columns meeting_id, date, host) with the tests of the 2018 promise.

    Adds days_from_nauryz, on_eve (within `window` days before 21 March) and gap_months
    (months since the previous meeting), sorted by date.
    """
    out = meetings.sort_values("date").reset_index(drop=True).copy()
    out["days_from_nauryz"] = days_from_nauryz(out["date"])
    out["on_eve"] = on_eve_of_nauryz(out["days_from_nauryz"], window)
    out["gap_months"] = gaps_in_months(out["date"]).reset_index(drop=True)
    return out


def meetings_from_attendance(attendance: pd.DataFrame) -> pd.DataFrame:
    """One row per meeting from the attendance table (meeting_id, number, date, host, host_iso3)."""
    cols = ["meeting_id", "number", "date", "host", "host_iso3"]
    return attendance[cols].drop_duplicates().sort_values("date").reset_index(drop=True)


# --- attendance --------------------------------------------------------------------------------

LEVEL_LABEL = {"head_of_state": "HoS", "other": "other", "absent": "absent", "unknown": "?"}


def attendance_grid(attendance: pd.DataFrame, states: tuple[str, ...] = CA5 + ("AZE",)) -> pd.DataFrame:
    """Meetings x states with short labels: HoS, other, absent, ?; guests marked '(guest)'; '' = not invited."""
    labels = attendance["attendance"].map(LEVEL_LABEL)
    labels = labels.where(attendance["role"] != "guest", labels + " (guest)")
    grid = (attendance.assign(label=labels)
            .pivot(index="meeting_id", columns="iso3", values="label")
            .reindex(columns=list(states)))
    order = meetings_from_attendance(attendance)["meeting_id"]
    return grid.reindex(order).fillna("").rename_axis(columns=None)


def heads_of_state_count(attendance: pd.DataFrame, members_only: bool = True,
                         states: tuple[str, ...] = CA5) -> pd.Series:
    """Per meeting: how many of `states` were represented by their head of state."""
    rows = attendance[attendance["iso3"].isin(states)]
    if members_only:
        rows = rows[rows["role"] == "member"]
    counts = (rows["attendance"] == "head_of_state").groupby(rows["meeting_id"]).sum()
    return counts.astype(int)


# --- outside partners --------------------------------------------------------------------------

PARTNER_CODES = {"RUS": "Russia", "CHN": "China", "USA": "United States", "EUU": "European Union"}
# Partners without a code in the country table, recognised by the event title.
PARTNER_WORDS = (
    (r"\bEU\b|European Union", "European Union"),
    (r"\bIndia\b", "India"),
    (r"\bGCC\b|Gulf Cooperation Council", "Gulf states (GCC)"),
    (r"\bGermany\b", "Germany"),
    (r"\bItaly\b", "Italy"),
    (r"\bJapan\b", "Japan"),
    (r"\bKorea\b", "South Korea"),
    (r"\bRussia\b", "Russia"),
    (r"\bChina\b", "China"),
    (r"\bUnited States\b|\bC5\+1\b", "United States"),
)


def partner_of(title: str, countries: str) -> str | None:
    """The outside partner of a 'Central Asia + X' meeting, or None.

    A partner is a coded country outside the five (Azerbaijan, a participant in the regional
    format itself, does not count) or, failing that, a partner named in the title.
    """
    codes = [c for c in str(countries).split(";") if c]
    for code in codes:
        if code in PARTNER_CODES:
            return PARTNER_CODES[code]
    for pattern, name in PARTNER_WORDS:
        if re.search(pattern, str(title)):
            return name
    return None


def outside_summits(events: pd.DataFrame) -> pd.DataFrame:
    """Leaders' summits of all five Central Asian states with one outside partner.

    Counts events of type 'summit', and 'treaty' events whose title names a summit; ministerial
    meetings (e.g. the C5+1 foreign ministers since 2015) are left out, and so are events classified as
    called off or as ceremonies (where the frame has a `classification` column).
    """
    is_summit = (events["type"] == "summit") | events["title"].str.contains("summit", case=False)
    if "classification" in events:
        is_summit &= events["classification"].isin(HELD)
    has_five = events["countries"].fillna("").map(lambda s: set(CA5) <= set(s.split(";")))
    rows = events[is_summit & has_five].copy()
    rows["partner"] = [partner_of(t, c) for t, c in zip(rows["title"], rows["countries"])]
    rows = rows[rows["partner"].notna()]
    rows["when"] = event_dates(rows["date"], rows["date_precision"])
    return rows.sort_values(["when", "event_id"]).reset_index(drop=True)


def partners_by_year(summits: pd.DataFrame, first: int, last: int) -> pd.Series:
    """Cumulative number of distinct partners with at least one leaders' summit, by end of each year."""
    first_year = summits.groupby("partner")["when"].min().dt.year
    return pd.Series([int((first_year <= y).sum()) for y in range(first, last + 1)],
                     index=pd.Index(range(first, last + 1), name="year"), name="partners")


# --- sources -----------------------------------------------------------------------------------

# Outlets classed by ownership as best we know it (not by reliability): 'official' = a government
# website, an embassy, a state news agency, or an official release re-posted by a wire service.
OFFICIAL = ("inform.kz", "qazinform.com", "akorda.kz", "president.uz", "uza.uz", "gov.uz",
            "turkmenistan.gov.tm", "tdh.gov.tm", "tmembassy.gov.tm", "iirmfa.edu.tm", "khovar.tj",
            "kabar.kg", "einpresswire.com")
INTERNATIONAL = ("rferl.org", "euractiv.com", "avim.org.tr", "thediplomat.com", "abcnews.go.com",
                 "intellinews.com", "deutschlandfunk.de", "nationthailand.com")


def source_kind(url: str) -> str:
    """'official', 'international' (media or research outside the region) or 'regional' (other)."""
    host = re.sub(r"^https?://", "", str(url)).split("/")[0].lower()
    if any(host == d or host.endswith("." + d) for d in OFFICIAL):
        return "official"
    if any(host == d or host.endswith("." + d) for d in INTERNATIONAL):
        return "international"
    return "regional"


def source_urls(text: str) -> list[str]:
    """The URLs in a ' ; '-separated source field."""
    return re.findall(r"https?://\S+", str(text))


def source_kinds(text: str) -> set[str]:
    return {source_kind(u) for u in source_urls(text)}


def midpoint(values) -> float:
    """Median of a list of numbers (NaN if empty)."""
    values = [v for v in values if v is not None and not pd.isna(v)]
    return float(np.median(values)) if values else float("nan")


# --- what the chronology counts ------------------------------------------------------------------

HELD = ("held", "held_partial")  # classifications of events that took place as meetings
CLASS_LABEL = {"held": "held, all at head-of-state level", "held_partial": "held, some states below head of state",
               "cancelled": "called off", "ceremony": "ceremony, not a working meeting"}


def held_summits(events: pd.DataFrame) -> pd.DataFrame:
    """Summit events that were meetings that took place (not called off, not a ceremony)."""
    return events[(events["type"] == "summit") & events["classification"].isin(HELD)]


def summit_counts(events: pd.DataFrame, split: int = 2017) -> pd.DataFrame:
    """Summit events of the chronology by classification, before `split` and from `split` on.

    Rows: the classifications present (in CLASS_LABEL order); columns: the two periods, labelled by the
    years they contain (first event year to split-1, split to last event year), plus a total row.
    """
    rows = events[events["type"] == "summit"]
    first, last = int(events["year"].min()), int(events["year"].max())
    periods = {f"{first}–{split - 1}": rows["year"] < split, f"{split}–{last}": rows["year"] >= split}
    table = pd.DataFrame({label: rows[mask]["classification"].value_counts() for label, mask in periods.items()})
    table = table.reindex([c for c in CLASS_LABEL if c in table.index]).fillna(0).astype(int)
    table.loc["total"] = table.sum()
    return table


def five_party_before(events: pd.DataFrame, when: pd.Timestamp) -> pd.Series:
    """The last held summit of all five Central Asian states, with no outside partner, before `when`."""
    rows = held_summits(events)
    rows = rows[rows["countries"].map(lambda s: set(CA5) <= set(str(s).split(";")))]
    rows = rows[[partner_of(t, c) is None for t, c in zip(rows["title"], rows["countries"])]]
    rows = rows.assign(when=event_dates(rows["date"], rows["date_precision"]))
    return rows[rows["when"] < when].sort_values("when").iloc[-1]


def partner_order(summits: pd.DataFrame) -> pd.DataFrame:
    """Per partner: first summit date, number of summits, and the ordinal of each summit (1 = first)."""
    out = summits.sort_values(["when", "event_id"]).copy()
    out["nth"] = out.groupby("partner").cumcount() + 1
    return out


def n_sources(text: str) -> int:
    """Independent sources in a source field: distinct web hosts among its URLs."""
    hosts = {re.sub(r"^https?://", "", u).split("/")[0].lower().removeprefix("www.") for u in source_urls(text)}
    return len(hosts)


# --- tables shown in the chapter -------------------------------------------------------------------

def attendance_table(attendance: pd.DataFrame, documents: pd.DataFrame,
                     states: tuple[str, ...] = CA5 + ("AZE",)) -> pd.DataFrame:
    """Per meeting: date, host, each state's level of attendance and the number of documents adopted."""
    meetings = meetings_from_attendance(attendance)
    grid = attendance_grid(attendance, states)
    ndocs = documents.groupby("meeting_id").size()
    table = pd.DataFrame({"No.": meetings["number"].to_numpy(),
                          "Date": meetings["date"].dt.strftime("%d %b %Y").to_numpy(),
                          "Host": meetings["host"].to_numpy()})
    for code in states:
        table[code] = grid[code].to_numpy()
    table["Docs"] = ndocs.reindex(meetings["meeting_id"]).fillna(0).astype(int).to_numpy()
    return table.set_index("No.")


def nauryz_table(promise: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame({"Date": promise["date"].dt.strftime("%d %b %Y"), "Host": promise["host"],
                        "Days from 21 March": promise["days_from_nauryz"],
                        "On the eve": promise["on_eve"].map({True: "yes", False: "no"}),
                        "Months since previous": promise["gap_months"].round(1)})
    out.index = promise["number"].rename("No.")
    return out


def counts_table(counts: pd.DataFrame) -> pd.DataFrame:
    """summit_counts() with readable row labels."""
    return counts.rename(index={**CLASS_LABEL, "total": "all summit events"}).rename_axis("Summit events")


def partner_table(summits: pd.DataFrame) -> pd.DataFrame:
    """partner_order() as a table: date, partner, ordinal, place, title."""
    return pd.DataFrame({"Date": summits["when"].dt.strftime("%d %b %Y").to_numpy(),
                         "Partner": summits["partner"].to_numpy(), "No. with partner": summits["nth"].to_numpy(),
                         "Place": summits["place"].to_numpy(), "Event": summits["event_id"].to_numpy()}
                        ).set_index("Date")


# --- the live explorer (centralasia.explorers.timeline) -----------------------------------------

def timeline_frame(events: pd.DataFrame) -> pd.DataFrame:
    """The chronology as the live time line needs it: event_id, when, date (as sourced), type, title,
    classification and `not_held` (a cancelled meeting or a ceremony: drawn hollow and grey)."""
    out = events[["event_id", "when", "date", "type", "title", "classification"]].copy()
    out["not_held"] = ~out["classification"].isin(HELD)
    return out.sort_values(["when", "event_id"], ignore_index=True)
