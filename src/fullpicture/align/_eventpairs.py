"""The pair model of event coreference: what the aligner knows of a mention, and the
vectorised pair features and probabilities (a logistic model whose weights live in the
``[align]`` settings)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from fullpicture.align._rowdots import block_rowdot, rounding_margin, rowdot

FEATURES = (
    "lemma",
    "trigger_sim",
    "sentence_sim",
    "document_sim",
    "same_type",
    "date_match",
    "date_clash",
    "place_match",
    "participants",
    "same_sentence",
    "lemma_x_document",
    "date_clash_soft",
    "adjacent_bare",
    "counter_term",
    "same_doc_type_clash",
)


@dataclass
class MentionFeatures:
    """What the aligner knows about one event mention."""

    doc: str
    lemma: str
    sentence: str = ""
    trigger: str = ""
    type: str | None = None
    family: str = "*"
    interval: tuple[int, int] | None = None
    # False when the date was inherited (narrative reference time, publication date)
    # rather than stated in the mention's own clause or sentence
    date_firm: bool = True
    # gazetteer point of the place: (lat, lon, country code, the place is a country)
    geo: tuple[float, float, str, bool] | None = None
    # character span of the evidence sentence, for sentence adjacency inside one document
    span: tuple[int, int] | None = None
    # no arguments of its own (participants, place, stated date): "Then came the exodus."
    bare: bool = False
    # the trigger's own words, and the other sides' words for it (framing lexicon counter-terms
    # of a cue on the trigger: "anti-terrorist measures" -> "offensive", "military operation")
    names: frozenset[str] = frozenset()
    counters: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    participants: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    # the class of words naming one kind of act that the trigger belongs to ("buy", "takeover",
    # "merger": data/events/equivalents.toml), '' when none
    word: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Vectors:
    """Optional dense vectors: per mention sentence/trigger, per document."""

    sentence: np.ndarray | None = None
    trigger: np.ndarray | None = None
    document: dict[str, np.ndarray] | None = None
    doc_words: dict[str, frozenset[str]] = field(default_factory=dict)
    doc_sim: Callable[[str, str], float] | None = None
    # ``doc_sim`` of many pairs at once, the same values (``_topics.PairCosines``)
    doc_sims: Callable[[Sequence[str], Sequence[str]], np.ndarray] | None = None
    # cross-lingual: language id per mention, and multilingual similarities already mapped to
    # the MiniLM scale, used for pairs whose languages differ (align/_xembed.py)
    lang: np.ndarray | None = None
    x_sentence: np.ndarray | None = None
    x_trigger: np.ndarray | None = None
    x_document: dict[str, np.ndarray] | None = None
    x_map: tuple[float, float, float, float] = (1.0, 0.0, 1.0, 0.0)
    # English word per mention (its lemma in English, the trigger's gloss in another language,
    # data/events/gloss.<lang>.toml): ids (equal words, equal ids; none, a unique id), whether
    # a word is known, and its MiniLM vector (embeddings on)
    x_gloss: np.ndarray | None = None
    x_glossed: np.ndarray | None = None
    g_trigger: np.ndarray | None = None


# pairs scored at once from which on the story gate is applied before the features (below it
# the extra document-similarity pass costs more than it saves)
_GATE_FIRST_MIN = 256


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _pad(sets: Sequence[frozenset[str]]) -> np.ndarray:
    """Sets of strings as a padded ``(n, k)`` array of integer ids (-1 = padding)."""
    sizes = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
    width = int(sizes.max()) if len(sizes) and sizes.max() > 0 else 1
    out = np.full((len(sets), width), -1, dtype=np.int64)
    # ids in order of first occurrence, row by row and each row's items sorted
    flat = [item for items in sets for item in (sorted(items) if len(items) > 1 else items)]
    if flat:
        rows = np.repeat(np.arange(len(sets)), sizes)
        cols = np.arange(len(flat)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        out[rows, cols] = value_ids(flat)
    return out


def _overlap(pa: np.ndarray, pb: np.ndarray, chunk: int = 200_000) -> np.ndarray:
    """Size of the intersection of padded id rows, row by row."""
    out = np.zeros(len(pa), dtype=np.int64)
    for s in range(0, len(pa), chunk):
        a, b = pa[s : s + chunk], pb[s : s + chunk]
        eq = (a[:, :, None] == b[:, None, :]) & (a[:, :, None] >= 0)
        out[s : s + chunk] = eq.any(axis=2).sum(axis=1)
    return out


def _radix_order(keys: Sequence[np.ndarray], bound: int, order: np.ndarray | None = None) -> np.ndarray:
    """A stable order of the rows sorted by ``keys`` (non-negative integers under ``bound``;
    the last key is the most significant), after ``order`` when given: least significant
    digit first, 16 bits a pass (numpy sorts 16-bit integers stably by radix, in linear time)."""
    digits = max(1, (max(1, bound - 1).bit_length() + 15) // 16)
    for key in keys:
        for d in range(digits):
            k = key if order is None else key[order]
            step = np.argsort(((k >> (16 * d)) & 0xFFFF).astype(np.uint16), kind="stable")
            order = step if order is None else order[step]
    assert order is not None
    return order


def _distinct_pairs(di: np.ndarray, dj: np.ndarray, bound: int, by_second: bool) -> tuple[np.ndarray, np.ndarray]:
    """The distinct pairs ``(di, dj)`` (ids under ``bound``) as the index of each one's first
    occurrence, sorted by ``(dj, di)`` (``by_second``) or ``(di, dj)``, and each row's position
    among them: ``np.unique`` of the pairs' keys with ``return_index`` and ``return_inverse``,
    by radix passes instead of a comparison sort. The sorted candidate set's pairs come with
    ``di`` in order (the documents' mentions are consecutive), so taken by ``dj`` one pass sorts
    them."""
    m = len(di)
    if m < 2:
        return np.arange(m), np.zeros(m, dtype=np.intp)
    if by_second:
        minor_sorted = bool(np.all(di[1:] >= di[:-1]))
        order = _radix_order([dj], bound) if minor_sorted else _radix_order([di, dj], bound)
    else:
        order = _radix_order([dj, di], bound)
    a, b = di[order], dj[order]
    new = np.empty(m, dtype=bool)
    new[0] = True
    np.not_equal(a[1:], a[:-1], out=new[1:])
    new[1:] |= b[1:] != b[:-1]
    inv = np.empty(m, dtype=np.intp)
    inv[order] = np.cumsum(new) - 1
    return order[new], inv


def value_ids(values: Sequence[object]) -> np.ndarray:
    """Integer id per value (equal values, equal ids)."""
    table: dict[object, int] = {}
    return np.array([table.setdefault(v, len(table)) for v in values], dtype=np.int64)



class PairScorer:
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


def pair_features(
    feats: Sequence[MentionFeatures], pairs: np.ndarray, vec: Vectors | None = None
) -> np.ndarray:
    """Feature matrix ``(m, len(FEATURES))`` for the given pairs."""
    return PairScorer(feats, {}, vec).features(pairs)


def weights(cfg: dict[str, Any]) -> tuple[float, np.ndarray]:
    """``(bias, w)`` of the pair model from the ``[align]`` settings."""
    w = np.array([float(cfg.get(f"w_{name}", 0.0)) for name in FEATURES], dtype=np.float32)
    return float(cfg.get("w_bias", 0.0)), w
