"""The floor: what reading the workbooks costs at the least in Python. Each file's sheets
(and shared strings) unzipped and tokenized with expat (every token checked, in C), no tree,
no handler, no value kept. `python floor.py FOLDER [JOBS]` prints the bytes tokenized."""

import sys
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from xml.parsers import expat


def tokenize(path: Path) -> int:
    tokenized = 0
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/sheet") or name == "xl/sharedStrings.xml":
                data = book.read(name)
                expat.ParserCreate().Parse(data, True)
                tokenized += len(data)
    return tokenized


def main(folder: str, jobs: int) -> None:
    files = sorted(Path(folder).glob("*.xlsx"))
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            print(sum(pool.map(tokenize, files, chunksize=64)))
    else:
        print(sum(tokenize(path) for path in files))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1)
