"""The distinct document pairs of the story gate by radix passes, and the rules kept as masks for
the average-link loop, give what ``np.unique`` and a scoring call of the pairs give."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from fullpicture import load_settings
from fullpicture.align._eventpairs import PairScorer, _distinct_pairs
from fullpicture.align._linking import _Fetcher
from tests.test_align_linking import _corpus


@pytest.mark.parametrize("bound", [1, 2, 7, 300, 65536, 65537, 200_000, 2**31 - 1])
def test_distinct_pairs_are_those_of_np_unique(bound):
    rng = np.random.default_rng(bound)
    for trial in range(40):
        m = int(rng.integers(1, 400))
        a, b = rng.integers(0, bound, m), rng.integers(0, bound, m)
        if trial % 4 == 0:
            a, b = rng.integers(0, min(bound, 3), m), rng.integers(0, min(bound, 3), m)  # many repeats
        di, dj = np.minimum(a, b), np.maximum(a, b)
        if trial % 2:  # first documents in order, as in the sorted candidate set
            o = np.argsort(di, kind="stable")
            di, dj = di[o], dj[o]
        for by_second in (True, False):
            key = dj * bound + di if by_second else di * bound + dj
            _, first, inv = np.unique(key, return_index=True, return_inverse=True)
            got_first, got_inv = _distinct_pairs(di, dj, bound, by_second)
            assert np.array_equal(got_first, first)
            assert np.array_equal(got_inv, inv.ravel())


def test_fetched_pairs_with_every_rule_score_as_a_call_would():
    """Mentions told apart ("another strike") and verbal acts (their stricter gate) among the
    pairs: the fetcher's masks give each call's probabilities and the cut pairs it keeps."""
    cfg = {**load_settings().section("align"), "story_gate": 0.3, "story_gate_placed": 0.1,
           "story_gate_verbal": 0.5}
    feats, vec = _corpus()
    feats = [dataclasses.replace(f, extra={"distinct": k % 9 == 0},
                                 type="STATEMENT" if k % 4 == 0 else f.type) for k, f in enumerate(feats)]
    n = len(feats)
    rng = np.random.default_rng(3)
    pairs = np.unique(np.sort(rng.integers(0, n, (5000, 2)), axis=1), axis=0)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]].astype(np.int64)
    keys = (pairs[:, 0] * n + pairs[:, 1]).tolist()
    fetch_scorer, call_scorer = PairScorer(feats, cfg, vec), PairScorer(feats, cfg, vec)
    assert fetch_scorer.any_distinct and fetch_scorer.any_verbal
    fetch_scorer.cut_pairs, call_scorer.cut_pairs = [], []
    fetcher = _Fetcher(fetch_scorer, n)
    fetcher.fetch(keys)
    order = rng.permutation(len(keys))
    s = 0
    for size in (1, 3, 255, 256, 900, 7, 2000):
        rows = order[s : s + size]
        s += size
        assert fetcher.probs([keys[r] for r in rows]) == call_scorer.prob(pairs[rows]).tolist()
    assert len(fetch_scorer.cut_pairs) == len(call_scorer.cut_pairs) > 0
    for (gp, gq), (wp, wq) in zip(fetch_scorer.cut_pairs, call_scorer.cut_pairs, strict=True):
        assert np.array_equal(gp, wp) and gp.dtype == wp.dtype
        assert np.array_equal(gq, wq) and gq.dtype == wq.dtype
