#!/usr/bin/env bash
# Render the README's picture of the Excel annex: ctr-stats -> xlsx -> LibreOffice PDF -> PNG.
# Needs LibreOffice (soffice) and poppler-utils (pdftoppm).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ctr-stats compute data/samples/2023 --indicator 'admission.*' -o "$work/phu-luc.xlsx"
soffice --headless "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work" "$work/phu-luc.xlsx" >/dev/null
pdftoppm -r 110 -png -f 1 -l 1 -singlefile "$work/phu-luc.pdf" docs/excel-annex
echo "docs/excel-annex.png"
