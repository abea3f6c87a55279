"""How long matching unit names takes: the registries' indexes and thousands of names.

    python bench/matching.py

Prints, in CPU time (the best of 7 runs, every cache emptied before each run):
- for the 3,321 units of the 34 provinces as one registry: making the exact index, and
  the looser ones;
- titles as units write them ("ĐẢNG ỦY XÃ BA TƠ"), one per unit of each province, matched
  against that province's registry; the same names as row labels ("Xã Ba Tơ"); the
  same without diacritics ("DANG UY XA BA TO": the loosest key, ambiguities named).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from ctr_stats import text, units
from ctr_stats.catalogue import Registry, builtin_registries, load_registry
from ctr_stats.text import fold

RUNS = 7


def clear() -> None:
    for cached in (
        text.clean,
        text.fold,
        text.faithful,
        text.toneless,
        text._tone_on_last_vowel,
        units.read_name,
        units._levels,
        units._word,
    ):
        cached.cache_clear()


def best(work: Callable[[], object]) -> float:
    """The least CPU seconds of RUNS runs, caches emptied before each."""
    times = []
    for _ in range(RUNS):
        clear()
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    provinces = [load_registry(i.name) for i in builtin_registries() if i.name != "hanoi-2024"]
    country = Registry("vietnam-2025", tuple(u for r in provinces for u in r.units))
    n = len(country.units)

    exact_index = best(lambda: units.UnitMatcher(country)._index(0))
    all_indexes = best(lambda: [units.UnitMatcher(country)._index(level) for level in range(3)])
    print(
        f"indexes of {n:,} units: exact {exact_index * 1000:.1f} ms, all three {all_indexes * 1000:.1f} ms"
    )

    def run(names_of: Callable[[str, str], str]) -> tuple[float, int, int]:
        matchers = [(units.UnitMatcher(r), r) for r in provinces]
        for matcher, _ in matchers:  # the indexes are counted above
            for level in range(3):
                matcher._index(level)
        names = [(m, names_of(u.type, u.name)) for m, r in matchers for u in r.units]
        found = ambiguous = 0

        def match_all() -> None:
            nonlocal found, ambiguous
            found = ambiguous = 0
            for matcher, _ in matchers:
                matcher._cache.clear()
            for matcher, name in names:
                result = matcher.match(name)
                found += result.unit is not None
                ambiguous += bool(result.candidates)

        return best(match_all), found, ambiguous

    for label, names_of in (
        ("titles 'ĐẢNG ỦY XÃ BA TƠ'", lambda kind, name: f"ĐẢNG ỦY {kind} {name}".upper()),
        ("row labels 'Xã Ba Tơ'", lambda kind, name: f"{kind.capitalize()} {name}"),
        ("titles without diacritics", lambda kind, name: fold(f"ĐẢNG ỦY {kind} {name}").upper()),
    ):
        seconds, found, ambiguous = run(names_of)
        print(
            f"{n:,} {label}: {seconds * 1000:.1f} ms ({seconds / n * 1e6:.1f} µs a name);"
            f" {found:,} found, {ambiguous:,} ambiguous"
        )


if __name__ == "__main__":
    main()
