# Live explorers (issue 14): the Vega / Vega-Lite / vega-embed JavaScript, served once from the
# book's own static files. Written from the pinned vl-convert-python (nothing third-party is
# committed; _assets/ is ignored). Included from the Makefile.
LIVE_JS := _assets/static/explorers/vega-explorers.js

.PHONY: live live-demo
live: $(LIVE_JS)
html: $(LIVE_JS)

$(LIVE_JS): $(STAMP) centralasia/explorers.py
	$(PY) -m centralasia.explorers bundle $@

# A one-page build of the worked example (tests/fixtures/explorers_demo.ipynb) with the book's
# configuration (tests/ is excluded from the book, so a copy of the config re-includes it).
live-demo: env widgets $(LIVE_JS)
	@set -e; cfg=.live-demo-config.yml; toc=.live-demo-toc.yml; trap 'rm -f $$cfg $$toc' EXIT; \
	sed '/^  - tests$$/d' _config.yml > $$cfg; \
	printf 'format: jb-book\nroot: tests/fixtures/explorers_demo\n' > $$toc; \
	$(JB) build . --config $$cfg --toc $$toc --path-output _build/live-demo -W -n --keep-going
