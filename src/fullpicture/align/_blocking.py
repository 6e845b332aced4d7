"""Candidate generation for event alignment: blocking, de-duplication, chunked scoring.

Kept apart from the clustering (``_events``) so that scaling work and incident logic do
not collide. Growth is near-linear: each mention joins a few blocks (type family x date
bucket, x trigger lemma, x place); blocks up to ``max_block`` are compared all-pairs, larger
ones within a sliding window of ``neighbourhood`` mentions sorted by date, narrowed in blocks
over ``window_full_block`` members so that the pairs per member stop growing with the block
(:func:`window_width`). Duplicate pairs
(a pair shares several blocks) are removed by one sort (``np.unique``'s hash path is
pathologically slow on these keys), and pairs are scored ``score_chunk_pairs`` at a time.
Block memberships are built with numpy (no dict of Python lists), blocks of one size are
expanded together, and the date filter runs inside each block on its own rows, so the
per-mention and per-pair work touches memory that stays in the CPU cache as the corpus grows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from fullpicture.align._eventpairs import MentionFeatures, PairScorer, _radix_order, value_ids
from fullpicture.align._util import gc_paused

_FILTER_SLICE = 4_000_000
_LOCALITY_BUCKETS = 1 << 16


def _sorted_unique(keys: np.ndarray) -> np.ndarray:
    """The distinct values of an int64 array, sorted (sort + neighbour comparison).

    The candidate keys come as one ascending run per block (a block's pairs in member order),
    which numpy's stable sort (timsort for int64) finds and merges: 1.5x faster than its
    quicksort on the flat corpus's 5.8M keys at 100k mentions (on shuffled keys it would be
    1.2x slower). The values, hence the result, do not depend on the sort's kind."""
    keys.sort(kind="stable")
    if len(keys) < 2:
        return keys
    keep = np.empty(len(keys), dtype=bool)
    keep[0] = True
    np.not_equal(keys[1:], keys[:-1], out=keep[1:])
    return keys[keep]


