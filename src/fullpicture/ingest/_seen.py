"""The document ids a reading pass has already yielded, in 16 bytes each.

A Python ``set`` of 16-byte digests costs about 75 bytes a document (a bytes object and
its slot), 7.5 MB at 100,000 documents. Here the first 16 bytes of each sha256 id are two
unsigned 64-bit numbers in two arrays sorted by the first; the newest ids wait in a small
set and are merged in when it fills (``[ingest] seen_buffer``), so memory is 16 bytes a
document plus the buffer, and a merge copies the arrays once. Ids that are not sha256 hex
(none of the built-in readers makes one) are kept whole in a set of their own.
"""

from __future__ import annotations

from typing import Any


def _halves(doc_id: str) -> tuple[int, int] | None:
    """The first 16 bytes of a sha256 hex id as two numbers, or None for any other id."""
    if len(doc_id) != 64:
        return None
    try:
        return int(doc_id[:16], 16), int(doc_id[16:32], 16)
    except ValueError:
        return None


class SeenIds:
    """A set of document ids with one operation, :meth:`add` (True when the id is new)."""

    def __init__(self, buffer: int = 4096) -> None:
        self._buffer = max(1, buffer)
        self._recent: set[tuple[int, int]] = set()
        self._other: set[str] = set()
        self._hi: Any = None  # numpy uint64 arrays, sorted by _hi (ties: any order of _lo)
        self._lo: Any = None

    def __len__(self) -> int:
        return len(self._recent) + len(self._other) + (0 if self._hi is None else len(self._hi))

    def add(self, doc_id: str) -> bool:
        """Remember ``doc_id``; False if it was remembered already."""
        key = _halves(doc_id)
        if key is None:
            if doc_id in self._other:
                return False
            self._other.add(doc_id)
            return True
        if key in self._recent or self._merged(key):
            return False
        self._recent.add(key)
        if len(self._recent) >= self._buffer:
            self._merge()
        return True

    def _merged(self, key: tuple[int, int]) -> bool:
        if self._hi is None:
            return False
        import numpy as np

        hi, lo = np.uint64(key[0]), key[1]
        i = int(np.searchsorted(self._hi, hi))
        while i < len(self._hi) and self._hi[i] == hi:  # a run of equal first halves: look at each
            if int(self._lo[i]) == lo:
                return True
            i += 1
        return False

    def _merge(self) -> None:
        """The buffered ids into the sorted arrays (each array copied once, one at a time)."""
        import numpy as np

        keys = sorted(self._recent)
        hi = np.array([k[0] for k in keys], dtype=np.uint64)
        lo = np.array([k[1] for k in keys], dtype=np.uint64)
        if self._hi is None:
            self._hi, self._lo = hi, lo
        else:
            at = np.searchsorted(self._hi, hi)  # positions in the old array; equal ones keep their order
            self._hi = np.insert(self._hi, at, hi)
            self._lo = np.insert(self._lo, at, lo)
        self._recent.clear()
