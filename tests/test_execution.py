"""Notebook execution fails fast, says where, and reproduces byte for byte (issue 15).

These start real kernels (a few seconds each); the timeouts are short on purpose.
"""
from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import time
from pathlib import Path
from queue import Empty

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import execution  # noqa: E402
import zmq_wakeup  # noqa: E402

PY = sys.executable


def hanging_notebook(folder: Path) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# A notebook whose second code cell hangs"),
                      nbformat.v4.new_code_cell("x = 1"),
                      nbformat.v4.new_code_cell("import time\ntime.sleep(60)  # longer than the timeout"),
                      nbformat.v4.new_code_cell("x + 1")]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / "hangs.ipynb"
    nbformat.write(notebook, path)
    return path


def test_the_three_execution_paths_share_one_cell_timeout_under_two_minutes():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    makefile = (ROOT / "Makefile").read_text()
    assert config["execute"]["timeout"] == execution.CELL_TIMEOUT <= 120
    assert f"CELL_TIMEOUT := {execution.CELL_TIMEOUT}" in makefile
    assert "--nbval-cell-timeout=$(CELL_TIMEOUT)" in makefile
    assert "execute_notebooks.py --timeout $(CELL_TIMEOUT)" in makefile
    assert "zmq_wakeup" in config["sphinx"]["local_extensions"]


def test_a_hung_cell_fails_fast_and_names_notebook_and_cell(tmp_path):
    path = hanging_notebook(tmp_path)
    before = path.read_bytes()
    start = time.perf_counter()
    result = subprocess.run([PY, str(ROOT / "scripts" / "execute_notebooks.py"), "--timeout", "3", str(path)],
                            capture_output=True, text=True, timeout=120)
    took = time.perf_counter() - start
    assert result.returncode == 1
    message = result.stderr
    assert "hangs.ipynb" in message and "cell 2" in message and "time.sleep(60)" not in message
    assert 'line 1: "import time"' in message and "timed out after 3 s" in message
    assert "not retried" in message
    assert took < 45, f"took {took:.0f} s to fail a cell with a 3 s timeout"
    assert path.read_bytes() == before, "a failed execution must not rewrite the notebook"


def test_nbval_names_the_hung_cell(tmp_path):
    path = hanging_notebook(tmp_path)
    result = subprocess.run([PY, "-m", "pytest", "--nbval", "--nbval-current-env", "--nbval-cell-timeout=3",
                             "-p", "no:cacheprovider", "-q", str(path)],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode != 0
    assert "hangs.ipynb::Cell 1" in result.stdout  # nbval numbers code cells from 0
    assert "Timeout" in result.stdout or "KeyboardInterrupt" in result.stdout


def test_sliced_poll_returns_a_waiting_message_and_still_times_out():
    """The patched get_msg: a queued message comes back at once; an empty socket raises Empty
    after the full timeout, not after one slice."""

    class FakeSocket:
        def __init__(self, ready_after_polls):
            self.polls, self.ready_after = 0, ready_after_polls

        async def poll(self, timeout_ms):
            self.polls += 1
            if self.ready_after is not None and self.polls >= self.ready_after:
                return 1
            await asyncio.sleep(timeout_ms / 1000)
            return 0

    class Channel:
        def __init__(self, socket):
            self.socket = socket

        async def _recv(self):
            return {"msg": "reply"}

    ready = Channel(FakeSocket(ready_after_polls=3))
    assert asyncio.run(zmq_wakeup.get_msg(ready, timeout=10)) == {"msg": "reply"}
    assert ready.socket.polls == 3
    empty = Channel(FakeSocket(ready_after_polls=None))
    start = time.perf_counter()
    with pytest.raises(Empty):
        asyncio.run(zmq_wakeup.get_msg(empty, timeout=1.2))
    assert 1.1 < time.perf_counter() - start < 3 and empty.socket.polls >= 3


def test_reexecuting_a_widget_notebook_is_byte_identical(tmp_path):
    """summits has an ipywidgets explorer (model ids in outputs and metadata)."""
    original = ROOT / "notebooks" / "summits.ipynb"
    (tmp_path / "notebooks").mkdir()
    copy = tmp_path / "notebooks" / original.name  # the package finds data/ by its own location
    try:
        shutil.copy(original, copy)
        runs = []
        for _ in range(2):
            notebook = execution.run_notebook(copy)
            runs.append(nbformat.writes(notebook))
        assert "application/vnd.jupyter.widget-view+json" in runs[0]
        assert runs[0] == runs[1]
    finally:
        copy.unlink(missing_ok=True)
