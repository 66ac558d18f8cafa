"""Figures of the economy chapter (notebooks/economy).

Each `draw_*` function takes frames already computed by the chapter (year x
country tables, tidy frames) and returns a matplotlib figure; the notebook
publishes it with its source line. Tests check the axes, series and labels.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

from .. import style
from ..countries import name

HATCH = {"KAZ": "", "KGZ": "///", "TJK": "...", "TKM": "xx", "UZB": "\\\\\\"}


def draw_shares(share: pd.DataFrame) -> plt.Figure:
    """Stacked area of each country's share (%) of the group's GDP, by year (columns = ISO3)."""
    fig, ax = plt.subplots(figsize=(8, 4.2))
    bottom = pd.Series(0.0, index=share.index)
    for code in share.columns:
        s = style.country(code)
        ax.fill_between(share.index, bottom, bottom + share[code], facecolor=s["color"], edgecolor="white",
                        hatch=HATCH.get(code, ""), linewidth=0.5, label=name(code))
        bottom = bottom + share[code]
    ax.set_xlim(share.index.min(), share.index.max())
    ax.set_ylim(0, 100)
    ax.set_ylabel("% of the five's combined GDP (current US$)")
    ax.set_title("Share of each state in the Central Asian economy")
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(handles[::-1], labels[::-1], loc="center left", bbox_to_anchor=(1.0, 0.5))
    return fig


def draw_market_ppp(shares: pd.DataFrame, year: int) -> plt.Figure:
    """Paired horizontal bars: each country's share at market rates and at PPP (columns market, ppp)."""
    fig, ax = plt.subplots(figsize=(7, 3.4))
    pos = range(len(shares))
    ax.barh([p - 0.2 for p in pos], shares["market"], height=0.4, color="#0072B2", edgecolor="black",
            label="Market exchange rates")
    ax.barh([p + 0.2 for p in pos], shares["ppp"], height=0.4, color="#E69F00", edgecolor="black",
            hatch="///", label="Purchasing-power parity")
    ax.set_yticks(list(pos), [name(c) for c in shares.index])
    ax.invert_yaxis()
    ax.set_xlabel(f"% of the five's combined GDP, {year}")
    ax.set_title("Economic weight at market rates and at PPP")
    ax.legend(loc="lower right")
    return fig


def draw_growth(annual: pd.DataFrame, by_country: pd.DataFrame) -> plt.Figure:
    """Left: annual growth of the five and the world (columns 'The five', 'World').
    Right: average growth by country and period (rows = ISO3 or 'World', columns = period labels)."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 4), gridspec_kw={"width_ratios": [3, 2]})
    left.plot(annual.index, annual["The five"], color="#0072B2", linestyle="-", marker="o", markersize=3,
              label="The five (GDP-weighted)")
    left.plot(annual.index, annual["World"], color="#555555", linestyle="--", marker="s", markersize=3,
              label="World")
    left.axhline(0, color="black", linewidth=0.6)
    left.axvline(2019, color="#999999", linestyle=":", linewidth=1)
    left.set_ylabel("Real GDP growth, % per year")
    left.set_title("The five and the world")
    left.legend(loc="lower left")
    pos = range(len(by_country))
    colours, hatches = ["#56B4E9", "#E69F00"], ["", "///"]
    n = len(by_country.columns)
    for i, period in enumerate(by_country.columns):
        offset = (i - (n - 1) / 2) * 0.4
        right.barh([p + offset for p in pos], by_country[period], height=0.4, color=colours[i % 2],
                   edgecolor="black", hatch=hatches[i % 2], label=period)
    right.set_yticks(list(pos), [name(c) if c != "World" else c for c in by_country.index])
    right.invert_yaxis()
    right.set_xlabel("Average real growth, % per year")
    right.set_title("By country")
    right.legend(loc="lower right")
    return fig


def draw_peers(peers: pd.Series, marks: dict[str, float], first: int, last: int) -> plt.Figure:
    """Histogram of peer economies' average growth with vertical lines for named rates (`marks`)."""
    fig, ax = plt.subplots(figsize=(8, 3.8))
    ax.hist(peers.clip(-5, 15), bins=range(-5, 16), color="#cccccc", edgecolor="black", linewidth=0.5,
            label=f"{len(peers)} non-high-income economies")
    styles = ["-", "--", ":", "-."]
    colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7"]
    for i, (label, value) in enumerate(marks.items()):
        ax.axvline(value, color=colours[i % 4], linestyle=styles[i % 4], linewidth=2,
                   label=f"{label} ({value:.1f}%)")
    ax.set_xlabel(f"Average real GDP growth {first}-{last}, % per year (values beyond -5 and 15 at the edges)")
    ax.set_ylabel("Number of economies")
    ax.set_title("The five against peer economies")
    ax.legend(fontsize=8, loc="upper right")
    return fig


