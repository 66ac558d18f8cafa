"""Re-execute notebooks in place, one at a time (`make notebooks`); byte-identical on a re-run.

The committed outputs are what nbval compares against. No timing metadata is recorded and
widget model ids are seeded in the kernel (scripts/execution.py), so re-running an unchanged
notebook leaves the file byte for byte as it was: a diff shows only what really changed.
A cell that hangs fails after the per-cell timeout with the notebook and cell named, and the
notebook file is left untouched. Usage:
  python scripts/execute_notebooks.py [--timeout S] [notebooks/x.ipynb ...]
(default: all, the claim ledger last, since it collects every chapter's computed verdicts).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from execution import CELL_TIMEOUT, ROOT, NotebookFailure, run_notebook  # noqa: E402

LAST = ("article.ipynb", "conclusions.ipynb")


def ordered(paths: list[Path]) -> list[Path]:
    return sorted(paths, key=lambda p: (p.name in LAST, LAST.index(p.name) if p.name in LAST else 0, p.name))


def execute(path: Path, timeout: int = CELL_TIMEOUT) -> float:
    start = time.perf_counter()
    notebook = run_notebook(path, timeout=timeout)
    nbformat.write(notebook, path)
    return time.perf_counter() - start


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=int, default=CELL_TIMEOUT, help="per-cell timeout, seconds")
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(arguments)
    paths = [p.resolve() for p in args.notebooks] or list((ROOT / "notebooks").glob("*.ipynb"))
    for path in ordered(paths):
        try:
            seconds = execute(path, args.timeout)
        except NotebookFailure as failure:
            print(f"FAILED: {failure}", file=sys.stderr, flush=True)
            return 1
        try:
            shown = path.relative_to(ROOT)
        except ValueError:
            shown = path
        print(f"{shown}: {seconds:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
