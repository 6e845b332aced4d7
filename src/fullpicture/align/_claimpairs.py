"""Candidate claim pairs for cross-side matching, without an n x n matrix or loop.

Two claims are compared only when they come from different sides and either their
similarity reaches the contradiction threshold or they report one aligned event. The
similar pairs are found

* with embeddings: by multiplying blocks of ``block`` rows of the unit vectors with all
  vectors (memory ``block x n``, never ``n x n``), keeping the cells over the threshold;
* without: through an inverted index of content words (only claims sharing a word can
  have a Jaccard similarity above zero).

The pairs come back sorted, so callers see them in the order of the former all-pairs
loop and produce the same groups.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from fullpicture.align._util import content_words


def dense_pairs(vectors: np.ndarray, sides: Sequence[int], threshold: float,
                block: int = 1024) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cross-side pairs ``i < j`` whose cosine is at least ``threshold``: (i, j, similarity)."""
    n = len(vectors)
    side = np.asarray(sides, dtype=np.int64)
    out_i, out_j, out_s = [], [], []
    for lo in range(0, n, block):
        hi = min(n, lo + block)
        sim = vectors[lo:hi] @ vectors.T
        # the cells over the threshold first (few), then the order and side tests on them only
        r, c = np.nonzero(sim >= threshold)
        keep = (c > r + lo) & (side[c] != side[r + lo])
        r, c = r[keep], c[keep]
        out_i.append(r + lo)
        out_j.append(c)
        out_s.append(sim[r, c])
    if not out_i:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
    return np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_s).astype(np.float32)


def lexical_pairs(texts: Sequence[str], sides: Sequence[int], threshold: float) -> dict[tuple[int, int], np.float32]:
    """Cross-side pairs ``i < j`` whose content-word Jaccard is at least ``threshold``
    (and above zero), with that similarity."""
    bags = [content_words(t) for t in texts]
    postings: dict[str, list[int]] = {}
    for k, bag in enumerate(bags):
        for w in bag:
            postings.setdefault(w, []).append(k)
    out: dict[tuple[int, int], np.float32] = {}
    for i, bag in enumerate(bags):
        inter: dict[int, int] = {}
        for w in bag:
            for j in postings[w]:
                if j > i and sides[j] != sides[i]:
                    inter[j] = inter.get(j, 0) + 1
        for j, k in inter.items():
            s = np.float32(k / len(bag | bags[j]))
            if s >= threshold:
                out[(i, j)] = s
    return out


def lexical_similarity(a: str, b: str) -> np.float32:
    """Content-word Jaccard of two texts (0 when both are empty)."""
    ba, bb = content_words(a), content_words(b)
    union = len(ba | bb)
    return np.float32(len(ba & bb) / union if union else 0.0)


def shared_event_pairs(groups: Iterable[Sequence[int]], sides: Sequence[int]) -> set[tuple[int, int]]:
    """Cross-side pairs ``i < j`` of claims listed together in one group (one aligned event)."""
    out: set[tuple[int, int]] = set()
    for g in groups:
        ks = sorted(set(g))
        for x, i in enumerate(ks):
            for j in ks[x + 1:]:
                if sides[i] != sides[j]:
                    out.add((i, j))
    return out
