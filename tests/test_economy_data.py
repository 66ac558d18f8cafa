"""The macro tables of the economy chapter keep their sources' semantics."""

from centralasia import load
from centralasia import rules
from centralasia.verdicts import economy


def test_ei_energy_never_adds_ussr_to_russia_and_never_invents_kgz_tjk():
    energy = load("ei_energy")
    assert energy.loc[energy["iso3"] == "RUS", "year"].min() >= 1985
    assert not energy["iso3"].isin(["KGZ", "TJK"]).any()


def test_weo_2019_vintage_flags_every_year_after_2018_as_projection():
    weo = load("imf_weo_2019apr")
    assert weo.loc[weo["year"] >= 2019, "is_projection"].all()
    assert (weo["is_projection"] == (weo["year"] > weo["estimates_start_after"])).all()


def test_gapminder_growth_matches_levels():
    econ = load("gapminder_econ")
    kaz = econ[econ["iso3"] == "KAZ"].pivot(index="year", columns="indicator", values="value")
    implied = (kaz.loc[2018, "gdp_constant_usd"] / kaz.loc[2017, "gdp_constant_usd"] - 1) * 100
    assert abs(kaz.loc[2018, "gdp_growth_pct"] - implied) < 1e-3
    trade = kaz.loc[2018, "exports_pct_gdp"] + kaz.loc[2018, "imports_pct_gdp"]
    assert abs(kaz.loc[2018, "trade_pct_gdp"] - trade) < 1e-3


def test_economy_verdicts_are_well_formed():
    for assessment, kind in ((economy.c31(), "quantity"), (economy.c39(), "trend")):
        assert assessment.chapter == "notebooks/economy"
        for aspect in rules.ASPECTS:
            assert rules.grade(kind, aspect, getattr(assessment, aspect)).verdict in rules.VERDICTS
    share = economy.claim_share_of_outward_fdi()
    assert share["years"] == 13 and 0 < share["claim_share_pct"] < 100
