"""Measure speed and size (`make benchmark`); a report, not a test.

Times: bare execution of each notebook (the floor), a clean HTML build, an
unchanged rebuild, one nbval pass, and the PDF build; sizes: the largest HTML
page (with the images it loads) and the whole site. Writes
benchmark/results.md and prints the table with ratios to the floor.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
HTML = ROOT / "_build" / "html"


def timed(command: list[str], **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, **kwargs)
    return time.perf_counter() - start


def notebook_floor() -> dict[str, float]:
    """Execute each notebook once, outside any build tool, on a scratch copy."""
    times = {}
    with tempfile.TemporaryDirectory() as scratch:
        for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
            copy = Path(scratch) / notebook.name
            shutil.copy(notebook, copy)
            start = time.perf_counter()
            subprocess.run([str(BIN / "jupyter"), "execute", "--inplace", str(copy)],
                           cwd=ROOT / "notebooks", check=True, capture_output=True)
            times[notebook.stem] = time.perf_counter() - start
    return times


def page_weights() -> tuple[str, int, int]:
    """Largest page (HTML + images it references) and the whole site, in bytes."""
    largest, largest_bytes = "", 0
    for page in HTML.rglob("*.html"):
        if "_static" in page.parts:
            continue
        text = page.read_text(encoding="utf-8", errors="replace")
        total = page.stat().st_size
        for src in set(re.findall(r'<img[^>]+src="([^"]+)"', text)):
            image = (page.parent / src).resolve()
            if image.is_file():
                total += image.stat().st_size
        if total > largest_bytes:
            largest, largest_bytes = str(page.relative_to(HTML)), total
    site = sum(p.stat().st_size for p in HTML.rglob("*") if p.is_file())
    return largest, largest_bytes, site


def main() -> None:
    jb = str(BIN / "jupyter-book")
    floor_by_notebook = notebook_floor()
    floor = sum(floor_by_notebook.values())
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    subprocess.run([str(BIN / "python"), "scripts/cache_guard.py"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    clean = timed([jb, "build", ".", "-W", "-n", "--keep-going"])
    rebuild = timed([jb, "build", ".", "-W", "-n", "--keep-going"])
    # The same clean build with the notebooks first executed in parallel into the cache
    # (scripts/preexecute.py, one process per core), then Sphinx rendering from the cache.
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    subprocess.run([str(BIN / "python"), "scripts/cache_guard.py"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    parallel = timed([str(BIN / "python"), "scripts/preexecute.py"])
    parallel += timed([jb, "build", ".", "-W", "-n", "--keep-going"])
    nbval = timed([str(BIN / "python"), "-m", "pytest", "--nbval", "--nbval-current-env", "--nbval-cell-timeout=120",
                   "--nbval-sanitize-with", "tests/nbval_sanitize.cfg", "-p", "no:cacheprovider",
                   "-q", "notebooks/"])
    pdf = timed([jb, "build", ".", "--builder", "pdflatex", "-W", "-n", "--keep-going"]) \
        if shutil.which("xelatex") else float("nan")
    largest, largest_bytes, site = page_weights()
    pdf_path = ROOT / "_build" / "latex" / "book.pdf"
    pages = "n/a"
    if pdf_path.exists() and shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True).stdout
        pages = re.search(r"Pages:\s+(\d+)", info).group(1)

    rows = [("Floor: bare execution of every notebook", floor, "1.00", "")]
    rows += [(f"  · {name}", t, f"{t / floor:.2f}", "") for name, t in floor_by_notebook.items()]
    rows += [
        ("Clean HTML build", clean, f"{clean / floor:.2f}", "≤ 1.3 × floor"),
        ("Clean HTML build, parallel pre-execution", parallel, f"{parallel / floor:.2f}",
         f"{parallel / clean:.0%} of the serial clean build"),
        ("Unchanged rebuild", rebuild, f"{rebuild / floor:.2f}",
         f"{rebuild / clean:.0%} of clean (goal ≤ 10%)"),
        ("nbval, one pass", nbval, f"{nbval / floor:.2f}", "≤ 1.3 × floor"),
        ("PDF build (after HTML)", pdf, f"{pdf / floor:.2f}", f"{pages} pages"),
    ]
    lines = ["| step | seconds | × floor | note |", "| --- | ---: | ---: | --- |"]
    lines += [f"| {name} | {secs:.1f} | {ratio} | {note} |" for name, secs, ratio, note in rows]
    lines += ["", f"Largest HTML page: `{largest}`, {largest_bytes / 1e6:.2f} MB with its images "
              "(goal < 2 MB).", f"Whole site: {site / 1e6:.1f} MB.",
              f"data/: {sum(p.stat().st_size for p in (ROOT / 'data').iterdir()) / 1e6:.2f} MB."]
    report = "\n".join(lines) + "\n"
    out = ROOT / "benchmark"
    out.mkdir(exist_ok=True)
    (out / "results.md").write_text(report)
    sys.stdout.write(report)


if __name__ == "__main__":
    main()
