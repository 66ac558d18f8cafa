"""UN General Assembly roll calls and votes, 1992-2019 (Voeten data via the `unvotes` package).

The package keeps only yes / no / abstain rows: a country with no row for a
roll call was absent, did not vote, or was not yet a member. We make that
explicit. For every roll call and every country the chapter compares, `vote`
is yes, no, abstain, `absent` (a member with no recorded vote) or
`not_member` (before the date of UN admission). An absence is never a 'no'.
"""
from __future__ import annotations

import pandas as pd

from ...countries import select, to_iso3
from ...errors import DataError
from ...schema import Field, Licence, Resource, iso3, year

VOTES = "unvotes/un_votes_subset.csv"
ROLL_CALLS = "unvotes/un_roll_calls.csv"
ISSUES = "unvotes/un_roll_call_issues.csv"
FIRST_YEAR, LAST_YEAR = 1992, 2019

# The countries the chapter compares: the five, six partners, and two benchmark groups (the three
# large Western European states; the post-Soviet neighbours Armenia, Azerbaijan, Belarus, Georgia).
COUNTRIES = ("KAZ", "KGZ", "TJK", "TKM", "UZB", "AFG", "CHN", "IRN", "RUS", "TUR", "USA",
             "DEU", "FRA", "GBR", "ARM", "AZE", "BLR", "GEO")
# UN admission dates of the countries admitted after 1991 (UN, "Member States", un.org/en/about-us/member-states).
ADMITTED = {"KAZ": "1992-03-02", "KGZ": "1992-03-02", "TJK": "1992-03-02", "TKM": "1992-03-02",
            "UZB": "1992-03-02", "ARM": "1992-03-02", "AZE": "1992-03-02", "GEO": "1992-07-31"}
VOTE_CODES = ("yes", "no", "abstain", "absent", "not_member")
ISSUE_CODES = {"me": "Palestinian conflict", "nu": "Nuclear weapons and nuclear material",
               "di": "Arms control and disarmament", "hr": "Human rights", "co": "Colonialism",
               "ec": "Economic development"}

UNVOTES_LICENCE = Licence("MIT", "MIT (R package unvotes); cite Voeten (2013) for the underlying data",
                          "https://github.com/dgrtwo/unvotes/blob/master/LICENSE")
_CAVEATS = ("Ends with December 2019: no votes of 2020 or later.",
            "`absent` lumps together absence, presence without voting and (for 1992) seats not yet "
            "taken up; the source does not distinguish them.")

RESOURCES = [
    Resource(
        name="unga_roll_calls",
        title="UN General Assembly roll-call votes, 1992-2019",
        description="Plenary roll calls with date, resolution, short title, the Assembly-wide totals and "
                    "the six issue categories of the Voeten data (a roll call may have none or several).",
        fields=(
            Field("rcid", "integer", "Roll-call identifier", required=True, minimum=1),
            Field("session", "integer", "General Assembly session", required=True, minimum=46, maximum=74),
            Field("date", "date", "Date of the vote", required=True),
            year(lo=FIRST_YEAR, hi=LAST_YEAR),
            Field("unres", "string", "Resolution symbol"),
            Field("short", "string", "Short title of the roll call, as the source gives it"),
            Field("mentions_terrorism", "boolean", "The short title or the description mentions terrorism",
                  required=True),
            Field("important", "boolean", "Classed an 'important vote' by the US State Department", required=True),
            Field("yes_total", "integer", "Member states voting yes", unit="states", required=True, minimum=0),
            Field("no_total", "integer", "Member states voting no", unit="states", required=True, minimum=0),
            Field("abstain_total", "integer", "Member states abstaining", unit="states", required=True, minimum=0),
            *(Field(f"issue_{code}", "boolean", f"Issue category: {label}", required=True)
              for code, label in ISSUE_CODES.items()),
        ),
        primary_key=("rcid",),
        sources=(ROLL_CALLS, ISSUES),
        licence=UNVOTES_LICENCE,
        citation="voeten_unvotes",
        coverage=f"All plenary roll calls {FIRST_YEAR}-{LAST_YEAR}",
        caveats=_CAVEATS[:1]),
    Resource(
        name="unga_votes",
        title="Votes of the five Central Asian states, six partners and seven benchmark states in the UN "
              "General Assembly, 1992-2019",
        description="One row per roll call and country, for every roll call of the period: yes, no, abstain, "
                    "absent (member, no vote recorded) or not_member.",
        fields=(
            Field("rcid", "integer", "Roll-call identifier (see unga_roll_calls)", required=True, minimum=1),
            iso3(),
            Field("vote", "string", "Vote cast, or why none was recorded", required=True, enum=VOTE_CODES),
        ),
        primary_key=("rcid", "iso3"),
        sources=(VOTES, ROLL_CALLS),
        licence=UNVOTES_LICENCE,
        citation="voeten_unvotes",
        coverage=f"{', '.join(COUNTRIES)}; all plenary roll calls {FIRST_YEAR}-{LAST_YEAR}",
        caveats=_CAVEATS),
]


def run(raw) -> dict[str, pd.DataFrame]:
    calls = raw.csv(ROLL_CALLS, dtype={"unres": str})
    calls["year"] = calls["date"].str[:4].astype(int)
    calls = calls[calls["year"].between(FIRST_YEAR, LAST_YEAR)].copy()
    calls["important"] = calls["importantvote"] == 1
    calls["short"] = calls["short"].fillna("").str.strip().replace("", pd.NA)
    text = calls["short"].fillna("") + " " + calls["descr"].fillna("")
    calls["mentions_terrorism"] = text.str.contains("terroris", case=False)
    issues = raw.csv(ISSUES)
    unknown = set(issues["short_name"]) - set(ISSUE_CODES)
    if unknown:
        raise DataError(ISSUES, f"unknown issue codes {sorted(unknown)}", column="short_name")
    for code in ISSUE_CODES:
        calls[f"issue_{code}"] = calls["rcid"].isin(issues.loc[issues["short_name"] == code, "rcid"])

    votes = raw.csv(VOTES)
    votes = votes[select(votes["country"], "name")]
    mapped = to_iso3(votes["country"], "name", VOTES)
    if list(mapped) != list(votes["iso3"]):
        raise DataError(VOTES, "names and the added iso3 column disagree", column="iso3")
    votes = votes[votes["iso3"].isin(COUNTRIES) & votes["rcid"].isin(calls["rcid"])]
    if votes.duplicated(["rcid", "iso3"]).any():
        raise DataError(VOTES, "more than one vote of a country on a roll call", column="rcid")
    if not votes["vote"].isin(VOTE_CODES[:3]).all():
        raise DataError(VOTES, "vote other than yes/no/abstain", column="vote")

    grid = pd.MultiIndex.from_product([calls["rcid"], COUNTRIES], names=["rcid", "iso3"]).to_frame(index=False)
    grid = grid.merge(votes[["rcid", "iso3", "vote"]], on=["rcid", "iso3"], how="left")
    grid = grid.merge(calls[["rcid", "date"]], on="rcid")
    admitted = grid["iso3"].map(ADMITTED).fillna("1945-10-24")
    before = grid["date"] < admitted
    if grid.loc[before, "vote"].notna().any():
        raise DataError(VOTES, "a vote recorded before the country's UN admission", column="vote")
    grid["vote"] = grid["vote"].fillna("absent").astype(object)
    grid.loc[before, "vote"] = "not_member"
    return {"unga_roll_calls": calls, "unga_votes": grid[["rcid", "iso3", "vote"]]}
