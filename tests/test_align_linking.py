"""Average-link merging with the pairs it needs scored ahead in batches gives what scoring each
merge's pairs on its own gives: labels, pairs scored, and the pairs the story gate cut."""

from __future__ import annotations

import random

import numpy as np
import pytest

from fullpicture import load_settings
from fullpicture.align._blocking import candidate_pairs, scored_pairs
from fullpicture.align._eventpairs import MentionFeatures, PairScorer, Vectors
from fullpicture.align._linking import average_link


def _corpus(n_events: int = 60, n_docs: int = 50, dim: int = 16, seed: int = 1):
    """Events told by several documents (so clusters of many mentions form), documents of two
    stories apiece, vectors near their event's direction."""
    rng = np.random.default_rng(seed)
    ev_dir = rng.standard_normal((n_events, dim)).astype(np.float32)
    ev_day = 738000 + rng.integers(0, 20, n_events)
    ev_place = rng.integers(0, 8, n_events)
    feats, gold, docs = [], [], {}
    for d in range(n_docs):
        evs = rng.choice(n_events, 3, replace=False)
        v = ev_dir[evs].sum(axis=0) + rng.standard_normal(dim).astype(np.float32)
        docs[f"d{d}"] = v / np.linalg.norm(v)
        for k in range(int(rng.integers(6, 14))):
            e = int(evs[int(rng.integers(0, 3))])
            day = int(ev_day[e])
            feats.append(MentionFeatures(
                doc=f"d{d}", lemma=f"l{e % 7}", type="ASSAULT", family="material_conflict",
                interval=(day, day) if k % 5 else None, places=frozenset({f"p{ev_place[e]}"}),
                participants=frozenset({f"a{e % 11}"}), sentence=f"s{k}"))
            gold.append(e)
    g = np.array(gold)
    sent = ev_dir[g] + 0.7 * rng.standard_normal((len(g), dim)).astype(np.float32)
    trig = ev_dir[g] + 0.5 * rng.standard_normal((len(g), dim)).astype(np.float32)
    sent /= np.linalg.norm(sent, axis=1, keepdims=True)
    trig /= np.linalg.norm(trig, axis=1, keepdims=True)
    return feats, Vectors(sentence=sent, trigger=trig, document=docs)


def _reference(scorer: PairScorer, n: int, pairs: np.ndarray, probs: np.ndarray, thr: float,
               max_link: int, doc: list[int] | None = None, own: bool = True) -> tuple[list[int], int]:
    """The merging restated plainly: each merge scores the pairs it misses on its own (with
    ``doc``, a merge's mean is the mean over its document pairs of each one's mean; without
    ``own``, over the pairs of two documents only, where there are any)."""
    known = {(int(i), int(j)): float(p) for (i, j), p in zip(pairs.tolist(), probs, strict=True)}
    members = {i: [i] for i in range(n)}
    root_of = list(range(n))
    rng = random.Random(0)
    extra = 0
    for k in np.argsort(-probs, kind="stable").tolist():
        if probs[k] < thr:
            break
        ra, rb = root_of[int(pairs[k, 0])], root_of[int(pairs[k, 1])]
        if ra == rb:
            continue
        a, b = members[ra], members[rb]
        if len(a) * len(b) <= max_link:
            cross = [(min(x, y), max(x, y)) for x in a for y in b]
        else:
            cross = [(min(x, y), max(x, y)) for x, y in
                     ((rng.choice(a), rng.choice(b)) for _ in range(max_link))]
        missing = [c for c in cross if c not in known]
        if missing:
            extra += len(missing)
            known.update(zip(missing, scorer.prob(np.array(missing, dtype=np.int64)).tolist(), strict=True))
        if doc is None:
            mean = sum(known[c] for c in cross) / len(cross)
        else:
            by_docs: dict[tuple[int, int], list[float]] = {}
            for x, y in cross:
                by_docs.setdefault((min(doc[x], doc[y]), max(doc[x], doc[y])), []).append(known[(x, y)])
            if not own and any(x != y for x, y in by_docs):
                by_docs = {k: v for k, v in by_docs.items() if k[0] != k[1]}
            mean = sum(sum(v) / len(v) for v in by_docs.values()) / len(by_docs)
        if mean >= thr:
            if len(a) < len(b):
                ra, rb, a, b = rb, ra, b, a
            a.extend(b)
            for x in b:
                root_of[x] = ra
            del members[rb]
    roots: dict[int, int] = {}
    return [roots.setdefault(root_of[i], len(roots)) for i in range(n)], extra


