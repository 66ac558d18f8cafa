"""The trade chapter's figures draw what they say: axes, series and labels (small hand-made frames)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from centralasia.figures import trade as draw  # noqa: E402


def title(ax) -> str:
    """The axes title wherever style.use() (axes.titlelocation) put it."""
    return next((ax.get_title(loc) for loc in ("left", "center", "right") if ax.get_title(loc)), "")


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_statements_one_panel_per_pair_one_series_per_reporter():
    fy = pd.DataFrame({"pair": ["KAZ-KGZ", "KAZ-KGZ", "KAZ-KGZ", "TJK-UZB"],
                       "reporter": ["KAZ", "KGZ", "KAZ", "UZB"], "year": [2017, 2017, 2018, 2019],
                       "value_usd": [1.0e9, 0.8e9, 1.2e9, 0.5e9]})
    fig = draw.draw_statements(fy)
    axes = fig.axes
    assert len(axes) == len(draw.PAIRS) == 8
    kaz_kgz = axes[draw.PAIRS.index("KAZ-KGZ")]
    assert title(kaz_kgz) == "KAZ–KGZ"
    assert [line.get_label() for line in kaz_kgz.get_lines()] == ["Kazakhstan's figure", "Kyrgyzstan's figure"]
    assert list(kaz_kgz.get_lines()[0].get_ydata()) == [1000.0, 1200.0]  # US$ million, sorted by year
    assert not axes[draw.PAIRS.index("KAZ-TKM")].get_lines()  # a pair with no figure stays empty
    assert axes[0].get_ylabel() == "Turnover, US$ million"
    legend = axes[draw.PAIRS.index("KAZ-UZB")].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["Kazakhstan", "Kyrgyzstan", "Uzbekistan"]


def test_mirror_one_row_per_case_with_both_values_and_gap():
    mirror = pd.DataFrame({"pair": ["KAZ-KGZ", "KGZ-UZB"], "year": [2022, 2018],
                           "reporter_1": ["KAZ", "KGZ"], "value_1": [1.3e9, 0.33e9],
                           "reporter_2": ["KGZ", "UZB"], "value_2": [1.2e9, 0.47e9],
                           "gap_pct_of_mean": [8.0, 35.0]})
    fig = draw.draw_mirror(mirror)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["KAZ–KGZ 2022", "KGZ–UZB 2018"]
    assert list(ax.get_lines()[0].get_xdata()) == [1300.0, 1200.0]
    assert len(ax.collections) == 4  # two markers per case
    assert [t.get_text() for t in ax.texts] == ["gap 8%", "gap 35%"]
    assert ax.get_xscale() == "log"
    assert "log scale" in ax.get_xlabel()


def test_openness_two_panels_one_line_per_country():
    rows = [dict(iso3=iso, indicator=ind, year=y, value=v)
            for iso in ("KAZ", "UZB") for ind in ("exports_pct_gdp", "imports_pct_gdp")
            for y, v in ((2000, 40.0), (2001, 45.0))]
    fig = draw.draw_openness(pd.DataFrame(rows), ["KAZ", "UZB"])
    left, right = fig.axes
    assert title(left).startswith("Exports") and title(right).startswith("Imports")
    assert [line.get_label() for line in left.get_lines()] == ["Kazakhstan", "Uzbekistan"]
    assert left.get_ylabel() == "% of GDP" and left.get_xlabel() == "Year"

