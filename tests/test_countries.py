import pytest

from centralasia import countries
from centralasia.errors import DataError


def test_the_five_central_asian_states():
    assert countries.group("ca5") == ("KAZ", "KGZ", "TJK", "TKM", "UZB")


@pytest.mark.parametrize("scheme,value,expected", [
    ("iso3", "KGZ", "KGZ"),
    ("iso3_lower", "tjk", "TJK"),
    ("iso2", "UZ", "UZB"),
    ("fips", "TX", "TKM"),  # Factbook code for Turkmenistan, not Texas
    ("fips", "TI", "TJK"),
    ("m49", "398", "KAZ"),
    ("name", "Kyrgyz Republic", "KGZ"),
    ("name", "iran, islamic rep.", "IRN"),  # names match case-insensitively
])
def test_every_scheme_maps_to_iso3(scheme, value, expected):
    assert countries.to_iso3([value], scheme, source="test") == [expected]


def test_unmapped_name_is_an_error_naming_the_name_and_the_source():
    with pytest.raises(DataError) as err:
        countries.to_iso3(["Kazakhstan", "Atlantis"], "name", source="raw/example.csv")
    assert "Atlantis" in str(err.value) and "raw/example.csv" in str(err.value)


def test_ignored_ids_map_to_none():
    assert countries.to_iso3(["KAZ", "ECA"], "iso3", "wb", ignore=["ECA"]) == ["KAZ", None]


def test_select_picks_table_countries_out_of_a_world_source():
    assert countries.select(["KAZ", "BRA", "WLD"], "iso3") == [True, False, True]


def test_every_iso3_and_every_variant_is_unique():
    rows = countries.table()
    codes = [r["iso3"] for r in rows]
    assert len(codes) == len(set(codes))
    names = [v.casefold() for r in rows for v in (r["name"], *r["variants"])]
    owners = {}
    for r in rows:
        for v in {x.casefold() for x in (r["name"], *r["variants"])}:
            owners.setdefault(v, set()).add(r["iso3"])
    clashes = {v: o for v, o in owners.items() if len(o) > 1}
    assert not clashes, f"one name maps to several countries: {clashes}"
    assert names


def test_unknown_code_has_no_name():
    with pytest.raises(DataError, match="unknown country code 'XXX'"):
        countries.name("XXX")
