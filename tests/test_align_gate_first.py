"""The story gate applied before the pair features gives the probabilities of scoring every pair."""

from __future__ import annotations

import numpy as np

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures, PairScorer, Vectors


def _corpus(n_docs: int = 40, per_doc: int = 8, dim: int = 16, seed: int = 0):
    rng = np.random.default_rng(seed)
    feats, docs = [], {}
    stories = rng.standard_normal((6, dim)).astype(np.float32)
    for d in range(n_docs):
        v = stories[d % 6] + 0.9 * rng.standard_normal(dim).astype(np.float32)
        docs[f"d{d}"] = v / np.linalg.norm(v)
        for k in range(per_doc):
            day = 738000 + int(rng.integers(0, 5))
            feats.append(MentionFeatures(
                doc=f"d{d}", lemma=f"l{int(rng.integers(0, 4))}", type="ASSAULT", family="material_conflict",
                interval=(day, day), places=frozenset({f"p{int(rng.integers(0, 3))}"}),
                participants=frozenset({f"a{int(rng.integers(0, 5))}"}), sentence=f"s{k}"))
    n = len(feats)
    sent = rng.standard_normal((n, dim)).astype(np.float32)
    trig = rng.standard_normal((n, dim)).astype(np.float32)
    sent /= np.linalg.norm(sent, axis=1, keepdims=True)
    trig /= np.linalg.norm(trig, axis=1, keepdims=True)
    return feats, Vectors(sentence=sent, trigger=trig, document=docs)


def test_gate_first_probabilities_are_those_of_scoring_every_pair():
    cfg = dict(load_settings().section("align"))
    feats, vec = _corpus()
    n = len(feats)
    ii, jj = np.triu_indices(n, 1)
    pairs = np.stack([ii, jj], axis=1)
    scorer = PairScorer(feats, cfg, vec)
    dead = scorer.gated(pairs)
    assert dead is not None and 0 < dead.sum() < len(pairs)  # both kinds of pairs are present
    got, want = scorer.prob(pairs), scorer._prob(pairs)
    assert got.dtype == want.dtype
    assert np.array_equal(got, want)
    assert not got[dead].any()


def test_no_gate_no_shortcut():
    cfg = {**load_settings().section("align"), "story_gate": 0.0}
    feats, vec = _corpus(n_docs=10)
    pairs = np.stack(np.triu_indices(len(feats), 1), axis=1)
    scorer = PairScorer(feats, cfg, vec)
    assert scorer.gated(pairs) is None
    assert np.array_equal(scorer.prob(pairs), scorer._prob(pairs))


def test_chunked_scoring_in_date_order_equals_one_chunk():
    """Pairs scored in small chunks (in date-bucket order) keep the same pairs and
    probabilities as one chunk, and the pairs the story gate cut come in the pairs' own
    order either way."""
    from fullpicture.align._blocking import scored_pairs

    cfg = {**load_settings().section("align"), "story_gate_placed": 0.0}
    feats, vec = _corpus()
    pairs = np.stack(np.triu_indices(len(feats), 1), axis=1)
    results = []
    for chunk in (len(pairs), 997):
        scorer = PairScorer(feats, cfg, vec)
        scorer.cut_pairs = []
        p, q = scored_pairs(scorer, pairs, scorer.thr, chunk=chunk)
        results.append((p, q, scorer.cut_pairs))
    (p1, q1, c1), (p2, q2, c2) = results
    assert np.array_equal(p1, p2) and np.array_equal(q1, q2)
    assert len(c1) == len(c2) == 1
    assert np.array_equal(c1[0][0], c2[0][0]) and np.array_equal(c1[0][1], c2[0][1])
    assert len(c1[0][0]) > 0  # the gate cut some pairs above the threshold


def test_prob_reuses_gate_similarities():
    """prob() hands the gate's document similarities to the features of the live pairs: the
    features equal those computed from scratch."""
    cfg = dict(load_settings().section("align"))
    feats, vec = _corpus()
    pairs = np.stack(np.triu_indices(len(feats), 1), axis=1)
    scorer = PairScorer(feats, cfg, vec)
    dead, sim = scorer._gate(pairs)
    assert dead is not None and sim is not None
    live = pairs[~dead]
    assert np.array_equal(scorer.features(live, sim[~dead]), scorer.features(live))


