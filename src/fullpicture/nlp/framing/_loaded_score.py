"""The learned loaded-language model's per-token weight sums, without the feature strings.

:func:`~fullpicture.nlp.framing._loaded_features.token_features` writes each candidate token's
features as strings ("l=attack", "-1p=DET", ...), which training needs; at run time the model
only needs the sum of their weights. :func:`weighted_sums` adds the same weights in the same
order (each feature's weight, 0.0 for a feature the model does not know, left to right from
0.0, as ``_loaded._total`` adds them over ``token_features``' list), so every sum is the same
float; it looks each weight up by the token's value in a table per feature prefix instead of
building and hashing a new string per feature, one feature at a time over all tokens (a numpy
column per feature, added to the sums in the list's order), and keeps the weights of the
features named by several attributes across documents (:attr:`PrefixWeights.cache`).
``tests/test_loaded_score.py`` checks it against ``token_features`` bit for bit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import repeat
from typing import Any

import numpy as np
from spacy.tokens import Doc

from fullpicture.models import FramingCue
from fullpicture.nlp.framing._loaded_features import (
    SENT_CUTS,
    SENTP_CUTS,
    _bucket,
    _lookup,
    columns,
    sentiment_features,
    subjectivity,
)

_SENTIMENT_MAX = 6  # the most features sentiment_features gives a token
_CONSTANT = ("q", "lex", "eval", "title", "intens")  # the features that are a bare name


#: the prefixes whose features are looked up by the token's own value; the others ("hp=NOUN|nsubj",
#: "sent=-2", the sentiment buckets) by their whole name
TABLES = frozenset({"l=", "p=", "t=", "d=", "ql=", "qp=", "lex=", "ent=", "-1l=", "-1p=", "1l=", "1p=", "-2p="})


class _Memo(dict[Any, Any]):
    """A key's value made by ``make`` on its first look-up, then kept (``map(memo.__getitem__, keys)``)."""

    def __init__(self, make: Callable[[Any], Any]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.make(key)
        return value


class PrefixWeights:
    """A model's feature weights: for a name ``prefix=value`` whose prefix is one of
    :data:`TABLES`, by prefix and value (``by_prefix["l="]["attack"]``); any other by its whole
    name (``full``). Each weight is kept once."""

    def __init__(self, weights: Mapping[str, float] | Iterable[tuple[str, float]]) -> None:
        self.by_prefix: dict[str, dict[str, float]] = {}
        self.full: dict[str, float] = {}
        # (name, weight) pairs: a repeated name keeps its first place and takes its last weight,
        # as in a dict made of them (so the model's arrays need no such dict first)
        for name, w in weights.items() if isinstance(weights, Mapping) else weights:
            k = name.find("=")  # every prefix ends at its first "=" ("l=a=b": prefix "l=", value "a=b")
            if k >= 0 and name[: k + 1] in TABLES:
                self.by_prefix.setdefault(name[: k + 1], {})[name[k + 1 :]] = w
            else:
                self.full[name] = w
        self.constant = {name: self.full.get(name, 0.0) for name in _CONSTANT}
        #: the weights of the features named by more than one token attribute, by kind and
        #: attributes, made on first use: ("hp", head POS, dep), ("hl", head lemma, dep),
        #: ("sentp", POS, sentence bucket) -> weight; ("sentiment", lower, lemma, POS) -> the
        #: sentiment features' weights, padded with 0.0 to :data:`_SENTIMENT_MAX`. A cache only
        #: (emptied between batches past ``[pipeline] lemma_cache`` entries, see ``nlp/_zone.py``)
        self.cache = _Memo(self._make)

    def _make(self, key: tuple[str, ...]) -> Any:
        full = self.full.get
        kind = key[0]
        if kind == "hp" or kind == "hl":
            return full(kind + "=" + key[1] + "|" + key[2], 0.0)
        if kind == "sentp":
            return full("sentp=" + key[1] + key[2], 0.0)
        entry = _lookup(key[1], key[2], subjectivity())
        ws = tuple(full(f, 0.0) for f in sentiment_features(entry, key[3]))
        return ws + (0.0,) * (_SENTIMENT_MAX - len(ws))

    def prefix(self, name: str) -> dict[str, float]:
        """value -> weight of the features ``name + value`` (empty when the model has none)."""
        return self.by_prefix.get(name, {})


def weighted_sums(doc: Doc, weights: PrefixWeights, evaluative: frozenset[str] = frozenset(),
                  lexicon: Sequence[FramingCue] = ()) -> tuple[list[int], list[float]]:
    """(token indices, weight sums) of the candidate tokens of ``doc``, in order: for each, the
    sum of its :func:`token_features`' weights, added left to right (see the module)."""
    n, qlen, lexcat, sent_of, sent_start, low, pos, tags, deps, ents, lem, heads, skip, title, intens = columns(doc, lexicon)
    if n == 0:
        return [], []
    z = np.zeros(n)
    for term in _terms(weights, evaluative, n, qlen, lexcat, sent_of, sent_start, low, pos, tags, deps, ents, lem,
                       heads, title, intens):
        z += term  # every token's sum, one feature at a time in token_features' order
    rows = np.flatnonzero(~np.asarray(skip, dtype=bool))
    return rows.tolist(), z[rows].tolist()


def _terms(weights: PrefixWeights, evaluative: frozenset[str], n: int, qlen: dict[int, int], lexcat: dict[int, str],
           sent_of: list[int], sent_start: list[int], low: list[str], pos: list[str], tags: list[str], deps: list[str],
           ents: list[str], lem: list[str], heads: list[int], title: list[int], intens: set[int]) -> Iterator[np.ndarray]:
    """The weight of each of :func:`token_features`' features, in its list's order, as one column
    over all tokens. A token without a feature gets 0.0 in its column, which leaves a sum as it
    is (``x + 0.0 == x``; no sum is ever -0.0), so each token's sum takes the same additions."""
    full = weights.full.get
    bp = weights.prefix
    c = weights.constant

    def col(table: Mapping[str, float], keys: Iterable[str], count: int = n) -> np.ndarray:
        return np.fromiter(map(table.get, keys, repeat(0.0)), dtype=np.float64, count=count)

    cached = weights.cache.__getitem__

    def memo(keys: Iterable[Any]) -> np.ndarray:
        return np.fromiter(map(cached, keys), dtype=np.float64, count=n)

    def shifted(values: np.ndarray, by: int) -> np.ndarray:  # token i gets values[i - by], 0.0 off the ends
        out = np.zeros(n)
        if by > 0:
            out[by:] = values[: n - by]
        else:
            out[: n + by] = values[-by:]
        return out

    yield col(bp("l="), lem)
    yield col(bp("p="), pos)
    yield col(bp("t="), tags)
    yield col(bp("d="), deps)
    yield memo(zip(repeat("hp"), map(pos.__getitem__, heads), deps))
    yield memo(zip(repeat("hl"), map(lem.__getitem__, heads), deps))
    # per sentence: the weight of its sent= feature, its sentp= bucket
    nsent = max(sent_of) + 1
    sents = np.asarray(sent_of, dtype=np.intp)
    yield np.array([full("sent=" + _bucket(-k, SENT_CUTS), 0.0) for k in range(nsent)], dtype=np.float64)[sents]
    buckets = [_bucket(-k, SENTP_CUTS) for k in range(nsent)]
    yield memo(zip(repeat("sentp"), pos, map(buckets.__getitem__, sent_of)))
    if qlen:
        quoted = [(i, q) for i, q in qlen.items() if q]
        at = np.array([i for i, _ in quoted], dtype=np.intp)
        wql, wqp = bp("ql="), bp("qp=")
        for values in ([c["q"]] * len(quoted), [wql.get(str(min(q, 6)), 0.0) for _, q in quoted],
                       [wqp.get(pos[i], 0.0) for i, _ in quoted]):
            term = np.zeros(n)
            term[at] = values
            yield term
    if lexcat:
        at = np.fromiter(lexcat, dtype=np.intp, count=len(lexcat))
        wlex = bp("lex=")
        for values in ([c["lex"]] * len(lexcat), [wlex.get(cat, 0.0) for cat in lexcat.values()]):
            term = np.zeros(n)
            term[at] = values
            yield term
    if evaluative:
        is_eval = np.fromiter(map(evaluative.__contains__, lem), dtype=bool, count=n)
        is_eval |= np.fromiter(map(evaluative.__contains__, low), dtype=bool, count=n)
        yield np.where(is_eval, c["eval"], 0.0)
    went = bp("ent=")
    if "" in went:  # a token without an entity type has no ent= feature
        went = {k: v for k, v in went.items() if k}
    yield col(went, ents)
    titled = np.asarray(title, dtype=bool) & (np.asarray(sent_start) != 1)
    titled[0] = False
    yield np.where(titled, c["title"], 0.0)
    # the sentiment lexicons' features (at most _SENTIMENT_MAX), each token's padded with 0.0
    table = np.array(list(map(cached, zip(repeat("sentiment"), low, lem, pos))), dtype=np.float64)
    yield from table.reshape(n, _SENTIMENT_MAX).T
    yield shifted(col(bp("-1l="), lem), 1)
    yield shifted(col(bp("-1p="), pos), 1)
    yield shifted(col(bp("1l="), lem), -1)
    yield shifted(col(bp("1p="), pos), -1)
    yield shifted(col(bp("-2p="), pos), 2)
    if intens:
        term = np.zeros(n)
        term[np.fromiter(intens, dtype=np.intp, count=len(intens))] = c["intens"]
        yield term
