"""Computed verdicts of the security chapter (notebooks/security).

C41 (paragraph 18, 'the same or similar approaches'): the five's mean pairwise UNGA agreement in
2017-2019 against each outside partner's mean agreement with the five. Rule: 'supported' if the
five's chance-corrected agreement (Cohen's kappa) is at least substantial (0.6) and its 95% interval
lies above every partner's; 'partly supported' if the five agree more among themselves than with
any partner (point estimates of kappa) without meeting that bar; otherwise 'contradicted'.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .. import alignment as al
from ..countries import name
from ..data import load
from ..ledger import Verdict, computed

CHAPTER = "notebooks/security"
ARTICLE_YEARS = (2017, 2019)  # the two years before the article, to the end of the voting data
SUBSTANTIAL_KAPPA = 0.6  # Landis & Koch: 0.61-0.80 'substantial'


@lru_cache(maxsize=1)
def article_period_alignment() -> pd.DataFrame:
    """Mean agreement among the five and of each partner with the five, 2017-2019 (all roll calls)."""
    matrix = al.vote_matrix(load("unga_votes"))
    groups = al.by_period(load("unga_roll_calls"), {"2017-2019": ARTICLE_YEARS})
    out = al.alignment(matrix, groups, pairs=[], sets=al.five_and_partners())
    return out.set_index("a")


@computed("C41")
def similar_approaches() -> Verdict:
    """¶18: 'the same or similar approaches' - tested with UNGA voting agreement, 2017-2019."""
    t = article_period_alignment()
    five = t.loc[al.AMONG_FIVE]
    partners = t.drop(index=al.AMONG_FIVE).sort_values("agreement", ascending=False)
    # Raw agreement is inflated by the Assembly's yes-majorities; compare chance-corrected agreement.
    closest = partners.sort_values("kappa", ascending=False).iloc[0]
    if five["kappa"] >= SUBSTANTIAL_KAPPA and five["kappa_lo"] > partners["kappa_hi"].max():
        verdict = "supported"
    elif five["kappa"] > partners["kappa"].max():
        verdict = "partly supported"
    else:
        verdict = "contradicted"
    others = ", ".join(f"{100 * r.agreement:.0f}% with {name(code)}" for code, r in partners.iterrows())
    strength = "substantial" if five["kappa"] >= SUBSTANTIAL_KAPPA else "moderate"
    evidence = (f"In {ARTICLE_YEARS[0]}-{ARTICLE_YEARS[1]} two of the five voted alike on "
                f"{100 * five['agreement']:.1f}% of UN General Assembly roll calls on average (absences excluded; "
                f"{others}). Corrected for chance, agreement among the five (Cohen's kappa "
                f"{five['kappa']:.2f}, 95% CI {five['kappa_lo']:.2f}-{five['kappa_hi']:.2f}) is {strength} and "
                f"{'above' if verdict != 'contradicted' else 'not above'} that with the closest partner, "
                f"{name(closest.name)} ({closest['kappa']:.2f}, {closest['kappa_lo']:.2f}-{closest['kappa_hi']:.2f}); "
                "votes show declared positions, not security cooperation in practice.")
    return Verdict("C41", verdict, evidence, CHAPTER)
