"""One way to execute a notebook for committing: fail fast, say where, reproduce exactly.

- A per-cell timeout (CELL_TIMEOUT, the same as the build's `execute: timeout` and
  nbval's `--nbval-cell-timeout`): a cell that hangs fails within two minutes, and
  the error names the notebook and the cell (index, id, first line). No retries.
- Outputs that arrive late are an error, not silently dropped (`raise_on_iopub_timeout`).
- The client never sleeps through a reply that has arrived (zmq_wakeup.py).
- Before the first cell the kernel runs `kernel_startup.py` silently (seeded uuid4:
  widget model ids stay the same from run to run); no timing metadata is recorded.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

import zmq_wakeup

ROOT = Path(__file__).resolve().parent.parent
CELL_TIMEOUT = 120
IOPUB_TIMEOUT = 30
zmq_wakeup.install()
STARTUP = (Path(__file__).resolve().parent / "kernel_startup.py").read_text()


class NotebookFailure(RuntimeError):
    """A notebook could not be executed; the message names the notebook and the cell."""


def where(path: Path, index: int | None, cell) -> str:
    """`notebooks/x.ipynb, cell 7 (id ab12, line 1: "import …")`."""
    try:
        shown = path.resolve().relative_to(ROOT)
    except ValueError:
        shown = path
    if index is None or cell is None:
        return f"{shown}, before the first cell"
    first = next((line for line in cell.source.splitlines() if line.strip()), "")
    first = first if len(first) <= 60 else first[:57] + "..."
    return f'{shown}, cell {index} (id {cell.get("id", "?")}, line 1: "{first}")'


def run_notebook(path: Path, timeout: int = CELL_TIMEOUT, deterministic: bool = True,
                 record_timing: bool = False) -> nbformat.NotebookNode:
    """Execute the notebook at `path` (cwd: its folder) and return it with fresh outputs."""
    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    current: dict = {"index": None, "cell": None}
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                            record_timing=record_timing, iopub_timeout=IOPUB_TIMEOUT,
                            raise_on_iopub_timeout=True,
                            resources={"metadata": {"path": str(path.parent)}})

    def on_cell_start(cell, cell_index):
        current.update(index=cell_index, cell=cell)

    async def on_notebook_start(notebook):
        if deterministic:
            reply = await client.async_wait_for_reply(
                client.kc.execute(STARTUP, silent=True, store_history=False), None)
            if reply["content"]["status"] != "ok":
                raise NotebookFailure(f"{where(path, None, None)}: the kernel start-up code failed: "
                                      f"{reply['content'].get('evalue')}")

    client.on_cell_start = on_cell_start
    client.on_notebook_start = on_notebook_start
    try:
        client.execute()
    except CellTimeoutError as error:
        kind = "produced no output in time" if "IOPub" in str(error) else f"timed out after {timeout} s"
        raise NotebookFailure(f"{where(path, current['index'], current['cell'])} {kind} "
                              "(a hung kernel or a slow cell; not retried)") from error
    except CellExecutionError as error:
        raise NotebookFailure(f"{where(path, current['index'], current['cell'])} raised "
                              f"{error.ename}: {error.evalue}") from error
    except DeadKernelError as error:
        raise NotebookFailure(f"{where(path, current['index'], current['cell'])}: the kernel died "
                              f"({error})") from error
    return notebook
