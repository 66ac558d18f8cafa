"""The conclusions' figure draws the counts it is given."""
import matplotlib
import pandas as pd

matplotlib.use("Agg")

from centralasia.figures import conclusions as fc  # noqa: E402


def test_scorecard_draws_both_grades_by_theme():
    aw = pd.DataFrame({"supported": [2, 0], "partly supported": [1, 3], "contradicted": [0, 0], "unverified": [0, 1]},
                      index=["cooperation", "trade"])
    since = aw.assign(supported=[3, 0], **{"partly supported": [0, 2]})
    fig = fc.draw_scorecard(aw, since)
    left, right = fig.axes
    assert left.get_title().startswith("As written") and right.get_title().startswith("Since")
    assert [t.get_text() for t in left.get_yticklabels()] == ["cooperation", "trade"]
    widths = sorted(p.get_width() for p in right.patches if p.get_width())
    assert widths == [1, 2, 3]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == list(fc.ORDER)
