"""A real Jupyter client (`make lab`'s JupyterLab) runs every chapter with an explorer (issue 14).

JupyterLab on loopback with a token, headless Debian Chromium through Playwright: open the
chapter, run all cells, change the explorer's first control, and check that the explorer's
output changed and that no cell ended in an error. Marker `client` (run by `make test`).
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb")
                  if "widgets.explorer(" in p.read_text(encoding="utf-8"))
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
RUN_TIMEOUT = 600  # seconds for one chapter's "run all" (slow shared machines)

pytestmark = [pytest.mark.client,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian chromium (make test installs it)")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    home = tmp_path_factory.mktemp("lab")
    (home / "root" / "notebooks").mkdir(parents=True)  # copies of the chapters: the tree stays untouched
    token, port = secrets.token_hex(16), free_port()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_RUNTIME_DIR=str(home / "runtime"),
               JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"), JUPYTER_NO_CONFIG="1")
    command = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1",
               f"--port={port}", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={home / 'root'}",
               "--LabApp.expose_app_in_browser=True",
               "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = open(home / "lab.log", "w")
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5) as response:
                json.load(response)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"JupyterLab did not start:\n{(home / 'lab.log').read_text()[-3000:]}")
            time.sleep(1)
    yield url, token, home / "root" / "notebooks"
    server.terminate()
    try:
        server.wait(30)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()


@pytest.fixture(scope="module")
def browser():
    playwright_sync = pytest.importorskip("playwright.sync_api")
    with playwright_sync.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield instance
        instance.close()


STATE = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.content || !panel.content.model) return null;
  const cells = panel.content.model.cells, out = {code: 0, run: 0, errors: []};
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.get(i);
    if (cell.type !== 'code' || !cell.sharedModel.getSource().trim()) continue;
    out.code += 1;
    if (cell.executionCount !== null && cell.executionCount !== undefined) out.run += 1;
    for (const o of cell.outputs.toJSON())
      if (o.output_type === 'error') out.errors.push(`cell ${i}: ${o.ename}: ${o.evalue}`);
  }
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  out.status = kernel ? kernel.status : 'none';
  out.busy = [...document.querySelectorAll('.jp-InputArea-prompt')].some(p => p.textContent.includes('*'));
  return out;
}"""

OUTPUT = """() => [...document.querySelectorAll('.widget-interact .widget-output')]
  .map(o => o.innerHTML).join('\\n')"""


def change_first_control(page) -> str:
    """Change the explorer's first control the way a reader would; return what was done."""
    area = page.locator(".widget-interact").first
    select = area.locator("select")
    if select.count():
        first = select.first
        options = first.locator("option").all_inner_texts()
        if first.get_attribute("multiple") is not None:
            first.select_option(index=[0])
            return f"multi-select: only {options[0].strip()!r}"
        current = first.evaluate("s => s.selectedIndex")
        other = 1 if current == 0 else 0
        first.select_option(index=other)
        return f"dropdown: {options[current].strip()!r} -> {options[other].strip()!r}"
    readout = area.locator(".widget-readout").first
    readout.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("0.2")
    page.keyboard.press("Enter")
    return "slider readout: 0.2"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_runs_in_jupyterlab_and_its_explorer_responds(lab, browser, chapter, tmp_path):
    url, token, folder = lab
    copy = folder / f"{chapter}.ipynb"  # the package finds data/ by its own location
    shutil.copy(ROOT / "notebooks" / f"{chapter}.ipynb", copy)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    try:
        page.goto(f"{url}/lab/tree/notebooks/{copy.name}?token={token}", timeout=120_000)
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget "
                               "&& window.jupyterapp.shell.currentWidget.sessionContext "
                               "&& window.jupyterapp.shell.currentWidget.sessionContext.session "
                               "&& window.jupyterapp.shell.currentWidget.sessionContext.session.kernel "
                               "&& window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
                               timeout=120_000)
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        deadline = time.monotonic() + RUN_TIMEOUT
        while True:
            state = page.evaluate(STATE)
            if state and state["errors"]:
                break
            if state and state["run"] == state["code"] and state["status"] == "idle" and not state["busy"]:
                break
            assert time.monotonic() < deadline, f"{chapter}: run all did not finish: {state}"
            time.sleep(1)
        assert not state["errors"], f"{chapter}: cells raised: {state['errors']}"
        page.wait_for_function(f"() => ({OUTPUT})().includes('<img')", timeout=120_000)
        before = page.evaluate(OUTPUT)
        done = change_first_control(page)
        page.wait_for_function(f"(before) => {{ const now = ({OUTPUT})(); "
                               "return now !== before && now.includes('<img'); }",
                               arg=before, timeout=120_000)
        after = page.evaluate(STATE)
        assert not after["errors"], f"{chapter}: after '{done}', cells raised: {after['errors']}"
        assert not [p for p in problems if re.search(r"widget|comm|model", p, re.I)], problems
    finally:
        context.close()
        shutdown_sessions(url, token, copy.name)
        copy.unlink(missing_ok=True)


def shutdown_sessions(url: str, token: str, name: str) -> None:
    """Stop the chapter's kernel through the server's REST API (one kernel at a time)."""
    headers = {"Authorization": f"token {token}"}
    with urllib.request.urlopen(urllib.request.Request(f"{url}/api/sessions", headers=headers)) as r:
        sessions = json.load(r)
    for session in sessions:
        if session.get("path", "").endswith(name):
            urllib.request.urlopen(urllib.request.Request(f"{url}/api/sessions/{session['id']}",
                                                          headers=headers, method="DELETE"))
