#!/usr/bin/env bash
# Before `npm test`: the browser tests need Debian's Chromium, CJK fonts and poppler (pdftotext).
# Installs them with apt-get when they are missing and we are root; otherwise says how.
set -euo pipefail
packages=(chromium fonts-noto-cjk poppler-utils)
missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$pkg")
done
((${#missing[@]} == 0)) && exit 0
if [[ $(id -u) -ne 0 ]]; then
  echo "The browser tests need: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]} for the browser tests (apt-get)…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get -q -y -o Dpkg::Use-Pty=0 update >/dev/null
apt-get -q -y -o Dpkg::Use-Pty=0 install --no-install-recommends "${missing[@]}" >/dev/null
