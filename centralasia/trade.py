"""Reading official bilateral trade figures without mixing what cannot be mixed.

The table `trade_statements` holds figures as each side reported them. Two
rules follow from how such figures are made, and this module enforces them:

1. A comparison is made only between figures that cover the same months
   (same first and last month). A January-October figure is never set
   against a full-year one; a figure whose period is unclear is compared
   with nothing. Asking for such a comparison raises `PeriodMismatch`.
2. A growth rate uses one speaker's figures (the same office or official of
   one reporting side) for the same flow, pair and period in two years; a
   rate built from two speakers is not a growth rate and is dropped.
3. Where both sides were quoted for the same pair, flow and months, the two
   figures are set side by side (`speaker_gaps`) and never merged. These are
   *not* mirror statistics: a mirror compares one side's recorded exports with
   the other side's recorded imports in the same statistical system. Here the
   two figures come from different kinds of speaker (a statistics committee
   against an embassy, rounded figures from speeches), so a gap mixes
   statistical asymmetry with the speakers' rounding and definitions.

Every function takes the table as loaded (`ca.load('trade_statements')`) or
any frame with the same columns, so the tests can use small hand-made tables.
"""
from __future__ import annotations

import pandas as pd

MIRROR_FLOW = {"turnover": "turnover", "exports": "imports", "imports": "exports"}


class PeriodMismatch(ValueError):
    """Two trade figures cover different (or unknown) months and must not be compared."""


def _period_label(row) -> str:
    if pd.isna(row["month_start"]) or pd.isna(row["month_end"]):
        return f"{row['year']} (period unclear: {row['period_as_stated']!r})" \
            if "period_as_stated" in row else f"{row['year']} (period unclear)"
    return f"{row['year']} {row['period']}"


def check_same_period(a, b) -> None:
    """Raise `PeriodMismatch` unless figures `a` and `b` cover the same, known months."""
    for row in (a, b):
        if pd.isna(row["month_start"]) or pd.isna(row["month_end"]):
            raise PeriodMismatch(
                f"cannot compare trade figures: {_period_label(row)} does not state which months "
                "it covers")
    if (int(a["month_start"]), int(a["month_end"])) != (int(b["month_start"]), int(b["month_end"])):
        raise PeriodMismatch(
            f"cannot compare trade figures for different periods: {_period_label(a)} "
            f"({int(a['month_end']) - int(a['month_start']) + 1} months) against {_period_label(b)} "
            f"({int(b['month_end']) - int(b['month_start']) + 1} months); part-year and full-year "
            "figures (or two different part-years) are not comparable")


def usable(statements: pd.DataFrame) -> pd.DataFrame:
    """Bilateral statements with a level, not flagged as doubtful."""
    keep = ((statements["scope"] == "bilateral") & statements["value_usd"].notna()
            & ~statements["doubtful"].fillna(False).astype(bool))
    return statements[keep]


def growth(previous, current) -> float:
    """Percentage change from `previous` to `current` (two rows of the table).

    Both must come from the same reporting side, about the same partner and
    flow, and cover the same months; otherwise the comparison is refused.
    """
    for key in ("reporter", "partner", "flow"):
        if previous[key] != current[key]:
            raise ValueError(f"growth needs one reporting side, partner and flow; the figures differ "
                             f"in {key}: {previous[key]!r} vs {current[key]!r}")
    check_same_period(previous, current)
    if pd.isna(previous["value_usd"]) or pd.isna(current["value_usd"]):
        raise ValueError("growth needs two stated levels; one figure states only a change")
    return 100.0 * (float(current["value_usd"]) / float(previous["value_usd"]) - 1.0)


def matched_growth(statements: pd.DataFrame, same_speaker: bool = True) -> pd.DataFrame:
    """Every growth rate the table allows: same side, partner, flow, months, consecutive years.

    With `same_speaker` (the default) a rate is kept only if both figures come
    from the same office or official; rates that mix speakers are dropped (two
    speakers of one side may count different things). `same_attribution` says
    which rates those are when `same_speaker=False`.
    """
    rows = usable(statements)
    rows = rows[rows["month_start"].notna() & rows["month_end"].notna()]
    key = ["reporter", "partner", "flow", "month_start", "month_end"]
    out = []
    for _, group in rows.groupby(key, sort=True):
        by_year = group.groupby("year")
        for year, now in by_year:
            if year - 1 not in by_year.groups:
                continue
            before = by_year.get_group(year - 1)
            if len(now) > 1 or len(before) > 1:
                raise ValueError(f"several figures from {now['reporter'].iloc[0]} for "
                                 f"{now['pair'].iloc[0]} {year}; choose one before computing growth")
            a, b = before.iloc[0], now.iloc[0]
            out.append({"reporter": b["reporter"], "partner": b["partner"], "pair": b["pair"],
                        "flow": b["flow"], "period": b["period"], "year_from": int(year) - 1,
                        "year_to": int(year), "value_from": float(a["value_usd"]),
                        "value_to": float(b["value_usd"]), "growth_pct": growth(a, b),
                        "same_attribution": a["attributed_to"] == b["attributed_to"]})
    columns = ["reporter", "partner", "pair", "flow", "period", "year_from", "year_to",
               "value_from", "value_to", "growth_pct", "same_attribution"]
    out = pd.DataFrame(out, columns=columns)
    if same_speaker:
        out = out[out["same_attribution"].astype(bool)]
    return out.sort_values(["pair", "reporter", "year_to"], ignore_index=True)


