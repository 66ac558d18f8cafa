"""UNGA alignment measures on small vote tables whose answers are known by hand."""
import math

import numpy as np
import pandas as pd
import pytest

from centralasia import alignment as al

Y, N, A, X = 0, 1, 2, -1  # yes, no, abstain, no vote cast


def tidy(votes: dict[str, list[str]]) -> pd.DataFrame:
    """{'KAZ': ['yes', 'absent', ...]} -> tidy (rcid, iso3, vote), roll calls numbered from 1."""
    return pd.DataFrame([dict(rcid=i + 1, iso3=c, vote=v) for c, vs in votes.items() for i, v in enumerate(vs)])


def test_perfect_agreement_gives_one():
    a = [Y, N, A, Y, N, A]
    assert al.agreement(a, a) == 1.0
    assert al.kappa(a, a) == 1.0


def test_independent_votes_give_zero_kappa():
    # Every combination once: the joint table is the product of the margins.
    a = [Y, Y, N, N]
    b = [Y, N, Y, N]
    assert al.agreement(a, b) == 0.5
    assert al.kappa(a, b) == pytest.approx(0.0)
    a3 = [Y, Y, Y, N, N, N, A, A, A]
    b3 = [Y, N, A, Y, N, A, Y, N, A]
    assert al.agreement(a3, b3) == pytest.approx(1 / 3)
    assert al.kappa(a3, b3) == pytest.approx(0.0)


def test_known_two_by_two_example():
    # 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no: p_o = 35/50 = 0.7,
    # p_e = (25/50)(30/50) + (25/50)(20/50) = 0.5, kappa = (0.7 - 0.5) / 0.5 = 0.4.
    a = [Y] * 20 + [Y] * 5 + [N] * 10 + [N] * 15
    b = [Y] * 20 + [N] * 5 + [Y] * 10 + [N] * 15
    table = al.counts(a, b)
    assert table.tolist() == [[20, 5, 0], [10, 15, 0], [0, 0, 0]]
    assert al.agreement(a, b) == pytest.approx(0.7)
    assert al.kappa(a, b) == pytest.approx(0.4)


def test_systematic_disagreement_is_negative():
    a = [Y, N, Y, N]
    b = [N, Y, N, Y]
    assert al.agreement(a, b) == 0.0
    assert al.kappa(a, b) == pytest.approx(-1.0)


def test_absences_are_ignored_not_counted_as_no():
    a = [Y, N, A, Y]
    b = [Y, N, A, N]
    base = (al.agreement(a, b), al.kappa(a, b))
    # Add roll calls where one or both did not vote: nothing changes.
    a2, b2 = a + [X, Y, X, N], b + [N, X, X, X]
    assert (al.agreement(a2, b2), al.kappa(a2, b2)) == pytest.approx(base)
    assert al.counts(a2, b2).sum() == 4
    assert base[0] == 0.75


def test_kappa_undefined_when_both_always_vote_the_same_single_way():
    assert al.agreement([Y, Y, Y], [Y, Y, Y]) == 1.0
    assert math.isnan(al.kappa([Y, Y, Y], [Y, Y, Y]))


def test_vote_matrix_codes_absent_and_not_member_as_missing():
    votes = tidy({"KAZ": ["yes", "no", "abstain", "absent"], "KGZ": ["not_member", "no", "yes", "yes"]})
    m = al.vote_matrix(votes)
    assert m.index.tolist() == [1, 2, 3, 4]
    assert m["KAZ"].tolist() == [Y, N, A, X]
    assert m["KGZ"].tolist() == [X, N, Y, Y]


def test_alignment_table_point_estimates_and_intervals():
    votes = tidy({
        "KAZ": ["yes"] * 20 + ["yes"] * 5 + ["no"] * 10 + ["no"] * 15 + ["absent"] * 5,
        "KGZ": ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15 + ["yes"] * 5,
        "TJK": ["yes"] * 20 + ["yes"] * 5 + ["no"] * 10 + ["no"] * 15 + ["no"] * 5,
    })
    m = al.vote_matrix(votes)
    groups = {"all": list(m.index)}
    out = al.alignment(m, groups, al.pairs_of(["KAZ", "KGZ", "TJK"]),
                       sets={"mean": [("KAZ", "KGZ"), ("KAZ", "TJK")]}, n_boot=400)
    kaz_kgz = out[(out.a == "KAZ") & (out.b == "KGZ")].iloc[0]
    assert kaz_kgz.n == 50
    assert kaz_kgz.agreement == pytest.approx(0.7)
    assert kaz_kgz.kappa == pytest.approx(0.4)
    assert kaz_kgz.agreement_lo < 0.7 < kaz_kgz.agreement_hi
    assert kaz_kgz.kappa_lo < 0.4 < kaz_kgz.kappa_hi
    kaz_tjk = out[(out.a == "KAZ") & (out.b == "TJK")].iloc[0]
    assert (kaz_tjk.agreement, kaz_tjk.kappa) == (1.0, 1.0)
    assert (kaz_tjk.agreement_lo, kaz_tjk.agreement_hi) == (1.0, 1.0)  # perfect in every replicate
    mean = out[out.kind == "mean"].iloc[0]
    assert mean.agreement == pytest.approx(0.85)
    assert mean.kappa == pytest.approx(0.7)
    assert mean.n == 50


