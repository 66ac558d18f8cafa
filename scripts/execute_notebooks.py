"""Re-execute notebooks in place, one at a time, without timing metadata (`make notebooks`).

The committed outputs are what nbval compares against; recording no execution
timestamps keeps a re-run that changes nothing from changing the files.
Usage: python scripts/execute_notebooks.py [notebooks/x.ipynb ...] (default: all, the
claim ledger last, since it collects every chapter's computed verdicts).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
LAST = ("article.ipynb", "conclusions.ipynb")


def ordered(paths: list[Path]) -> list[Path]:
    return sorted(paths, key=lambda p: (p.name in LAST, LAST.index(p.name) if p.name in LAST else 0, p.name))


def execute(path: Path) -> float:
    notebook = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(notebook, timeout=300, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(notebook, path)
    return time.perf_counter() - start


def main(arguments: list[str]) -> None:
    paths = [Path(a).resolve() for a in arguments] or list((ROOT / "notebooks").glob("*.ipynb"))
    for path in ordered(paths):
        print(f"{path.relative_to(ROOT)}: {execute(path):.1f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
