"""Execute the book's notebooks in parallel into the build's jupyter-cache, before Sphinx runs.

myst-nb (`execute_notebooks: cache`) executes notebooks one after another inside the Sphinx
process; jupyter-cache's "local-parallel" executor runs them over a pool of one process per
core. Notebooks already in the cache (same code cells; `cache_guard.py` empties the cache when
data/ or the package change) are skipped, so an unchanged rebuild costs nothing here. The
build then finds every notebook cached and only renders. Same per-cell timeout as the build;
a failure names the notebook and the cell and stops (the build would fail the same way).
Usage: python scripts/preexecute.py [--serial] [notebooks/x.ipynb ...]
"""
from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

import yaml
from jupyter_cache import get_cache
from jupyter_cache.executors import load_executor

sys.path.insert(0, str(Path(__file__).resolve().parent))
import zmq_wakeup  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "_build" / ".jupyter_cache"


def toc_notebooks() -> list[Path]:
    toc = (ROOT / "_toc.yml").read_text()
    return sorted(p for p in (ROOT / "notebooks").glob("*.ipynb")
                  if f"notebooks/{p.stem}" in toc and not p.name.startswith("."))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serial", action="store_true", help="one at a time (for comparison)")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook in _toc.yml")
    args = parser.parse_args()
    zmq_wakeup.install()  # the pool's workers are forked from here and inherit it
    config = yaml.safe_load((ROOT / "_config.yml").read_text())["execute"]
    CACHE.parent.mkdir(exist_ok=True)
    cache = get_cache(str(CACHE))
    paths = [p.resolve() for p in args.notebooks] or toc_notebooks()
    for path in paths:
        cache.add_nb_to_project(str(path))
    logger = logging.getLogger("preexecute")
    logging.basicConfig(level=logging.WARNING, format="preexecute: %(message)s")
    start = time.perf_counter()
    executor = load_executor("local-serial" if args.serial else "local-parallel", cache, logger=logger)
    result = executor.run_and_cache(filter_uris=[str(p) for p in paths], timeout=config["timeout"],
                                    allow_errors=config["allow_errors"])
    done = len(result.succeeded)
    print(f"preexecute: {done} notebook(s) executed into the cache in {time.perf_counter() - start:.1f} s"
          f" ({'serial' if args.serial else 'parallel'})", flush=True)
    failed = [*result.excepted, *result.errored]
    for uri in failed:
        record = cache.get_project_record(uri)
        tail = "\n".join((record.traceback or "no traceback").strip().splitlines()[-12:])
        print(f"FAILED: {Path(uri).relative_to(ROOT)}\n{tail}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
