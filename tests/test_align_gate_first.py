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
