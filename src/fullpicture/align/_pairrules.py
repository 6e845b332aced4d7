"""The pair model's probabilities and the rules applied after them: the story gate (pairs of two
unrelated documents are 0 without their features being computed), the logistic model, and the
rules that set pairs to 0 (distinct happenings, two words of one sentence, the story gates),
keeping the pairs the incident join may still merge. A mixin of :class:`PairScorer`, which holds
the per-mention arrays and the features these methods read; split from ``_eventpairs``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from fullpicture.align._pairdata import Vectors

# pairs scored at once from which on the story gate is applied before the features (below it
# the extra document-similarity pass costs more than it saves)
_GATE_FIRST_MIN = 256


class PairRules:
    """Probabilities and rules of :class:`PairScorer` (which sets every attribute named here)."""

    if TYPE_CHECKING:
        vec: Vectors
        bias: float
        w: np.ndarray
        thr: float
        doc: np.ndarray
        sent: np.ndarray
        lemma: np.ndarray
        firm: np.ndarray
        dated: np.ndarray
        has_place: np.ndarray
        is_country: np.ndarray
        verbal: np.ndarray
        distinct: np.ndarray
        join_typed: np.ndarray
        any_distinct: bool
        any_verbal: bool
        sentence_apart: bool
        placed_within: bool
        story_gate: float
        story_gate_placed: float
        story_gate_verbal: float
        placed_participants: float
        undated_participants: float
        cut_pairs: list[tuple[np.ndarray, np.ndarray]] | None

        def features(self, pairs: np.ndarray, doc_sim: np.ndarray | None = None) -> np.ndarray: ...

        def _doc_column(self, ii: np.ndarray, jj: np.ndarray, doc_i: np.ndarray, doc_j: np.ndarray,
                        by_second: bool = False, floor: float | None = None) -> np.ndarray: ...

    def prob(self, pairs: np.ndarray,
             gate: tuple[np.ndarray, Callable[[Any], np.ndarray]] | None = None) -> np.ndarray:
        """Coreference probability of each pair; 0 across two documents of different stories
        (document similarity under ``story_gate``; under ``story_gate_placed`` for happenings of
        one type on one day at one named place, or at compatible places: a town and its country).

        Pairs of two documents whose similarity is under both gates get 0 whatever their other
        features say, so their features are not computed (:meth:`gated`): on a large corpus
        most candidate pairs join unrelated stories. ``gate``: what :meth:`gate_all` computed
        beforehand for these pairs (which are dead, and a function giving the document
        similarities of the pairs at given positions, an index array or a slice), used instead of
        computing it here."""
        if len(pairs) < _GATE_FIRST_MIN:
            return self._prob(pairs)
        dead: np.ndarray | None
        sim_at: Callable[[Any], np.ndarray] | None  # the similarities of the pairs at positions
        if gate is not None:
            dead, sim_at = gate
        else:
            dead, sim = self._gate(pairs)
            sim_at = None if sim is None else sim.__getitem__
        if dead is None or not dead.any():
            return self._prob(pairs, None if sim_at is None else sim_at(slice(None)))
        live = np.flatnonzero(~dead)
        # the gate's document similarities are the live pairs' feature: not computed twice
        p_live = self._prob(pairs[live], None if sim_at is None else sim_at(live))
        p = np.zeros(len(pairs), dtype=p_live.dtype)
        p[live] = p_live
        return p

    def gated(self, pairs: np.ndarray) -> np.ndarray | None:
        """Which pairs the story gate sets to 0 whatever their other features: two documents
        of one language whose similarity is under the lower of the two gates. ``None`` when
        there is no gate."""
        return self._gate(pairs)[0]

    def gate_all(self, pairs: np.ndarray, step: int) -> tuple[np.ndarray, np.ndarray] | None:
        """:meth:`_gate` of every pair, ``step`` consecutive pairs at a time in their own order,
        as two arrays (which are dead, and every pair's document similarity, 0 for a dead one); ``None`` when
        there is no gate. The values are those :meth:`_gate` gives for any subset.

        For the sorted candidate set of a large corpus: consecutive pairs share a narrow range
        of first documents, so with their distinct document pairs taken by second document
        (``_doc_column``'s ``by_second``) each document's row is read once a step; scored in
        date order instead, a step reads one row from memory for nearly every pair once the
        document vectors outgrow the CPU cache (at 1M mentions: 50,000 documents, 77 MB)."""
        if min(self.story_gate, self.story_gate_placed) <= 0 or not len(pairs):
            return None
        dead = np.zeros(len(pairs), dtype=bool)
        sim = np.zeros(len(pairs), dtype=np.float32)
        step = max(1, step)
        for lo in range(0, len(pairs), step):
            d, s = self._gate(pairs[lo : lo + step], by_second=True)
            assert d is not None and s is not None
            dead[lo : lo + step] = d
            sim[lo : lo + step] = s
        return dead, sim

    def _gate(self, pairs: np.ndarray, by_second: bool = False) -> tuple[np.ndarray | None, np.ndarray | None]:
        """:meth:`gated`, and the document similarity of every pair it computed for it; a dead
        pair's is 0 whatever its own (nothing reads it: where the dense shortcut of
        :meth:`_doc_column` left it inexact, it would otherwise depend on the pairs it was
        computed with)."""
        # the lowest gate any pair can face (a new, lower gate must be taken in here)
        gate = min(self.story_gate, self.story_gate_placed)
        if gate <= 0 or not len(pairs):
            return None, None
        ii, jj = pairs[:, 0], pairs[:, 1]
        doc_i, doc_j = self.doc[ii], self.doc[jj]
        # a pair of two documents under the gate is dead whatever its similarity's own value
        # (one language: across two, the multilingual similarity replaces it for the live pair)
        sim = self._doc_column(ii, jj, doc_i, doc_j, by_second, gate if self.vec.lang is None else None)
        dead = (doc_i != doc_j) & (sim < gate)
        if self.vec.lang is not None:  # two languages: the multilingual similarity decides
            dead &= self.vec.lang[ii] == self.vec.lang[jj]
        sim[dead] = 0.0
        return dead, sim

    def _prob(self, pairs: np.ndarray, doc_sim: np.ndarray | None = None) -> np.ndarray:
        """:meth:`prob` with every pair's features computed."""
        x = self.features(pairs, doc_sim)
        return self.finish(pairs, x, self.logistic(x))

    def logistic(self, x: np.ndarray) -> np.ndarray:
        """The pair model's probability of features ``x``, before the rules of :meth:`finish`.
        A row's value depends on that row alone: einsum reduces each row in one fixed order,
        where a BLAS product (``x @ w``) rounds a row by where it stands among the rows taken
        with it and by the number of BLAS threads."""
        return 1.0 / (1.0 + np.exp(-(self.bias + np.einsum("ij,j->i", x, self.w))))

    def finish(self, pairs: np.ndarray, x: np.ndarray, p: np.ndarray) -> np.ndarray:
        """The probabilities ``p`` of pairs with features ``x`` after the rules that set some
        to 0 (distinct happenings, two words of one sentence, the story gates), in place;
        with :attr:`cut_pairs`, the cut pairs kept for the incident join are appended there."""
        p, kept = self.rules(pairs, x, p, self.cut_pairs is not None)
        if kept is not None and self.cut_pairs is not None:
            self.cut_pairs.append(kept)
        return p

    def rules(self, pairs: np.ndarray, x: np.ndarray, p: np.ndarray,
              record: bool) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray] | None]:
        """:meth:`finish` without its side effect: ``p`` after the rules, and (``record``) the
        pairs the story gate cut that the incident join keeps, with their probability, or
        ``None`` when there are none."""
        p, keep, kept_p = self.rules_where(pairs, x, p, record)
        return p, (None if keep is None or kept_p is None else (pairs[keep], kept_p))

    def rules_where(self, pairs: np.ndarray, x: np.ndarray, p: np.ndarray,
                    record: bool) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
        """:meth:`rules` with the pairs kept for the incident join given as a mask of ``pairs``
        and their probabilities (``None, None`` when there are none)."""
        before, keepable, after = self.rule_masks(pairs, x)
        keep = kept_p = None
        if before is not None:
            p[before] = 0.0
        if record and keepable is not None:
            keep = keepable & (p >= self.thr)
            if keep.any():
                kept_p = p[keep].copy()
            else:
                keep = None
        if after is not None:
            p[after] = 0.0
        return p, keep, kept_p

    def rule_masks(self, pairs: np.ndarray, x: np.ndarray) -> tuple[np.ndarray | None, np.ndarray | None,
                                                                   np.ndarray | None]:
        """What :meth:`rules` does to pairs with features ``x``, whatever their probabilities:
        the pairs it sets to 0 first (a happening told apart, two words of one sentence), the
        pairs the story gate cuts that the incident join keeps when their probability (after
        the first) reaches the threshold, and the pairs the story gates then set to 0 (``None``:
        no rule of that kind applies)."""
        before = keepable = after = None
        if len(pairs) and self.any_distinct:
            # a happening told as separate ("in a separate attack") is not the one told plainly
            before = self.distinct[pairs[:, 0]] != self.distinct[pairs[:, 1]]
        if self.sentence_apart and len(pairs):
            ii, jj = pairs[:, 0], pairs[:, 1]
            apart = (self.sent[ii] == self.sent[jj]) & (self.lemma[ii] != self.lemma[jj])
            before = apart if before is None else before | apart
        if self.story_gate > 0 and len(pairs):
            ii, jj = pairs[:, 0], pairs[:, 1]
            other = self.doc[ii] != self.doc[jj]
            if self.placed_within:
                # places compatible by containment or distance (a town and its country, a
                # district and its city), not only equal, as long as one of them is no country
                where = self.has_place[ii] & self.has_place[jj] & (x[:, 7] >= 0)
            else:
                where = x[:, 7] > 0
            if self.placed_participants > 0:
                # or no place named on one side, but the same participants and a day stated in at
                # least one of the two ("two soldiers were killed in a clash with the other army's
                # troops on Monday night"); two publication days alone are too weak
                where = where | ((x[:, 7] >= 0) & (x[:, 8] >= self.placed_participants)
                                 & (self.firm[ii] | self.firm[jj]))
            placed = ((x[:, 4] > 0) & (x[:, 5] > 0) & where & ~(self.is_country[ii] & self.is_country[jj])
                      & (self.placed_within | (~self.is_country[ii] & ~self.is_country[jj]))
                      & ~self.verbal[ii] & ~self.verbal[jj])
            if self.undated_participants > 0:
                # two undated texts give no day to agree on: the same participants stand in for it
                placed |= ((x[:, 4] > 0) & ~self.dated[ii] & ~self.dated[jj] & (x[:, 7] >= 0)
                           & (x[:, 8] >= self.undated_participants) & ~self.verbal[ii] & ~self.verbal[jj])
            after = other & (x[:, 3] < np.where(placed, self.story_gate_placed, self.story_gate))
            keepable = (after & (x[:, 3] >= self.story_gate_placed)
                        & self.join_typed[ii] & self.join_typed[jj])
            if self.story_gate_verbal > self.story_gate and self.any_verbal:
                both = self.verbal[ii] & self.verbal[jj]
                after |= other & both & (x[:, 3] < self.story_gate_verbal)
        return before, keepable, after