def test_gate_computed_beforehand_in_pair_order_is_the_gate_of_any_chunk():
    """gate_all (the story gate of every pair, a step at a time in the pairs' own order, document
    pairs taken by their second document) gives each pair the verdict and similarity the gate
    gives it in any chunk, and prob() with that gate gives the probabilities, dtype and cut
    pairs of prob() computing it, also for a chunk under the gate-first size."""
    cfg = dict(load_settings().section("align"))
    feats, vec = _corpus()
    pairs = np.stack(np.triu_indices(len(feats), 1), axis=1)
    scorer = PairScorer(feats, cfg, vec)
    dead_ref, sim_ref = scorer._gate(pairs)
    assert dead_ref is not None and sim_ref is not None
    for step in (len(pairs), 1000, 37):
        got = scorer.gate_all(pairs, step)
        assert got is not None
        assert np.array_equal(got[0], dead_ref) and np.array_equal(got[1], sim_ref)
    dead, sim = scorer.gate_all(pairs, 500)
    rng = np.random.default_rng(1)
    for size in (len(pairs) // 3, 300, 255, 40):
        rows = np.sort(rng.choice(len(pairs), size, replace=False))
        ref, pre = PairScorer(feats, cfg, vec), PairScorer(feats, cfg, vec)
        ref.cut_pairs, pre.cut_pairs = [], []
        want = ref.prob(pairs[rows])
        got = pre.prob(pairs[rows], (dead[rows], lambda at, rows=rows: sim[rows[at]]))
        assert got.dtype == want.dtype and np.array_equal(got, want)
        assert len(pre.cut_pairs) == len(ref.cut_pairs)
        for (a, b), (c, d) in zip(pre.cut_pairs, ref.cut_pairs, strict=True):
            assert np.array_equal(a, c) and np.array_equal(b, d)


def test_gate_all_without_gate():
    cfg = {**load_settings().section("align"), "story_gate": 0.0}
    feats, vec = _corpus(n_docs=10)
    pairs = np.stack(np.triu_indices(len(feats), 1), axis=1)
    assert PairScorer(feats, cfg, vec).gate_all(pairs, 100) is None


def test_a_pairs_probability_does_not_depend_on_the_pairs_scored_with_it():
    """Each pair's model probability is that of the pair alone: scoring it in a one-row call, in
    a short call or among thousands of pairs gives the same bits (a BLAS product does not)."""
    cfg = dict(load_settings().section("align"))
    feats, vec = _corpus()
    pairs = np.stack(np.triu_indices(len(feats), 1), axis=1)
    scorer = PairScorer(feats, cfg, vec)
    x = scorer.features(pairs, None)
    whole = scorer.logistic(x)
    rng = np.random.default_rng(3)
    for k in rng.integers(0, len(pairs) - 8, 300).tolist():
        assert scorer.logistic(np.ascontiguousarray(x[k : k + 1]))[0] == whole[k]
        assert scorer.logistic(x[k : k + 7].copy())[0] == whole[k]


def test_scored_pairs_in_any_chunking_are_those_of_one_chunk():
    """Scored in chunks (the story gate of every pair first, then the live pairs only, in date
    order), the kept pairs, their probabilities and the pairs the story gate cut for the
    incident join (one entry, in the pairs' own order) are those of one chunk, whatever the
    chunk size, also when only some chunks cut pairs, and with a threshold of 0 (the gate's
    zeros kept)."""
    from fullpicture.align._blocking import scored_pairs

    feats, vec = _corpus()
    pairs = np.stack(np.triu_indices(len(feats), 1), axis=1)
    for thr in (None, 0.0):
        cfg = dict(load_settings().section("align"))
        if thr is not None:
            cfg["threshold"] = thr
        want = None
        for chunk in (len(pairs), len(pairs) - 1, 20_000, 5_000, 997, 251, 37):
            scorer = PairScorer(feats, cfg, vec)
            scorer.cut_pairs = []
            p, q = scored_pairs(scorer, pairs, scorer.thr, chunk=chunk)
            got = (p, q, scorer.cut_pairs)
            if want is None:
                want = got
                assert len(want[2]) == 1 and len(want[2][0][0]) > 0  # the gate cut pairs
                continue
            assert got[0].dtype == want[0].dtype and np.array_equal(got[0], want[0])
            assert got[1].dtype == want[1].dtype and np.array_equal(got[1], want[1])
            assert len(got[2]) == 1
            assert np.array_equal(got[2][0][0], want[2][0][0]) and got[2][0][0].dtype == want[2][0][0].dtype
            assert np.array_equal(got[2][0][1], want[2][0][1]) and got[2][0][1].dtype == want[2][0][1].dtype