def _run(feats, vec, cfg, link):
    scorer = PairScorer(feats, cfg, vec)
    scorer.cut_pairs = []
    thr = float(cfg["threshold"])
    pairs, probs = scored_pairs(scorer, candidate_pairs(feats, cfg), thr)
    labels, extra = link(scorer, len(feats), pairs, probs, thr, int(cfg["max_link_pairs"]))
    cut = scorer.cut_pairs
    cp = np.concatenate([c[0] for c in cut]) if cut else np.zeros((0, 2), dtype=np.int64)
    cq = np.concatenate([c[1] for c in cut]) if cut else np.zeros(0, dtype=np.float32)
    return labels, extra, cp, cq


@pytest.mark.parametrize("max_link", [400, 6])
@pytest.mark.parametrize("ahead", [1, 3, 512])
def test_merging_with_pairs_scored_ahead_equals_scoring_each_merge(max_link, ahead):
    cfg = {**load_settings().section("align"), "max_link_pairs": max_link,
           # a low gate for pairs at one place keeps cut pairs for the incident join in play
           "story_gate": 0.3, "story_gate_placed": 0.1}
    feats, vec = _corpus()
    want = _run(feats, vec, cfg, _reference)
    got = _run(feats, vec, cfg, lambda *a: average_link(*a, ahead=ahead))
    assert want[1] > 0  # merges had pairs to score
    assert max(np.bincount(want[0])) > 3  # clusters of several mentions formed
    assert got[0] == want[0] and got[1] == want[1]
    assert got[2].dtype == want[2].dtype and np.array_equal(got[2], want[2])
    assert got[3].dtype == want[3].dtype and np.array_equal(got[3], want[3])


@pytest.mark.parametrize("max_link", [400, 6])
def test_a_merge_weighs_each_document_pair_alike(max_link):
    """With a document id per mention, the merging equals the plain restatement (the mean over
    document pairs of each one's mean), and it differs from the mean over mention pairs (some
    merge of documents told in unequal numbers of mentions went the other way)."""
    cfg = {**load_settings().section("align"), "max_link_pairs": max_link}
    feats, vec = _corpus(seed=3)
    doc = [int(f.doc[1:]) for f in feats]
    want = _run(feats, vec, cfg, lambda *a: _reference(*a, doc=doc))
    got = _run(feats, vec, cfg, lambda *a: average_link(*a, doc=np.array(doc, dtype=np.int64)))
    plain = _run(feats, vec, cfg, average_link)
    assert got[0] == want[0] and got[1] == want[1]
    assert got[0] != plain[0]


@pytest.mark.parametrize("max_link", [400, 6])
def test_a_merge_can_leave_out_a_documents_own_pairs(max_link):
    """Without ``own``, the merging equals the plain restatement (the mean over the pairs of two
    documents, a document's own pairs across the clusters left out where such pairs exist), and
    it differs from the mean that counts them (some merge went the other way)."""
    cfg = {**load_settings().section("align"), "max_link_pairs": max_link}
    feats, vec = _corpus(seed=4)
    doc = [int(f.doc[1:]) for f in feats]
    want = _run(feats, vec, cfg, lambda *a: _reference(*a, doc=doc, own=False))
    got = _run(feats, vec, cfg, lambda *a: average_link(*a, doc=np.array(doc, dtype=np.int64), own=False))
    alike = _run(feats, vec, cfg, lambda *a: average_link(*a, doc=np.array(doc, dtype=np.int64)))
    assert got[0] == want[0] and got[1] == want[1]
    assert got[0] != alike[0]