def test_bootstrap_is_deterministic_with_the_seed():
    rng = np.random.default_rng(1)
    votes = tidy({c: list(rng.choice(["yes", "no", "abstain", "absent"], 60)) for c in ("KAZ", "UZB")})
    m = al.vote_matrix(votes)
    run = lambda: al.alignment(m, {"g": list(m.index)}, [("KAZ", "UZB")], n_boot=200)  # noqa: E731
    pd.testing.assert_frame_equal(run(), run())


def test_independent_random_votes_have_kappa_near_zero():
    rng = np.random.default_rng(7)
    a = rng.choice([Y, N, A], 20000, p=[0.7, 0.2, 0.1])
    b = rng.choice([Y, N, A], 20000, p=[0.6, 0.1, 0.3])
    assert abs(al.kappa(a, b)) < 0.02


def test_groups_by_year_period_issue():
    calls = pd.DataFrame({"rcid": [1, 2, 3, 4], "year": [1992, 1993, 2018, 2019],
                          "issue_di": [True, False, True, False], "issue_hr": [False, False, True, False]})
    assert al.by_year(calls) == {1992: [1], 1993: [2], 2018: [3], 2019: [4]}
    assert al.by_period(calls, {"early": (1992, 1999), "late": (2017, 2019)}) == {"early": [1, 2], "late": [3, 4]}
    issues = al.by_issue(calls, {"di": "Disarmament", "hr": "Human rights"})
    assert issues == {"Disarmament": [1, 3], "Human rights": [3], "No category": [2, 4]}
    assert al.pairs_of(["A", "B", "C"]) == [("A", "B"), ("A", "C"), ("B", "C")]
    assert al.pairs_of(["A", "B"], ["B", "R"]) == [("A", "B"), ("A", "R"), ("B", "R")]


def test_group_interval_does_not_depend_on_other_groups():
    rng = np.random.default_rng(3)
    votes = tidy({c: list(rng.choice(["yes", "no", "abstain"], 80, p=[0.7, 0.2, 0.1])) for c in ("KAZ", "TJK")})
    m = al.vote_matrix(votes)
    alone = al.alignment(m, {"late": list(range(41, 81))}, [("KAZ", "TJK")], n_boot=100)
    both = al.alignment(m, {"early": list(range(1, 41)), "late": list(range(41, 81))}, [("KAZ", "TJK")], n_boot=100)
    pd.testing.assert_frame_equal(alone.reset_index(drop=True), both[both.group == "late"].reset_index(drop=True))


def test_ac1_and_s_on_a_skewed_table_known_by_hand():
    # 18 yes-yes, 1 yes-abstain, 1 abstain-yes: p_o = 0.9; margins yes 0.95, abstain 0.05 each.
    a = [Y] * 18 + [Y] + [A]
    b = [Y] * 18 + [A] + [Y]
    # kappa: p_e = 0.95^2 + 0.05^2 = 0.905 -> (0.9 - 0.905) / 0.095 < 0 (the paradox)
    assert al.kappa(a, b) == pytest.approx((0.9 - 0.905) / 0.095)
    # AC1: pi = (0.95, 0, 0.05), p_e = (0.95*0.05 + 0.05*0.95) / 2 = 0.0475
    assert al.ac1(a, b) == pytest.approx((0.9 - 0.0475) / (1 - 0.0475))
    # S: mean distance = 2 * 1 / 20 = 0.1 (yes-abstain = 1 step), S = 1 - 2 * 0.1 / 2 = 0.9
    assert al.s_score(a, b) == pytest.approx(0.9)
    assert al.s_score([Y, N], [N, Y]) == pytest.approx(-1.0)


def test_difference_interval_uses_shared_draws_and_change_is_deterministic():
    rng = np.random.default_rng(5)
    base = rng.choice(["yes", "no", "abstain"], 120, p=[0.6, 0.25, 0.15])
    noisy = np.where(rng.random(120) < 0.1, "abstain", base)
    votes = tidy({"KAZ": list(base), "KGZ": list(base), "RUS": list(noisy)})
    m = al.vote_matrix(votes)
    sets = {"five": [("KAZ", "KGZ")], "RUS": [("KAZ", "RUS")]}
    d = al.differences(m, {"g": list(m.index)}, sets, "five", n_boot=200)
    row = d[d.measure == "kappa"].iloc[0]
    assert row.estimate > 0 and row.lo > 0  # identical votes beat noisy ones in every replicate
    ch1 = al.change(m, list(range(1, 61)), list(range(61, 121)), sets, n_boot=100)
    ch2 = al.change(m, list(range(1, 61)), list(range(61, 121)), sets, n_boot=100)
    pd.testing.assert_frame_equal(ch1, ch2)
