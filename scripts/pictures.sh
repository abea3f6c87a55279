#!/usr/bin/env bash
# Render the README's pictures as LibreOffice shows the files: the Excel annex's first sheet
# and the Word report's first page (ctr-stats -> xlsx/docx -> LibreOffice PDF -> PNG).
# Needs LibreOffice (soffice, calc and writer), poppler-utils (pdftoppm) and, for Times New
# Roman's metrics, fonts-liberation2 (Liberation Serif).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ctr-stats compute data/samples/2023 --indicator admission.total --indicator 'admission.non_state*' --indicator admission.business_owner -o "$work/phu-luc.xlsx"
ctr-stats compute data/samples/2023 -o "$work/bao-cao.docx"
for name in phu-luc.xlsx bao-cao.docx; do
  soffice --headless "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work" "$work/$name" >/dev/null
done
pdftoppm -r 110 -png -f 1 -l 1 -singlefile "$work/phu-luc.pdf" docs/excel-annex
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$work/bao-cao.pdf" docs/word-report
echo "docs/excel-annex.png docs/word-report.png"
