"""Fault injection for the new people/transport steps, and the visa-stay year bug (0.1.0 took 2019 stays from 2025)."""
import pandas as pd
import pytest

from centralasia import people as pp
from centralasia import transport
from centralasia.errors import DataError
from centralasia.pipeline import Raw
from centralasia.pipeline.steps import curated_reference, unhcr_2025, vrs_routes

VISA = pd.DataFrame({"snapshot": [2019, 2025], "passport": ["UZB", "UZB"], "destination": ["KGZ", "KGZ"],
                     "category": ["visa_free", "visa_free"], "visa_free_days": pd.array([pd.NA, 60], dtype="Int64")})


def test_2019_stay_comes_from_the_2019_snapshot():
    # The 0.1.0 code read v25 (the 2025 snapshot) for a sentence about 2019 and got 60.
    assert pp.stay_days(VISA, 2019, "UZB", "KGZ") is None
    assert pp.stay_days(VISA, 2025, "UZB", "KGZ") == 60
    t = pp.stays_by_snapshot(VISA, "UZB", ["KGZ"]).set_index("destination")
    assert t.loc["KGZ", "days_2019"] is None and t.loc["KGZ", "days_2025"] == 60


def _raw(tmp_path, step, files):
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    return Raw(tmp_path, {s for r in step.RESOURCES for s in r.sources}, step.__name__)


HEAD = "year,coo_name,coo,coo_iso,coa_name,coa,coa_iso,refugees,asylum_seekers,returned_refugees,idps,returned_idps,stateless,ooc,oip,hst\n"
TOT = "year,role,iso3,refugees,asylum_seekers,returned_refugees,idps,returned_idps,stateless,ooc,oip,hst\n2020,origin,AFG,5,0,0,0,0,0,0,,0\n"


def test_unhcr_good_and_fractional_counts(tmp_path):
    good = HEAD + "2021,Afghanistan,AFG,AFG,Tajikistan,TJK,TJK,10719.0,3046.0,0,0,0,0,0,,0\n"
    out = unhcr_2025.run(_raw(tmp_path, unhcr_2025, {unhcr_2025.PAIRS: good, unhcr_2025.TOTALS: TOT}))
    row = out["unhcr_2025_pairs"].iloc[0]
    assert row["refugees"] == 10719 and pd.isna(row["oip"])  # missing oip stays missing, never 0
    bad = HEAD + "2021,Afghanistan,AFG,AFG,Tajikistan,TJK,TJK,10.5,0,0,0,0,0,0,,0\n"
    with pytest.raises(DataError, match="whole"):
        unhcr_2025.run(_raw(tmp_path, unhcr_2025, {unhcr_2025.PAIRS: bad, unhcr_2025.TOTALS: TOT}))


def test_unhcr_missing_column(tmp_path):
    bad = HEAD.replace(",oip", "") + "2021,Afghanistan,AFG,AFG,Tajikistan,TJK,TJK,1,0,0,0,0,0,0,0\n"
    with pytest.raises(DataError, match="missing columns"):
        unhcr_2025.run(_raw(tmp_path, unhcr_2025, {unhcr_2025.PAIRS: bad, unhcr_2025.TOTALS: TOT}))


AP = "Code,Name,ICAO,IATA,Location,CountryISO2,Latitude,Longitude,AltitudeFeet\n"
AIRPORTS = AP + "UTTT,Tashkent,UTTT,TAS,Tashkent,UZ,41,69,1417\nUTDD,Dushanbe,UTDD,DYU,Dushanbe,TJ,38,68,2575\n"


def test_vrs_route_with_one_airport_or_unknown_airport_fails(tmp_path):
    files = {vrs_routes.AIRPORTS: AIRPORTS, vrs_routes.CA5_AIRPORTS: AIRPORTS}
    ok = "Callsign,Code,Number,AirlineCode,AirportCodes\nSMR225,SMR,225,SMR,UTDD-UTTT\n"
    out = vrs_routes.run(_raw(tmp_path, vrs_routes, {**files, vrs_routes.ROUTES: ok}))
    links = transport.reported_links(out["vrs_route_legs"], out["vrs_airports"].assign(iso3=["UZB", "TJK"]))
    assert (transport.scope(links) == "intra-region").sum() == 1
    for bad, msg in (("UTDD", "fewer than two"), ("UTDD-XXXX", "missing from the airport files")):
        text = f"Callsign,Code,Number,AirlineCode,AirportCodes\nSMR225,SMR,225,SMR,{bad}\n"
        with pytest.raises(DataError, match=msg):
            vrs_routes.run(_raw(tmp_path, vrs_routes, {**files, vrs_routes.ROUTES: text}))


def test_curated_row_without_source_fails(tmp_path, monkeypatch):
    import shutil
    from centralasia.paths import REFERENCE_DIR
    for f in REFERENCE_DIR.glob("*.csv"):
        shutil.copy(f, tmp_path / f.name)
    t = pd.read_csv(tmp_path / "lpi_2023.csv", dtype=str)
    t.loc[0, "source"] = None
    t.to_csv(tmp_path / "lpi_2023.csv", index=False)
    monkeypatch.setattr(curated_reference, "REFERENCE_DIR", tmp_path)
    with pytest.raises(DataError, match="every row needs a source"):
        curated_reference.run(None)


def test_timetable_speed_range():
    rail = pd.DataFrame({"service_id": ["X"], "service": ["x"], "distance_km": [960.0], "top_speed_kmh": [200.0],
                         "hours_min": [16.0], "hours_max": [16.5]})
    s = transport.timetable_speeds(rail).iloc[0]
    assert s["kmh_high"] == pytest.approx(60.0) and s["kmh_low"] == pytest.approx(960 / 16.5)
