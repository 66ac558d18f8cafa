"""Every numbered point of both referee reports has at least one response row.

Lands when every engineer's rows exist (it fails while points are pending, by design).
"""
import re

import pytest

from centralasia import review
from centralasia.paths import ROOT

REVIEWS = ROOT.parent / "shared" / "reviews"


def report_points():
    points = set()
    for path in sorted(REVIEWS.glob("referee-*.md")):
        referee = path.name.split("-")[1]
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"^(\d+)\. \*\*", line)
            if m:
                points.add((referee, int(m.group(1))))
    return points


@pytest.mark.skipif(not REVIEWS.exists(), reason="the referee reports are not on this machine")
def test_the_points_table_matches_the_reports():
    listed = set(zip(review.points()["referee"], review.points()["point"]))
    assert listed == report_points()


def test_every_point_has_a_response():
    listed = set(zip(review.points()["referee"], review.points()["point"]))
    answered = set(zip(review.responses()["referee"], review.responses()["point"]))
    missing = sorted(listed - answered)
    assert not missing, f"points with no row in review_responses.csv: {missing}"
