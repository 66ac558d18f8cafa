"""Personal remittances received, % of GDP (World Bank WDI BX.TRF.PWKR.DT.GD.ZS)."""
from __future__ import annotations

import pandas as pd

from ...schema import CC_BY_4, Field, Resource, iso3, year

SOURCE = "wdi-remittances/wdi_bx_trf_pwkr_dt_gd_zs_subset.csv"

RESOURCES = [
    Resource(
        name="wdi_remittances",
        title="Personal remittances received, % of GDP (World Bank WDI)",
        description="Personal transfers and compensation of employees received, as a percentage of GDP.",
        fields=(iso3(), year(lo=1970),
                Field("remittances_pct_gdp", "number", "Personal remittances received",
                      unit="% of GDP", required=True, minimum=0)),
        primary_key=("iso3", "year"),
        sources=(SOURCE,),
        licence=CC_BY_4,
        citation="wb_wdi_remittances",
        coverage="KAZ 1995-2024, KGZ 1993-2024, TJK 2002-2024, UZB 2005-2024, TKM 1996 only; "
                 "TUR, USA, EU for reference. No Russia, China, Iran or Afghanistan in the extract.",
        caveats=("Informal channels are missed; Uzbekistan's series jumps after the 2017 currency "
                 "liberalisation partly because informal flows became official.",
                 "Turkmenistan: a single observation (1996).",
                 "Kyrgyz ratio falls sharply in 2023-24; not yet checked against national data."),
    ),
]


def run(raw) -> dict[str, pd.DataFrame]:
    series = raw.ddf_datapoints(SOURCE, "bx_trf_pwkr_dt_gd_zs")
    return {"wdi_remittances": series.rename(columns={"bx_trf_pwkr_dt_gd_zs": "remittances_pct_gdp"})}
