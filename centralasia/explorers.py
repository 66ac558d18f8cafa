"""Live explorers: Vega-Lite charts that redraw in the static HTML book, with no kernel.

An explorer is an Altair chart whose controls (country, period, measure, weights) are Vega
parameters bound to HTML inputs (checkbox, select, radio, range), so the browser redraws it.
`show()` wraps a chart in an object whose display bundle gives every client something that works:

- ``text/html`` — the HTML book: a ``<figure class="ca-explorer">`` holding the spec (JSON, data
  inline as CSV) and, until the script replaces it, a static PNG of the chart with its alt text.
  The Vega JavaScript is served once from the book's own static files
  (``_static/explorers/vega-explorers.js``, written by `write_bundle`; the Sphinx extension
  ``book/_ext/a11y.py`` adds it to pages with an explorer). No CDN, nothing third-party committed.
  In Jupyter (no bundle there) the same HTML shows the static PNG, and no control at all.
- ``image/png`` — the PDF (the LaTeX builder's first choice among these), rendered by
  ``vl-convert`` from the same spec at the controls' initial values.
- ``text/plain`` — a sentence naming the chart.

In a kernel the chapter's ipywidgets explorer (`centralasia.widgets.explorer`) keeps working; its
widget output is removed from the static HTML (where it would be an inert snapshot) by
``book/_ext/a11y.py``, which leaves a one-line note in its place.

Builders for the explorer types of this book: `lines` (a measure by country over years: measure
select, one checkbox per country, period sliders), `reweight` (a composite index whose weights are
sliders), `bars` (one entity chosen from a select, values by item), `heatmap` (a measure for pairs
of entities over a span of years, recomputed from additive counts), `timeline` (dated events by kind), `event_timeline` (a simpler event strip, checkboxes and period sliders), `agreement` (a pair matrix of UNGA agreement or kappa over a chosen period, from `pair_counts`).
"""
from __future__ import annotations

import base64
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

import altair as alt
import pandas as pd

from . import style

BUNDLE = "explorers/vega-explorers.js"  # path under the book's _static/
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
WIDTH, HEIGHT = 560, 300  # the chart grows to its container ("container" width) in the HTML

# Matplotlib marker -> Vega shape, so a country keeps its marker in the live chart.
_SHAPES = {"o": "circle", "s": "square", "^": "triangle-up", "D": "diamond", "v": "triangle-down",
           "P": "cross", "x": "cross", "*": "diamond", "+": "cross", "h": "circle", "<": "triangle-left",
           ">": "triangle-right", "d": "diamond", "p": "square", "H": "circle", ".": "circle",
           "X": "M-1,-0.6L-0.4,0L-1,0.6L-0.6,1L0,0.4L0.6,1L1,0.6L0.4,0L1,-0.6L0.6,-1L0,-0.4L-0.6,-1Z"}
_DASHES = {"-": [1, 0], "--": [6, 3], "-.": [6, 2, 1, 2], ":": [1, 2]}


def _dash(linestyle) -> list[float]:
    if isinstance(linestyle, tuple):
        return list(linestyle[1])
    return _DASHES.get(linestyle, [1, 0])


def country_scales(codes: Sequence[str], names: Sequence[str]) -> dict[str, alt.Scale]:
    """Colour, dash and shape scales that give each country its `style.country` look."""
    looks = [style.country(c) for c in codes]
    return dict(color=alt.Scale(domain=list(names), range=[s["color"] for s in looks]),
                strokeDash=alt.Scale(domain=list(names), range=[_dash(s["linestyle"]) for s in looks]),
                shape=alt.Scale(domain=list(names), range=[_SHAPES.get(s["marker"], "circle") for s in looks]))


def _ident(text: str) -> str:
    """A Vega parameter name from any text."""
    return "p_" + re.sub(r"\W", "_", str(text))


def _js(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _lookup(param: str, mapping: Mapping[str, str], default: str = "") -> str:
    """A Vega expression giving mapping[param] (nested conditionals; no object literals needed)."""
    expr = _js(default)
    for key, label in reversed(list(mapping.items())):
        expr = f"({param} == {_js(key)} ? {_js(label)} : {expr})"
    return expr


def inline_csv(frame: pd.DataFrame, parse: Mapping[str, str] | None = None) -> alt.InlineData:
    """The frame as inline CSV (about a third of the size of JSON rows)."""
    if parse is None:
        parse = {c: "number" for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])}
    return alt.InlineData(values=frame.to_csv(index=False, float_format="%.6g", lineterminator="\n"),
                          format=alt.DataFormat(type="csv", parse=dict(parse)))


def _title(text, source: str) -> alt.TitleParams:
    return alt.TitleParams(text=text, subtitle=f"Source: {source}", anchor="start", fontSize=13,
                           subtitleFontSize=10, subtitleColor="#444444", font=FONT, subtitleFont=FONT)


