"""The naive way, for comparison: pandas.read_excel with openpyxl on every sheet of every
workbook, adding up the numeric columns. What a clerk's script would do."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd


def main(folder: str) -> None:
    total = 0.0
    for path in sorted(Path(folder).glob("*.xlsx")):
        for frame in pd.read_excel(path, sheet_name=None, engine="openpyxl", header=None).values():
            numbers = frame.apply(pd.to_numeric, errors="coerce")
            total += float(numbers.sum(numeric_only=True).sum())
    print(total)


if __name__ == "__main__":
    main(sys.argv[1])
