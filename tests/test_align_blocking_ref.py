"""Blocking against a plain restatement of its rule (one dict of blocks, pair by pair)."""

from __future__ import annotations

import random

import numpy as np

from fullpicture.align._blocking import candidate_pairs
from fullpicture.align._eventpairs import MentionFeatures


def _reference(feats: list[MentionFeatures], bucket: int, window: int, hood: int, max_block: int,
               full: int = 0) -> set[tuple[int, int]]:
    blocks: dict[tuple, list[int]] = {}
    for i, f in enumerate(feats):
        # (a word class, "buy" and "merger", is one block whatever the family)
        keys: set[tuple] = {("=", f.word) if f.word else (f.family, "l", f.lemma)}
        if f.interval is not None and f.interval[1] - f.interval[0] <= 2 * bucket:
            keys.update((f.family, "d", b) for b in range((f.interval[0] - window) // bucket,
                                                          (f.interval[1] + window) // bucket + 1))
        elif f.interval is None:
            keys.add((f.family, "u"))
        keys.update((f.family, "p", p) for p in f.places)
        for k in keys:
            blocks.setdefault(k, []).append(i)
    first: dict[str, int] = {}  # documents ordered by first appearance
    for f in feats:
        first.setdefault(f.doc, len(first))
    out: set[tuple[int, int]] = set()
    for m in blocks.values():
        if len(m) <= max_block:
            cand = [(a, b) for x, a in enumerate(m) for b in m[x + 1:]]
        else:
            m = sorted(m, key=lambda i: (feats[i].interval[0] if feats[i].interval else 0, first[feats[i].doc], i))
            # over `full` members: the widest window whose pairs per member are no more than
            # the whole window gives a block of `full` members
            w = hood
            while full and len(m) > full and w > 1 and \
                    len(_window(m, w)) / len(m) > len(_window(list(range(full)), hood)) / full:
                w -= 1
            cand = _window(m, w)
        for a, b in cand:
            fa, fb = feats[a], feats[b]
            if fa.interval and fb.interval and fa.date_firm and fb.date_firm and fa.lemma != fb.lemma:
                gap = max(0, max(fa.interval[0], fb.interval[0]) - min(fa.interval[1], fb.interval[1]))
                if gap > window:
                    continue
            out.add((min(a, b), max(a, b)))
    return out


def _window(m: list[int], w: int) -> list[tuple[int, int]]:
    return [(m[x], m[x + k]) for k in range(1, w + 1) for x in range(len(m) - k)]


def _mentions(n: int, seed: int, words: bool = False) -> list[MentionFeatures]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        day = 738000 + rng.randrange(40)
        r = rng.random()
        iv = None if r < 0.15 else (day, day + rng.choice([0, 0, 1, 13, 14, 15, 29]))
        out.append(MentionFeatures(
            doc=f"d{rng.randrange(n // 6 + 1)}", lemma=f"l{rng.randrange(5)}", family=rng.choice(["a", "b"]),
            interval=iv, date_firm=rng.random() < 0.8,
            places=frozenset(f"p{rng.randrange(4)}" for _ in range(rng.randrange(3))),
            word=rng.choice(["", "", "w0", "w1"]) if words else ""))
    return out


def test_candidate_pairs_follow_the_blocking_rule():
    for n, seed in ((0, 0), (1, 0), (2, 1), (30, 2), (300, 3), (900, 4)):
        feats = _mentions(n, seed)
        for bucket, window, hood, max_block in ((7, 3, 40, 60), (2, 0, 3, 5), (1, 1, 4, 4)):
            cfg = {"date_bucket_days": bucket, "date_window_days": window, "neighbourhood": hood,
                   "max_block": max_block}
            got = candidate_pairs(feats, cfg)
            assert got.shape[1] == 2
            pairs = [tuple(p) for p in got.tolist()]
            assert pairs == sorted(set(pairs))  # sorted, no duplicates
            assert set(pairs) == _reference(feats, bucket, window, hood, max(hood, max_block)), (n, cfg)
            if n:
                assert np.all(got[:, 0] < got[:, 1])


def test_candidate_pairs_follow_the_blocking_rule_with_word_classes():
    # word-class blocks span families; lemma and place blocks stay within one family
    for n, seed in ((2, 5), (40, 6), (400, 7)):
        feats = _mentions(n, seed, words=True)
        for bucket, window, hood, max_block in ((7, 3, 40, 60), (2, 0, 3, 5)):
            cfg = {"date_bucket_days": bucket, "date_window_days": window, "neighbourhood": hood,
                   "max_block": max_block}
            pairs = {tuple(p) for p in candidate_pairs(feats, cfg).tolist()}
            assert pairs == _reference(feats, bucket, window, hood, max(hood, max_block)), (n, cfg)


def test_very_large_blocks_keep_the_pairs_per_member_of_a_full_window_block():
    # blocks over `window_full_block` members get a narrower window; up to it, the whole one
    for n, seed in ((300, 3), (900, 4)):
        feats = _mentions(n, seed)
        for bucket, window, hood, max_block, full in ((7, 3, 40, 60, 100), (2, 0, 3, 5, 12), (7, 3, 8, 10, 0)):
            cfg = {"date_bucket_days": bucket, "date_window_days": window, "neighbourhood": hood,
                   "max_block": max_block, "window_full_block": full}
            pairs = {tuple(p) for p in candidate_pairs(feats, cfg).tolist()}
            assert pairs == _reference(feats, bucket, window, hood, max(hood, max_block), full), (n, cfg)


def test_pairs_per_member_stop_growing_past_the_full_block():
    # one family, one lemma, one place, undated: every mention is in the same three blocks
    cfg = {"date_bucket_days": 7, "date_window_days": 3, "neighbourhood": 40, "max_block": 60,
           "window_full_block": 256}
    per = {}
    for n in (200, 256, 257, 1000, 5000):
        feats = [MentionFeatures(doc=f"d{i // 10}", lemma="l", family="a", interval=None,
                                 places=frozenset({"p"})) for i in range(n)]
        per[n] = len(candidate_pairs(feats, cfg)) / n
    full = 40 - 40 * 41 / 2 / 256  # the whole window of 40 over 256 members, per member
    assert per[200] == 40 - 40 * 41 / 2 / 200 and per[256] == full
    assert all(full - 1 < per[n] <= full for n in (257, 1000, 5000))
    # without the bound the window's pairs per member keep growing towards 40
    open_cfg = {**cfg, "window_full_block": 0}
    feats = [MentionFeatures(doc=f"d{i // 10}", lemma="l", family="a", interval=None,
                             places=frozenset({"p"})) for i in range(5000)]
    assert len(candidate_pairs(feats, open_cfg)) / 5000 > full + 2
