"""The data pipeline: ../shared/raw -> tidy, validated tables in data/.

Each module in `centralasia.pipeline.steps` is one small step, in the OWID
habit: it declares the `RESOURCES` it writes (schema, raw sources, licence,
citation) and a `run(raw)` function that loads raw files, processes them and
returns one DataFrame per resource. This module saves them deterministically
(same inputs, byte-identical outputs) and writes `data/datapackage.json`.
"""
from __future__ import annotations

import fcntl
import hashlib
import importlib
import json
import pkgutil
import re
from pathlib import Path

import pandas as pd

from .. import __version__
from ..data import check_primary_key, parse_csv, sha256
from ..errors import DataError
from ..paths import BIBLIOGRAPHY, DATA_DIR, raw_dir
from ..schema import Resource
from . import steps as _steps_package


class Raw:
    """Read access to the raw inputs a step has declared, and nothing else."""

    def __init__(self, root: Path, declared: set[str], step: str):
        self.root, self.declared, self.step = Path(root), declared, step

    def path(self, relative: str) -> Path:
        if relative not in self.declared:
            raise DataError(relative, f"step {self.step!r} reads a raw file it did not declare "
                                      "in any resource's sources")
        full = self.root / relative
        if not full.exists():
            raise DataError(str(full), "raw input is missing")
        return full

    def csv(self, relative: str, **kwargs) -> pd.DataFrame:
        return pd.read_csv(self.path(relative), **kwargs)

    def json(self, relative: str):
        return json.loads(self.path(relative).read_text(encoding="utf-8"))

    def ddf_datapoints(self, relative: str, concept: str) -> pd.DataFrame:
        """A Gapminder/WDI DDF datapoints file (economy, year, <concept>) as iso3, year, <concept>."""
        from ..countries import to_iso3
        frame = self.csv(relative, dtype={"economy": str})
        return pd.DataFrame({"iso3": to_iso3(frame["economy"], "iso3_lower", relative),
                             "year": frame["year"].astype(int),
                             concept: frame[concept].astype(float)})


def step_modules() -> list:
    """Every step module, in name order (so the package lists resources stably)."""
    names = sorted(m.name for m in pkgutil.iter_modules(_steps_package.__path__))
    return [importlib.import_module(f"{_steps_package.__name__}.{n}") for n in names]


def all_resources() -> list[Resource]:
    return [r for module in step_modules() for r in module.RESOURCES]


def to_csv_bytes(frame: pd.DataFrame, resource: Resource) -> bytes:
    """Deterministic CSV: schema column order, rows sorted by the primary key."""
    columns = [f.name for f in resource.fields]
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataError(resource.path, "step did not produce the column", column=missing[0])
    ordered = frame[columns].sort_values(list(resource.primary_key), kind="mergesort")
    for f in resource.fields:
        if f.type == "date":
            ordered[f.name] = pd.to_datetime(ordered[f.name]).dt.strftime("%Y-%m-%d")
        elif f.type == "boolean":
            ordered[f.name] = ordered[f.name].map({True: "true", False: "false"})
    text = ordered.to_csv(index=False, lineterminator="\n", float_format="%.10g")
    return text.encode("utf-8")


def _bib_keys() -> set[str]:
    return set(re.findall(r"@\w+\s*\{\s*([^,\s]+)\s*,", BIBLIOGRAPHY.read_text(encoding="utf-8")))


def descriptor(resource: Resource, payload: bytes, raw_root: Path) -> dict:
    return {
        "name": resource.name,
        "path": resource.path,
        "title": resource.title,
        "description": resource.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(payload),
        "hash": "sha256:" + _sha256_bytes(payload),
        "schema": {
            "fields": [f.descriptor() for f in resource.fields],
            "primaryKey": list(resource.primary_key),
            "missingValues": [""],
        },
        "licenses": [{"name": resource.licence.name, "title": resource.licence.title,
                      "path": resource.licence.path}],
        "sources": [{"title": s, "path": f"../shared/raw/{s}"} for s in resource.sources],
        "rawFiles": [{"path": s, "sha256": sha256(raw_root / s)} for s in resource.sources],
        "citation": resource.citation,
        "coverage": resource.coverage,
        "caveats": list(resource.caveats),
    }


def _sha256_bytes(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def run(out_dir: Path = DATA_DIR, raw_root: Path | None = None, only: set[str] | None = None) -> list[Path]:
    """Run every step (or those named in `only`) and write data/ and its descriptor."""
    out_dir.mkdir(parents=True, exist_ok=True)
    # One writer at a time: datapackage.json is read, merged and rewritten.
    with open(out_dir / ".pipeline.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _run(out_dir, raw_root, only)


def _run(out_dir: Path, raw_root: Path | None, only: set[str] | None) -> list[Path]:
    raw_root = Path(raw_root) if raw_root else raw_dir()
    if not raw_root.is_dir():
        raise DataError(str(raw_root), "raw inputs are absent; the pipeline needs ../shared/raw "
                                       "(or set CENTRALASIA_RAW)")
    bib = _bib_keys()
    resources, written = [], []
    previous = {}
    if (out_dir / "datapackage.json").exists():
        previous = {r["name"]: r for r in json.loads((out_dir / "datapackage.json").read_text())["resources"]}
    for module in step_modules():
        step = module.__name__.rsplit(".", 1)[-1]
        if only and step not in only:
            resources.extend(previous[r.name] for r in module.RESOURCES if r.name in previous)
            continue
        declared = {s for r in module.RESOURCES for s in r.sources}
        frames = module.run(Raw(raw_root, declared, step))
        for resource in module.RESOURCES:
            if resource.citation not in bib:
                raise DataError(resource.name, f"citation key {resource.citation!r} is not in "
                                               f"{BIBLIOGRAPHY.name}")
            payload = to_csv_bytes(frames[resource.name], resource)
            # Read back what we wrote with the loader's own checks.
            checked = parse_csv(payload, list(resource.fields), f"data/{resource.path}")
            check_primary_key(checked, list(resource.primary_key), f"data/{resource.path}")
            target = out_dir / resource.path
            target.write_bytes(payload)
            written.append(target)
            resources.append(descriptor(resource, payload, raw_root))
    package = {
        "name": "central-asia-path-towards-harmony",
        "title": "Data for 'Central Asia's Path towards Harmony': an executable analysis",
        "version": __version__,
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 "
                      "(the compilation; each resource keeps its source licence)",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": sorted(resources, key=lambda r: r["name"]),
    }
    text = json.dumps(package, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    (out_dir / "datapackage.json").write_text(text, encoding="utf-8")
    return written
