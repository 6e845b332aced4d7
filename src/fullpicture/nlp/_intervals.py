"""Character spans indexed by start, so that a look-up near one place of a long document
costs the spans near it, not a scan of all of them (which made whole-document passes
quadratic in the length of the text)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


class Intervals:
    """Spans ``(start, end)`` sorted by start, with the length of the longest."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.order = sorted(range(len(spans)), key=lambda k: spans[k][0])
        self.starts = [spans[k][0] for k in self.order]
        self.longest = max((e - s for s, e in spans), default=0)

    def near(self, lo: int, hi: int) -> list[int]:
        """Indices, in input order, of the spans that start in ``[lo - longest, hi]``: a
        superset of those that overlap or lie inside ``[lo, hi]`` (end >= lo, start <= hi)."""
        i = bisect_left(self.starts, lo - self.longest)
        j = bisect_right(self.starts, hi)
        window = self.order[i:j]
        window.sort()
        return window


_CACHE: dict[tuple[int, Any], tuple[Sequence[Any], int, Intervals]] = {}


def index_of(items: Sequence[T], bounds: Callable[[T], tuple[int, int]]) -> Intervals:
    """The :class:`Intervals` of ``items`` by ``bounds``, built once while the same
    (unchanged) sequence is asked about again. The cache holds the sequence itself, so its
    identity is not reused."""
    key = (id(items), bounds)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is items and hit[1] == len(items):
        return hit[2]
    if len(_CACHE) >= 16:
        _CACHE.clear()
    index = Intervals([bounds(x) for x in items])
    _CACHE[key] = (items, len(items), index)
    return index


def pair(span: tuple[int, int]) -> tuple[int, int]:
    """Bounds of a ``(start, end)`` tuple."""
    return span


def start_end(item: Any) -> tuple[int, int]:
    """Bounds of an object with ``start`` and ``end``."""
    return item.start, item.end
