"""The borders chapter's figures draw from the data package without warnings."""
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from centralasia import borders as bd  # noqa: E402
from centralasia import geo, load, maps, style  # noqa: E402
from centralasia.countries import name  # noqa: E402


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
            fig = bd.pair_card(a, b, lengths, steps, clashes)
            x, y = geo.pair(a, b)
            assert fig.axes[0].get_title(loc="left") == f"{name(x)}–{name(y)}"
            plt.close(fig)


def test_status_and_length_figures(chapter):
    events, lengths = chapter
    pairs = [tuple(p) for p in lengths.loc[lengths["internal"], ["iso3_a", "iso3_b"]].to_numpy()]
    status = bd.status_by_year(events, pairs, range(1991, 2027))
    assert len(status) == len(pairs) * 36
    fig = bd.status_figure(status, bd.classify_events(events), bd.clashes(events))
    assert len(fig.axes) == 1
    assert len(bd.lengths_figure(lengths).axes) == 1


def test_deaths_figure():
    import pandas as pd
    fig = bd.deaths_figure(pd.DataFrame({"year": [2022, 2021], "best": [150, 56], "low": [134, 56],
                                         "high": [159, 56]}))
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["2021", "2022"]
    plt.close(fig)
