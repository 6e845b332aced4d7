"""Cross-document event coreference: blocking, pair scoring, average-link clustering.

The engine works on :class:`MentionFeatures`, built from analyses (``_eventfeat``) or
from a benchmark (``eval/ecbplus.py``), so the evaluated code is the shipped code.

* Blocking: each mention joins a few blocks (type family x date bucket, x trigger lemma,
  x place). Small blocks are compared all-pairs; blocks larger than ``max_block`` are
  sorted by date and compared within a sliding window of ``neighbourhood`` mentions, so
  the number of candidate pairs grows near-linearly with the number of mentions.
* Score (``_eventpairs``): a logistic model over features (lemma identity, trigger and sentence
  similarity, document similarity, type, date compatibility, place, participants).
* Clustering: greedy average-link merging over the candidate pairs (descending score).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import Any

import numpy as np

from fullpicture.align._eventpairs import (  # noqa: F401  (re-exported: the engine's API)
    FEATURES,
    MentionFeatures,
    PairScorer,
    Vectors,
    pair_features,
    value_ids,
    weights,
)


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
    keys_arr = np.unique(np.concatenate(chunks))
    ii, jj = keys_arr // n, keys_arr % n
    gap = np.maximum(0, np.maximum(lo_arr[ii], lo_arr[jj]) - np.minimum(hi_arr[ii], hi_arr[jj]))
    keep = ~(dated[ii] & dated[jj]) | (gap <= window) | (lemma_ids[ii] == lemma_ids[jj])
    return np.stack([ii[keep], jj[keep]], axis=1)


def _ordered(i: int, j: int) -> tuple[int, int]:
    return (i, j) if i < j else (j, i)


def cluster(
    feats: Sequence[MentionFeatures],
    cfg: dict[str, Any],
    vec: Vectors | None = None,
    pairs: np.ndarray | None = None,
) -> tuple[list[int], dict[str, int]]:
    """Cluster mentions; returns (cluster label per mention, statistics)."""
    n = len(feats)
    if pairs is None:
        pairs = candidate_pairs(feats, cfg)
    scorer = PairScorer(feats, cfg, vec)
    probs = scorer.prob(pairs)
    thr = float(cfg.get("threshold", 0.5))
    max_link = int(cfg.get("max_link_pairs", 400))
    keep = probs >= thr
    known = {
        (int(i), int(j)): float(p) for (i, j), p in zip(pairs[keep].tolist(), probs[keep], strict=True)
    }
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    root_of = list(range(n))
    rng = random.Random(0)
    extra = 0
    order = np.argsort(-probs, kind="stable")
    for k in order.tolist():
        if probs[k] < thr:
            break
        ra, rb = root_of[int(pairs[k, 0])], root_of[int(pairs[k, 1])]
        if ra == rb:
            continue
        a, b = members[ra], members[rb]
        if len(a) * len(b) <= max_link:
            cross = [_ordered(x, y) for x in a for y in b]
        else:
            cross = [_ordered(rng.choice(a), rng.choice(b)) for _ in range(max_link)]
        missing = [c for c in cross if c not in known]
        if missing:
            extra += len(missing)
            # pairs never scored (outside the candidate set) or scored below threshold
            ps = scorer.prob(np.array(missing, dtype=np.int64))
            known.update(zip(missing, ps.tolist(), strict=True))
        avg = sum(known[c] for c in cross) / len(cross)
        if avg >= thr:
            if len(a) < len(b):
                ra, rb, a, b = rb, ra, b, a
            a.extend(b)
            for x in b:
                root_of[x] = ra
            del members[rb]
    roots: dict[int, int] = {}
    labels = [roots.setdefault(root_of[i], len(roots)) for i in range(n)]
    stats = {"mentions": n, "candidate_pairs": int(len(pairs)), "extra_pairs": extra}
    return labels, stats


def sigmoid(x: float) -> float:
    """The logistic function."""
    return 1.0 / (1.0 + math.exp(-x))