def _mirror_candidates(statements: pd.DataFrame) -> pd.DataFrame:
    """Pairs of statements by the two sides on the same pair, mirrored flow and year."""
    rows = usable(statements).copy()
    rows = rows[rows["partner"].notna()]
    rows["mirror_flow"] = rows["flow"].map(MIRROR_FLOW)
    left = rows.add_suffix("_1")
    right = rows.add_suffix("_2")
    both = left.merge(right, left_on=["reporter_1", "partner_1", "mirror_flow_1", "year_1"],
                      right_on=["partner_2", "reporter_2", "flow_2", "year_2"])
    # Each pair once: oriented from the alphabetically first reporter.
    return both[both["reporter_1"] < both["reporter_2"]]


def _same_months(frame: pd.DataFrame) -> pd.Series:
    known = frame[["month_start_1", "month_end_1", "month_start_2", "month_end_2"]].notna().all(axis=1)
    same = (frame["month_start_1"] == frame["month_start_2"]) & (frame["month_end_1"] == frame["month_end_2"])
    return known & same.fillna(False).astype(bool)


def speaker_gaps(statements: pd.DataFrame) -> pd.DataFrame:
    """Both sides' quoted figures for the same pair, flow and months, side by side.

    Not mirror statistics (see the module note): `speaker_1` and `speaker_2`
    name who gave each figure. `flow` is worded from `reporter_1`'s side (its
    exports are `reporter_2`'s imports). `gap_usd` = value_1 - value_2;
    `gap_pct_of_mean` is the absolute gap as a percentage of the mean of the
    two figures (a symmetric measure).
    """
    both = _mirror_candidates(statements)
    both = both[_same_months(both)]
    dup = both.duplicated(["reporter_1", "reporter_2", "flow_1", "year_1", "month_start_1", "month_end_1"],
                          keep=False)
    if dup.any():
        first = both[dup].iloc[0]
        raise ValueError(f"several figures for {first['pair_1']} {first['year_1']} {first['period_1']} "
                         f"{first['flow_1']} from one side; choose one before comparing the mirrors")
    out = pd.DataFrame({
        "pair": both["pair_1"], "year": both["year_1"].astype(int), "period": both["period_1"],
        "flow": both["flow_1"],
        "reporter_1": both["reporter_1"], "value_1": both["value_usd_1"].astype(float),
        "reporter_2": both["reporter_2"], "value_2": both["value_usd_2"].astype(float),
        "statement_1": both["statement_1"], "statement_2": both["statement_2"],
        "speaker_1": both["attributed_to_1"], "speaker_2": both["attributed_to_2"],
    })
    out["gap_usd"] = out["value_1"] - out["value_2"]
    out["gap_pct_of_mean"] = 100.0 * out["gap_usd"].abs() / ((out["value_1"] + out["value_2"]) / 2)
    return out.sort_values(["pair", "year", "flow"], ignore_index=True)


mirror = speaker_gaps  # the name used before 0.2.0; the comparisons are not mirror statistics


def unmatched_mirrors(statements: pd.DataFrame) -> pd.DataFrame:
    """Both sides reported the pair, flow and year, but for different or unclear months.

    These are the comparisons `mirror` refuses; listing them shows the reader
    what was left out and why.
    """
    both = _mirror_candidates(statements)
    both = both[~_same_months(both)]
    return pd.DataFrame({
        "pair": both["pair_1"], "year": both["year_1"].astype(int), "flow": both["flow_1"],
        "reporter_1": both["reporter_1"], "period_1": both["period_1"],
        "value_1": both["value_usd_1"].astype(float),
        "reporter_2": both["reporter_2"], "period_2": both["period_2"],
        "value_2": both["value_usd_2"].astype(float),
    }).sort_values(["pair", "year", "flow"], ignore_index=True)


def figures(statements: pd.DataFrame, reporter: str, partner: str, flow: str = "turnover",
            period: str = "full year") -> pd.Series:
    """One side's series for one partner, flow and period (US$ by year); never mixed with the mirror."""
    rows = usable(statements)
    rows = rows[(rows["reporter"] == reporter) & (rows["partner"] == partner) & (rows["flow"] == flow)
                & (rows["period"] == period)]
    if rows["year"].duplicated().any():
        year = int(rows.loc[rows["year"].duplicated(), "year"].iloc[0])
        raise ValueError(f"several {period} {flow} figures from {reporter} on {partner} for {year}")
    return rows.set_index("year")["value_usd"].astype(float).sort_index()


