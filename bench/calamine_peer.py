"""The 20-line script a good engineer writes for the city totals: python-calamine, on each
sheet the header row (STT) and the total row (Tổng cộng), the total row's numbers summed by
sheet, heading and measure. No safety check, no finding, no unit. `python calamine_peer.py
FOLDER [JOBS]` prints the totals as JSON: {"sheet|heading|measure": total}."""

import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from python_calamine import CalamineWorkbook


def totals(path: Path) -> dict[str, float]:
    found: dict[str, float] = {}
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python()
        head = next(i for i, row in enumerate(rows) if row and row[0] == "STT")
        total = next(i for i, row in enumerate(rows) if row and row[0] == "Tổng cộng")
        heading = ""
        for column, value in enumerate(rows[total]):
            heading = rows[head][column] or heading  # a heading merged over its measures
            measure = rows[head + 1][column]
            if isinstance(value, (int, float)) and measure:
                key = f"{name}|{heading}|{measure}"
                found[key] = found.get(key, 0) + value
    return found


def main(folder: str, jobs: int) -> None:
    files = sorted(Path(folder).glob("*.xlsx"))
    city: dict[str, float] = {}
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            parts = list(pool.map(totals, files, chunksize=64))
    else:
        parts = [totals(path) for path in files]
    for part in parts:
        for key, value in part.items():
            city[key] = city.get(key, 0) + value
    print(json.dumps(city, ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1)