def _configure(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return (chart.configure(font=FONT)
            .configure_axis(gridColor="#dddddd", labelFontSize=11, titleFontSize=11, domainColor="#888888")
            .configure_view(stroke=None)
            .configure_legend(labelFontSize=11, titleFontSize=11, orient="bottom"))


# ------------------------------------------------------------------ builders
def lines(frame: pd.DataFrame, *, measures: Mapping[str, str], countries: Mapping[str, str],
          source: str, selected: Sequence[str] | None = None, measure: str | None = None,
          years: tuple[int, int] | None = None, x: str = "year", y: str = "value", country: str = "iso3",
          measure_field: str = "indicator", y_format: str = ",.2f", title: str | None = None) -> alt.Chart:
    """A measure by country over years: a measure select, one checkbox per country, period sliders.

    `frame` is tidy long: columns `country` (ISO3), `measure_field`, `x` (year), `y` (value).
    `measures` maps display label -> measure code (as in the chapters' ipywidgets Dropdowns);
    `countries` maps display name -> ISO3. `selected`: the countries ticked at first (default: all).
    """
    codes = list(countries.values())
    names = {iso: n for n, iso in countries.items()}
    data = frame[frame[country].isin(codes) & frame[measure_field].isin(list(measures.values()))]
    data = data[[country, measure_field, x, y]].dropna(subset=[y]).sort_values([measure_field, country, x])
    data = data.assign(country=data[country].map(names)).rename(
        columns={measure_field: "measure", x: "year", y: "value"})[["measure", "country", "year", "value"]]
    lo, hi = int(data["year"].min()), int(data["year"].max())
    first, last = years or (lo, hi)
    measure = measure or next(iter(measures.values()))
    chosen = set(selected if selected is not None else codes)
    labels = {code: label for label, code in measures.items()}

    p_measure = alt.param(name="measure", value=measure, bind=alt.binding_select(
        options=list(labels), labels=list(labels.values()), name="Measure "))
    p_from = alt.param(name="year_from", value=first, bind=alt.binding_range(min=lo, max=hi, step=1, name="From "))
    p_to = alt.param(name="year_to", value=last, bind=alt.binding_range(min=lo, max=hi, step=1, name="To "))
    ticks = [alt.param(name=_ident(iso), value=iso in chosen, bind=alt.binding_checkbox(name=f"{names[iso]} "))
             for iso in codes]
    shown = " || ".join(f"(datum.country == {_js(names[iso])} && {_ident(iso)})" for iso in codes)
    scales = country_scales(codes, [names[c] for c in codes])
    legend = alt.Legend(title=None, symbolStrokeWidth=2, orient="bottom",
                        columns=alt.ExprRef("width < 360 ? 2 : width < 520 ? 3 : 4"))  # phones: 2 columns

    base = alt.Chart(inline_csv(data, {"year": "number", "value": "number"})).transform_filter(
        f"datum.measure == measure && datum.year >= min(year_from, year_to) && "
        f"datum.year <= max(year_from, year_to) && ({shown})")
    enc = dict(x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d", tickMinStep=1)),
               y=alt.Y("value:Q", title=None, scale=alt.Scale(zero=False)),
               color=alt.Color("country:N", scale=scales["color"], legend=legend))
    line = base.mark_line(strokeWidth=2).encode(
        strokeDash=alt.StrokeDash("country:N", scale=scales["strokeDash"], legend=legend), **enc)
    points = base.mark_point(filled=True, size=36).encode(
        shape=alt.Shape("country:N", scale=scales["shape"], legend=legend),
        tooltip=[alt.Tooltip("country:N", title="Country"), alt.Tooltip("year:Q", title="Year", format="d"),
                 alt.Tooltip("value:Q", title="Value", format=y_format)], **enc)
    text = {"expr": _lookup("measure", labels)} if title is None else title
    chart = alt.layer(line, points).add_params(p_measure, p_from, p_to, *ticks).properties(
        width="container", height=HEIGHT, title=_title(text, source))
    return _configure(chart)


def long_scores(scores: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """`{point: units x dimensions table}` (as the integration chapter keeps them) -> tidy long frame."""
    parts = []
    for point, table in scores.items():
        long = table.rename_axis(index="unit", columns="dimension").stack(future_stack=True).rename("score")
        parts.append(long.reset_index().assign(point=point))
    return pd.concat(parts, ignore_index=True)[["unit", "point", "dimension", "score"]]


def reweight(scores: pd.DataFrame, *, labels: Mapping[str, str], source: str,
             unit_names: Mapping[str, str] | None = None, min_coverage: float = 0.5,
             point_labels: Mapping[str, str] | None = None, title: str = "Integration index with your weights",
             step: float = 0.05) -> alt.Chart:
    """A composite index re-weighted in the browser: one slider (0–1) per dimension.

    `scores` is tidy long: `unit`, `point`, `dimension`, `score` (0–1, NaN where missing). The index
    is the weighted mean of the present scores, weights re-normalised over them, missing where the
    present dimensions carry less than `min_coverage` of the weight (as `integration.aggregate`).
    """
    dims = list(labels)
    data = scores[["unit", "point", "dimension", "score"]].copy()
    units = list(dict.fromkeys(data["unit"]))
    names = dict(unit_names or {u: u for u in units})
    points = list(dict.fromkeys(data["point"]))
    plabels = dict(point_labels or {p: p for p in points})
    data = data.assign(unit=data["unit"].map(names), point=data["point"].map(plabels))
    params = [alt.param(name=_ident(d), value=1.0,
                        bind=alt.binding_range(min=0, max=1, step=step, name=f"{labels[d]} "))
              for d in dims]
    weight = "0"  # the slider of the row's dimension
    for d in reversed(dims):
        weight = f"(datum.dimension == {_js(d)} ? {_ident(d)} : {weight})"
    total_w = " + ".join(_ident(d) for d in dims)
    colours = alt.Scale(domain=[plabels[p] for p in points], range=["#BBBBBB", "#0072B2", "#E69F00"][:len(points)])
    chart = (alt.Chart(inline_csv(data, {"score": "number"}))
             .transform_calculate(w=weight)
             .transform_calculate(present="isValid(datum.score) && isFinite(datum.score) ? datum.w : 0",
                                  part="isValid(datum.score) && isFinite(datum.score) ? datum.w * datum.score : 0")
             .transform_aggregate(covered="sum(present)", total="sum(part)", groupby=["unit", "point"])
             .transform_calculate(index=f"({total_w}) > 0 && datum.covered >= {min_coverage} * ({total_w}) - 1e-12"
                                        f" ? datum.total / datum.covered : null",
                                  coverage=f"({total_w}) > 0 ? datum.covered / ({total_w}) : 0")
             .mark_bar()
             .encode(y=alt.Y("unit:N", sort=[names[u] for u in units], title=None),
                     yOffset=alt.YOffset("point:N", sort=[plabels[p] for p in points]),
                     x=alt.X("index:Q", title="Index with your weights (0–1)", scale=alt.Scale(domain=[0, 1])),
                     color=alt.Color("point:N", scale=colours, legend=alt.Legend(title=None)),
                     stroke=alt.value("#000000"), strokeWidth=alt.value(0.5),
                     tooltip=[alt.Tooltip("unit:N", title="Unit"), alt.Tooltip("point:N", title="Point"),
                              alt.Tooltip("index:Q", title="Index", format=".2f"),
                              alt.Tooltip("coverage:Q", title="Weight covered", format=".0%")])
             .add_params(*params)
             .properties(width="container", height=alt.Step(14), title=_title(title, source)))
    return _configure(chart)


def bars(frame: pd.DataFrame, *, entities: Mapping[str, str], source: str, value_title: str,
         entity: str | None = None, entity_field: str = "iso3", item: str = "item", value: str = "value",
         title: str | None = None, value_format: str = ".1f", domain: tuple[float, float] | None = None) -> alt.Chart:
    """Values by item for one entity chosen from a select (e.g. where a country's emigrants live)."""
    names = {code: n for n, code in entities.items()}
    data = frame[frame[entity_field].isin(list(names))][[entity_field, item, value]].dropna()
    data = data.rename(columns={entity_field: "entity", item: "item", value: "value"})
    chosen = entity or next(iter(names))
    p_entity = alt.param(name="entity", value=chosen, bind=alt.binding_select(
        options=list(names), labels=list(names.values()), name="Country "))
    text = {"expr": _lookup("entity", names)} if title is None else title
    x = alt.X("value:Q", title=value_title, scale=alt.Scale(domain=list(domain)) if domain else alt.Undefined)
    chart = (alt.Chart(inline_csv(data, {"value": "number"}))
             .transform_filter("datum.entity == entity")
             .mark_bar(color=style.OKABE_ITO[0])
             .encode(y=alt.Y("item:N", sort="-x", title=None), x=x,
                     tooltip=[alt.Tooltip("item:N", title="Item"),
                              alt.Tooltip("value:Q", title=value_title, format=value_format)])
             .add_params(p_entity)
             .properties(width="container", height=alt.Step(18), title=_title(text, source)))
    return _configure(chart)


def event_timeline(events: pd.DataFrame, *, kinds: Mapping[str, str], source: str,
             years: tuple[int, int] | None = None, colours: Mapping[str, str] | None = None,
             title: str = "Events in the chronology by kind") -> alt.Chart:
    """Dated events by kind: one checkbox per kind, period sliders, a tooltip with date and title.

    `events` has `date` (ISO text, "YYYY" or "YYYY-MM-DD"), `type` and `title`; `kinds` maps each
    type to its label (the order of the rows).
    """
    data = events[events["type"].isin(list(kinds))][["date", "type", "title"]].copy()
    when = pd.to_datetime(data["date"].astype(str).str.pad(10, "right", "-").str.replace(r"-+$", "", regex=True),
                          format="mixed", errors="coerce")
    data = data.assign(when=(when.dt.year + (when.dt.day_of_year - 1) / 366).round(3),
                       kind=data["type"].map(kinds))[["when", "date", "kind", "title"]].dropna(subset=["when"])
    data = data.sort_values(["when", "kind"])
    lo, hi = int(data["when"].min()), int(data["when"].max())
    first, last = years or (lo, hi)
    palette = dict(colours or dict(zip(kinds, style.OKABE_ITO * 2)))
    ticks = [alt.param(name=_ident(k), value=True, bind=alt.binding_checkbox(name=f"{label} "))
             for k, label in kinds.items()]
    shown = " || ".join(f"(datum.kind == {_js(label)} && {_ident(k)})" for k, label in kinds.items())
    p_from = alt.param(name="year_from", value=first, bind=alt.binding_range(min=lo, max=hi, step=1, name="From "))
    p_to = alt.param(name="year_to", value=last, bind=alt.binding_range(min=lo, max=hi, step=1, name="To "))
    labels = list(kinds.values())
    chart = (alt.Chart(inline_csv(data, {"when": "number"}))
             .transform_filter(f"datum.when >= min(year_from, year_to) && datum.when < max(year_from, year_to) + 1"
                               f" && ({shown})")
             .mark_point(filled=True, size=60, opacity=0.85)
             .encode(x=alt.X("when:Q", title="Year", axis=alt.Axis(format="d", tickMinStep=1),
                             scale=alt.Scale(domain=alt.ExprRef("[min(year_from, year_to), max(year_from, year_to) + 1]"))),
                     y=alt.Y("kind:N", sort=labels, title=None),
                     color=alt.Color("kind:N", scale=alt.Scale(domain=labels, range=[palette[k] for k in kinds]),
                                     legend=None),
                     shape=alt.Shape("kind:N", scale=alt.Scale(domain=labels), legend=None),
                     tooltip=[alt.Tooltip("date:N", title="Date"), alt.Tooltip("kind:N", title="Kind"),
                              alt.Tooltip("title:N", title="Event")])
             .add_params(p_from, p_to, *ticks)
             .properties(width="container", height=alt.Step(26), title=_title(title, source)))
    return _configure(chart)


def pair_counts(votes: pd.DataFrame, calls: pd.DataFrame, pairs: Sequence[tuple[str, str]]) -> pd.DataFrame:
    """Per pair and year, the 3x3 table of joint votes (c0..c8) behind agreement and kappa.

    `votes` is the roll-call x country vote matrix of `alignment.vote_matrix` (0/1/2, negative =
    absent); `calls` has `rcid` and `year`. Summing the tables of a period's years gives the
    period's table, so the browser can compute `alignment.scores` for any period.
    """
    import numpy as np

    from .alignment import _one_hot
    year = calls.set_index("rcid")["year"].reindex(votes.index)
    rows = []
    for a, b in pairs:
        hot = pd.DataFrame(_one_hot(votes[a].to_numpy(), votes[b].to_numpy()), index=votes.index,
                           columns=[f"c{k}" for k in range(9)])
        table = hot.groupby(year.to_numpy()).sum()
        table = table[table.sum(axis=1) > 0].astype(np.int64)
        rows.append(table.rename_axis("year").reset_index().assign(a=a, b=b))
    out = pd.concat(rows, ignore_index=True)
    return out[["a", "b", "year", *[f"c{k}" for k in range(9)]]]


def agreement(counts: pd.DataFrame, *, countries: Mapping[str, str], source: str,
              years: tuple[int, int] | None = None, measure: str = "kappa",
              ) -> alt.Chart:
    """A pair matrix of voting agreement or Cohen's kappa over a chosen period (as `alignment.scores`).

    `counts` is `pair_counts(...)`; `countries` maps display name -> ISO3 (one checkbox each).
    """
    names = {iso: n for n, iso in countries.items()}
    data = counts[counts["a"].isin(list(names)) & counts["b"].isin(list(names))].copy()
    flipped = data.rename(columns={"a": "b", "b": "a"})
    # the mirrored pair has the transposed table: cell (i, j) -> (j, i)
    flipped = flipped.rename(columns={f"c{i * 3 + j}": f"t{j * 3 + i}" for i in range(3) for j in range(3)})
    flipped = flipped.rename(columns={f"t{k}": f"c{k}" for k in range(9)})
    data = pd.concat([data, flipped[data.columns]], ignore_index=True)
    data = data.assign(a=data["a"].map(names), b=data["b"].map(names))
    lo, hi = int(data["year"].min()), int(data["year"].max())
    first, last = years or (lo, hi)
    order = [names[c] for c in names]
    p_measure = alt.param(name="measure", value=measure, bind=alt.binding_radio(
        options=["agreement", "kappa"], labels=["Agreement", "Kappa"], name="Measure "))
    p_from = alt.param(name="year_from", value=first, bind=alt.binding_range(min=lo, max=hi, step=1, name="From "))
    p_to = alt.param(name="year_to", value=last, bind=alt.binding_range(min=lo, max=hi, step=1, name="To "))
    ticks = [alt.param(name=_ident(iso), value=True, bind=alt.binding_checkbox(name=f"{names[iso]} "))
             for iso in names]

    def chosen(side):
        return " || ".join(f"(datum.{side} == {_js(names[iso])} && {_ident(iso)})" for iso in names)

    c = [f"datum.c{k}" for k in range(9)]
    n = "(" + " + ".join(c) + ")"
    rows_ = [f"({c[3 * i]} + {c[3 * i + 1]} + {c[3 * i + 2]})" for i in range(3)]
    cols_ = [f"({c[i]} + {c[i + 3]} + {c[i + 6]})" for i in range(3)]
    base = (alt.Chart(inline_csv(data))
            .transform_filter(f"datum.year >= min(year_from, year_to) && datum.year <= max(year_from, year_to)"
                              f" && ({chosen('a')}) && ({chosen('b')})")
            .transform_aggregate(**{f"c{k}": f"sum(c{k})" for k in range(9)}, groupby=["a", "b"])
            .transform_calculate(n=n)
            .transform_calculate(po=f"({c[0]} + {c[4]} + {c[8]}) / datum.n")
            .transform_calculate(pe=f"({' + '.join(f'{r} * {q}' for r, q in zip(rows_, cols_))}) / (datum.n * datum.n)")
            .transform_calculate(kappa="abs(datum.pe - 1) < 1e-9 ? null : (datum.po - datum.pe) / (1 - datum.pe)")
            .transform_calculate(value="measure == 'kappa' ? datum.kappa : datum.po")
            .encode(x=alt.X("b:N", sort=order, title=None, axis=alt.Axis(labelAngle=-40)),
                    y=alt.Y("a:N", sort=order, title=None),
                    tooltip=[alt.Tooltip("a:N", title="Country"), alt.Tooltip("b:N", title="With"),
                             alt.Tooltip("value:Q", title="Value", format=".2f"),
                             alt.Tooltip("n:Q", title="Votes compared")]))
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("value:Q", scale=alt.Scale(scheme="cividis", domain=[0, 1], clamp=True), legend=alt.Legend(title=None)))
    text = base.mark_text(fontSize=10).encode(
        text=alt.Text("value:Q", format=".2f"),
        color=alt.condition("datum.value > 0.55", alt.value("black"), alt.value("white")))
    text_title = {"expr": "(measure == 'kappa' ? 'UNGA kappa' : 'UNGA agreement') + ', ' + "
                          "min(year_from, year_to) + '–' + max(year_from, year_to)"}
    chart = (alt.layer(cells, text).add_params(p_measure, p_from, p_to, *ticks)
             .properties(width="container", height=alt.Step(30), title=_title(text_title, source)))
    return _configure(chart)


def heatmap(frame: pd.DataFrame, *, measures: Mapping[str, str], formulas: Mapping[str, str],
            entities: Mapping[str, str], source: str, sums: Sequence[str], count: str | None = None,
            selected: Sequence[str] | None = None, measure: str | None = None,
            years: tuple[int, int] | None = None, domains: Mapping[str, tuple[float, float]] | None = None,
            a: str = "a", b: str = "b", year: str = "year", scheme: str = "cividis", value_format: str = ".2f",
            count_title: str = "Count", title: str | None = None) -> alt.Chart:
    """A symmetric matrix of a measure for the pairs of the entities ticked, over a span of years.

    `frame` is tidy: one row per pair (`a`, `b`: entity codes, each pair once) and `year`, with the
    additive fields `sums` (e.g. joint counts). The browser sums them over the years chosen with the
    From/To sliders, then computes the measure chosen with the radio buttons: `formulas` maps each
    measure code to a Vega expression over the sums (``datum.<field>``); `count` (an expression too)
    goes into the tooltip. `measures` maps display label -> code; `entities` display name -> code,
    in the axes' order; `selected`: the entities ticked at first (default: all). `domains` gives the
    colour scale's (low, high) per measure (default: the data's range).
    """
    codes = list(entities.values())
    names = {code: n for n, code in entities.items()}
    labels = {code: label for label, code in measures.items()}
    data = frame[frame[a].isin(codes) & frame[b].isin(codes)][[a, b, year, *sums]]
    data = data.rename(columns={a: "a", b: "b", year: "year"}).sort_values(["a", "b", "year"])
    lo, hi = int(data["year"].min()), int(data["year"].max())
    first, last = years or (lo, hi)
    measure = measure or next(iter(labels))
    chosen = set(selected if selected is not None else codes)

    p_measure = alt.param(name="measure", value=measure, bind=alt.binding_radio(
        options=list(labels), labels=list(labels.values()), name="Measure "))
    p_from = alt.param(name="year_from", value=first, bind=alt.binding_range(min=lo, max=hi, step=1, name="From "))
    p_to = alt.param(name="year_to", value=last, bind=alt.binding_range(min=lo, max=hi, step=1, name="To "))
    ticks = [alt.param(name=_ident(c), value=c in chosen, bind=alt.binding_checkbox(name=f"{names[c]} "))
             for c in codes]
    shown = lambda f: " || ".join(f"(datum.{f} == {_js(c)} && {_ident(c)})" for c in codes)  # noqa: E731
    value = "null"
    for code in reversed(list(labels)):
        value = f"(measure == {_js(code)} ? {formulas[code]} : {value})"
    domains = dict(domains or {})
    low = _lookup("measure", {m: str(domains[m][0]) for m in labels if m in domains}, "0")
    high = _lookup("measure", {m: str(domains[m][1]) for m in labels if m in domains}, "1")
    low, high = f"toNumber({low})", f"toNumber({high})"
    order = [names[c] for c in codes]
    enc = dict(x=alt.X("col:N", sort=order, title=None, axis=alt.Axis(labelAngle=-90, orient="top")),
               y=alt.Y("row:N", sort=order, title=None))
    tooltip = [alt.Tooltip("row:N", title="Pair"), alt.Tooltip("col:N", title="with"),
               alt.Tooltip("value:Q", title="Value", format=value_format)]
    if count is not None:
        tooltip.append(alt.Tooltip("n:Q", title=count_title, format=","))
    colour = alt.Color("value:Q", title=None, legend=alt.Legend(orient="right", direction="vertical", gradientLength=160),
                       scale=alt.Scale(scheme=scheme, domainMin={"expr": low}, domainMax={"expr": high}, clamp=True))
    cells = alt.Chart().mark_rect(stroke="#ffffff", strokeWidth=0.5).encode(color=colour, tooltip=tooltip, **enc)
    text = alt.Chart().mark_text(fontSize=9).encode(
        text=alt.Text("value:Q", format=value_format),
        color=alt.condition(f"datum.value > {low} + 0.55 * ({high} - {low})", alt.value("#000000"),
                            alt.value("#ffffff")), tooltip=tooltip, **enc)  # the text covers the cell's centre
    calc = {"value": value, **({"n": count} if count is not None else {})}
    title_text = (f"{_lookup('measure', labels)} + ', ' + min(year_from, year_to) + '–' + max(year_from, year_to)"
                  if title is None else f"{_js(title)} + ', ' + {_lookup('measure', labels)} + ', ' + "
                                        f"min(year_from, year_to) + '–' + max(year_from, year_to)")
    chart = (alt.layer(cells, text, data=inline_csv(data, {"year": "number", **{f: "number" for f in sums}}))
             .transform_filter(f"datum.year >= min(year_from, year_to) && datum.year <= max(year_from, year_to) "
                               f"&& ({shown('a')}) && ({shown('b')})")
             .transform_aggregate(**{f: f"sum({f})" for f in sums}, groupby=["a", "b"])
             .transform_calculate(**calc)
             .transform_filter("isValid(datum.value) && isFinite(datum.value)")
             .transform_calculate(side="[0, 1]")
             .transform_flatten(["side"])
             .transform_calculate(row=f"datum.side == 0 ? {_lookup('datum.a', names)} : {_lookup('datum.b', names)}",
                                  col=f"datum.side == 0 ? {_lookup('datum.b', names)} : {_lookup('datum.a', names)}")
             .add_params(p_measure, p_from, p_to, *ticks)
             .properties(width=alt.Step(28), height=alt.Step(28), title=_title({"expr": title_text}, source)))
    return _configure(chart)


def timeline(frame: pd.DataFrame, *, kinds: Mapping[str, str], source: str, colours: Mapping[str, str],
             markers: Mapping[str, str] | None = None, filled: Sequence[str] | None = None,
             selected: Sequence[str] | None = None, years: tuple[int, int] | None = None,
             limits: tuple[int, int] | None = None, date: str = "when", kind: str = "type", label: str = "title",
             shown_date: str | None = "date", muted: str | None = None, muted_label: str = "not held",
             rules: Mapping[str, str] | None = None, title: str = "Events by kind") -> alt.Chart:
    """Dated events, one row per kind: a checkbox per kind, From/To year sliders, hover for the event.

    `frame` has a datetime column `date`, the kind code `kind` and a text `label`; `shown_date` is the
    date as the reader should see it (e.g. "2018-03" for a month). `kinds` maps display label -> code
    (rows in that order); `colours` and `markers` (Matplotlib markers) give each kind the look of the
    static figure, `filled` the kinds drawn filled. `muted` names a boolean column: those events are
    drawn hollow and grey (as in the static figure), and their tooltip says `muted_label`. `rules`
    maps a label to an ISO date marked by a dashed vertical line (e.g. the article's date).
    """
    names = {code: n for n, code in kinds.items()}
    codes = list(names)
    cols = [date, kind, label] + [c for c in (shown_date, muted) if c and c not in (date, kind, label)]
    data = frame[frame[kind].isin(codes)].dropna(subset=[date])[cols].sort_values([date, kind, label])
    data = data.assign(**{date: data[date].dt.strftime("%Y-%m-%d"), kind: data[kind].map(names)})
    data = data.rename(columns={date: "date", kind: "kind", label: "label",
                                **({shown_date: "shown"} if shown_date else {}), **({muted: "muted"} if muted else {})})
    if muted:
        data["muted"] = data["muted"].astype(bool).map({True: 1, False: 0})
    if not shown_date:
        data["shown"] = data["date"]
    years_in = pd.to_datetime(data["date"]).dt.year
    lo, hi = limits or (int(years_in.min()), int(years_in.max()))
    first, last = years or (lo, hi)
    chosen = set(selected if selected is not None else codes)
    p_from = alt.param(name="year_from", value=first, bind=alt.binding_range(min=lo, max=hi, step=1, name="From "))
    p_to = alt.param(name="year_to", value=last, bind=alt.binding_range(min=lo, max=hi, step=1, name="To "))
    ticks = [alt.param(name=_ident(c), value=c in chosen, bind=alt.binding_checkbox(name=f"{names[c]} "))
             for c in codes]
    span = "year(datum.t) >= min(year_from, year_to) && year(datum.t) <= max(year_from, year_to)"
    shown = " || ".join(f"(datum.kind == {_js(names[c])} && {_ident(c)})" for c in codes)
    x_scale = alt.Scale(domainMin={"expr": "datetime(min(year_from, year_to), 0, 1)"},
                        domainMax={"expr": "datetime(max(year_from, year_to), 11, 31)"})
    x = alt.X("t:T", title=None, scale=x_scale, axis=alt.Axis(format="%Y", tickMinStep=1000 * 86400 * 365))
    order = [names[c] for c in codes]
    filled_set = set(filled if filled is not None else codes)
    looks = pd.DataFrame({"kind": order, "colour": [colours[c] for c in codes],
                          "shape": [_SHAPES.get((markers or {}).get(c, "o"), "circle") for c in codes]})
    fill = _lookup("datum.kind", {names[c]: colours[c] if c in filled_set else "#ffffff" for c in codes}, "#ffffff")
    stroke = _lookup("datum.kind", {names[c]: colours[c] for c in codes}, "#999999")
    tooltip = [alt.Tooltip("shown:N", title="Date"), alt.Tooltip("label:N", title="Event"),
               alt.Tooltip("kind:N", title="Kind")]
    calc = {"t": "toDate(datum.date)", "fill": fill, "line": stroke}
    if muted:
        calc.update(fill=f"datum.muted == 1 ? '#ffffff' : {fill}", line=f"datum.muted == 1 ? '#999999' : {stroke}",
                    status=f"datum.muted == 1 ? {_js(muted_label)} : ''")
        tooltip.append(alt.Tooltip("status:N", title="Note"))
    points = (alt.Chart()
              .transform_calculate(**calc)
              .transform_filter(f"{span} && ({shown})")
              .mark_point(size=60, strokeWidth=1.3, opacity=1, clip=True)
              .encode(x=x, y=alt.Y("kind:N", sort=order, title=None),
                      shape=alt.Shape("kind:N", scale=alt.Scale(domain=order, range=list(looks["shape"])), legend=None),
                      fill=alt.Fill("fill:N", scale=None), stroke=alt.Stroke("line:N", scale=None), tooltip=tooltip))
    # one faint line per ticked kind, so a kind's row shows (empty or not) exactly when it is ticked
    rows = (alt.Chart(inline_csv(looks[["kind"]], {})).transform_filter(shown)
            .mark_rule(color="#e4e4e4", strokeWidth=1).encode(y=alt.Y("kind:N", sort=order, title=None)))
    layers = [rows, points]
    if rules:
        marks = pd.DataFrame({"what": list(rules), "date": list(rules.values())})
        base = (alt.Chart(inline_csv(marks, {})).transform_calculate(t="toDate(datum.date)").transform_filter(span))
        layers.append(base.mark_rule(strokeDash=[5, 3], color="#000000", clip=True).encode(x=x))
        layers.append(base.mark_text(align="left", baseline="top", dx=3, dy=2, fontSize=10, clip=True)
                      .encode(x=x, y=alt.value(0), text="what:N"))
    chart = (alt.layer(*layers, data=inline_csv(data, {"muted": "number"} if muted else {}))
             .add_params(p_from, p_to, *ticks)
             .properties(width="container", height=alt.Step(26),
                         title=_title({"expr": f"{_js(title)} + ', ' + min(year_from, year_to) + '–' + "
                                               f"max(year_from, year_to)"}, source)))
    return _configure(chart)


# ------------------------------------------------------------------ display
@dataclass
class LiveChart:
    """A chart with its name, alt text and source: displays as live HTML, PNG (PDF) or text."""

    chart: alt.TopLevelMixin
    name: str
    alt: str
    data: pd.DataFrame | None = None

    def spec(self) -> dict:
        spec = self.chart.to_dict()
        spec["description"] = self.alt  # Vega puts it in the SVG's aria-label
        return spec

    def static_spec(self) -> dict:
        """The spec for a static image: a fixed width instead of the container's."""
        spec = self.spec()
        _fix_width(spec)
        return spec

    def png(self, scale: float = 2.0, colours: int = 96) -> bytes:
        """The chart at its initial control values, as a palette PNG (a sixth of the RGBA size)."""
        import io

        import vl_convert as vlc
        from PIL import Image
        image = Image.open(io.BytesIO(vlc.vegalite_to_png(self.static_spec(), scale=scale)))
        out = io.BytesIO()
        image.convert("RGB").quantize(colors=colours, method=Image.Quantize.MEDIANCUT).save(out, "PNG", optimize=True)
        return out.getvalue()

    def svg(self) -> str:
        import vl_convert as vlc
        return vlc.vegalite_to_svg(self.static_spec())

    def csv(self) -> str | None:
        """The chart's inline CSV data (what the HTML offers as "Download the data (CSV)")."""
        spec = self.spec()
        data = spec.get("data", {})
        values = data.get("values", spec.get("datasets", {}).get(data.get("name")))
        return values if isinstance(values, str) else None

    def controls(self) -> list[dict]:
        """The bound parameters: name, input kind and label (for tests and the text form)."""
        out = []
        for p in _params(self.spec()):
            bind = p.get("bind")
            if isinstance(bind, dict) and "input" in bind:
                out.append({"param": p["name"], "input": bind["input"], "label": bind.get("name", "").strip()})
        return out

    def html(self, png: bytes | None = None) -> str:
        png = self.png() if png is None else png
        width = int.from_bytes(png[16:20], "big") // 2  # the PNG is drawn at scale 2
        spec = json.dumps(self.spec(), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        spec = spec.replace("</", "<\\/")
        alt_text = html.escape(self.alt, quote=True)
        desc = f"{self.name}-desc"
        return (f'<figure class="ca-explorer" id="{self.name}" aria-describedby="{desc}">'
                f'<div class="ca-explorer-chart">'
                f'<img src="data:image/png;base64,{base64.b64encode(png).decode()}" alt="{alt_text}" '
                f'width="{width}" style="max-width:100%;height:auto"></div>'
                f'<script type="application/json" class="ca-explorer-spec">{spec}</script>'
                f'<figcaption id="{desc}" class="ca-explorer-caption">{alt_text}</figcaption></figure>')

    def _repr_mimebundle_(self, include=None, exclude=None):
        png = self.png()
        return ({"text/html": self.html(png),
                 "image/png": base64.b64encode(png).decode(),
                 "text/plain": f"[Live chart {self.name}: {self.alt}]"},
                {"image/png": {"alt": self.alt}})


def _params(spec: dict) -> list[dict]:
    found = list(spec.get("params", []))
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for sub in spec.get(key, []):
            found += _params(sub)
    return found


def _fix_width(spec: dict, width: int = WIDTH) -> None:
    if spec.get("width") == "container":
        spec["width"] = width
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for sub in spec.get(key, []):
            _fix_width(sub, width)


def show(chart: alt.TopLevelMixin, *, name: str, alt: str, data: pd.DataFrame | None = None) -> LiveChart:
    """Display `chart` as the live explorer `name` (an HTML id: prefix it with the chapter, `exp-ch-x`).

    `alt` is one or two sentences for screen readers (what the chart shows, what the controls do).
    `data` is the frame behind it (kept for the CSV link of the figures module; optional).
    """
    if not re.fullmatch(r"[a-z][a-z0-9-]*", name):
        raise ValueError(f"explorer name {name!r}: use lower-case letters, digits and hyphens (exp-ch-x)")
    if not alt or len(alt.split()) < 5:
        raise ValueError(f"explorer {name}: give an alt text of at least one sentence")
    return LiveChart(chart, name, alt, data)


# ------------------------------------------------------------------ the JavaScript bundle
SNIPPET = r"""
window.vegaEmbed = vegaEmbed; window.vega = vega; window.vegaLite = vegaLite;
const caStyle = document.createElement("style");
caStyle.textContent = `
figure.ca-explorer { margin: 1rem 0; max-width: 100%; }
figure.ca-explorer .ca-explorer-live { max-width: 100%; overflow-x: auto; }
figure.ca-explorer .vega-embed { width: 100%; }
figure.ca-explorer .vega-bindings { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; margin-top: 0.5rem;
  font-size: 0.9rem; }
figure.ca-explorer .vega-bind label, figure.ca-explorer .vega-bind { display: inline-flex; align-items: center;
  gap: 0.3rem; flex-wrap: wrap; }
figure.ca-explorer .vega-bind select { max-width: 100%; }
figure.ca-explorer .vega-bind input[type=range] { width: 9rem; max-width: 60vw; }
figure.ca-explorer figcaption { text-align: left; font-size: 0.9rem; margin-top: 0.5rem; }
figure.ca-explorer :focus-visible { outline: 2px solid #0072B2; outline-offset: 2px; }
figure.ca-explorer .role-mark.mark-text text { pointer-events: none; }  /* labels on cells: hover the cell */
`;
document.head.append(caStyle);
function caDownload(fig, spec) {
  const data = spec.data && (spec.data.values || (spec.datasets || {})[spec.data.name]);
  if (typeof data !== "string") return;
  const a = document.createElement("a");
  a.className = "ca-explorer-data";
  a.textContent = "Download the data (CSV)";
  a.download = fig.id + ".csv";
  a.href = URL.createObjectURL(new Blob([data], {type: "text/csv"}));
  fig.querySelector("figcaption").append(" ", a);
}
async function caExplorer(fig) {
  const holder = fig.querySelector(".ca-explorer-chart");
  const spec = JSON.parse(fig.querySelector("script.ca-explorer-spec").textContent);
  const live = document.createElement("div");
  live.className = "ca-explorer-live";
  live.style.width = "100%";
  holder.replaceChildren(live);
  caDownload(fig, spec);  // before vegaEmbed, which compiles (and changes) the spec
  const result = await vegaEmbed(live, spec, {actions: false, renderer: "svg", tooltip: {theme: "light"}});
  const svg = live.querySelector("svg");
  if (svg) { svg.setAttribute("role", "img"); svg.setAttribute("aria-label", spec.description || fig.id); }
  live.querySelectorAll(".vega-bindings input, .vega-bindings select").forEach(function (el) {
    if (!el.id) el.id = fig.id + "-" + (el.name || "input") + "-" + Math.random().toString(36).slice(2, 8);
  });
  const kinds = Array.from(new Set(Array.from(live.querySelectorAll(".vega-bindings input, .vega-bindings select"),
    function (el) { return el.tagName === "SELECT" ? "list" : (el.type === "range" ? "slider" : el.type); })));
  const hint = document.createElement("span");
  hint.className = "ca-explorer-hint";
  hint.textContent = (kinds.length ? "The controls under the chart (" + kinds.join(", ") + ") redraw it; " : "") +
    "hover a mark for its values.";
  const link = fig.querySelector("figcaption a.ca-explorer-data");
  if (link) link.before(hint, " "); else fig.querySelector("figcaption").append(" ", hint);
  fig.dataset.live = "true";
  return result;
}
window.caExplorers = Promise.all(Array.from(document.querySelectorAll("figure.ca-explorer")).map(function (fig) {
  return caExplorer(fig).catch(function (err) { fig.dataset.live = "failed"; console.error(fig.id, err); });
}));
"""


def write_bundle(path: str | Path) -> Path:
    """Write the Vega + Vega-Lite + vega-embed bundle (from vl-convert) with the book's embed snippet."""
    import vl_convert as vlc
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = vlc.javascript_bundle(SNIPPET)
    if not path.exists() or path.read_text() != text:
        path.write_text(text)
    return path


if __name__ == "__main__":  # python -m centralasia.explorers bundle <path>
    import sys
    if len(sys.argv) == 3 and sys.argv[1] == "bundle":
        print(write_bundle(sys.argv[2]))
    else:
        sys.exit("usage: python -m centralasia.explorers bundle <path>")
