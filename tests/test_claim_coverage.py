"""Every claim assigned to a chapter is discussed in that chapter's prose, not only listed.

A claim id must appear in the notebook's markdown: the Verdicts table is a code cell's output
(`claims.chapter_verdicts`), so a mention in markdown is a mention outside that table. Lands when
the chapters comply.
"""
import json
import re

import pytest

from centralasia import claims as cl
from centralasia.paths import ROOT


def prose_ids(chapter: str) -> set[str]:
    nb = json.loads((ROOT / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    return set(re.findall(r"\bC\d{2}\b", text))


MAPPING = cl.claim_chapters()


@pytest.mark.parametrize("chapter", sorted(set(MAPPING["chapter"])))
def test_every_assigned_claim_is_discussed(chapter):
    mine = set(MAPPING.loc[MAPPING["chapter"] == chapter, "claim_id"])
    missing = sorted(mine - prose_ids(chapter))
    assert not missing, f"{chapter} never mentions {missing} in its prose"


def test_the_check_can_fail(tmp_path, monkeypatch):
    nb = {"cells": [{"cell_type": "markdown", "source": ["# X\nC01 is discussed.\n"]},
                    {"cell_type": "code", "source": ["cl.chapter_verdicts('notebooks/x')  # C02\n"]}]}
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "x.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    monkeypatch.setattr(__import__(__name__), "ROOT", tmp_path)
    assert prose_ids("notebooks/x") == {"C01"}
