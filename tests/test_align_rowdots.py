"""Row dot products from one matrix product (the story gate's shortcut): within the rounding
margin of the exact ones, and a gate that cuts and keeps exactly the pairs the exact values do."""

from __future__ import annotations

import numpy as np

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures, PairScorer, Vectors
from fullpicture.align._rowdots import block_rowdot, rounding_margin, rowdot


def _unit_rows(n: int, dim: int, seed: int = 0) -> np.ndarray:
    m = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_block_rowdot_is_within_the_margin_of_rowdot_in_both_layouts():
    m = _unit_rows(300, 384)
    rng = np.random.default_rng(1)
    ii = np.sort(rng.integers(0, 150, 20_000))
    jj = rng.integers(150, 300, 20_000)
    exact = rowdot(m, ii, jj)
    margin = rounding_margin(m)
    assert 0 < margin < 1e-3
    for by_second in (False, True):
        got = block_rowdot(m, ii, jj, by_second)
        assert got is not None and got.shape == exact.shape
        assert float(np.max(np.abs(got.astype(np.float64) - exact))) <= margin


def test_block_rowdot_declines_a_sparse_block_or_few_pairs():
    m = _unit_rows(3000, 8)
    few = np.arange(100)
    assert block_rowdot(m, few, few + 1, False) is None
    ii = np.arange(0, 3000, 3)[:1000].repeat(5)
    jj = (ii * 7 + 1) % 3000  # 5,000 pairs over a ~3,000 x ~1,000 block
    assert block_rowdot(m, ii, jj, False) is None


def _scorer(n_docs: int = 60, per_doc: int = 6, dim: int = 32) -> PairScorer:
    rng = np.random.default_rng(3)
    topics = rng.standard_normal((5, dim)).astype(np.float32)
    docs, feats = {}, []
    for d in range(n_docs):
        v = topics[d % 5] + 1.5 * rng.standard_normal(dim).astype(np.float32)
        docs[f"d{d}"] = v / np.linalg.norm(v)
        for k in range(per_doc):
            feats.append(MentionFeatures(doc=f"d{d}", lemma=f"w{k % 3}", type="ASSAULT",
                                         family="material_conflict", interval=(738000, 738000)))
    sent = _unit_rows(len(feats), dim, 4)
    return PairScorer(feats, dict(load_settings().section("align")), Vectors(sentence=sent, trigger=sent, document=docs))


def test_gate_with_the_block_cuts_the_pairs_the_exact_values_cut_and_keeps_their_values():
    scorer = _scorer()
    pairs = np.stack(np.triu_indices(len(scorer.feats), 1), axis=1)
    ii, jj = pairs[:, 0], pairs[:, 1]
    doc_i, doc_j = scorer.doc[ii], scorer.doc[jj]
    gate = min(scorer.story_gate, scorer.story_gate_placed)
    exact = scorer._doc_column(ii, jj, doc_i, doc_j)
    # the shortcut is taken here: the block is dense
    assert block_rowdot(scorer._doc_matrix(), np.minimum(doc_i, doc_j), np.maximum(doc_i, doc_j), False) is not None
    for by_second in (False, True):
        dead, sim = scorer._gate(pairs, by_second)
        assert dead is not None and sim is not None
        want = (doc_i != doc_j) & (exact < gate)
        assert 0 < want.sum() < len(pairs)
        assert np.array_equal(dead, want)
        assert np.array_equal(sim[~dead].view(np.int32), exact[~dead].view(np.int32))
        assert not sim[dead].any()  # a dead pair's similarity is read by nothing: 0
