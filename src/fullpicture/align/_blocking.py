"""Candidate generation for event alignment: blocking, de-duplication, chunked scoring.

Kept apart from the clustering (``_events``) so that scaling work and incident logic do
not collide. Growth is near-linear: each mention joins a few blocks (type family x date
bucket, x trigger lemma, x place); blocks up to ``max_block`` are compared all-pairs, larger
ones within a sliding window of ``neighbourhood`` mentions sorted by date. Duplicate pairs
(a pair shares several blocks) are removed by one sort (``np.unique``'s hash path is
pathologically slow on these keys), and pairs are scored ``score_chunk_pairs`` at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from fullpicture.align._eventpairs import MentionFeatures, PairScorer, value_ids

_FILTER_SLICE = 4_000_000


def _sorted_unique(keys: np.ndarray) -> np.ndarray:
    """The distinct values of an int64 array, sorted (sort + neighbour comparison)."""
    keys.sort(kind="stable" if len(keys) < 2 else "quicksort")
    if len(keys) < 2:
        return keys
    keep = np.empty(len(keys), dtype=bool)
    keep[0] = True
    np.not_equal(keys[1:], keys[:-1], out=keep[1:])
    return keys[keep]


def candidate_pairs(feats: Sequence[MentionFeatures], cfg: dict[str, Any]) -> np.ndarray:
    """Candidate pairs ``(i, j)`` with ``i < j`` after blocking, as an ``(m, 2)`` array."""
    n = len(feats)
    bucket = max(1, int(cfg.get("date_bucket_days", 7)))
    window = int(cfg.get("date_window_days", 3))
    hood = max(1, int(cfg.get("neighbourhood", 40)))
    max_block = max(hood, int(cfg.get("max_block", 200)))
    blocks: dict[tuple, list[int]] = {}
    for i, f in enumerate(feats):
        keys: set[tuple] = {(f.family, "l", f.lemma)}
        if f.interval is not None and f.interval[1] - f.interval[0] <= 2 * bucket:
            lo, hi = (f.interval[0] - window) // bucket, (f.interval[1] + window) // bucket
            keys.update((f.family, "d", b) for b in range(lo, hi + 1))
        elif f.interval is None:
            keys.add((f.family, "u"))
        keys.update((f.family, "p", p) for p in f.places)
        for k in keys:
            blocks.setdefault(k, []).append(i)
    lo_arr = np.array([f.interval[0] if f.interval else 0 for f in feats], dtype=np.int64)
    hi_arr = np.array([f.interval[1] if f.interval else 0 for f in feats], dtype=np.int64)
    dated = np.array([f.interval is not None and f.date_firm for f in feats], dtype=bool)
    doc_ids = value_ids([f.doc for f in feats])
    lemma_ids = value_ids([f.lemma for f in feats])
    tri: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    chunks: list[np.ndarray] = []
    for members in blocks.values():
        if len(members) < 2:
            continue
        m = np.array(members, dtype=np.int64)
        if len(m) <= max_block:
            if len(m) not in tri:
                tri[len(m)] = np.triu_indices(len(m), 1)
            iu, ju = tri[len(m)]
            a, b = m[iu], m[ju]
        else:
            m = m[np.lexsort((m, doc_ids[m], lo_arr[m]))]
            a = np.concatenate([m[:-k] for k in range(1, min(hood, len(m) - 1) + 1)])
            b = np.concatenate([m[k:] for k in range(1, min(hood, len(m) - 1) + 1)])
        chunks.append(np.minimum(a, b) * n + np.maximum(a, b))
    if not chunks:
        return np.zeros((0, 2), dtype=np.int64)
    keys_arr = np.concatenate(chunks)
    del chunks
    keys_arr = _sorted_unique(keys_arr)
    # filtered a slice at a time into int32 pairs when they fit: at 1M mentions the keys are
    # ~60M, and whole-array temporaries (ii, jj, gaps...) would take gigabytes
    kind = np.int32 if n < 2**31 else np.int64
    out: list[np.ndarray] = []
    for s in range(0, len(keys_arr), _FILTER_SLICE):
        part = keys_arr[s : s + _FILTER_SLICE]
        ii, jj = part // n, part % n
        gap = np.maximum(0, np.maximum(lo_arr[ii], lo_arr[jj]) - np.minimum(hi_arr[ii], hi_arr[jj]))
        keep = ~(dated[ii] & dated[jj]) | (gap <= window) | (lemma_ids[ii] == lemma_ids[jj])
        out.append(np.stack([ii[keep], jj[keep]], axis=1).astype(kind))
    del keys_arr
    return np.concatenate(out) if len(out) > 1 else out[0]


def locality_order(scorer: PairScorer, pairs: np.ndarray) -> np.ndarray:
    """An order of ``pairs`` in which consecutive pairs touch mentions of nearby dates.

    Candidate pairs join mentions of nearby dates, but the mentions' own order (the order of
    the documents) need not follow the dates, so pairs in key order gather their vectors from
    all over memory: past the CPU cache (the vectors of 100k mentions take 154 MB) each pair
    pays for two cache misses per vector. In date order, the rows a chunk of pairs gathers
    are few and stay in the cache."""
    rank = np.empty(len(scorer.lo), dtype=np.int64)
    rank[np.argsort(scorer.lo, kind="stable")] = np.arange(len(scorer.lo))
    key = rank[pairs[:, 0]]
    np.minimum(key, rank[pairs[:, 1]], out=key)
    order = np.argsort(key, kind="stable")
    return order.astype(np.int32) if len(pairs) < 2**31 else order


def scored_pairs(scorer: PairScorer, pairs: np.ndarray, threshold: float,
                 chunk: int = 1_000_000) -> tuple[np.ndarray, np.ndarray]:
    """The pairs whose probability reaches ``threshold``, and those probabilities, in
    descending order of probability (stable: ties keep the pairs' order).

    Large sets (over one chunk) are scored in date order (:func:`locality_order`) and put
    back in their own order, so the result is the same as scoring them in order."""
    chunk = max(1, chunk)
    order = locality_order(scorer, pairs) if len(pairs) > chunk else None
    kept_rows, kept_probs = [], []
    for lo in range(0, len(pairs), chunk):
        rows = order[lo:lo + chunk] if order is not None else np.arange(lo, min(lo + chunk, len(pairs)))
        probs = scorer.prob(pairs[rows])
        keep = probs >= threshold
        kept_rows.append(rows[keep])
        kept_probs.append(probs[keep])
    del order
    if not kept_rows:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.float64)
    r, q = np.concatenate(kept_rows), np.concatenate(kept_probs)
    back = np.argsort(r, kind="stable")  # the pairs' own order
    p, q = pairs[r[back]], q[back]
    order2 = np.argsort(-q, kind="stable")
    return p[order2], q[order2]