def test_own_pairs_count_only_when_no_two_documents_meet():
    from fullpicture.align._linking import link_mean

    n = 6
    doc = np.array([0, 0, 1, 0, 0, 0], dtype=np.int64)
    # clusters {0, 1} and {2, 3, 4}: pairs of documents (0, 0) at 0.0 and (0, 1) at 1.0
    cross = [min(x, y) * n + max(x, y) for x in (0, 1) for y in (2, 3, 4)]
    vals = [1.0 if y == 2 else 0.0 for x in (0, 1) for y in (2, 3, 4)]
    assert link_mean(vals, cross, n, doc) == 0.5
    assert link_mean(vals, cross, n, doc, own=False) == 1.0
    # one document on both sides only: its own pairs are all there is
    cross = [min(x, y) * n + max(x, y) for x in (0, 1) for y in (3, 4)]
    assert link_mean([0.25, 0.5, 0.25, 0.5], cross, n, doc, own=False) == 0.375


def test_fetched_pairs_score_as_a_call_of_them_would():
    """What scoring ahead rests on: a pair's features (and its model probability, see
    test_align_gate_first) do not depend on the pairs computed with it, so both are fetched in
    one batch and each merge's call only applies the rules; for calls under and over the size
    from which the story gate comes first, with the cut pairs kept for the incident join."""
    from fullpicture.align._linking import _Fetcher

    cfg = {**load_settings().section("align"), "story_gate": 0.3, "story_gate_placed": 0.1}
    feats, vec = _corpus()
    n = len(feats)
    rng = np.random.default_rng(0)
    pairs = np.unique(np.sort(rng.integers(0, n, (4000, 2)), axis=1), axis=0)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]].astype(np.int64)
    scorer = PairScorer(feats, cfg, vec)
    whole = scorer.features(pairs)
    alone = np.concatenate([scorer.features(pairs[k : k + 1]) for k in range(0, len(pairs), 7)])
    assert np.array_equal(alone, whole[::7])
    keys = (pairs[:, 0] * n + pairs[:, 1]).tolist()
    fetch_scorer, call_scorer = PairScorer(feats, cfg, vec), PairScorer(feats, cfg, vec)
    fetch_scorer.cut_pairs, call_scorer.cut_pairs = [], []
    fetcher = _Fetcher(fetch_scorer, n)
    fetcher.fetch(keys[: len(keys) // 2])
    fetcher.fetch(keys[len(keys) // 2 :])
    assert not fetch_scorer.cut_pairs  # fetching leaves no trace
    order = rng.permutation(len(keys))
    s, n_zero = 0, 0
    for size in (1, 2, 5, 1, 255, 256, 700, 3, 1000):
        rows = order[s : s + size]
        s += size
        want = call_scorer.prob(pairs[rows])
        got = fetcher.probs([keys[r] for r in rows])
        assert got == want.tolist()
        n_zero += sum(fetcher.zero[fetcher.row[keys[r]]] for r in rows)
    assert 0 < n_zero < s  # pairs the rules set to 0 and pairs the product decides
    assert len(fetch_scorer.cut_pairs) == len(call_scorer.cut_pairs) > 0
    for (gp, gq), (wp, wq) in zip(fetch_scorer.cut_pairs, call_scorer.cut_pairs, strict=True):
        assert np.array_equal(gp, wp) and gp.dtype == wp.dtype
        assert np.array_equal(gq, wq) and gq.dtype == wq.dtype


def test_documents_weigh_alike_only_in_a_comparison_across_languages():
    """``link_by_document_pair`` acts where the mentions are in more than one language (the
    multilingual vectors set ``vec.lang``); on one language the clusters are the plain mean's."""
    from fullpicture.align._events import cluster

    cfg = {**load_settings().section("align"), "max_link_pairs": 400}
    feats, vec = _corpus(seed=3)
    on = cluster(feats, {**cfg, "link_by_document_pair": True}, vec)[0]
    off = cluster(feats, {**cfg, "link_by_document_pair": False}, vec)[0]
    assert on == off
    vec.lang = np.array([int(f.doc[1:]) % 2 for f in feats], dtype=np.int64)
    assert cluster(feats, {**cfg, "link_by_document_pair": True}, vec)[0] != off
