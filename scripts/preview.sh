#!/usr/bin/env bash
# Build a one-chapter preview of the book (same config, strict) into /tmp/preview-<name>.
# Usage: scripts/preview.sh notebooks/borders.ipynb   (for authors; the real build is `make book`)
set -euo pipefail
cd "$(dirname "$0")/.."
doc="${1%.ipynb}"; doc="${doc%.md}"
name="$(basename "$doc")"
out="/tmp/preview-$name"
toc="$(mktemp --suffix=.yml)"
printf 'format: jb-book\nroot: book/preview_root\nchapters:\n  - file: %s\n' "$doc" > "$toc"
.venv/bin/jupyter-book build . --toc "$toc" --path-output "$out" -W -n --keep-going
echo "preview: $out/_build/html/$(basename "$doc").html"
