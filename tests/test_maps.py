"""The borders chapter's figures draw from the data package without warnings."""
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from centralasia import borders as bd  # noqa: E402
from centralasia import geo, load, maps, style  # noqa: E402
from centralasia.countries import name  # noqa: E402
from centralasia.figures import borders as fb  # noqa: E402


@pytest.fixture(scope="module")
def chapter():
    style.use()
    events = load("events")
    lines = geo.load_geo("ne_boundaries")
    measured = geo.border_lengths(lines[geo.involving(lines, ["KAZ", "KGZ", "TJK", "TKM", "UZB"])])
    lengths = bd.length_table(measured, load("factbook_borders").rename(columns={"length_km_2026": "length_km"}),
                              events)
    return events, lengths


def test_region_map_has_map_two_insets_and_legend():
    style.use()
    enclaves = maps.name_enclaves(geo.fergana_enclaves(geo.load_geo("ne_countries")))
    assert set(enclaves["name"]) >= {"Sokh", "Shakhimardan", "Vorukh"}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = maps.region_map(enclaves)
        fig.tight_layout()
    assert len(fig.axes) == 4


def test_every_pair_card_draws(chapter):
    events, lengths = chapter
    steps, clashes = bd.classify_events(events), bd.clashes(events)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for a, b in zip(lengths["iso3_a"], lengths["iso3_b"]):
            fig = fb.draw_pair_card(a, b, lengths, steps, clashes)
            x, y = geo.pair(a, b)
            assert fig.axes[0].get_title(loc="left") == f"{name(x)}–{name(y)}"
            plt.close(fig)


def test_status_figure_has_one_row_per_pair_and_every_step_in_the_legend(chapter):
    events, lengths = chapter
    pairs = [tuple(p) for p in lengths.loc[lengths["internal"], ["iso3_a", "iso3_b"]].to_numpy()]
    status = bd.status_by_year(events, pairs, range(1991, 2027))
    assert len(status) == len(pairs) * 36
    clashes = bd.clashes(events)
    fig = fb.draw_status(status, bd.classify_events(events), clashes)
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.get_yticklabels()] == [f"{name(a)}–{name(b)}" for a, b in pairs]
    assert ax.get_xlabel() == "Year (status at the end of the year)"
    image = ax.get_images()[0].get_array()
    assert image.shape == (len(pairs), 36) and image.max() <= len(bd.STEPS) - 1
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:len(bd.STEPS)] == list(bd.STEPS) and legend[-1] == "Border clash (chronology)"
    crosses = [line for line in ax.get_lines() if line.get_marker() == "X"]
    internal = clashes[[(a, b) in pairs for a, b in zip(clashes["iso3_a"], clashes["iso3_b"])]]
    assert len(crosses) == len(internal) > 0
    assert fig.get_size_inches()[0] == style.TEXT_WIDTH
    plt.close(fig)


def test_lengths_figure_draws_two_bars_per_pair_and_the_treaty_lengths(chapter):
    _, lengths = chapter
    fig = fb.draw_lengths(lengths)
    (ax,) = fig.axes
    assert ax.get_xlabel() == "Border length, km"
    bars = ax.containers
    assert len(bars) == 2 and all(len(b) == len(lengths) for b in bars)
    reversed_ = lengths.iloc[::-1]
    assert [round(r.get_width()) for r in bars[0]] == [round(v) for v in reversed_["published_km"]]
    assert [round(r.get_width()) for r in bars[1]] == [round(v) for v in reversed_["geodesic_km"]]
    (dots,) = [line for line in ax.get_lines() if line.get_marker() == "D"]
    assert len(dots.get_xdata()) == int(lengths["stated_km"].notna().sum())
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert sorted(labels) == sorted(["Length stated at a treaty (chronology)", "CIA World Factbook (all editions)",
                                     "Natural Earth 1:10m line, measured (geodesic)"])
    assert fig.get_size_inches()[0] == style.TEXT_WIDTH
    plt.close(fig)


def test_deaths_figure():
    import pandas as pd
    fig = fb.draw_deaths(pd.DataFrame({"year": [2022, 2021], "best": [150, 56], "low": [134, 56],
                                       "high": [159, 56]}))
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2021", "2022"]
    assert [r.get_height() for r in ax.containers[0]] == [56, 150]
    assert ax.get_ylabel() == "Battle-related deaths"
    assert [t.get_text() for t in ax.texts] == ["56", "150"]
    plt.close(fig)


def test_pair_card_lists_lengths_and_agreements(chapter):
    events, lengths = chapter
    steps, clashes = bd.classify_events(events), bd.clashes(events)
    fig = fb.draw_pair_card("KGZ", "TJK", lengths, steps, clashes)
    text = fig.axes[1].texts[0].get_text()
    assert text.startswith("Factbook length:") and "Agreements in the chronology:" in text
    assert "clash:" in text  # the Kyrgyz-Tajik clashes are listed
    plt.close(fig)


def test_explorer_frame_and_chart():
    """The live explorer: one select of borders; its data carries every pair's status and events."""
    from centralasia import explorers
    events = load("events")
    lines = geo.load_geo("ne_boundaries")
    measured = geo.border_lengths(lines[geo.involving(lines, ["KAZ", "KGZ", "TJK", "TKM", "UZB"])])
    lengths = bd.length_table(measured, load("factbook_borders").rename(columns={"length_km_2026": "length_km"}),
                              events)
    frame = bd.explorer_frame(events, lengths, range(1991, 2027))
    status = frame[frame["kind"] == "status"]
    assert status.groupby("border").size().eq(36).all() and status["border"].nunique() == len(lengths)
    assert set(status["step"]) <= set(bd.STEPS) and (status["level"] == status["step"].map(bd.STEPS.index)).all()
    ev = frame[frame["kind"] == "event"]
    assert "clash" in set(ev["what"]) and ev["event_id"].notna().all()
    live = explorers.show(fb.explorer_chart(frame, source="the book's chronology"), name="exp-borders-test",
                          alt="Status of one border by year with its events.")
    assert [(c["param"], c["input"], c["label"]) for c in live.controls()] == [("border", "select", "Border")]
    spec = live.spec()
    assert spec["params"][0]["bind"]["options"] == list(dict.fromkeys(frame["border"]))
    assert len(spec["layer"]) == 3 and live.csv().count("\n") == len(frame) + 1
