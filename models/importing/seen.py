"""The external ids an import file's list has had so far, each with the index of its first record.

The duplicate check keeps every id of the file to its end, where the import's memory peaks:
100,000 candidates' ids took 13 MB as a dict of strings to ints (issue 18). ``SeenIds`` keeps
them as one UTF-8 byte string with their end offsets and first indices in ``array``s, found
through an open-addressing table of id numbers (linear probing, at most half full): about 30
bytes an id, and exact, as each hit is compared with the id's own bytes. Pure Python: an import
whose wordings are all exact loads no numpy.
"""
from __future__ import annotations

from array import array

_EMPTY = -1


class SeenIds:
    """Ids with the index of the record each was first seen at."""

    def __init__(self) -> None:
        self._blob = bytearray()
        self._ends = array("q")  # id number -> end of its bytes in _blob (its start: the previous end)
        self._first = array("i")  # id number -> index of its first record
        self._slots = array("i", [_EMPTY]) * 16  # hash table of id numbers

    def __len__(self) -> int:
        return len(self._ends)

    def __contains__(self, ext: str) -> bool:
        return self.first(ext) is not None

    def first(self, ext: str) -> int | None:
        """The index ``ext`` was first seen at, or None."""
        key = ext.encode("utf-8", "surrogatepass")
        number = self._slots[self._slot(key)]
        return None if number == _EMPTY else self._first[number]

    def add(self, ext: str, index: int) -> int | None:
        """Note ``ext`` at ``index`` unless it was seen before; returns the earlier index, or None."""
        key = ext.encode("utf-8", "surrogatepass")
        slot = self._slot(key)
        number = self._slots[slot]
        if number != _EMPTY:
            return self._first[number]
        self._slots[slot] = len(self._ends)
        self._blob += key
        self._ends.append(len(self._blob))
        self._first.append(index)
        if 2 * len(self._ends) > len(self._slots):
            self._grow()
        return None

    def _key(self, number: int) -> bytes:
        return bytes(self._blob[self._ends[number - 1] if number else 0:self._ends[number]])

    def _slot(self, key: bytes) -> int:
        """The slot holding ``key``'s id number, or the empty slot where it would go."""
        slots, mask = self._slots, len(self._slots) - 1
        at = hash(key) & mask
        while True:
            number = slots[at]
            if number == _EMPTY or self._key(number) == key:
                return at
            at = (at + 1) & mask

    def _grow(self) -> None:
        self._slots = array("i", [_EMPTY]) * (2 * len(self._slots))
        for number in range(len(self._ends)):
            self._slots[self._slot(self._key(number))] = number
