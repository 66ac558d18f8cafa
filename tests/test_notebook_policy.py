"""The notebook cell policy (CONTRIBUTING.md, "Cells: what the reader sees"), checked over every chapter.

- A code cell has at most 15 lines; figure-drawing code lives in `centralasia/figures/<ch>.py`.
- A cell that shows nothing (set-up, computation, glue-only) is tagged `remove-cell`.
- A cell that shows a result (table, figure data link, explorer) is tagged `hide-input`: the HTML
  keeps its code behind a toggle, the PDF prints the result only.
- A `remove-cell` cell shows no result (it would vanish silently); no `hide-output`,
  `remove-output`, `hide-cell` or `remove-input` (they hide results or leave code in print).
- Tables are shown with `tables.show` (no bare DataFrame HTML), nothing is printed (no stdout).
"""
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
MAX_LINES = 15
VISIBILITY = {"remove-cell", "hide-input"}
FORBIDDEN_TAGS = {"hide-output", "remove-output", "hide-cell", "remove-input"}
FIGURE_CODE = ("plt.subplots", "plt.figure", "ax.plot", "ax.set_", ".add_subplot", "fig.add_axes",
               "ax.bar", "ax.scatter", "ax.legend", "ax.annotate", "ax.fill_between")
GLUE_RECORD = "application/papermill.record/"


def code_cells(path: Path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for index, cell in enumerate(cells):
        if cell["cell_type"] == "code":
            yield index, cell, "".join(cell["source"]), set(cell.get("metadata", {}).get("tags", []))


def shows_result(cell) -> bool:
    """Any output a reader would see (glue records are stored, not shown)."""
    for output in cell.get("outputs", []):
        if output["output_type"] in ("stream", "error"):
            return True
        if any(not mime.startswith(GLUE_RECORD) for mime in output.get("data", {})):
            return True
    return False


def ids(paths):
    return [p.stem for p in paths]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_cells_are_short(path):
    long = [(i, len(src.splitlines())) for i, _, src, _ in code_cells(path) if len(src.splitlines()) > MAX_LINES]
    assert not long, f"{path.name}: cells longer than {MAX_LINES} lines (index, lines): {long}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_every_code_cell_has_one_visibility_tag(path):
    bad = [(i, sorted(tags & VISIBILITY)) for i, _, src, tags in code_cells(path)
           if src.strip() and len(tags & VISIBILITY) != 1]
    assert not bad, f"{path.name}: code cells need exactly one of {sorted(VISIBILITY)} (index, tags): {bad}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_visibility_matches_what_the_cell_shows(path):
    hidden_results = [i for i, cell, _, tags in code_cells(path) if "remove-cell" in tags and shows_result(cell)]
    empty_toggles = [i for i, cell, src, tags in code_cells(path)
                     if "hide-input" in tags and src.strip() and not shows_result(cell)]
    assert not hidden_results, f"{path.name}: remove-cell cells that show a result: {hidden_results}"
    assert not empty_toggles, f"{path.name}: hide-input cells that show nothing (tag remove-cell): {empty_toggles}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_no_tag_hides_a_result_or_leaves_code_in_print(path):
    bad = [(i, sorted(tags & FORBIDDEN_TAGS)) for i, _, _, tags in code_cells(path) if tags & FORBIDDEN_TAGS]
    assert not bad, f"{path.name}: tags outside the policy: {bad}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_no_figure_code_in_notebooks(path):
    bad = [(i, [m for m in FIGURE_CODE if m in src]) for i, _, src, _ in code_cells(path)
           if any(m in src for m in FIGURE_CODE)]
    assert not bad, f"{path.name}: figure-drawing code belongs in centralasia/figures/: {bad}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_tables_use_tables_show_and_nothing_is_printed(path):
    frames, prints = [], []
    for i, cell, _, _ in code_cells(path):
        for output in cell.get("outputs", []):
            html = "".join(output.get("data", {}).get("text/html", ""))
            if 'class="dataframe' in html:
                frames.append(i)
            if output["output_type"] == "stream" and output.get("name") == "stdout":
                prints.append(i)
    assert not frames, f"{path.name}: bare DataFrames shown (use tables.show): cells {frames}"
    assert not prints, f"{path.name}: printed output (show a table or glue a value): cells {prints}"


def test_policy_is_checkable():
    """The rules can fail: a synthetic notebook that breaks each of them is caught."""
    cell = {"cell_type": "code", "source": "\n".join(["x = 1"] * 16) + "\nfig, ax = plt.subplots()",
            "metadata": {"tags": ["remove-cell", "hide-output"]},
            "outputs": [{"output_type": "stream", "name": "stdout", "text": "hi"}]}
    assert len(cell["source"].splitlines()) > MAX_LINES
    assert shows_result(cell) and "remove-cell" in cell["metadata"]["tags"]
    assert set(cell["metadata"]["tags"]) & FORBIDDEN_TAGS
    assert any(m in cell["source"] for m in FIGURE_CODE)
    glue_only = {"outputs": [{"output_type": "display_data", "data": {GLUE_RECORD + "text/plain": "1"}}]}
    assert not shows_result(glue_only)