def implied_dollar_deflator(usd: pd.DataFrame, growth_pct: pd.DataFrame, year: int) -> pd.Series:
    """Change (%) in the US$ price level of each economy's output from `year`-1 to `year`.

    usd: year x country GDP in current US$ (one vintage); growth_pct: the same
    vintage's real growth (%). The change in dollar GDP not explained by real
    growth is the change in dollar prices (domestic prices and the exchange rate
    together). It is a proxy: trade prices (oil, metals, grain) can move quite
    differently from the prices of all output.
    """
    nominal = usd.loc[year] / usd.loc[year - 1]
    real = 1 + growth_pct.loc[year] / 100
    return ((nominal / real) - 1) * 100


# Tables the chapter shows: each takes computed frames and returns the frame `tables.show` prints.

def _dash(pair: pd.Series) -> pd.Series:
    return pair.str.replace("-", "–")


def coverage_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Number of statements by scope and by the period they cover (full year, part year, unclear)."""
    kind = statements["period"].where(statements["period"].isin(["full year", "unclear"]), "part year")
    table = (statements.assign(period_kind=kind)
             .pivot_table(index="scope", columns="period_kind", values="statement", aggfunc="count",
                          fill_value=0))
    table.columns.name = None
    return table.reset_index()


def gap_table(gaps: pd.DataFrame) -> pd.DataFrame:
    """The two speakers' figures for each pair and year, in US$ million, and the gap in % of the mean."""
    return pd.DataFrame({
        "pair": _dash(gaps["pair"]), "year": gaps["year"],
        "speaker A": gaps["speaker_1"], "A, US$ m": gaps["value_1"] / 1e6,
        "speaker B": gaps["speaker_2"], "B, US$ m": gaps["value_2"] / 1e6,
        "gap, %": gaps["gap_pct_of_mean"],
    }).reset_index(drop=True)


def refused_table(refused: pd.DataFrame) -> pd.DataFrame:
    """Pairs reported by both sides for one year but for different or unclear months."""
    return pd.DataFrame({
        "pair": _dash(refused["pair"]), "year": refused["year"],
        "side A": refused["reporter_1"], "period (A)": refused["period_1"],
        "side B": refused["reporter_2"], "period (B)": refused["period_2"],
    }).reset_index(drop=True)


def growth_table(growth_rows: pd.DataFrame) -> pd.DataFrame:
    """One-speaker growth rates over matching months of consecutive years."""
    return pd.DataFrame({
        "pair": _dash(growth_rows["pair"]), "reporter": growth_rows["reporter"],
        "period": growth_rows["period"],
        "years": growth_rows["year_from"].astype(str) + "→" + growth_rows["year_to"].astype(str),
        "growth, %": growth_rows["growth_pct"],
    }).reset_index(drop=True)


def kazakh_side_table(statements: pd.DataFrame, years=(2017, 2018),
                      partners=("KGZ", "TJK", "TKM", "UZB")) -> pd.DataFrame:
    """Kazakh-side statements on trade with `partners` in `years`, as stated (level, change, flag)."""
    kaz = statements[(statements["reporter"] == "KAZ") & statements["year"].isin(list(years))
                     & statements["partner"].isin(list(partners))]
    level = (kaz["value_usd"] / 1e6).round(1).astype(object).where(kaz["value_usd"].notna(), "no level stated")
    return pd.DataFrame({
        "partner": kaz["partner"], "year": kaz["year"], "period": kaz["period"], "flow": kaz["flow"],
        "US$ m": level, "change as stated": kaz["change_as_stated"].fillna("none stated"),
        "flag": kaz["doubtful"].map({True: "doubtful", False: ""}),
    }).sort_values(["partner", "year", "period"]).reset_index(drop=True)


def bracket_table(bracket: pd.DataFrame) -> pd.DataFrame:
    """The C28 bracket: full-year Kazakh-side sums and the same times 10/12, by reading."""
    readings = bracket.attrs["readings"]
    speakers = readings.loc[readings["partner"] == "UZB"].set_index("reading")["speaker"]
    return pd.DataFrame({
        "reading": bracket["reading"].to_numpy(),
        "Uzbekistan 2018 from": speakers.reindex(bracket["reading"]).to_numpy(),
        "full year, US$ bn": (bracket["full_year_usd"] / 1e9).to_numpy(),
        "x 10/12, US$ bn": (bracket["ten_months_usd"] / 1e9).to_numpy(),
    })


# The chapter's live explorer: trade indicators of the economy table (label -> indicator code).
EXPLORER_MEASURES = {
    "Trade (exports + imports), % of GDP": "trade_pct_gdp",
    "Exports of goods and services, % of GDP": "exports_pct_gdp",
    "Imports of goods and services, % of GDP": "imports_pct_gdp",
    "Merchandise trade, % of GDP": "merchandise_trade_pct_gdp",
    "Trade balance, % of GDP": "trade_balance_pct_gdp",
}


def explorer_frame(econ: pd.DataFrame, countries) -> pd.DataFrame:
    """Tidy long frame (iso3, indicator, year, value) of the explorer's measures for `countries`."""
    rows = econ[econ["indicator"].isin(list(EXPLORER_MEASURES.values())) & econ["iso3"].isin(list(countries))]
    rows = rows[["iso3", "indicator", "year", "value"]].dropna(subset=["value"])
    return rows.sort_values(["indicator", "iso3", "year"]).reset_index(drop=True)
