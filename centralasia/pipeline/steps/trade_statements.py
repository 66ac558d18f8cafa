"""Official bilateral trade figures of the five, as quoted in the press (no trade matrix).

Each row of the compiled table is one statement: a figure that a statistics
office, ministry, embassy or head of state gave, and a news outlet reported.
The step keeps each statement as reported, with the side that reported it,
and makes its period explicit (first and last month, or 'unclear'), so that
part-year and full-year figures can never be compared by accident
(`centralasia.trade` refuses to). Nothing is re-estimated: the US$ value is
the stated figure with only its unit words expanded.
"""
from __future__ import annotations

import re

import pandas as pd

from ...countries import to_iso3
from ...errors import DataError
from ...schema import Field, Licence, Resource, year

SOURCE = "trade-official-statements/ca_trade_official_statements.csv"
FLOWS = ("turnover", "exports", "imports")
SCOPES = ("bilateral", "KAZ with CA4", "intra-CA5")
QUALIFIERS = ("as stated", "at least", "about")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
AGGREGATES = {"CA5-intra": "intra-CA5", "KAZ-CA4": "KAZ with CA4"}

QUOTED_FIGURES = Licence(
    "LicenseRef-quoted-official-figures",
    "Short factual figures quoted with attribution (Berne Convention, Art. 2(8) and 10): the news "
    "articles remain their publishers' copyright; the underlying official statistics are public",
    "https://www.wipo.int/treaties/en/ip/berne/")

RESOURCES = [
    Resource(
        name="trade_statements",
        title="Official bilateral trade figures of the Central Asian states, as reported",
        description="One row per statement: a bilateral (or regional) trade figure given by a "
                    "national statistics office, a ministry, an embassy or a head of state or "
                    "government and reported by a news outlet, with the reporting side, the "
                    "period it covers, the flow, the value in US$ and the source page. "
                    "This is not a trade matrix.",
        fields=(
            Field("statement", "integer", "Row number of the statement in the compiled source table",
                  required=True, minimum=1),
            Field("scope", "string", "bilateral; KAZ with CA4 (Kazakhstan with the other four); "
                  "intra-CA5 (trade among the five)", required=True, enum=SCOPES),
            Field("pair", "string", "Alphabetical ISO3 pair (A-B) or the aggregate's label", required=True),
            Field("reporter", "string", "The side whose figure or official is quoted (ISO3); empty "
                  "for regional aggregates", country=True),
            Field("partner", "string", "The other side (ISO3); empty where it is a group of states",
                  country=True),
            Field("partner_as_stated", "string", "The other side as the compiled table codes it "
                  "(ISO3, or CA4 / CA5 for groups)", required=True),
            Field("flow", "string", "turnover (exports + imports), exports or imports, worded from "
                  "the reporter's side", required=True, enum=FLOWS),
            year(lo=1991, hi=2030),
            Field("period", "string", "Months covered: 'full year', 'Jan-Oct' and so on, or "
                  "'unclear' where the source does not pin them down", required=True),
            Field("month_start", "integer", "First month covered (empty if unclear)", minimum=1, maximum=12),
            Field("month_end", "integer", "Last month covered (empty if unclear)", minimum=1, maximum=12),
            Field("period_months", "integer", "Number of months covered (12 = full year; empty if "
                  "unclear)", unit="months", minimum=1, maximum=12),
            Field("value_usd", "number", "The figure in US dollars, as stated (unit words expanded "
                  "only); empty where only a growth rate was stated", unit="US$", minimum=0),
            Field("unit", "string", "Unit of value_usd", required=True, enum=("US$",)),
            Field("qualifier", "string", "How the figure was worded: as stated, at least "
                  "('exceeding', 'more than') or about ('about', 'almost')", required=True,
                  enum=QUALIFIERS),
            Field("doubtful", "boolean", "The compiler flags the figure as probably wrong "
                  "(do not use it)", required=True),
            Field("value_as_stated", "string", "The figure exactly as the news item gives it"),
            Field("change_as_stated", "string", "Growth as stated by the source (not recomputed)"),
            Field("period_as_stated", "string", "The period as the compiled table words it", required=True),
            Field("attributed_to", "string", "Office or official the figure is attributed to", required=True),
            Field("publisher", "string", "News outlet that reported it", required=True),
            Field("article_date", "string", "Date of the news item as shown (n.d. = none; bracketed "
                  "year inferred)", required=True),
            Field("url", "string", "Address of the news item", required=True),
            Field("note", "string", "The compiler's note"),
        ),
        primary_key=("statement",),
        sources=(SOURCE,),
        licence=QUOTED_FIGURES,
        citation="trade_official_statements",
        coverage="77 statements on trade among the five and with China, Russia, Turkey and the UK, "
                 "2014-2024 (most 2016-2023); no pair for 1995-2013 except TJK-UZB 2014",
        caveats=(
            "Not a trade matrix: a set of quoted figures, each with its own source and period.",
            "Mirror asymmetries are large; keep each reporting side in its own series.",
            "Imports are usually valued CIF and exports FOB; Uzbek 'turnover' often includes services.",
            "Part-year and full-year figures are never comparable; many figures are rounded speech figures.",
            "News outlets sometimes mislabel periods; such rows have period 'unclear'.",
        ),
    ),
]