def draw_forecast(outturn: pd.DataFrame, forecast: pd.DataFrame, shade: tuple[int, int]) -> plt.Figure:
    """One panel per country: outturn growth (solid) and the forecast path (dashed), forecast years shaded."""
    fig, axes = plt.subplots(2, 3, figsize=(9, 5.2), sharex=True, sharey=True)
    for ax, code in zip(axes.flat, outturn.columns):
        s = style.country(code)
        ax.plot(outturn.index, outturn[code], color=s["color"], linestyle="-", marker=s["marker"], markersize=3,
                label="Outturn (current data)")
        ax.plot(forecast.index, forecast[code], color="#555555", linestyle="--", marker="o",
                markerfacecolor="white", markersize=3, label="IMF, April 2019")
        ax.axvspan(shade[0] - 0.5, shade[1] + 0.5, color="#eeeeee", zorder=0)
        ax.axhline(0, color="black", linewidth=0.5)
        ax.set_title(name(code))
    axes.flat[-1].axis("off")
    axes.flat[0].xaxis.set_major_locator(MaxNLocator(integer=True))
    handles, labels = axes.flat[0].get_legend_handles_labels()
    axes.flat[-1].legend(handles, labels, loc="center")
    for ax in axes[:, 0]:
        ax.set_ylabel("Real GDP growth, %")
    return fig


def draw_fdi(inflows_pct: pd.DataFrame, kaz_usd_bn: pd.DataFrame) -> plt.Figure:
    """Left: net FDI inflows, % of GDP, per country. Right: Kazakhstan's inflows and outflows (US$ bn)."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 4))
    for code in inflows_pct.columns:
        left.plot(inflows_pct[code], **style.country(code), markersize=3, label=name(code))
    left.axhline(0, color="black", linewidth=0.5)
    left.set_ylabel("Net FDI inflows, % of GDP")
    left.set_title("Inflows, % of GDP")
    left.legend(fontsize=8, ncol=2)
    right.bar(kaz_usd_bn.index - 0.2, kaz_usd_bn["in"], width=0.4, color="#0072B2", edgecolor="black",
              label="Inflows")
    right.bar(kaz_usd_bn.index + 0.2, kaz_usd_bn["out"], width=0.4, color="#E69F00", edgecolor="black",
              hatch="///", label="Outflows")
    right.axhline(0, color="black", linewidth=0.5)
    right.set_ylabel("US$ billion (current)")
    right.set_title("Kazakhstan, US$")
    right.legend()
    return fig


def draw_lines(table: pd.DataFrame, ylabel: str, title: str) -> plt.Figure:
    """One line per country (columns = ISO3) of a year-indexed table; gaps are not bridged."""
    fig, ax = plt.subplots(figsize=(8, 4))
    for code in table.columns:
        ax.plot(table[code].dropna(), **style.country(code), markersize=3, label=name(code))
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(fontsize=8)
    return fig


def draw_panels(tables: dict[str, pd.DataFrame], ncols: int = 2, markevery: int | None = None) -> plt.Figure:
    """Small multiples: one panel per titled year x country table; all-missing or all-zero columns skipped."""
    nrows = -(-len(tables) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(9, 2.75 * nrows), sharex=True, squeeze=False)
    for ax, (title, table) in zip(axes.flat, tables.items()):
        for code in table.columns:
            column = table[code].dropna()
            if column.empty or column.max() <= 0 and column.min() >= 0:
                continue
            ax.plot(column, **style.country(code), markersize=2.5, markevery=markevery, label=name(code))
        ax.set_title(title, fontsize=10)
    for ax in list(axes.flat)[len(tables):]:
        ax.axis("off")
    axes.flat[0].legend(fontsize=7)
    return fig


def draw_water(water: pd.Series, year: int) -> plt.Figure:
    """Horizontal bars of internal renewable water per person (m3), on a log scale, by country."""
    fig, ax = plt.subplots(figsize=(7, 3.2))
    order = water.sort_values()
    colours = [style.country(c)["color"] for c in order.index]
    ax.barh([name(c) for c in order.index], order.values, color=colours, edgecolor="black")
    ax.set_xscale("log")
    ax.set_xlabel(f"Internal renewable water, m³ per person, {year} (log scale)")
    ax.set_title("Water generated inside each country's borders")
    for y, value in enumerate(order.values):
        ax.annotate(f"{value:,.0f}", (value, y), textcoords="offset points", xytext=(4, -3), fontsize=8)
    return fig
