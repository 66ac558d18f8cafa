# Two commands do everything (see README):
#   make book   — set up the environment, build the HTML book and the PDF
#   make test   — set up the environment and run every check
# Both are idempotent: a second run reuses the environment.
# Also: make lab (JupyterLab on the notebooks), make notebooks, make data, make soak, make benchmark.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
JB := $(VENV)/bin/jupyter-book
STAMP := $(VENV)/.installed
WIDGET_JS := _assets/static/widgets/embed-amd.js _assets/static/widgets/require.js
TEX_PACKAGES := texlive-xetex latexmk fonts-freefont-otf texlive-fonts-recommended
BROWSER_PACKAGES := chromium poppler-utils
# Per-cell timeout, the same in the build (_config.yml execute: timeout), nbval and make notebooks.
CELL_TIMEOUT := 120
NBVAL := $(PY) -m pytest --nbval --nbval-current-env --nbval-cell-timeout=$(CELL_TIMEOUT) --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider -q notebooks/
PDF := _build/latex/book.pdf

.PHONY: book test html pdf data notebooks env widgets benchmark clean lab soak system-book system-test

# Rule files of other parts of the build (e.g. mk/live.mk: the explorers' JavaScript bundle).
# Their targets never become the default: `make` alone still means `make book`.
.DEFAULT_GOAL := book
-include mk/*.mk

book: system-book html pdf

test: system-test env widgets
	$(VENV)/bin/ruff check centralasia tests scripts notebooks book/_ext
	$(PY) -m pytest -q tests/ -m "not built and not client"
	$(NBVAL)
	$(NBVAL)
	$(PY) -m pytest -q tests/ -m client
	$(MAKE) --no-print-directory html pdf
	$(PY) -m pytest -q tests/ -m built

# Debian packages: installed when we can (root or passwordless sudo), else the exact command.
# A second run only checks (no apt-get): a few dpkg-query calls.
system-book:
	@scripts/system_packages.sh $(TEX_PACKAGES)

system-test:
	@scripts/system_packages.sh $(TEX_PACKAGES) $(BROWSER_PACKAGES)

env: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements.txt
	$(VENV)/bin/pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

# Widget JavaScript comes from the npm registry at build time; nothing third-party is committed.
widgets: $(WIDGET_JS)

$(WIDGET_JS):
	@mkdir -p _assets/npm _assets/static/widgets
	cd _assets/npm && npm pack --silent @jupyter-widgets/html-manager@1.0.6 requirejs@2.3.7 >/dev/null
	tar -xzf _assets/npm/jupyter-widgets-html-manager-1.0.6.tgz -O package/dist/embed-amd.js > _assets/static/widgets/embed-amd.js
	tar -xzf _assets/npm/requirejs-2.3.7.tgz -O package/require.js > _assets/static/widgets/require.js
	@# The widget CSS loads its icon fonts relative to the AMD module that injects it:
	@# <page folder>/@jupyter-widgets/ or .../html-manager/dist/. Widget pages live in
	@# notebooks/, so the fonts go to both places in the site (html_extra_path).
	for dir in @jupyter-widgets @jupyter-widgets/html-manager/dist; do \
	  mkdir -p _assets/extra/notebooks/$$dir && \
	  tar -xzf _assets/npm/jupyter-widgets-html-manager-1.0.6.tgz -C _assets/extra/notebooks/$$dir \
	    --strip-components=2 --wildcards 'package/dist/*.woff2' 'package/dist/*.woff' 'package/dist/*.ttf'; \
	done

# Rebuild data/ from ../shared/raw (needs the raw inputs beside the checkout).
data: env
	$(PY) -m centralasia.pipeline
	$(PY) -m centralasia.provenance

# Re-execute the notebooks in place (after changing data/ or the package), then commit them.
notebooks: env
	$(PY) scripts/execute_notebooks.py --timeout $(CELL_TIMEOUT)

# Execute every notebook >= 200 times through the build's path and nbval; count hangs.
soak: env
	nice $(PY) scripts/soak.py --executions 200

# JupyterLab (pinned in requirements.txt) on the notebooks, loopback only, widgets working.
lab: env
	$(VENV)/bin/jupyter lab --ip=127.0.0.1 --ServerApp.root_dir=$(CURDIR) \
	  --LabApp.default_url=/lab/tree/notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

# PREEXECUTE=1: execute the notebooks in parallel into the build's cache first (scripts/preexecute.py);
# off by default until `make benchmark` shows it faster on an unloaded machine.
PREEXECUTE ?= 0
html: env widgets
	$(PY) scripts/cache_guard.py
	$(if $(filter 1,$(PREEXECUTE)),$(PY) scripts/preexecute.py)
	$(JB) build . -W -n --keep-going

pdf: env widgets
	@if command -v xelatex >/dev/null && command -v latexmk >/dev/null; then \
	  $(PY) scripts/cache_guard.py && \
	  $(JB) build . --builder pdflatex -W -n --keep-going && \
	  echo "PDF: $(PDF)"; \
	else \
	  echo ""; \
	  echo "*** PDF NOT BUILT: TeX is missing. The HTML book is in _build/html."; \
	  echo "*** Install it with:  sudo apt-get update && sudo apt-get install -y $(TEX_PACKAGES)"; \
	  echo "*** then run 'make book' again."; \
	  echo ""; \
	  exit 1; \
	fi

benchmark: env widgets
	$(PY) scripts/benchmark.py

clean:
	rm -rf _build

