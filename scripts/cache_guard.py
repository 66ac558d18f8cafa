"""Invalidate the build's notebook cache when data/ or the package change.

jupyter-cache keys a notebook on its code cells only, so new data or a fixed
package function would otherwise leave stale results in the book. We hash
every input the notebooks read and, when that hash changes, drop the cached
executions and Sphinx's doctrees so the next build re-executes everything.
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"
STAMP = BUILD / ".inputs.sha256"


def inputs_digest() -> str:
    digest = hashlib.sha256()
    files = sorted([*ROOT.glob("data/*"), *ROOT.glob("centralasia/**/*.py"),
                    *ROOT.glob("centralasia/reference/*")])
    for path in files:
        if path.is_file() and path.name != ".pipeline.lock":
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def main() -> None:
    current = inputs_digest()
    if STAMP.exists() and STAMP.read_text().strip() == current:
        return
    for stale in (".jupyter_cache", ".doctrees", "jupyter_execute"):
        shutil.rmtree(BUILD / stale, ignore_errors=True)
    BUILD.mkdir(exist_ok=True)
    STAMP.write_text(current + "\n")
    print("cache_guard: inputs changed since the last build; notebooks will be re-executed")


if __name__ == "__main__":
    main()
