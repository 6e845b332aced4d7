"""Coded feature columns of the attribution tagger: a slot's values as distinct names and
each token's index among them, so that the scorer looks each distinct value up once and
gathers the weight rows with numpy (:meth:`._crfscore.ScoreTagger.block_scores`).

A :class:`Column` may hold only some tokens (``rows``): a feature few tokens have (a flag, a
cue class) is added to those tokens' scores alone. Adding a zero weight row leaves a score
as it was, so a token's sum is the same whether its absent features are skipped or added as
zeros, and the sums stay those of each token's list of strings, bit for bit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import overload

import numpy as np

__all__ = ["Column", "code", "derive", "flag", "shifted", "sparse"]


def code(values: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """The distinct values (first seen first) and each value's index among them."""
    names = list(dict.fromkeys(values))
    at = dict(zip(names, range(len(names)), strict=True))
    return names, np.fromiter(map(at.__getitem__, values), np.intp, len(values))


def derive(names: Sequence[str], codes: np.ndarray, fn: Callable[[str], str | None]) -> Column:
    """The column of ``fn`` of each value of a coded column (none where ``fn`` gives None)."""
    values = [fn(v) for v in names]
    out = list(dict.fromkeys(v for v in values if v is not None))
    at = dict(zip(out, range(len(out)), strict=True))
    remap = np.array([at[v] if v is not None else -1 for v in values] + [-1], dtype=np.intp)
    return Column(out, remap[codes])


def sparse(n: int, rows: Sequence[int], values: Sequence[str]) -> Column:
    """A column of ``n`` tokens where token ``rows[j]`` has ``values[j]`` and the others none."""
    return Column(values, np.arange(len(values), dtype=np.intp), np.asarray(rows, dtype=np.intp), n)


def shifted(names: Sequence[str], codes: np.ndarray, k: int) -> Column:
    """The column whose token i has the value of token i + k (none where that is outside)."""
    n = len(codes)
    lo, hi = max(0, -k), min(n, n - k)
    out = np.full(n, -1, dtype=np.intp)
    if hi > lo:
        out[lo:hi] = codes[lo + k : hi + k]
    return Column(names, out)


def flag(mask: np.ndarray) -> Column:
    """A column whose value is "" (the feature is its prefix alone) where ``mask`` is true."""
    rows = np.flatnonzero(mask)
    return Column(("",), np.zeros(len(rows), dtype=np.intp), rows, len(mask))


class Column(Sequence[str | None]):
    """Each token's value of a slot, coded: token ``rows[j]`` (token ``j`` when ``rows`` is
    None) has ``names[codes[j]]``, or None where that code is -1; tokens outside ``rows``
    have None. ``rows`` holds no token twice."""

    __slots__ = ("codes", "n", "names", "rows")

    def __init__(self, names: Sequence[str], codes: np.ndarray, rows: np.ndarray | None = None,
                 n: int | None = None) -> None:
        self.names = names
        self.codes = codes
        self.rows = rows
        self.n = len(codes) if n is None else n

    def as_list(self) -> list[str | None]:
        """The value of every token, None where it has none."""
        names: list[str | None] = [*self.names, None]  # code -1: None
        coded = list(map(names.__getitem__, self.codes.tolist()))
        if self.rows is None:
            return coded
        out: list[str | None] = [None] * self.n
        for r, v in zip(self.rows.tolist(), coded, strict=True):
            out[r] = v
        return out

    def __len__(self) -> int:
        return self.n

    @overload
    def __getitem__(self, i: int) -> str | None: ...

    @overload
    def __getitem__(self, i: slice) -> list[str | None]: ...

    def __getitem__(self, i: int | slice) -> str | None | list[str | None]:
        return self.as_list()[i]

    def __iter__(self) -> Iterator[str | None]:
        return iter(self.as_list())
