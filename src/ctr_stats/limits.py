"""How much of a file the tool reads before it refuses it (`--max-cells` and the others).

Apart from the readers so that the CLI's option defaults are these very numbers without
importing the readers at start-up."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Sized well above real workbooks (a district's form: a few hundred cells, 30 KB)."""

    max_cells: int = 2_000_000  # a sheet's used area, rows x columns
    max_megabytes: int = 500  # a workbook's parts uncompressed, or a text file
    max_ratio: int = 200  # compression ratio of one part larger than 1 MB (real: 5-10)
    max_parts: int = 10_000
    max_merges: int = 100_000


DEFAULT_LIMITS = Limits()
