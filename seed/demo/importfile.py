"""The werkbrug-import/1 document, built in memory or streamed to disk record by record."""
from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import IO, Any

from seed.demo.dates import REFERENCE_DATE
from seed.demo.employers import make_employers
from seed.demo.people import iter_candidates
from seed.demo.vacancies import iter_vacancies

FORMAT = "werkbrug-import/1"


def generate_import(seed: int = 2026, candidates: int = 300, employers: int = 80, vacancies: int = 120,
                    today: date = REFERENCE_DATE) -> dict[str, Any]:
    """Return a werkbrug-import/1 document; the same arguments always give the same document."""
    if employers < 1 and vacancies > 0:
        raise ValueError("vacancies need at least one employer")
    staff = make_employers(seed, employers)
    return {
        "format": FORMAT,
        "employers": [e.record for e in staff],
        "vacancies": list(iter_vacancies(seed, vacancies, staff)),
        "candidates": list(iter_candidates(candidates, seed, today)),
    }


def _write_list(out: IO[str], name: str, records: Iterable[dict[str, Any]],
                progress: Callable[[str, int], None] | None) -> int:
    """Write `"name": [ ... ]` one record per line; return how many records were written."""
    out.write(f',\n "{name}": [')
    count = 0
    for count, record in enumerate(records, start=1):
        out.write("\n  " if count == 1 else ",\n  ")
        out.write(json.dumps(record, ensure_ascii=False))
        if progress and count % 10_000 == 0:
            progress(name, count)
    out.write("\n ]" if count else "]")
    return count


def write_import_file(path: str | os.PathLike[str], n_candidates: int, n_employers: int = 80,
                      n_vacancies: int = 120, seed: int = 2026, today: date = REFERENCE_DATE,
                      progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Stream the document generate_import(seed, ...) would return to `path`; return the record counts.

    Candidates are generated and written one at a time, so memory does not grow with n_candidates.
    `progress(list_name, count)` is called every 10,000 records.
    """
    if n_employers < 1 and n_vacancies > 0:
        raise ValueError("vacancies need at least one employer")
    staff = make_employers(seed, n_employers)
    with Path(path).open("w", encoding="utf-8") as out:
        out.write('{\n "format": ' + json.dumps(FORMAT))
        counts = {
            "employers": _write_list(out, "employers", (e.record for e in staff), progress),
            "vacancies": _write_list(out, "vacancies", iter_vacancies(seed, n_vacancies, staff), progress),
            "candidates": _write_list(out, "candidates", iter_candidates(n_candidates, seed, today), progress),
        }
        out.write("\n}\n")
    return counts