def _block_members(feats: Sequence[MentionFeatures], has: np.ndarray, lo: np.ndarray, hi: np.ndarray,
                   bucket: int, window: int, lemma_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (block, mention) membership as two arrays sorted by block, then mention.

    A mention joins the block of its family and trigger lemma; the blocks of its family and
    each date bucket its interval (widened by ``window``) touches, when the interval spans at
    most ``2 * bucket`` days; its family's block of undated mentions when it has no date; and
    the block of its family and each of its places (``has``, ``lo``, ``hi``: whether each
    mention is dated, and its interval; ``lemma_ids``: an id per trigger lemma). Block ids are
    arbitrary integers (only membership matters: the pairs are de-duplicated and sorted
    afterwards); the two-part keys (family and lemma, family and place) are combined from
    per-part integer ids with numpy rather than hashed as Python tuples."""
    n = len(feats)
    fam = value_ids([f.family for f in feats])
    n_fam = int(fam.max()) + 1 if n else 1
    # (words of one equivalence class, "buy" and "merger", share a block whatever their types)
    word = value_ids([f.word for f in feats])
    has_word = np.array([bool(f.word) for f in feats], dtype=bool)
    n_word = int(word.max()) + 1 if n else 0
    lem = np.where(has_word, word, n_word + fam * (int(lemma_ids.max()) + 1 if n else 1) + lemma_ids)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    base = 0
    idx = np.arange(n, dtype=np.int64)
    # family x trigger lemma
    rows.append(lem)
    cols.append(idx)
    base += int(lem.max()) + 1 if n else 0
    # family x date bucket (short intervals)
    short = np.flatnonzero(has & (hi - lo <= 2 * bucket))
    if len(short):
        b_lo, b_hi = (lo[short] - window) // bucket, (hi[short] + window) // bucket
        reps = (b_hi - b_lo + 1).astype(np.int64)
        who = np.repeat(short, reps)
        first = np.repeat(b_lo, reps)
        step = np.arange(len(who), dtype=np.int64) - np.repeat(np.cumsum(reps) - reps, reps)
        b = first + step
        b_min = int(b.min())
        rows.append(base + (b - b_min) * n_fam + fam[who])
        cols.append(who)
        base += (int(b.max()) - b_min + 1) * n_fam
    # family's undated mentions
    undated = np.flatnonzero(~has)
    rows.append(base + fam[undated])
    cols.append(undated)
    base += n_fam
    # family x place
    n_places = np.array([len(f.places) for f in feats], dtype=np.int64)
    if n and int(n_places.sum()):
        p_who = np.repeat(idx, n_places)
        place = value_ids([p for f in feats for p in f.places])
        rows.append(base + fam[p_who] * (int(place.max()) + 1) + place)
        cols.append(p_who)
    block = np.concatenate(rows)
    member = np.concatenate(cols)
    # each block's memberships come from one of the parts above, in ascending mention order:
    # a stable sort by block alone (16-bit radix passes, linear) gives them sorted by block,
    # then mention, as a two-key comparison sort did
    order = _radix_order([block], int(block.max()) + 1) if len(block) else np.zeros(0, dtype=np.intp)
    return block[order], member[order]


def window_width(size: int, hood: int, full: int) -> int:
    """How many following mentions (in date order) each member of a large block of ``size``
    members is paired with: ``hood`` (at most ``size - 1``), narrowed in a block larger than
    ``full`` (when ``full`` is positive) so that its pairs per member are no more than a block
    of ``full`` members gives with the whole window.

    A window of ``w`` over ``size`` members gives ``w * size - w * (w + 1) / 2`` pairs: per
    member ``w`` less an edge term that fades as the block grows (with ``hood`` 40: 30 in a
    block of 80, 39 in one of 800). Without a bound, the candidate pairs per mention keep
    growing with a corpus whose blocks grow; with it they stop at the level of a ``full``-member
    block. Blocks up to ``full`` members are windowed as before."""
    width = min(hood, size - 1)
    if full <= 0 or size <= full:
        return max(1, width)
    # pairs per member at most those of a full block: (2 w size - w (w + 1)) / (2 size)
    # <= (2 hood full - hood (hood + 1)) / (2 full), in integers
    budget = size * (2 * hood * full - hood * (hood + 1))
    while width > 1 and full * (2 * width * size - width * (width + 1)) > budget:
        width -= 1
    return max(1, width)


def candidate_pairs(feats: Sequence[MentionFeatures], cfg: dict[str, Any]) -> np.ndarray:
    """Candidate pairs ``(i, j)`` with ``i < j`` after blocking, as an ``(m, 2)`` array.

    Blocks up to ``max_block`` members give all their pairs, larger ones the pairs within
    ``neighbourhood`` places in date order (fewer in a block of over ``window_full_block``
    members: :func:`window_width`). A pair of two firmly dated mentions farther apart
    than ``date_window_days`` with different lemmas is dropped. Blocks of one size are handled
    together as one matrix, and the date filter is applied inside each block on the block's
    own rows (small, in cache) before the pairs are merged and de-duplicated."""
    with gc_paused(bool(cfg.get("gc_pause", False))):
        return _candidate_pairs(feats, cfg)


def _candidate_pairs(feats: Sequence[MentionFeatures], cfg: dict[str, Any]) -> np.ndarray:
    """:func:`candidate_pairs` (the collector paused or not)."""
    n = len(feats)
    bucket = max(1, int(cfg.get("date_bucket_days", 7)))
    window = int(cfg.get("date_window_days", 3))
    hood = max(1, int(cfg.get("neighbourhood", 40)))
    max_block = max(hood, int(cfg.get("max_block", 200)))
    full = int(cfg.get("window_full_block", 0))
    iv = [f.interval for f in feats]
    has = np.array([x is not None for x in iv], dtype=bool)
    lo_arr = np.array([x[0] if x is not None else 0 for x in iv], dtype=np.int64)
    hi_arr = np.array([x[1] if x is not None else 0 for x in iv], dtype=np.int64)
    dated = has & np.array([f.date_firm for f in feats], dtype=bool)
    lemma_ids = value_ids([f.lemma for f in feats])
    block, member = _block_members(feats, has, lo_arr, hi_arr, bucket, window, lemma_ids)
    doc_ids = value_ids([f.doc for f in feats])

    def kept(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Keys ``i * n + j`` (i < j) of the pairs (a, b) that pass the date filter."""
        gap = np.maximum(0, np.maximum(lo_arr[a], lo_arr[b]) - np.minimum(hi_arr[a], hi_arr[b]))
        keep = ~(dated[a] & dated[b]) | (gap <= window) | (lemma_ids[a] == lemma_ids[b])
        a, b = a[keep], b[keep]
        return np.minimum(a, b) * n + np.maximum(a, b)

    chunks: list[np.ndarray] = []
    if len(block):
        starts = np.flatnonzero(np.r_[True, block[1:] != block[:-1]])
        sizes = np.diff(np.r_[starts, len(block)])
        # small blocks, all pairs: every block of one size at once
        for size in np.unique(sizes[(sizes >= 2) & (sizes <= max_block)]).tolist():
            at = starts[sizes == size]
            m = member[at[:, None] + np.arange(size)]  # (blocks, size)
            iu, ju = np.triu_indices(size, 1)
            for s in range(0, len(m), max(1, _FILTER_SLICE // len(iu))):
                part = m[s : s + max(1, _FILTER_SLICE // len(iu))]
                chunks.append(kept(part[:, iu].ravel(), part[:, ju].ravel()))
        # large blocks: the next `hood` mentions in date order (fewer in a very large block)
        for at, size in zip(starts[sizes > max_block].tolist(), sizes[sizes > max_block].tolist(), strict=True):
            m = member[at : at + size]
            m = m[np.lexsort((m, doc_ids[m], lo_arr[m]))]
            width = window_width(size, hood, full)
            a = np.concatenate([m[:-k] for k in range(1, width + 1)])
            b = np.concatenate([m[k:] for k in range(1, width + 1)])
            chunks.append(kept(a, b))
    if not chunks:  # no block of two
        return np.zeros((0, 2), dtype=np.int64)
    keys_arr = np.concatenate(chunks)
    del chunks
    keys_arr = _sorted_unique(keys_arr)
    # split a slice at a time into int32 pairs when they fit: at 1M mentions the keys are
    # ~50M, and whole-array temporaries would take gigabytes
    kind = np.int32 if n < 2**31 else np.int64
    if not len(keys_arr):
        return np.zeros((0, 2), dtype=kind)
    out = [np.stack(np.divmod(keys_arr[s : s + _FILTER_SLICE], n), axis=1).astype(kind)
           for s in range(0, len(keys_arr), _FILTER_SLICE)]
    del keys_arr
    return np.concatenate(out) if len(out) > 1 else out[0]


def locality_order(scorer: PairScorer, pairs: np.ndarray) -> np.ndarray:
    """An order of ``pairs`` in which consecutive pairs touch mentions of nearby dates.

    Candidate pairs join mentions of nearby dates, but the mentions' own order (the order of
    the documents) need not follow the dates, so pairs in key order gather their vectors from
    all over memory: past the CPU cache (the vectors of 100k mentions take 154 MB) each pair
    pays for two cache misses per vector. In date order, the rows a chunk of pairs gathers
    are few and stay in the cache. Mentions are grouped in 65,536 buckets of date rank, so the
    order is linear to compute; within a bucket pairs keep their own order."""
    n = len(scorer.lo)
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(scorer.lo, kind="stable")] = np.arange(n)
    # date rank in 65,536 buckets (a few mentions each): a 16-bit key is radix-sorted in
    # linear time, where the int64 ranks took a comparison sort of all the pairs
    bucket = (rank * _LOCALITY_BUCKETS // max(1, n)).astype(np.uint16)
    key = bucket[pairs[:, 0]]
    np.minimum(key, bucket[pairs[:, 1]], out=key)
    order = np.argsort(key, kind="stable")
    return order.astype(np.int32) if len(pairs) < 2**31 else order


def scored_pairs(scorer: PairScorer, pairs: np.ndarray, threshold: float,
                 chunk: int = 1_000_000) -> tuple[np.ndarray, np.ndarray]:
    """The pairs whose probability reaches ``threshold``, and those probabilities, in
    descending order of probability (stable: ties keep the pairs' order).

    A pair's probability depends on that pair alone (:meth:`PairScorer.logistic` reduces each
    row in one fixed order), so a large set (over one chunk) is scored in parts, each once:
    the story gate of every pair first, a chunk at a time in the pairs' own order
    (:meth:`PairScorer.gate_all`, where the document rows are read from memory far less often),
    then the features, probabilities and rules of the pairs the gate leaves alive only (on a
    large corpus most candidate pairs join unrelated stories and get 0), in the date order of
    their mentions (:func:`locality_order`, over the live pairs only). The pairs the story
    gate cut and the incident join keeps (:attr:`PairScorer.cut_pairs`) are appended as one
    entry in the pairs' own order, as one call of every pair gives them."""
    chunk = max(1, chunk)
    if len(pairs) <= chunk:
        probs = scorer.prob(pairs)
        rows = np.flatnonzero(probs >= threshold)
        return _by_probability(pairs, rows, probs[rows])
    gate = scorer.gate_all(pairs, chunk)
    dead, sim = gate if gate is not None else (None, None)
    live = np.arange(len(pairs)) if dead is None else np.flatnonzero(~dead)
    if len(live) > 1:  # in date order (vectors gathered from the cache), as every large set was
        live = live[locality_order(scorer, pairs[live])]
    record = scorer.cut_pairs is not None
    kept_rows, kept_probs, cut_rows, cut_probs = [], [], [], []
    for lo in range(0, len(live), chunk):
        rows = live[lo : lo + chunk]
        part = pairs[rows]
        x = scorer.features(part, None if sim is None else sim[rows])
        p, cut, cut_p = scorer.rules_where(part, x, scorer.logistic(x), record)
        keep = p >= threshold
        kept_rows.append(rows[keep])
        kept_probs.append(p[keep])
        if cut is not None and cut_p is not None:
            cut_rows.append(rows[cut])
            cut_probs.append(cut_p)
    if dead is not None and threshold <= 0.0:  # the gate's zeros reach a threshold of 0 or less
        kept_rows.append(np.flatnonzero(dead))
        kept_probs.append(np.zeros(len(kept_rows[-1]), dtype=np.float32))
    if cut_rows:
        assert scorer.cut_pairs is not None
        c, cp = np.concatenate(cut_rows), np.concatenate(cut_probs)
        back = np.argsort(c, kind="stable")
        scorer.cut_pairs.append((pairs[c[back]], cp[back]))
    r, q = np.concatenate(kept_rows), np.concatenate(kept_probs)
    back = np.argsort(r, kind="stable")  # the pairs' own order
    return _by_probability(pairs, r[back], q[back])


def _by_probability(pairs: np.ndarray, rows: np.ndarray, probs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pairs ``pairs[rows]`` (``rows`` in the pairs' own order) and their probabilities
    ``probs``, in descending order of probability (stable)."""
    if not len(pairs):
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.float64)
    order = np.argsort(-probs, kind="stable")
    return pairs[rows[order]], probs[order]
