"""The sampled merges of the average-link loop (two clusters with more than ``max_link`` cross
pairs): their random draws, and the known probabilities of the cross pairs of two clusters whose
sampled merge keeps failing.

A draw is ``count`` pairs of ``rng.choice(a)`` and ``rng.choice(b)``, replayed as
``random.Random`` makes them, given as positions ``ia * len(b) + ib`` (the pair's cell in the
two clusters' grid) and turned into pair keys only where a dict needs them.

Two large clusters that fail to merge are met again and again, unchanged (at 30k mentions of
the stories corpus, 13k sampled merges are retries of 1.2k pairs of clusters, 70 % of them with
every drawn pair known). From their second failure on, :class:`Grids` keeps their cross pairs'
probabilities in an array by cell: a retry reads its 400 draws from it, and the look-ahead skips a
retry whose grid is full. A grid holds what the two clusters' dicts hold for their cross pairs:
it is built from them, filled where they are, and only valid while both clusters keep their
sizes (a member list only grows, so the same root and size is the same members), the pairs of
two unchanged clusters change only in their own merges."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def draw(bits: Callable[[int], int], na: int, nb: int, count: int) -> tuple[list[int], int]:
    """``count`` cells ``ia * nb + ib`` of ``ia = rng.randrange(na)`` then ``ib =
    rng.randrange(nb)`` as ``random.Random`` draws them (``choice`` and ``randrange``: a
    rejection loop over ``bits``, its ``getrandbits``), inline (most of a retry's time), and
    the generator's words they took (one a call: the sizes are under 2**32)."""
    cells = []
    ka, kb = na.bit_length(), nb.bit_length()
    words = 2 * count
    for _ in range(count):
        r = bits(ka)
        while r >= na:
            r = bits(ka)
            words += 1
        s = bits(kb)
        while s >= nb:
            s = bits(kb)
            words += 1
        cells.append(r * nb + s)
    return cells, words


def keys(cells: list[int], a: list[int], b: list[int], n: int) -> list[int]:
    """The pair keys (``i * n + j``, ``i < j``) of the cells of ``a`` x ``b``."""
    c = np.asarray(cells, dtype=np.int64)
    x = np.asarray(a, dtype=np.int64)[c // len(b)]
    y = np.asarray(b, dtype=np.int64)[c % len(b)]
    return (np.minimum(x, y) * n + np.maximum(x, y)).tolist()


class Grid:
    """The known probabilities of the cross pairs of two clusters, by cell (float64, the
    dicts' values exactly; NaN: unknown)."""

    __slots__ = ("na", "nb", "p", "unknown")

    def __init__(self, na: int, nb: int, p: np.ndarray) -> None:
        self.na, self.nb, self.p = na, nb, p
        self.unknown = int(np.isnan(p).sum())

    def fill(self, cells: list[int], got: list[float]) -> None:
        """Set the cells (repeats allowed, as drawn: one pair, one probability) to their
        probabilities."""
        c = np.asarray(cells, dtype=np.intp)
        self.unknown -= len(np.unique(c[np.isnan(self.p[c])]))
        self.p[c] = got


class Grids:
    """The grids of the pairs of clusters (by roots, in the merge's order) whose sampled merge
    failed twice at the same sizes; at most ``max_cells`` cells a grid, ``max_total`` in all."""

    def __init__(self, n: int, max_cells: int = 1 << 16, max_total: int = 1 << 23) -> None:
        self.n, self.max_cells, self.max_total = n, max_cells, max_total
        self.grids: dict[int, Grid] = {}
        self.tried: dict[int, int] = {}  # root pair -> sizes at its last failed sampled merge
        self.cells = 0

    def get(self, ra: int, rb: int, na: int, nb: int) -> Grid | None:
        """The grid of clusters ``ra`` and ``rb`` at these sizes, if kept."""
        g = self.grids.get(ra * self.n + rb)
        return g if g is not None and g.na == na and g.nb == nb else None

    def fill(self, ra: int, rb: int, na: int, nb: int, cells: list[int], got: list[float]) -> None:
        """The cells of clusters ``ra`` x ``rb`` (sizes ``na``, ``nb``) are now known: fill
        the grid of ``ra`` x ``rb`` and the one of ``rb`` x ``ra`` (cell ``ia * nb + ib`` there
        ``ib * na + ia``), those kept."""
        g = self.get(ra, rb, na, nb)
        if g is not None:
            g.fill(cells, got)
        g = self.get(rb, ra, nb, na)
        if g is not None:
            g.fill([(c % nb) * na + c // nb for c in cells], got)

    def failed(self, ra: int, rb: int, a: list[int], b: list[int], known: dict[int, float],
               live: Callable[[int, int], bool]) -> None:
        """A sampled merge of ``a`` and ``b`` (roots ``ra``, ``rb``; ``known``: a dict that
        holds their known cross pairs) failed: on the second failure at these sizes, keep its
        grid. ``live(root, size)``: whether a cluster is still so (to drop stale grids)."""
        n, key, size = self.n, ra * self.n + rb, len(a) * self.n + len(b)
        if self.get(ra, rb, len(a), len(b)) is not None:
            return
        if self.tried.get(key) != size:
            self.tried[key] = size
            return
        cells = len(a) * len(b)
        if cells > self.max_cells:
            return
        if self.cells + cells > self.max_total:
            self.prune(live)
            if self.cells + cells > self.max_total:
                return
        old = self.grids.pop(key, None)
        if old is not None:
            self.cells -= old.na * old.nb
        x = np.repeat(np.asarray(a, dtype=np.int64), len(b))
        y = np.tile(np.asarray(b, dtype=np.int64), len(a))
        ks = (np.minimum(x, y) * n + np.maximum(x, y)).tolist()
        # None (unknown) is NaN in a float64 array
        self.grids[key] = Grid(len(a), len(b), np.array(list(map(known.get, ks)), dtype=np.float64))
        self.cells += cells

    def prune(self, live: Callable[[int, int], bool]) -> None:
        """Drop the grids and the tries of clusters that merged since."""
        n = self.n
        for key in [k for k, g in self.grids.items() if not (live(k // n, g.na) and live(k % n, g.nb))]:
            g = self.grids.pop(key)
            self.cells -= g.na * g.nb
        self.tried = {k: s for k, s in self.tried.items() if live(k // n, s // n) and live(k % n, s % n)}
