#!/usr/bin/env bash
# Debian packages thidua needs: WeasyPrint's Pango and fast font subsetting (libharfbuzz-subset0),
# a Times-metric serif with full Vietnamese (fonts-liberation2), zbar for decoding QR codes in
# tests, poppler-utils for looking at PDFs, and Chromium for the browser tests.
# Installs only what is missing; does nothing when everything is there.
set -euo pipefail
PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2 libzbar0 poppler-utils chromium)
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "Thiếu gói hệ thống: ${missing[*]} (cần cài thủ công trên hệ điều hành này)." >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Cài gói hệ thống: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
