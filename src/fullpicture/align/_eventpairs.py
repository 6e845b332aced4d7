"""The pair model of event coreference: the vectorised pair features of :class:`PairScorer`
over a fixed list of mentions (its probabilities and rules are the :class:`PairRules` mixin of
``_pairrules``; what the aligner knows of a mention, the feature names and the weights from the
``[align]`` settings are in ``_pairdata``, re-exported here)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from fullpicture.align._pairdata import (  # noqa: F401 re-exported: the pair model's names
    FEATURES,
    MentionFeatures,
    Vectors,
    _distinct_pairs,
    _jaccard,
    _overlap,
    _pad,
    _radix_order,
    value_ids,
    weights,
)
from fullpicture.align._pairrules import _GATE_FIRST_MIN, PairRules  # noqa: F401 re-exported
from fullpicture.align._rowdots import block_rowdot, rounding_margin, rowdot


class PairScorer(PairRules):
    """Vectorised pair features and probabilities over a fixed list of mentions."""

    def __init__(self, feats: Sequence[MentionFeatures], cfg: dict[str, Any], vec: Vectors | None = None) -> None:
        self.feats = feats
        self.vec = vec or Vectors()
        self.bias, self.w = weights(cfg)
        self.anchor_trigger = float(cfg.get("same_doc_anchor_trigger_sim", 0.45))
        # MiniLM cosine of two trigger words below which they are no evidence of one happening
        self.trigger_floor = float(cfg.get("trigger_sim_floor", 0.0))
        # ... except between two mentions of these types (violence, disasters, displacement and the
        # acts of word about them, which sides tell in many words: a strike, the attack, shelling)
        full = {str(t).upper() for t in cfg.get("trigger_sim_full_types", ())}
        self.full_trigger = np.array([(f.type or "").upper() in full for f in feats], dtype=bool)
        # the gate needs a document similarity (none when the caller gives no texts or vectors)
        known = self.vec.doc_sim is not None or self.vec.document is not None or bool(self.vec.doc_words)
        self.story_gate = float(cfg.get("story_gate", 0.0)) if known else 0.0
        self.anchor_sentence = float(cfg.get("same_doc_anchor_sentence_sim", 0.5))
        # verbal acts (statements, requests, accusations...) are one act only inside one story:
        # across documents they face a stricter story gate than happenings, which later stories
        # recall
        verbal = {str(t).upper() for t in cfg.get("story_gate_verbal_types", ())}
        self.verbal = np.array([(f.type or "").upper() in verbal for f in feats], dtype=bool)
        self.any_verbal = bool(self.verbal.any())
        self.story_gate_verbal = float(cfg.get("story_gate_verbal", 0.0)) if known else 0.0
        # happenings of one type, one day and one named place (not a country) face a lower gate:
        # opposing sides tell one clash in words of their own
        self.story_gate_placed = min(self.story_gate, float(cfg.get("story_gate_placed", self.story_gate)))
        # ... at compatible places (one inside or near the other) rather than only one place
        self.placed_within = bool(cfg.get("story_gate_placed_within", False))
        # ... or no place clash and participants this alike (Jaccard; 0: off)
        self.placed_participants = float(cfg.get("story_gate_placed_participants", 0.0))
        # ... or, neither mention dated at all (a text without publication date), participants at
        # least this alike (Jaccard; 0: off)
        self.undated_participants = float(cfg.get("story_gate_undated_participants", 0.0))
        # "In a separate attack, ...", "another strike": told as a happening apart from the rest
        self.distinct = np.array([bool(f.extra.get("distinct")) for f in feats], dtype=bool)
        # asked on every scoring call, also the clustering's thousands of small ones: not a pass
        # over all mentions each time
        self.any_distinct = bool(self.distinct.any())
        # two words of one sentence name two happenings ("clinched a playoff berth with a win",
        # "arrested on suspicion of drunk driving"), whatever their vectors say
        self.sentence_apart = bool(cfg.get("sentence_words_apart", False))
        # two words of one equivalence class count as one trigger word (lemma, trigger similarity
        # and type agreement)
        self.lemma = value_ids([("=", f.word) if f.word else (f.lemma or object()) for f in feats])
        self.word = value_ids([f.word or object() for f in feats])
        self.doc = value_ids([f.doc for f in feats])
        self.type = value_ids([f.type if f.type is not None else object() for f in feats])
        self.sent = value_ids([(f.doc, f.sentence) if f.sentence else object() for f in feats])
        self.lo = np.array([f.interval[0] if f.interval else 0 for f in feats], dtype=np.int64)
        self.hi = np.array([f.interval[1] if f.interval else 0 for f in feats], dtype=np.int64)
        self.dated = np.array([f.interval is not None for f in feats], dtype=bool)
        self.firm = np.array([f.date_firm for f in feats], dtype=bool)
        self.slack = int(cfg.get("inherited_date_slack_days", 0))
        # ... and a gap of up to this many days when the inherited date is the later one: a report's
        # or a statement's day, told on or after the happening it refers back to, never before it
        self.later_slack = max(self.slack, int(cfg.get("inherited_date_later_slack_days", 0)))
        # across documents a bare mention's inherited date still tells its time roughly: farther
        # than this from the other mention's date is a soft clash (< 0: never)
        self.bare_slack = int(cfg.get("bare_date_clash_days", -1))
        self.adjacent_chars = int(cfg.get("adjacent_sentence_chars", 3))
        self.s0 = np.array([f.span[0] if f.span else -(10**9) for f in feats], dtype=np.int64)
        self.s1 = np.array([f.span[1] if f.span else -(10**9) for f in feats], dtype=np.int64)
        self.bare = np.array([f.bare for f in feats], dtype=bool)
        self.spanned = np.array([f.span is not None for f in feats], dtype=bool)
        self.has_counter = np.array([bool(f.counters) for f in feats], dtype=bool)
        self.place = _pad([f.places for f in feats])
        self.has_place = np.array([bool(f.places) for f in feats], dtype=bool)
        self.has_geo = np.array([f.geo is not None for f in feats], dtype=bool)
        self.lat = np.radians([f.geo[0] if f.geo else 0.0 for f in feats])
        self.lon = np.radians([f.geo[1] if f.geo else 0.0 for f in feats])
        self.cc = value_ids([f.geo[2] if f.geo and f.geo[2] else object() for f in feats])
        self.is_country = np.array([bool(f.geo and f.geo[3]) for f in feats], dtype=bool)
        self.place_km = float(cfg.get("place_conflict_km", 100.0))
        # how far a continent or an open sea reaches around its point (``_containing.wide_reach``)
        self.reach = np.array([float(f.extra.get("reach", 0.0)) for f in feats], dtype=float)
        self.part = _pad([f.participants for f in feats])
        self.n_part = np.array([len(f.participants) for f in feats], dtype=np.int64)
        self._doc_names = [f.doc for f in feats]
        self._docs: np.ndarray | None = None
        self._docs_margin = 0.0
        self.n_docs = int(self.doc.max()) + 1 if len(feats) else 1
        self.typed = np.array([f.type is not None for f in feats], dtype=bool)
        self._doc_cache: dict[tuple[int, int], float] = {}
        # when a list (the incident join asks for it): pairs of happenings that the story gate cut
        # although their documents are at least ``story_gate_placed`` alike, and whose probability
        # without the gate reaches the merge threshold, with that probability
        self.cut_pairs: list[tuple[np.ndarray, np.ndarray]] | None = None
        self.thr = float(cfg.get("threshold", 0.5))
        # ... only between happenings of these types (violence and disasters, which opposing sides
        # tell in words of their own; not votes, nominations or raids of one political season)
        placed_types = {str(t).upper() for t in cfg.get("incident_join_placed_types", ())}
        self.join_typed = np.array([(f.type or "").upper() in placed_types for f in feats], dtype=bool)

    def _doc_sim(self, i: int, j: int) -> float:
        a, b = self._doc_names[i], self._doc_names[j]
        vec = self.vec
        if a == b:
            return 1.0
        if vec.doc_sim is not None:
            return float(vec.doc_sim(a, b))
        if vec.document is not None:
            return float(vec.document[a] @ vec.document[b])
        return _jaccard(vec.doc_words.get(a, frozenset()), vec.doc_words.get(b, frozenset()))

    def _doc_matrix(self) -> np.ndarray:
        """Document vectors as a matrix indexed by document id (built once)."""
        if self._docs is None:
            assert self.vec.document is not None
            names = [""] * self.n_docs
            for name, i in zip(self._doc_names, self.doc.tolist(), strict=True):
                names[i] = name
            self._docs = np.stack([np.asarray(self.vec.document[x], dtype=np.float32) for x in names])
            self._docs_margin = rounding_margin(self._docs)
        return self._docs

    def features(self, pairs: np.ndarray, doc_sim: np.ndarray | None = None) -> np.ndarray:
        """Feature matrix ``(m, len(FEATURES))`` for the given pairs (``doc_sim``: their
        same-language document similarities, when the story gate computed them already)."""
        m = len(pairs)
        out = np.zeros((m, len(FEATURES)), dtype=np.float32)
        if m == 0:
            return out
        ii, jj = pairs[:, 0], pairs[:, 1]
        feats, vec = self.feats, self.vec
        # each per-mention array is gathered once per side (the gathers are most of the cost)
        doc_i, doc_j = self.doc[ii], self.doc[jj]
        same_doc = doc_i == doc_j
        firm_i, firm_j = self.firm[ii], self.firm[jj]
        bare_i, bare_j = self.bare[ii], self.bare[jj]
        out[:, 0] = self.lemma[ii] == self.lemma[jj]
        out[:, 1] = rowdot(vec.trigger, ii, jj) if vec.trigger is not None else out[:, 0]
        equivalent = self.word[ii] == self.word[jj]
        if vec.trigger is not None:
            out[:, 1] = np.maximum(out[:, 1], equivalent)
        if vec.sentence is not None:
            out[:, 2] = rowdot(vec.sentence, ii, jj)
        else:
            for r in np.flatnonzero([bool(feats[i].words) for i in ii.tolist()]).tolist():
                out[r, 2] = _jaccard(feats[int(ii[r])].words, feats[int(jj[r])].words)
        out[:, 3] = self._doc_column(ii, jj, doc_i, doc_j) if doc_sim is None else doc_sim
        if vec.lang is not None:
            self._cross_lingual(out, ii, jj)
        out[:, 4] = (self.type[ii] == self.type[jj]) | equivalent
        # a bare mention's date is inherited, no statement of the text: no date evidence
        both = self.dated[ii] & self.dated[jj] & ~bare_i & ~bare_j
        gap = np.maximum(0, np.maximum(self.lo[ii], self.lo[jj]) - np.minimum(self.hi[ii], self.hi[jj]))
        out[:, 5] = both & (gap == 0)
        # a clash is strong evidence only when both dates are stated in the mentions' sentences
        # two inherited dates of one document that differ were set by the text itself as
        # different reference times, which is as strong as two stated dates
        firm_both = firm_i & firm_j
        firm = firm_both | (same_doc & ~firm_i & ~firm_j)
        # across documents an inherited date is approximate: a gap within the slack is neither
        # match nor clash (inside one document different reference times are meaningful)
        limit = np.where(firm_both | same_doc, 0, self.slack)
        if self.later_slack > self.slack:
            # an inherited date after the other mention's: the day of a later report or statement
            later = ~same_doc & ((~firm_i & (self.lo[ii] > self.hi[jj])) | (~firm_j & (self.lo[jj] > self.hi[ii])))
            limit = np.where(later, self.later_slack, limit)
        clash = gap > limit
        out[:, 6] = both & clash & firm
        out[:, 11] = both & clash & ~firm
        if self.bare_slack >= 0:
            # a bare mention's date says nothing inside its document (an anaphor: "Then came the
            # exodus."), but across documents "the request" of a story a month later is another
            # request: a gap over the slack is a soft clash
            loose = self.dated[ii] & self.dated[jj] & (bare_i | bare_j) & ~same_doc
            out[:, 11] = np.maximum(out[:, 11], loose & (gap > self.bare_slack))
        if vec.lang is not None:
            rows = np.flatnonzero((vec.lang[ii] != vec.lang[jj]) & (out[:, 6] == 0) & (out[:, 11] == 0))
            self._glossed(out, rows, ii[rows], jj[rows])
        bp = self.has_place[ii] & self.has_place[jj]
        shared = _overlap(self.place[ii], self.place[jj]) > 0
        place = np.where(bp & shared, 1.0, 0.0)
        differ = np.flatnonzero(bp & ~shared)  # two different places: whether they count against
        if len(differ):
            place[differ] = np.where(self._far(ii[differ], jj[differ]), -1.0, 0.0)
        out[:, 7] = place
        inter = _overlap(self.part[ii], self.part[jj])
        np_i, np_j = self.n_part[ii], self.n_part[jj]
        union = np_i + np_j - inter
        bq = (np_i > 0) & (np_j > 0)
        out[:, 8] = np.where(bq, inter / np.maximum(union, 1), 0.0)
        out[:, 9] = same_doc & (self.sent[ii] == self.sent[jj])
        out[:, 10] = out[:, 0] * out[:, 3]
        # a bare mention of the same type in the next or previous sentence of one document is
        # an anaphoric or cataphoric mention of the same event ("Then came the exodus. From
        # 24 September, 100,000 people crossed ...")
        near = (np.abs(self.s0[jj] - self.s1[ii]) <= self.adjacent_chars) | (
            np.abs(self.s0[ii] - self.s1[jj]) <= self.adjacent_chars)
        out[:, 12] = same_doc & (out[:, 4] > 0) & near & (bare_i | bare_j) & (
            self.spanned[ii] & self.spanned[jj])
        # inside one document two typed mentions of different types (an arrest, a killing) with
        # different trigger lemmas are told apart by the writer: evidence against identity
        typed = self.typed
        out[:, 14] = same_doc & typed[ii] & typed[jj] & (out[:, 4] == 0) & (out[:, 0] == 0)
        # one side's word is what the framing lexicon lists as the other side's word for it
        for r in np.flatnonzero(~same_doc & (self.has_counter[ii] | self.has_counter[jj])).tolist():
            a, b = feats[int(ii[r])], feats[int(jj[r])]
            out[r, 13] = bool(a.counters & b.names or b.counters & a.names)
        if vec.trigger is not None and self.trigger_floor > 0:
            self._floor_trigger(out, ii, jj)
        # Type and date agreement (hand-set weights) are no evidence of identity inside one
        # document, which reports many same-type events of one day: there they count only when
        # the mentions share a trigger lemma, a participant or a place, or their triggers or
        # sentences are similar.
        anchored = (
            ~same_doc | (out[:, 0] > 0) | (inter > 0) | (bp & shared)
            | (out[:, 1] >= self.anchor_trigger) | (out[:, 2] >= self.anchor_sentence)
            | (out[:, 12] > 0)
        )
        out[:, 4] *= anchored
        out[:, 5] *= anchored
        return out

    def _floor_trigger(self, out: np.ndarray, ii: np.ndarray, jj: np.ndarray) -> None:
        """Two different words of one field ("defeat", "tournament": one type) are close in MiniLM
        without naming one thing: between two mentions of one type only the part of the trigger
        cosine above the floor counts, rescaled to [0, 1] (also for the same-document anchor).
        Mentions of two types (a convoy and the ambush on it), two mentions of the
        full-similarity types and pairs of two languages (multilingual similarities) keep it."""
        floored = np.clip((out[:, 1] - self.trigger_floor) / (1 - self.trigger_floor), 0, 1)
        keep = (self.full_trigger[ii] & self.full_trigger[jj]) | (self.type[ii] != self.type[jj])
        if self.vec.lang is not None:
            keep |= self.vec.lang[ii] != self.vec.lang[jj]
        out[:, 1] = np.where(keep, out[:, 1], floored)

    def _doc_column(self, ii: np.ndarray, jj: np.ndarray, doc_i: np.ndarray, doc_j: np.ndarray,
                    by_second: bool = False, floor: float | None = None) -> np.ndarray:
        """The document similarity of each pair (float32), computed once per distinct document
        pair (same-language value; ``_cross_lingual`` replaces it for pairs of two languages).

        ``by_second``: the distinct document pairs are taken in the order of their second
        (larger) document rather than their first. The values are the same in any order; for
        pairs whose first documents lie in a narrow range (consecutive pairs of the sorted
        candidate set), each second document's row is then read from memory once and the first
        documents' rows stay in the cache.

        ``floor``: with dense vectors, a pair of two documents under it may get any value under
        it instead of its own (the story gate reads no more of the pairs it cuts): where one
        matrix product of the documents' vectors (:func:`block_rowdot`) puts a pair under
        ``floor`` by more than its rounding margin, the pair keeps that value; the others get
        their own."""
        vec = self.vec
        di, dj = np.minimum(doc_i, doc_j), np.maximum(doc_i, doc_j)
        if floor is not None and vec.doc_sim is None and vec.document is not None:
            dm = self._doc_matrix()
            near = block_rowdot(dm, di, dj, by_second)
            if near is not None:
                out = near.astype(np.float32, copy=False)
                out[di == dj] = 1.0
                rows = np.flatnonzero(~(out < floor - self._docs_margin) & (di != dj))  # NaN: own value
                if len(rows):
                    out[rows] = self._doc_column(ii[rows], jj[rows], doc_i[rows], doc_j[rows], by_second)
                return out
        first, inv = _distinct_pairs(di, dj, self.n_docs, by_second)
        vals = np.empty(len(first), dtype=np.float32)
        if vec.doc_sim is None and vec.document is not None:  # dense vectors: one product per pair
            dm = self._doc_matrix()
            a_, b_ = di[first], dj[first]
            vals[:] = np.where(a_ == b_, 1.0, rowdot(dm, a_, b_))
            first = first[:0]
        cache = self._doc_cache
        if vec.doc_sims is not None and len(first):  # the pairs not seen yet, in one call
            new = [(k, self._doc_names[i], self._doc_names[j])
                   for k, i, j in zip(zip(di[first].tolist(), dj[first].tolist(), strict=True),
                                      ii[first].tolist(), jj[first].tolist(), strict=True)
                   if k not in cache]
            apart = [t for t in new if t[1] != t[2]]
            cache.update((k, 1.0) for k, a, b in new if a == b)
            if apart:
                sims = vec.doc_sims([a for _, a, _ in apart], [b for _, _, b in apart])
                cache.update(zip([k for k, _, _ in apart], sims.tolist(), strict=True))
        for u, r in enumerate(first.tolist()):
            k = (int(di[r]), int(dj[r]))
            if k not in cache:
                cache[k] = self._doc_sim(int(ii[r]), int(jj[r]))
            vals[u] = cache[k]
        return vals[inv]

    def _cross_lingual(self, out: np.ndarray, ii: np.ndarray, jj: np.ndarray) -> None:
        """Trigger, sentence and document similarity of pairs in different languages from the
        multilingual vectors (mapped to the MiniLM scale): lemmas and MiniLM mean nothing there."""
        from fullpicture.align._xembed import to_minilm_scale

        vec = self.vec
        assert vec.lang is not None
        rows = np.flatnonzero(vec.lang[ii] != vec.lang[jj])
        if not len(rows) or vec.x_sentence is None or vec.x_trigger is None:
            return
        a, b = ii[rows], jj[rows]
        ss, sh, ts, th = vec.x_map
        out[rows, 1] = to_minilm_scale(np.einsum("ij,ij->i", vec.x_trigger[a], vec.x_trigger[b]), ts, th)
        out[rows, 2] = to_minilm_scale(np.einsum("ij,ij->i", vec.x_sentence[a], vec.x_sentence[b]), ss, sh)
        if vec.x_document is not None:
            docs = self._doc_names
            out[rows, 3] = to_minilm_scale(np.array(
                [float(vec.x_document[docs[i]] @ vec.x_document[docs[j]]) for i, j in zip(a.tolist(), b.tolist(), strict=True)],
                dtype=np.float32), ss, sh)

    def _glossed(self, out: np.ndarray, rows: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
        """Trigger evidence across languages through English glosses: "удар" (strike) and
        "strike" are the same trigger; "обстрел" (shelling) and "attack" are as close as the
        two English words (MiniLM). Short words embed poorly across languages (e5 maps "удар"
        and "strike" far apart), while the glosses say what a reader would. Only for pairs
        whose dates do not clash: a gloss names a kind of happening, not which one."""
        vec = self.vec
        if vec.x_gloss is None or vec.x_glossed is None:
            return
        known = vec.x_glossed[a] & vec.x_glossed[b]
        if vec.g_trigger is not None and known.any():
            k = np.flatnonzero(known)
            sim = np.einsum("ij,ij->i", vec.g_trigger[a[k]], vec.g_trigger[b[k]])
            out[rows[k], 1] = np.maximum(out[rows[k], 1], sim)
        same = rows[known & (vec.x_gloss[a] == vec.x_gloss[b])]
        out[same, 0] = 1.0  # the same lemma in English: as a same-language pair would score it
        out[same, 1] = 1.0

    def _far(self, ii: np.ndarray, jj: np.ndarray) -> np.ndarray:
        """Whether two different places count against a pair: not when both are on the gazetteer
        and one contains the other (a country contains the places with its code, a continent or
        an open sea those within its reach) or they lie within ``place_conflict_km``; unresolved
        different places still count."""
        both = self.has_geo[ii] & self.has_geo[jj]
        inside = (self.cc[ii] == self.cc[jj]) & (self.is_country[ii] | self.is_country[jj])
        far = ~both
        # the distance only where it decides (two gazetteer places, neither containing the other)
        rows = np.flatnonzero(both & ~inside)
        if len(rows):
            a, b = ii[rows], jj[rows]
            la, lb, dlon = self.lat[a], self.lat[b], self.lon[b] - self.lon[a]
            h = np.sin((lb - la) / 2) ** 2 + np.cos(la) * np.cos(lb) * np.sin(dlon / 2) ** 2
            km = 2 * 6371.0 * np.arcsin(np.minimum(1.0, np.sqrt(h)))
            far[rows] = ~(km <= np.maximum(self.place_km, np.maximum(self.reach[a], self.reach[b])))
        return far


def pair_features(
    feats: Sequence[MentionFeatures], pairs: np.ndarray, vec: Vectors | None = None
) -> np.ndarray:
    """Feature matrix ``(m, len(FEATURES))`` for the given pairs."""
    return PairScorer(feats, {}, vec).features(pairs)