_FLOW = re.compile(r"^(exports|imports) of ([A-Z]{3}) (?:to|from) (.+)$")
_RANGE = re.compile(r"^(" + "|".join(MONTHS) + r")-(" + "|".join(MONTHS) + r")(?: \(since early \d{4}\))?$")


def parse_period(text: str) -> tuple[str, int | None, int | None]:
    """('full year' | 'Jan-Oct' | 'unclear', first month, last month) of a stated period."""
    text = text.strip()
    if text in ("full year", "full year (as stated)"):
        return "full year", 1, 12
    if text == "Q1":
        return "Jan-Mar", 1, 3
    match = _RANGE.match(text)
    if match:
        start, end = MONTHS.index(match[1]) + 1, MONTHS.index(match[2]) + 1
        if end < start:
            raise DataError(SOURCE, f"period {text!r} runs backwards", column="period")
        return ("full year" if (start, end) == (1, 12) else f"{match[1]}-{match[2]}"), start, end
    # Mislabelled or unstated periods (e.g. 'Jan-Jun (24.kg) / Jan-Jul (Trend)', 'annual level
    # as stated in Sept 2017'): kept, but never comparable with anything.
    return "unclear", None, None


def parse_flow(flow: str, reporter: str, partner: str) -> str:
    if flow == "turnover":
        return flow
    match = _FLOW.match(flow)
    if not match or match[2] != reporter:
        raise DataError(SOURCE, f"flow {flow!r} is not worded from the reporting side {reporter!r}",
                        column="flow")
    if match[3] != partner and not (partner == "CA4" and match[3] == "each CA country"):
        raise DataError(SOURCE, f"flow {flow!r} names a partner other than {partner!r}", column="flow")
    return match[1]


def qualifier(stated: str) -> str:
    words = str(stated).lower()
    if "exceeding" in words or "more than" in words:
        return "at least"
    if "about" in words or "almost" in words:
        return "about"
    return "as stated"


def run(raw) -> dict[str, pd.DataFrame]:
    # Load
    src = raw.csv(SOURCE, dtype=str, keep_default_na=False)

    # Process
    # Groups of states are not countries: they keep their label in partner_as_stated.
    reporter = to_iso3(src["partner_a"], "iso3", SOURCE, ignore=("CA5",))
    partner = to_iso3(src["partner_b"], "iso3", SOURCE, ignore=("CA4", "CA5"))
    periods = [parse_period(p) for p in src["period"]]
    out = pd.DataFrame({
        "statement": range(1, len(src) + 1),
        "scope": [AGGREGATES.get(p, "bilateral") for p in src["pair"]],
        "reporter": reporter,
        "partner": partner,
        "partner_as_stated": src["partner_b"],
        "flow": [parse_flow(f, a, b) for f, a, b in zip(src["flow"], src["partner_a"], src["partner_b"])],
        "year": src["year"].astype(int),
        "period": [p[0] for p in periods],
        "month_start": pd.array([p[1] for p in periods], dtype="Int64"),
        "month_end": pd.array([p[2] for p in periods], dtype="Int64"),
        "value_usd": pd.to_numeric(src["value_usd"].replace("", None)),
        "unit": "US$",
        "qualifier": [qualifier(v) for v in src["value_as_stated"]],
        "doubtful": src["note"].str.contains("do not use", case=False),
        "value_as_stated": src["value_as_stated"],
        "change_as_stated": src["change_as_stated"],
        "period_as_stated": src["period"],
        "attributed_to": src["figure_attributed_to"],
        "publisher": src["publisher"],
        "article_date": src["article_date"],
        "url": src["url"],
        "note": src["note"],
    })
    out["period_months"] = out["month_end"] - out["month_start"] + 1
    bilateral = out["scope"] == "bilateral"
    if out.loc[bilateral, "reporter"].isna().any():
        raise DataError(SOURCE, "a bilateral statement lacks its reporting side", column="partner_a")
    out["pair"] = [
        "-".join(sorted((a, b))) if s == "bilateral" else label
        for s, a, b, label in zip(out["scope"], src["partner_a"], src["partner_b"], src["pair"])]
    return {"trade_statements": out}
