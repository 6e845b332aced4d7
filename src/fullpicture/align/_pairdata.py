"""The pair model's data: what the aligner knows of a mention (:class:`MentionFeatures`), the
vectors it compares mentions by (:class:`Vectors`), the names of the pair features and their
weights from the ``[align]`` settings, and the array helpers the scorer builds on (padded id sets,
their overlaps, radix orders and distinct document pairs). Split from ``_eventpairs``, which
re-exports every name."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

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


def weights(cfg: dict[str, Any]) -> tuple[float, np.ndarray]:
    """``(bias, w)`` of the pair model from the ``[align]`` settings."""
    w = np.array([float(cfg.get(f"w_{name}", 0.0)) for name in FEATURES], dtype=np.float32)
    return float(cfg.get("w_bias", 0.0)), w
