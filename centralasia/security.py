"""Frames the security chapter shows as tables, built here so the notebook stays short."""
from __future__ import annotations

import html

import pandas as pd

from . import alignment as al
from .countries import name

UCDP_RELEASES = {"conflicts": "UCDP/PRIO Armed Conflict Dataset 25.1", "deaths": "UCDP Battle-Related Deaths 24.1",
                 "all violence": "UCDP GED 19.1 (country-year totals via OWID)"}


class Table:
    """A table with caption and source line (HTML). Stand-in until `centralasia.tables.show` exists."""

    def __init__(self, frame: pd.DataFrame, caption: str, source: str):
        self.frame, self.caption, self.source = frame, caption, source

    def _repr_html_(self) -> str:
        body = self.frame.to_html(index=False, escape=True, na_rep="–")
        cut = body.index(">") + 1
        return (body[:cut] + f"<caption>{html.escape(self.caption)}</caption>" + body[cut:]
                + f"<p><em>Source: {html.escape(self.source)}</em></p>")

    def _repr_markdown_(self) -> str:
        return f"**{self.caption}**\n\n{self.frame.to_markdown(index=False)}\n\n*Source: {self.source}*"


def show(frame: pd.DataFrame, caption: str, source: str):
    """tables.show when the shared module exists, else the stand-in above."""
    try:
        from . import tables
    except ImportError:
        return Table(frame, caption, source)
    return tables.show(frame, caption=caption, source=source)


def coverage(votes: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Votes cast and share of roll calls without a vote, per country (members only)."""
    members = votes[votes["vote"] != "not_member"]
    cast = members.assign(cast=members["vote"].isin(al.CATEGORIES)).groupby("iso3")["cast"]
    return pd.DataFrame({"country": [name(c) for c in codes],
                         "votes cast": [int(cast.sum()[c]) for c in codes],
                         "no vote cast (%)": [round(100 * (1 - cast.mean()[c]), 1) for c in codes]})


def latest_milex(milex: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Each country's last year with a SIPRI figure, and that figure."""
    have = milex[milex.iso3.isin(codes) & milex.milex_usd_m.notna()].sort_values("year")
    last = have.groupby("iso3").tail(1).set_index("iso3").reindex(codes)
    return pd.DataFrame({"country": [name(c) for c in codes], "last year with a figure": last.year.to_numpy(),
                         "US$ million (2022 prices)": last.milex_usd_m.astype(float).round(0).to_numpy(),
                         "% of GDP": last.share_gdp_pct.astype(float).round(2).to_numpy()})


def ukraine_table(votes: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Resolutions as rows, states as columns, the reported votes in the cells."""
    wide = votes.pivot(index=["resolution", "date"], columns="iso3", values="vote").reindex(columns=codes)
    wide.columns = [name(c) for c in wide.columns]
    out = wide.reset_index()
    out["date"] = pd.to_datetime(out["date"]).dt.strftime("%d %b %Y")
    return out


def alignments_table(alignments: pd.DataFrame, items: dict[str, str]) -> pd.DataFrame:
    wide = alignments.pivot(index="iso3", columns="item", values="status").reindex(index=list(al.FIVE))
    wide = wide[[i for i in items if i in wide.columns]].rename(columns=items)
    wide.insert(0, "country", [name(c) for c in wide.index])
    return wide.reset_index(drop=True)


def ukraine_same_vote(votes: pd.DataFrame) -> tuple[int, int]:
    """(resolutions, resolutions on which every one of the five with a recorded vote cast the same)."""
    five = votes[votes.iso3.isin(al.FIVE) & votes.vote.isin(["yes", "no", "abstain"])]
    same = five.groupby("resolution")["vote"].nunique() == 1
    return int(votes["resolution"].nunique()), int(same.sum())
