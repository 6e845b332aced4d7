"""Blocked claim candidates equal the all-pairs reference they replace."""

from __future__ import annotations

import random

import numpy as np

from fullpicture.align._claimpairs import (
    dense_pairs,
    lexical_pairs,
    lexical_similarity,
    shared_event_pairs,
)

WORDS = ["army", "shelled", "village", "killed", "civilians", "ministry", "denied", "attack", "convoy", "border", "troops", "withdrew"]


def _texts(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randrange(0, 7))) for _ in range(n)]


def test_dense_pairs_match_the_full_matrix_in_blocks() -> None:
    rng = np.random.default_rng(0)
    v = rng.normal(size=(97, 16)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    sides = [int(x) for x in rng.integers(0, 3, size=97)]
    full = v @ v.T
    want = {(i, j) for i in range(97) for j in range(i + 1, 97) if sides[i] != sides[j] and full[i, j] >= 0.2}
    ii, jj, ss = dense_pairs(v, sides, 0.2, block=10)  # many blocks
    assert set(zip(ii.tolist(), jj.tolist(), strict=True)) == want
    assert np.allclose(ss, full[ii, jj], atol=1e-6)


def test_lexical_pairs_match_brute_force_jaccard() -> None:
    texts = _texts(80)
    sides = [k % 3 for k in range(80)]
    want = {}
    for i in range(80):
        for j in range(i + 1, 80):
            s = lexical_similarity(texts[i], texts[j])
            if sides[i] != sides[j] and s >= 0.3 and s > 0:
                want[(i, j)] = s
    assert lexical_pairs(texts, sides, 0.3) == want


def test_shared_event_pairs_are_cross_side_only() -> None:
    assert shared_event_pairs([[0, 1, 2], [2, 3]], [0, 0, 1, 1]) == {(0, 2), (1, 2)}
