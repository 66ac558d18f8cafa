#!/usr/bin/env bash
# Build the print demonstration as a tiny book (HTML + PDF) with the book's own configuration.
# Usage: tests/print_demo/build.sh [outdir] [executed chapter.ipynb ...]   (default /tmp/print-demo).
# Extra notebooks (already executed, e.g. a chapter converted on a copy) join the demo. Needs TeX.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-/tmp/print-demo}"
extra=("${@:2}")
rm -rf "$out" && mkdir -p "$out/book" "$out/notebooks"
cp -r "$root/book/_ext" "$root/book/latex" "$root/book/references.bib" "$root/book/bibliography.md" \
      "$root/book/favicon.svg" "$out/book/"
cp "$root/tests/print_demo/demo.ipynb" "$out/notebooks/demo.ipynb"
mkdir -p "$out/_assets/static" "$out/_assets/extra" "$out/scripts"
cp "$root/scripts/zmq_wakeup.py" "$out/scripts/"  # a local Sphinx extension of the book's configuration
printf "# Print demo\n\nThe demonstration chapter and the bibliography.\n\n(provenance)=\n## Provenance stand-in\n" > "$out/book/intro.md"
chapters="  - file: notebooks/demo\n"
for nb in "${extra[@]}"; do
  cp "$nb" "$out/notebooks/"
  chapters+="  - file: notebooks/$(basename "${nb%.ipynb}")\n"
done
printf "format: jb-book\nroot: book/intro\nchapters:\n${chapters}  - file: book/bibliography\n" > "$out/_toc.yml"
# Same configuration, but the notebook is executed already (outputs committed).
sed 's/execute_notebooks: cache/execute_notebooks: "off"/' "$root/_config.yml" > "$out/_config.yml"
cd "$out"
"$root/.venv/bin/jupyter-book" build . -W -n --keep-going
"$root/.venv/bin/jupyter-book" build . --builder pdflatex -W -n --keep-going
echo "demo: $out/_build/html/notebooks/demo.html  $out/_build/latex/book.pdf"
