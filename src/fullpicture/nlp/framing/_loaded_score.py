"""The learned loaded-language model's per-token weight sums, without the feature strings.

:func:`~fullpicture.nlp.framing._loaded_features.token_features` writes each candidate token's
features as strings ("l=attack", "-1p=DET", ...), which training needs; at run time the model
only needs the sum of their weights. :func:`weighted_sums` adds the same weights in the same
order (each feature's weight, 0.0 for a feature the model does not know, left to right from
0.0, as ``_loaded._total`` adds them over ``token_features``' list), so every sum is the same
float; it looks each weight up by the token's value in a table per feature prefix instead of
building and hashing a new string per feature. ``tests/test_loaded_score.py`` checks it against
``token_features`` bit for bit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from fullpicture.models import FramingCue
from fullpicture.nlp.framing._loaded_features import (
    SENT_CUTS,
    SENTP_CUTS,
    Entry,
    _bucket,
    _lookup,
    columns,
    sentiment_features,
    subjectivity,
)

_CONSTANT = ("q", "lex", "eval", "title", "intens")  # the features that are a bare name


#: the prefixes whose features are looked up by the token's own value; the others ("hp=NOUN|nsubj",
#: "sent=-2", the sentiment buckets) by their whole name
TABLES = frozenset({"l=", "p=", "t=", "d=", "ql=", "qp=", "lex=", "ent=", "-1l=", "-1p=", "1l=", "1p=", "-2p="})


class PrefixWeights:
    """A model's feature weights: for a name ``prefix=value`` whose prefix is one of
    :data:`TABLES`, by prefix and value (``by_prefix["l="]["attack"]``); any other by its whole
    name (``full``). Each weight is kept once."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        self.by_prefix: dict[str, dict[str, float]] = {}
        self.full: dict[str, float] = {}
        for name, w in weights.items():
            k = name.find("=")  # every prefix ends at its first "=" ("l=a=b": prefix "l=", value "a=b")
            if k >= 0 and name[: k + 1] in TABLES:
                self.by_prefix.setdefault(name[: k + 1], {})[name[k + 1 :]] = w
            else:
                self.full[name] = w
        self.constant = {name: self.full.get(name, 0.0) for name in _CONSTANT}

    def prefix(self, name: str) -> dict[str, float]:
        """value -> weight of the features ``name + value`` (empty when the model has none)."""
        return self.by_prefix.get(name, {})


def weighted_sums(doc: Doc, weights: PrefixWeights, evaluative: frozenset[str] = frozenset(),
                  lexicon: Sequence[FramingCue] = ()) -> tuple[list[int], list[float]]:
    """(token indices, weight sums) of the candidate tokens of ``doc``, in order: for each, the
    sum of its :func:`token_features`' weights, added left to right (see the module)."""
    n, qlen, lexcat, sent_of, sent_start, low, pos, tags, deps, ents, lem, heads, skip, title, intens = columns(doc, lexicon)
    full = weights.full.get
    bp = weights.prefix
    wl, wp, wt, wd = bp("l="), bp("p="), bp("t="), bp("d=")
    wql, wqp, wlex, went = bp("ql="), bp("qp="), bp("lex="), bp("ent=")
    wm1l, wm1p, w1l, w1p, wm2p = bp("-1l="), bp("-1p="), bp("1l="), bp("1p="), bp("-2p=")
    c = weights.constant
    cq, clex, ceval, ctitle, cintens = c["q"], c["lex"], c["eval"], c["title"], c["intens"]
    lex = subjectivity()
    sents: dict[int, tuple[float, str]] = {}  # -sentence -> (weight of its sent= feature, its sentp= bucket)
    entries: dict[tuple[str, str], Entry] = {}
    sentiment: dict[tuple[str, str, str], tuple[float, ...]] = {}  # (lower, lemma, POS) -> weights
    # the weights of the features named by two strings ("hp=" head POS "|" dep, "hl=" head
    # lemma "|" dep, "sentp=" POS bucket), by the pair: each name is built once per document
    hpw: dict[tuple[str, str], float] = {}
    hlw: dict[tuple[str, str], float] = {}
    spw: dict[tuple[str, str], float] = {}
    rows: list[int] = []
    sums: list[float] = []
    for i in range(n):
        if skip[i]:
            continue
        hi = heads[i]
        dep = deps[i]
        si = -sent_of[i]
        li = lem[i]
        pi = pos[i]
        z = 0.0
        z += wl.get(li, 0.0)
        z += wp.get(pi, 0.0)
        z += wt.get(tags[i], 0.0)
        z += wd.get(dep, 0.0)
        key = (pos[hi], dep)
        w = hpw.get(key)
        if w is None:
            w = hpw[key] = full("hp=" + key[0] + "|" + dep, 0.0)
        z += w
        key = (lem[hi], dep)
        w = hlw.get(key)
        if w is None:
            w = hlw[key] = full("hl=" + key[0] + "|" + dep, 0.0)
        z += w
        sw = sents.get(si)
        if sw is None:
            sw = sents[si] = (full("sent=" + _bucket(si, SENT_CUTS), 0.0), _bucket(si, SENTP_CUTS))
        z += sw[0]
        key = (pi, sw[1])
        w = spw.get(key)
        if w is None:
            w = spw[key] = full("sentp=" + pi + sw[1], 0.0)
        z += w
        q = qlen.get(i)
        if q:
            z += cq
            z += wql.get(str(min(q, 6)), 0.0)
            z += wqp.get(pi, 0.0)
        if i in lexcat:
            z += clex
            z += wlex.get(lexcat[i], 0.0)
        lo = low[i]
        if li in evaluative or lo in evaluative:
            z += ceval
        ent = ents[i]
        if ent:
            z += went.get(ent, 0.0)
        if title[i] and i > 0 and sent_start[i] != 1:
            z += ctitle
        skey = (lo, li, pi)
        sv = sentiment.get(skey)
        if sv is None:
            e = entries.get((lo, li))
            if e is None:
                e = entries[(lo, li)] = _lookup(lo, li, lex)
            sv = sentiment[skey] = tuple(full(f, 0.0) for f in sentiment_features(e, pi))
        for w in sv:
            z += w
        if i > 0:
            z += wm1l.get(lem[i - 1], 0.0)
            z += wm1p.get(pos[i - 1], 0.0)
        if i + 1 < n:
            z += w1l.get(lem[i + 1], 0.0)
            z += w1p.get(pos[i + 1], 0.0)
        if i > 1:
            z += wm2p.get(pos[i - 2], 0.0)
        if i in intens:
            z += cintens
        rows.append(i)
        sums.append(z)
    return rows, sums
