"""Status of each border from the chronology: the rules of centralasia.borders."""
import pandas as pd
import pytest

from centralasia import borders as bd


@pytest.mark.parametrize("title, description, step", [
    ("A-B border junction agreement", "", "tripoint"),
    ("A-B tripoint treaty: ratification instruments exchanged", "", "tripoint"),
    ("A-B agreement delimiting the Caspian border", "", "maritime"),
    ("A-B border demarcation agreement", "", "demarcation signed"),
    ("A-B treaty on the state border (about 85% of the line)", "", "partly delimited"),
    ("A-B treaty on the state border", "delimiting most (about 96%) of the border", "partly delimited"),
    ("A-B agreement on border sections and visas", "", "partly delimited"),
    ("A and B announce agreement in principle on remaining border sections", "", "announcement"),
    ("A-B treaty on remaining border sections and water", "fixing about 302 km", "delimited"),
    ("A-B agreement on delimitation and demarcation of the border", "", "delimited"),
    ("Kyrgyz parliament ratifies the A-B border treaty", "", "ratification"),
    ("A and B exchange ratification instruments; delimitation complete", "", "in force"),
    ("A-B demarcation agreement enters into force", "", "in force"),
    ("A-B border demarcation completed", "", "demarcation signed"),
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
    assert not s[s.iso3_a == "AAA"]["demarcation_ratified"].any()
    # a junction agreement marks the pair but does not change its status
    assert (s[s.iso3_a == "BBB"]["step"] == "no agreement recorded").all()
    assert bd.first_year(s, "AAA", "BBB", "delimited") == 2002
    assert bd.first_year(s, "AAA", "BBB", "demarcation ratified") is None


def test_stated_lengths_and_clashes():
    ev = _events()
    lengths = bd.stated_lengths(ev)
    assert lengths.to_dict("records") == [{"iso3_a": "AAA", "iso3_b": "BBB", "stated_km": 1234.0, "event_id": "E3"}]
    assert bd.clashes(ev)["event_id"].tolist() == ["E4"]
    assert bd.pairs_of("AAA;BBB;CCC") == [("AAA", "BBB"), ("AAA", "CCC"), ("BBB", "CCC")]


def test_every_border_event_of_the_chronology_is_classified():
    from centralasia import load
    steps = bd.classify_events(load("events"))
    assert set(steps["step"]) <= set(bd.STEPS) | set(bd.MARKERS) | set(bd.ACTS)


def test_the_chapter_verdicts_are_computed_from_data():
    from centralasia.ledger import computed_verdicts
    mine = {k: v for k, v in computed_verdicts().items() if v.chapter == "notebooks/borders"}
    assert set(mine) == {"C23", "C24", "C25", "C26", "C27"}
    assert all(v.as_written.summary and v.since.summary for v in mine.values())


def _ratifications():
    base = _events()
    extra = pd.DataFrame({
        "event_id": ["E6", "E7", "E8"], "date": ["2013-05", "2014", "2015-01-01"], "year": [2013, 2014, 2015],
        "type": ["border_agreement"] * 3, "description": ["", "", ""], "countries": ["AAA;BBB"] * 3,
        "title": ["Kazakh law ratifies the A-B demarcation agreement", "Kyrgyz parliament ratifies the A-B demarcation agreement",
                  "Kyrgyz parliament ratifies the A-B border treaty"]})
    return pd.concat([base, extra], ignore_index=True)


def test_ratification_needs_both_states_and_counts_from_the_end_of_its_period(monkeypatch):
    monkeypatch.setitem(bd.DEMONYMS, "kazakh", "AAA")
    monkeypatch.setitem(bd.DEMONYMS, "kyrgyz", "BBB")
    ev = _ratifications()
    s = bd.status_by_year(ev, [("AAA", "BBB")], range(2012, 2016)).set_index("year")
    assert s.loc[2013, "step"] == "demarcation signed"  # one state only
    assert s.loc[2014, "step"] == "demarcation ratified"  # both
    # the delimitation was completed in 2002 and only one state's ratification is recorded
    assert not s.loc[2015, "delimitation_ratified"]
    on = bd.status_on(ev, [("AAA", "BBB")], "2014-12-30").iloc[0]
    assert on["step"] == "demarcation signed"  # a year-dated event counts from 31 December


def test_ratification_without_a_named_state_stops():
    with pytest.raises(ValueError):
        bd.ratifier("Parliament ratifies the A-B treaty")


def test_effective_dates():
    assert str(bd.effective_date("2019-01").date()) == "2019-01-31"
    assert str(bd.effective_date("2019").date()) == "2019-12-31"
    assert str(bd.effective_date("2019-03-29").date()) == "2019-03-29"


def test_chapter_findings_are_assessments_and_c26_covers_every_neighbour():
    from centralasia.rules import Assessment
    from centralasia.verdicts import borders as v
    a = v.whole_perimeter()
    assert isinstance(a, Assessment) and a.as_written.kind == "chronology"
    assert a.as_written.holds in ("yes", "no")  # every land neighbour is covered: never 'partly' for a gap
    assert v.kz_kg_demarcation_dec_2017().since.holds == "yes"  # both ratifications recorded


def test_status_map_draws_every_step_in_the_legend():
    import matplotlib.pyplot as plt
    from centralasia.figures import borders as fb
    status = pd.DataFrame({"iso3_a": ["KAZ", "KGZ"], "iso3_b": ["KGZ", "TJK"], "step": ["demarcation ratified", "no agreement recorded"]})
    fig = fb.draw_status_map({"one": status, "two": status})
    assert len(fig.axes) == 2 and [a.get_title() for a in fig.axes] == ["one", "two"]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == list(bd.STEPS)
    plt.close(fig)
