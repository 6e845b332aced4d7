"""The look-ahead of the average-link merging: the pairs the next merges may need, scored
together in batches (features, the model's probability and the rules' masks), then given out
per merge as one scoring call of that merge's missing pairs would give them, bit for bit, with
the same side effect on the pairs kept for the incident join. Split from ``_linking`` (which
re-exports :class:`_Fetcher`)."""

from __future__ import annotations

import numpy as np

from fullpicture.align._eventpairs import _GATE_FIRST_MIN, FEATURES, PairScorer


class _Fetcher:
    """Pairs (keys ``i * n + j``, ``i < j``) scored ahead in batches, whose probabilities are
    then given as one scoring call of each merge's missing pairs would give them.

    A pair's features, its model probability (:meth:`PairScorer.logistic`, row by row) and
    the rules that set probabilities to 0 do not depend on the pairs scored with it. So the
    features (where the story gate cuts a pair whatever its other features, none) and the
    model's probability are computed in batches; each merge's call applies the rules to its
    pairs as that call would. Pairs that the rules set to 0 whatever the model says (two
    unrelated stories: most of them) need no look-up at all."""

    def __init__(self, scorer: PairScorer, n: int) -> None:
        self.scorer, self.n = scorer, n
        self.row: dict[int, int] = {}
        self.zero: list[bool] = []  # 0 whatever the model says, and not kept for the join
        self.p = np.zeros(0, dtype=np.float32)  # the model's probability, before the rules
        self.dead = np.zeros(0, dtype=bool)
        # per fetched pair, what the rules do whatever the probability: set to 0 first, kept for
        # the incident join when the probability then reaches the threshold, set to 0 after
        self.flags = np.zeros((0, 3), dtype=bool)
        self.gate = min(scorer.story_gate, scorer.story_gate_placed) > 0
        self.record = scorer.cut_pairs is not None

    def fetch(self, keys: list[int]) -> None:
        """Features of the pairs ``keys`` (distinct, not fetched yet), as one batch."""
        scorer, m = self.scorer, len(keys)
        pairs = self._pairs(keys)
        dead, sim = scorer._gate(pairs)
        x = np.zeros((m, len(FEATURES)), dtype=np.float32)
        if dead is None:
            x[:] = scorer.features(pairs)
            dead = np.zeros(m, dtype=bool)
        elif not dead.all():
            live = np.flatnonzero(~dead)
            assert sim is not None
            x[live] = scorer.features(pairs[live], sim[live])
        # what the rules do whatever the probability (:meth:`PairScorer.rule_masks`), kept so that
        # each merge's call only applies masks; with every probability at 1: a pair
        # they set to 0 (and do not keep for the incident join) is 0 whatever the model says (a
        # dead pair's zero features are cut too)
        before, keepable, after = scorer.rule_masks(pairs, x)
        flags = np.zeros((m, 3), dtype=bool)
        for k, mask in enumerate((before, keepable, after)):
            if mask is not None:
                flags[:, k] = mask
        if not self.record:
            flags[:, 1] = False
        ones = np.ones(m, dtype=np.float32)
        ones[flags[:, 0]] = 0.0
        kept = flags[:, 1] & (ones >= scorer.thr)
        ones[flags[:, 2]] = 0.0
        zero = ones == 0
        zero[kept] = False
        if scorer.thr <= 0:
            zero[:] = False
        base = len(self.zero)
        if base + m > len(self.p):  # grown by doubling: not copied on every batch
            size = max(2 * len(self.p), base + m, 1024)
            self.p = np.concatenate([self.p[:base], np.zeros(size - base, dtype=np.float32)])
            self.dead = np.concatenate([self.dead[:base], np.zeros(size - base, dtype=bool)])
            self.flags = np.concatenate([self.flags[:base], np.zeros((size - base, 3), dtype=bool)])
        self.p[base : base + m] = scorer.logistic(x)
        self.dead[base : base + m] = dead
        self.flags[base : base + m] = flags
        self.row.update(zip(keys, range(base, base + m), strict=True))
        self.zero.extend(zero.tolist())

    def _pairs(self, keys: list[int]) -> np.ndarray:
        return np.stack(np.divmod(np.array(keys, dtype=np.int64), self.n), axis=1)

    def probs(self, missing: list[int]) -> list[float]:
        """The probabilities of ``missing`` (fetched) as ``PairScorer.prob`` of them in this
        order gives them, with its side effect on ``cut_pairs``."""
        zero, row = self.zero, self.row
        rows = list(map(row.__getitem__, missing))
        if all(map(zero.__getitem__, rows)):
            return [0.0] * len(missing)
        scorer = self.scorer
        live: np.ndarray | None = None
        if len(missing) >= _GATE_FIRST_MIN and self.gate:
            dead = self.dead[rows]
            if dead.any():  # as prob() takes it: the model's probability of the live pairs only
                live = np.flatnonzero(~dead)
        at = np.asarray(rows) if live is None else np.asarray(rows)[live]
        p = self.p[at]  # a copy (fancy indexing): the rules below write to it
        # the rules, as finish() applies them, from their masks
        flags = self.flags[at]
        p[flags[:, 0]] = 0.0
        if self.record:
            keep = flags[:, 1] & (p >= scorer.thr)
            if keep.any():
                assert scorer.cut_pairs is not None
                keys = missing if live is None else [missing[k] for k in live.tolist()]
                scorer.cut_pairs.append((self._pairs([keys[k] for k in np.flatnonzero(keep).tolist()]),
                                         p[keep].copy()))
        p[flags[:, 2]] = 0.0
        if live is not None:
            full = np.zeros(len(missing), dtype=p.dtype)
            full[live] = p
            p = full
        return p.tolist()
