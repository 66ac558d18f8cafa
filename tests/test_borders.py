"""Status of each border from the chronology: the rules of centralasia.borders."""
import pandas as pd
import pytest

from centralasia import borders as bd


@pytest.mark.parametrize("title, description, step", [
    ("A-B border junction agreement", "", "tripoint"),
    ("A-B tripoint treaty: ratification instruments exchanged", "", "tripoint"),
    ("A-B agreement delimiting the Caspian border", "", "maritime"),
    ("A-B demarcation agreement enters into force", "", "demarcation in force"),
    ("A-B border demarcation agreement", "", "demarcation signed"),
    ("A-B treaty on the state border (about 85% of the line)", "", "partly delimited"),
    ("A-B treaty on the state border", "delimiting most (about 96%) of the border", "partly delimited"),
    ("A-B agreement on border sections and visas", "", "partly delimited"),
    ("A and B announce agreement in principle on remaining border sections", "", "announcement"),
    ("A-B treaty on remaining border sections and water", "fixing about 302 km", "delimited"),
    ("A-B agreement on delimitation and demarcation of the border", "", "delimited"),
    ("Lower house ratifies the A-B border treaty", "", "delimited"),
])
def test_rules(title, description, step):
    assert bd.classify(title, description) == step


def test_unknown_event_stops():
    with pytest.raises(ValueError):
        bd.classify("A-B customs agreement")


def _events():
    return pd.DataFrame({
        "event_id": ["E1", "E2", "E3", "E4", "E5"],
        "date": ["2001-01-01", "2002-05-01", "2010-01-01", "2012-01-01", "2012-02-01"],
        "year": [2001, 2002, 2010, 2012, 2012],
        "type": ["border_agreement", "border_agreement", "border_agreement", "border_clash", "border_agreement"],
        "title": ["A-B treaty on the state border (about 90% of the line)", "A-B agreement on the remaining border sections",
                  "A-B border demarcation agreement", "Clash", "A-B-C border junction agreement"],
        "description": ["", "", "the 1,234 km border", "", ""],
        "countries": ["AAA;BBB", "BBB;AAA", "AAA;BBB", "AAA;BBB", "AAA;BBB;CCC"],
    })


def test_status_by_year_takes_the_highest_step_reached():
    s = bd.status_by_year(_events(), [("AAA", "BBB"), ("BBB", "CCC")], range(2000, 2013))
    ab = s[s.iso3_a == "AAA"].set_index("year")["step"]
    assert ab[2000] == "no agreement recorded"
    assert ab[2001] == "partly delimited"
    assert ab[2005] == "delimited"
    assert ab[2012] == "demarcation signed"
    # a junction agreement marks the pair but does not change its status
    assert (s[s.iso3_a == "BBB"]["step"] == "no agreement recorded").all()
    assert bd.first_year(s, "AAA", "BBB", "delimited") == 2002
    assert bd.first_year(s, "AAA", "BBB", "demarcation in force") is None


def test_stated_lengths_and_clashes():
    ev = _events()
    lengths = bd.stated_lengths(ev)
    assert lengths.to_dict("records") == [{"iso3_a": "AAA", "iso3_b": "BBB", "stated_km": 1234.0, "event_id": "E3"}]
    assert bd.clashes(ev)["event_id"].tolist() == ["E4"]
    assert bd.pairs_of("AAA;BBB;CCC") == [("AAA", "BBB"), ("AAA", "CCC"), ("BBB", "CCC")]


def test_every_border_event_of_the_chronology_is_classified():
    from centralasia import load
    steps = bd.classify_events(load("events"))
    assert set(steps["step"]) <= set(bd.STEPS) | set(bd.MARKERS)


def test_the_chapter_verdicts_are_computed_from_data():
    from centralasia.ledger import computed_verdicts
    mine = {k: v for k, v in computed_verdicts().items() if v.chapter == "notebooks/borders"}
    assert set(mine) == {"C23", "C24", "C25", "C26", "C27"}
    assert all(v.evidence for v in mine.values())
