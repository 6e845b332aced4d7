"""Document cosines of many pairs at once are the pairwise ``cosine`` bit for bit (issue 14: the
dictionary walk per document pair was the largest part of a comparison's event clustering)."""

from __future__ import annotations

import random

import numpy as np

from fullpicture.align._claimpairs import dense_pairs
from fullpicture.align._topics import PairCosines, cosine, tfidf_vectors


def _texts(seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    vocab = [f"word{i}" for i in range(300)]
    texts = {f"d{i:02d}": " ".join(rng.choice(vocab) for _ in range(rng.choice([0, 3, 30, 30, 200])))
             for i in range(50)}
    texts["same-a"] = texts["same-b"] = "alpha beta gamma delta alpha"  # equal lengths, a tie
    return texts


def test_pair_cosines_equal_the_pairwise_cosine_exactly() -> None:
    vecs = tfidf_vectors(_texts(5))
    ids = sorted(vecs)
    rng = random.Random(7)
    xs = [rng.choice(ids) for _ in range(3000)] + ["same-a", "same-b", "d00"]
    ys = [rng.choice(ids) for _ in range(3000)] + ["same-b", "same-a", "d00"]
    for cells in (1 << 21, 50, 1):  # one grid per first document, or many small ones
        got = PairCosines(vecs, cells=cells)(xs, ys)
        assert got.dtype == np.float64 and len(got) == len(xs)
        assert [float(g) for g in got] == [float(cosine(vecs[x], vecs[y])) for x, y in zip(xs, ys, strict=True)]
    assert PairCosines(vecs)([], []).shape == (0,)


def test_dense_pairs_keep_the_cells_over_the_threshold_in_row_order() -> None:
    rng = np.random.default_rng(2)
    v = rng.standard_normal((300, 6)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    sides = rng.integers(0, 3, 300).tolist()
    for block in (1, 64, 1024):
        sim = np.concatenate([v[lo : lo + block] @ v.T for lo in range(0, 300, block)])  # as the blocks compute it
        want = [(i, j) for i in range(300) for j in range(i + 1, 300) if sides[i] != sides[j] and sim[i, j] >= 0.4]
        ii, jj, ss = dense_pairs(v, sides, 0.4, block)
        assert list(zip(ii.tolist(), jj.tolist(), strict=True)) == want
        assert ss.dtype == np.float32 and np.array_equal(ss, sim[ii, jj])
