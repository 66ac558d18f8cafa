"""Where things live. The raw inputs sit outside the repository (read-only)."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DATAPACKAGE = DATA_DIR / "datapackage.json"
REFERENCE_DIR = Path(__file__).resolve().parent / "reference"
BIBLIOGRAPHY = ROOT / "book" / "references.bib"


def raw_dir() -> Path:
    """The shared raw inputs: $CENTRALASIA_RAW, else ../shared/raw beside the checkout."""
    override = os.environ.get("CENTRALASIA_RAW")
    return Path(override) if override else ROOT.parent / "shared" / "raw"
