"""Read-only mappings of a snapshot's .npy files, and handing a query's postings pages back.

The matrix is concept-major (a column's postings are contiguous): a query reads the postings of its
own columns only. But a vacancy's character n-grams are shared by most candidates, so its postings are
7-12% of the matrix, the kernel maps 64 KB around each page it faults in, and a few dozen vacancies
together had mapped all of it: kept mapped, every postings page read once stayed in each worker's
rss (+56-66 MB per worker from 10,000 to 100,000 candidates in bench.index_snapshot; the host's page
cache holds them once). ``release`` drops the process's page table entries of the postings
(MADV_DONTNEED): the pages stay in the page cache, the next query maps what it reads again (minor
faults, no disk read), and after a query a worker holds none of them. Another thread reading the
same mapping meanwhile maps the pages it reads again: the file's contents never change.
"""
from __future__ import annotations

import mmap
from pathlib import Path

import numpy as np

_HEADERS = {(1, 0): np.lib.format.read_array_header_1_0, (2, 0): np.lib.format.read_array_header_2_0}


def map_npy(path: Path, maps: list[mmap.mmap]) -> np.ndarray:
    """The array in ``path`` as a read-only view of the file; its mapping is appended to ``maps``."""
    with open(path, "rb") as fp:
        header = _HEADERS.get(np.lib.format.read_magic(fp))
        if header is None:  # a format version this code does not read itself: mapped, never released
            return np.load(path, mmap_mode="r")
        shape, fortran, dtype = header(fp)
        offset = fp.tell()
        if int(np.prod(shape, dtype=np.int64)) == 0 or dtype.hasobject:
            return np.load(path, allow_pickle=False)
        mapped = mmap.mmap(fp.fileno(), 0, access=mmap.ACCESS_READ)
    maps.append(mapped)
    return np.ndarray(shape, dtype=dtype, buffer=mapped, offset=offset, order="F" if fortran else "C")


def release(maps: list[mmap.mmap]) -> None:
    """Let go of the pages of ``maps`` this process touched (they stay in the page cache); a no-op
    where the system has no MADV_DONTNEED."""
    advice = getattr(mmap, "MADV_DONTNEED", None)
    if advice is None:
        return
    for mapped in maps:
        mapped.madvise(advice)
