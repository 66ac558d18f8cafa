"""Soak the kernel stack (`make soak`): execute every notebook many times, count hangs.

Two paths, alternating round by round, both exactly as the book uses them:
- build: the myst-nb "cache" path — a fresh jupyter-cache per round, `add_nb_to_project`,
  then jupyter-cache's `single_nb_execution` (nbclient) with the cwd, timeout and flags
  myst-nb passes (`execute: timeout` from _config.yml), then `cache_notebook_bundle`;
  one process runs every notebook in turn, as Sphinx does. (Cell timings are recorded,
  which myst-nb does not do: it only adds metadata.)
- nbval: `pytest --nbval` over notebooks/ with the Makefile's flags, one process per round.
Each round runs in a child process under a wall-clock watchdog; a hang is a cell that
hits the per-cell timeout or a round the watchdog has to kill. Prints and writes
_build/soak/report.md: executions, hangs, failures, slowest cell, kernel versions.
Usage: python scripts/soak.py [--executions 200] [--python PY] [--label L]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ONLY = [n for n in os.environ.get("SOAK_ONLY", "").split(",") if n]  # e.g. SOAK_ONLY=summits.ipynb
NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").glob("*.ipynb") 
                   if not p.name.startswith(".") and (not ONLY or p.name in ONLY))
STALL = 10.0  # seconds a cell may wait on the client beyond its kernel time
CONFIG_TIMEOUT = yaml.safe_load((ROOT / "_config.yml").read_text())["execute"]["timeout"]


def build_round(cache_dir: str, timeout: int, fix: bool) -> None:
    """Child: execute every notebook through the myst-nb/jupyter-cache path; JSON lines out."""
    import ipykernel
    import jupyter_client
    import nbformat
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn
    from jupyter_cache.executors.utils import single_nb_execution

    if fix:
        sys.path.insert(0, str(ROOT / "scripts"))
        import zmq_wakeup
        zmq_wakeup.install()
    print(json.dumps({"versions": f"ipykernel {ipykernel.__version__}, jupyter_client "
                      f"{jupyter_client.__version__}, client fix {'on' if fix else 'off'}"}), flush=True)
    cache = get_cache(cache_dir)
    for path in NOTEBOOKS:
        print(json.dumps({"start": path.name}), flush=True)
        notebook = nbformat.read(path, as_version=4)
        stage = cache.add_nb_to_project(str(path))
        starts: dict[int, float] = {}
        start = time.perf_counter()
        result = single_nb_execution(notebook, cwd=str(path.parent), allow_errors=False,
                                     timeout=timeout, meta_override=True, record_timing=True,
                                     on_cell_start=lambda cell, cell_index: starts.setdefault(
                                         cell_index, time.perf_counter()))
        seconds = time.perf_counter() - start
        # Client-side wall time of each cell (start to the next cell's start) against the
        # kernel's own busy-to-idle time: a gap of more than STALL seconds is a stall (a hang
        # that the timeout ended), even when the cell then "succeeded".
        ends = sorted(starts.items()) + [(len(notebook.cells), start + seconds)]
        slowest, stalls = (0.0, None), []
        for (index, began), (_, ended) in zip(ends, ends[1:]):
            wall = ended - began
            timing = notebook.cells[index].get("metadata", {}).get("execution", {})
            kernel = 0.0
            if "iopub.status.busy" in timing and "iopub.status.idle" in timing:
                kernel = (datetime.fromisoformat(timing["iopub.status.idle"].replace("Z", "+00:00"))
                          - datetime.fromisoformat(timing["iopub.status.busy"].replace("Z", "+00:00"))
                          ).total_seconds()
            if wall - kernel > STALL:
                stalls.append(f"cell {index}: client {wall:.1f} s, kernel {kernel:.1f} s")
            slowest = max(slowest, (wall, index), key=lambda t: t[0])
        error = None if result.err is None else f"{type(result.err).__name__}: {str(result.err)[:200]}"
        if result.err is None:
            cache.cache_notebook_bundle(CacheBundleIn(notebook, stage.uri,
                                                      data={"execution_seconds": result.time}),
                                        check_validity=False, overwrite=True)
        print(json.dumps({"notebook": path.name, "seconds": seconds, "slowest": slowest[0],
                          "slowest_cell": slowest[1], "error": error or ("; ".join(stalls) or None),
                          "hang": "CellTimeoutError" in (error or "") or bool(stalls)}), flush=True)


def run_build_round(python: str, timeout: int, watchdog: float, fix: bool) -> tuple[list[dict], str]:
    with tempfile.TemporaryDirectory() as cache_dir:
        child = subprocess.Popen([python, __file__, "--child-build", cache_dir, "--timeout", str(timeout),
                                  *([] if fix else ["--no-fix"])],
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            out, _ = child.communicate(timeout=watchdog)
        except subprocess.TimeoutExpired:
            child.kill()
            out, _ = child.communicate()
            out += json.dumps({"killed": True}) + "\n"
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    versions = next((line["versions"] for line in lines if "versions" in line), "?")
    runs = [line for line in lines if "notebook" in line]
    if any("killed" in line for line in lines):
        started = [line["start"] for line in lines if "start" in line]
        stuck = started[-1] if started else "?"
        runs.append({"notebook": stuck, "seconds": watchdog, "slowest": watchdog, "slowest_cell": None,
                     "error": "watchdog: round killed", "hang": True})
    return [dict(run, path="build") for run in runs], versions


def run_nbval_round(python: str, timeout: int, watchdog: float) -> list[dict]:
    with tempfile.TemporaryDirectory() as scratch:
        junit = Path(scratch) / "junit.xml"
        command = [python, "-m", "pytest", "--nbval", "--nbval-current-env",
                   f"--nbval-cell-timeout={timeout}", "--nbval-sanitize-with", "tests/nbval_sanitize.cfg",
                   "-p", "no:cacheprovider", "-q", f"--junitxml={junit}",
                   *[str(p.relative_to(ROOT)) for p in NOTEBOOKS]]
        try:
            subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=watchdog)
        except subprocess.TimeoutExpired:
            return [{"path": "nbval", "notebook": "?", "seconds": watchdog, "slowest": watchdog,
                     "slowest_cell": None, "error": "watchdog: round killed", "hang": True}]
        if not junit.exists():
            return [{"path": "nbval", "notebook": "?", "seconds": 0, "slowest": 0, "slowest_cell": None,
                     "error": "pytest wrote no report", "hang": False}]
        by_notebook: dict[str, dict] = {}
        for case in ET.parse(junit).getroot().iter("testcase"):
            name = Path(case.get("file") or case.get("classname", "").replace(".", "/")).name
            name = name if name.endswith(".ipynb") else case.get("classname", "?").split(".")[-2] + ".ipynb"
            run = by_notebook.setdefault(name, {"path": "nbval", "notebook": name, "seconds": 0.0,
                                                "slowest": 0.0, "slowest_cell": None, "error": None,
                                                "hang": False})
            took = float(case.get("time", 0))
            run["seconds"] += took
            if took > run["slowest"]:
                run["slowest"], run["slowest_cell"] = took, case.get("name")
            for problem in [*case.iter("failure"), *case.iter("error")]:
                message = (problem.get("message") or "") + (problem.text or "")[:300]
                run["error"] = run["error"] or f'{case.get("name")}: {message[:200]}'
                if "imeout" in message or "timed out" in message:
                    run["hang"] = True
        return list(by_notebook.values())


def report(runs: list[dict], versions: str, label: str, wall: float) -> str:
    hangs = [r for r in runs if r["hang"]]
    failures = [r for r in runs if r["error"] and not r["hang"]]
    slowest = max(runs, key=lambda r: r["slowest"]) if runs else None
    by_path = {p: [r for r in runs if r["path"] == p] for p in ("build", "nbval")}
    lines = [f"# Soak: {label} ({versions})", "",
             f"- executions: {len(runs)} (build path {len(by_path['build'])}, nbval {len(by_path['nbval'])})",
             f"- hangs: {len(hangs)}" + "".join(f"\n  - {r['path']} {r['notebook']}: {r['error']}" for r in hangs),
             f"- other failures: {len(failures)}"
             + "".join(f"\n  - {r['path']} {r['notebook']}: {r['error']}" for r in failures[:10]),
             f"- wall time: {wall / 60:.1f} min"]
    if slowest:
        lines.append(f"- slowest cell: {slowest['slowest']:.1f} s ({slowest['path']} path, "
                     f"{slowest['notebook']}, cell {slowest['slowest_cell']})")
    for path, group in by_path.items():
        if group:
            worst = max(group, key=lambda r: r["seconds"])
            lines.append(f"- {path}: slowest notebook execution {worst['seconds']:.1f} s ({worst['notebook']})")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--executions", type=int, default=200, help="at least this many in all")
    parser.add_argument("--python", default=sys.executable, help="interpreter of the stack to soak")
    parser.add_argument("--timeout", type=int, default=CONFIG_TIMEOUT, help="per-cell timeout, s")
    parser.add_argument("--label", default="current stack")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "soak" / "report.md")
    parser.add_argument("--no-fix", action="store_true", help="without scripts/zmq_wakeup.py")
    parser.add_argument("--child-build", metavar="CACHE_DIR")
    args = parser.parse_args()
    if args.child_build:
        build_round(args.child_build, args.timeout, not args.no_fix)
        return 0
    watchdog = args.timeout * 3 + 20 * len(NOTEBOOKS) * 3
    runs: list[dict] = []
    versions = "?"
    start = time.perf_counter()
    round_number = 0
    while len(runs) < args.executions:
        round_number += 1
        if round_number % 2:
            new, versions = run_build_round(args.python, args.timeout, watchdog, not args.no_fix)
        else:
            new = run_nbval_round(args.python, args.timeout, watchdog)
        runs += new
        hangs = sum(r["hang"] for r in runs)
        errors = sum(bool(r["error"]) for r in runs) - hangs
        print(f"round {round_number} ({'build' if round_number % 2 else 'nbval'}): {len(runs)} executions, "
              f"{hangs} hangs, {errors} other failures, {(time.perf_counter() - start) / 60:.1f} min",
              flush=True)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report(runs, versions, args.label, time.perf_counter() - start))
        with open(args.out.with_suffix(".jsonl"), "w") as log:
            log.writelines(json.dumps(r) + "\n" for r in runs)
    text = report(runs, versions, args.label, time.perf_counter() - start)
    sys.stdout.write(text)
    return 1 if any(r["hang"] or r["error"] for r in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
