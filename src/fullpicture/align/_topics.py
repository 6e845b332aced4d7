"""Document similarity (tf-idf cosine) and story clustering of documents.

Used as the document-level signal of event coreference and, when enabled, as the first
blocking level (documents about different stories never share an event).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from fullpicture.align._util import STOPWORDS, words


def tfidf_vectors(texts: Mapping[str, str]) -> dict[str, dict[str, float]]:
    """Sparse unit tf-idf vectors (sublinear tf, smoothed idf) of each document."""
    bags = {
        d: Counter(w for w in words(t) if len(w) > 2 and w not in STOPWORDS and not w.isdigit())
        for d, t in texts.items()
    }
    df: Counter[str] = Counter()
    for bag in bags.values():
        df.update(bag.keys())
    n = len(bags)
    out = {}
    for d, bag in bags.items():
        v = {w: (1 + math.log(c)) * math.log((1 + n) / (1 + df[w]) + 1) for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out[d] = {w: x / norm for w, x in v.items()}
    return out


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


class PairCosines:
    """:func:`cosine` of many document pairs at once, bit for bit: each pair's products over the
    smaller vector's words (the first vector's on a tie), in its order, summed left to right
    (``np.cumsum`` adds in sequence, as ``sum`` does; the products of absent words are 0 and
    add nothing). One matrix per first document instead of a dictionary walk per pair."""

    def __init__(self, vecs: Mapping[str, Mapping[str, float]], cells: int = 1 << 21) -> None:
        self._vecs = vecs
        self._cells = cells  # the most products held at once
        self._vocab: dict[str, int] = {}
        self._arrays: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def _of(self, doc: str) -> tuple[np.ndarray, np.ndarray]:
        """A document's word ids and weights, in its vector's order."""
        got = self._arrays.get(doc)
        if got is None:
            v, vocab = self._vecs[doc], self._vocab
            ids = np.fromiter((vocab.setdefault(w, len(vocab)) for w in v), dtype=np.int64, count=len(v))
            got = self._arrays[doc] = (ids, np.fromiter(v.values(), dtype=np.float64, count=len(v)))
        return got

    def __call__(self, xs: Sequence[str], ys: Sequence[str]) -> np.ndarray:
        """``cosine(vecs[x], vecs[y])`` for each pair of ``xs`` and ``ys`` (float64)."""
        out = np.zeros(len(xs))
        by_first: dict[str, list[tuple[int, str]]] = {}
        for k, (x, y) in enumerate(zip(xs, ys, strict=True)):
            a, b = (y, x) if len(self._vecs[x]) > len(self._vecs[y]) else (x, y)
            by_first.setdefault(a, []).append((k, b))
        for a, rest in by_first.items():
            ids_a, w_a = self._of(a)
            if not len(ids_a):
                continue  # sum() of nothing: 0
            partners = [self._of(b) for _, b in rest]
            pos = np.full(len(self._vocab), -1, dtype=np.int64)
            pos[ids_a] = np.arange(len(ids_a))
            step = max(1, self._cells // len(ids_a))
            for lo in range(0, len(rest), step):
                part = partners[lo : lo + step]
                ids = np.concatenate([p[0] for p in part])
                row = np.repeat(np.arange(len(part)), [len(p[0]) for p in part])
                at = pos[ids]
                hit = at >= 0
                grid = np.zeros((len(part), len(ids_a)))
                grid[row[hit], at[hit]] = np.concatenate([p[1] for p in part])[hit]
                grid *= w_a
                out[[k for k, _ in rest[lo : lo + step]]] = np.cumsum(grid, axis=1)[:, -1]
        return out


class SimilarityRows:
    """The tf-idf cosines of one document against a fixed list of documents, a row at a time,
    in numpy (one pass over the list's non-zero weights) instead of a dictionary walk per pair."""

    def __init__(self, vecs: Mapping[str, Mapping[str, float]], ids: list[str]) -> None:
        vocab: dict[str, int] = {}
        idx: list[int] = []
        val: list[float] = []
        starts = [0]
        for d in ids:
            for w, x in vecs[d].items():
                idx.append(vocab.setdefault(w, len(vocab)))
                val.append(x)
            starts.append(len(idx))
        self.ids = ids
        self._vocab = vocab
        # a last product of 0 (the dense row's spare slot) keeps every start inside the array
        self._idx = np.asarray([*idx, len(vocab)], dtype=np.int64)
        self._val = np.asarray([*val, 0.0], dtype=np.float64)
        self._starts = np.asarray(starts[:-1], dtype=np.int64)
        self._empty = np.diff(np.asarray(starts)) == 0

    def row(self, vec: Mapping[str, float]) -> np.ndarray:
        """Cosines of ``vec`` (a sparse unit vector) with each document of ``ids``, in order."""
        dense = np.zeros(len(self._vocab) + 1)
        for w, x in vec.items():
            k = self._vocab.get(w)
            if k is not None:
                dense[k] = x
        if not self.ids:
            return np.zeros(0)
        out = np.add.reduceat(self._val * dense[self._idx], self._starts)
        out[self._empty] = 0.0  # reduceat gives an empty document its next document's first product
        return out


def cluster_documents(
    vecs: Mapping[str, Mapping[str, float]], threshold: float
) -> dict[str, int]:
    """Average-link clustering of documents; returns document -> cluster number.

    Quadratic in the number of documents given (call it per topic or per time window).
    """
    ids = sorted(vecs)
    sim = np.array([[cosine(vecs[a], vecs[b]) for b in ids] for a in ids]) if ids else np.zeros((0, 0))
    clusters = [[i] for i in range(len(ids))]
    while len(clusters) > 1:
        best, bi, bj = -1.0, -1, -1
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                s = float(sim[np.ix_(clusters[i], clusters[j])].mean())
                if s > best:
                    best, bi, bj = s, i, j
        if best < threshold:
            break
        clusters[bi] += clusters.pop(bj)
    return {ids[i]: c for c, members in enumerate(clusters) for i in members}
