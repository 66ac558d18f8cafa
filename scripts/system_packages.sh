#!/usr/bin/env bash
# Make sure the Debian packages named on the command line are installed (`make book`, `make test`).
# Installed already: returns at once (dpkg-query only; no apt-get, no network).
# Missing: installs them when it can (root, or passwordless sudo), running `apt-get update` once
# first; otherwise stops with the exact command to run. Also needs `npm` (widget JavaScript).
set -euo pipefail

installed() {  # a package counts as present if dpkg says so, or (no dpkg) its command exists
  local package=$1
  if command -v dpkg-query >/dev/null; then
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" && return 0
  fi
  case $package in
    texlive-xetex) command -v xelatex >/dev/null ;;
    latexmk) command -v latexmk >/dev/null ;;
    chromium) command -v chromium >/dev/null ;;
    poppler-utils) command -v pdftotext >/dev/null ;;
    fonts-freefont-otf) fc-list 2>/dev/null | grep -qi FreeSerif ;;
    *) return 1 ;;
  esac
}

missing=()
for package in "$@"; do installed "$package" || missing+=("$package"); done
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

command="sudo apt-get update && sudo apt-get install -y ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "" >&2
  echo "*** Missing Debian packages: ${missing[*]}" >&2
  echo "*** Install them (needs root), then run make again:" >&2
  echo "***   $command" >&2
  echo "" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "*** Missing packages: ${missing[*]}, and this is not a Debian/Ubuntu system (no apt-get)." >&2
  echo "*** Install the equivalents of: ${missing[*]}, then run make again." >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
for package in "${missing[@]}"; do
  [ "$package" = npm ] && { command -v npm >/dev/null || { echo "*** npm still missing" >&2; exit 1; }; continue; }
  installed "$package" || { echo "*** $package did not install; run: $command" >&2; exit 1; }
done
