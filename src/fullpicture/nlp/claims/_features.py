"""Token features for the learned attribution tagger (spaCy parse + rule output).

One feature list per token of a parsed ``Doc``. The rule-based extractor's output is a
feature (which role it gives each token), so the tagger learns where to trust the rules
and where to correct them. Shared by the tagger at run time and by
``scripts/train_attribution.py``; changing a feature means retraining.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc
from thinc.api import NumpyOps

from fullpicture.nlp._shared import doc_text
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.claims._context import flag_features, neighbour_slots, path_features
from fullpicture.nlp.claims._data import ClaimLexicon
from fullpicture.nlp.claims._roleprob import RoleNet, doc_role_probs, role_features
from fullpicture.nlp.claims._spans import quote_spans

ROLES = ("source", "cue", "content")
_ROLE_TAG = {"source": "SRC", "cue": "CUE", "content": "CON"}
_OPS = NumpyOps()


def _char_roles(doc: Doc, spans: Sequence[tuple[str, tuple[int, int]]], starts: list[int] | None = None) -> list[str]:
    """Rule role of every token ('B-SRC', 'I-CON', 'O' ...); later spans do not overwrite."""
    out = ["O"] * len(doc)
    starts = starts if starts is not None else [t.idx for t in doc]
    for role, (s, e) in spans:
        first = True
        for i in _tokens_in(starts, s, e):
            if out[i] == "O":
                out[i] = ("B-" if first else "I-") + _ROLE_TAG[role]
            first = False
    return out


def _tokens_in(starts: list[int], s: int, e: int) -> range:
    from bisect import bisect_left, bisect_right

    i = bisect_right(starts, s) - 1
    i = max(i, 0)
    j = bisect_left(starts, e)
    return range(i, j)


def rule_spans(claims: Sequence[object]) -> list[tuple[str, tuple[int, int]]]:
    """(role, char span) of every role of rule claims that are attributions (not namings)."""
    out: list[tuple[str, tuple[int, int]]] = []
    for c in claims:
        if getattr(c, "kind", "") == "naming":
            continue
        for role in ("cue", "source", "content"):
            sp = getattr(c, role, None)
            if sp is not None and sp[1] > sp[0]:
                out.append((role, sp))
    return out


def _cue_class(lemma: str, lower: str, lex: ClaimLexicon) -> str:
    if lemma in lex.speech:
        return "speech"
    if lemma in lex.cognition:
        return "cog"
    if lemma in lex.report_nouns:
        return "rnoun"
    if lower == "according":
        return "acc"
    return ""


def token_clusters(doc: Doc, centroids: Sequence[np.ndarray]) -> list[list[int]]:
    """Nearest centroid of every token's tok2vec vector, per clustering (one list per clustering)."""
    tensor = doc.tensor
    if not centroids or tensor is None or tensor.shape[0] != len(doc) or len(doc) == 0:
        return []
    x = np.ascontiguousarray(tensor, dtype=np.float32)
    out = []
    for c in centroids:
        if c.shape[1] != x.shape[1]:
            return []
        # thinc's single-threaded blis gemm, not numpy: a few hundred tokens are too small
        # for threaded BLAS (its threads cost more than the product on a busy machine) and
        # einsum is three times slower; |c|^2 - 2 x.c, in place
        m2c, norms = _scaled(c)
        d = _OPS.gemm(x, m2c, trans2=True)
        d += norms
        out.append(d.argmin(1).tolist())
    return out


_SCALED: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}


def _scaled(c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``-2 c`` and ``|c|^2`` of a centroid array, made once per array. x.(-2c) is -2 (x.c) bit
    for bit: scaling by a power of two is exact, so every product and partial sum of the same
    summation is scaled exactly (the values are far from overflow and subnormals)."""
    hit = _SCALED.get(id(c))
    if hit is None or hit[0] is not c:
        hit = _SCALED[id(c)] = (c, np.ascontiguousarray(c * np.float32(-2.0)), (c * c).sum(1))
    return hit[1], hit[2]


_NAMES: dict[int, tuple[Sequence[np.ndarray], list[list[str]], list[list[str]]]] = {}


def _cluster_names(centroids: Sequence[np.ndarray]) -> tuple[list[list[str]], list[list[str]]]:
    """Per clustering, the feature strings of each cluster id: "k0=12" and "k0h=12|"."""
    hit = _NAMES.get(id(centroids))
    if hit is None or hit[0] is not centroids:
        hit = _NAMES[id(centroids)] = (
            centroids, [[f"k{k}={c}" for c in range(len(cents))] for k, cents in enumerate(centroids)],
            [[f"k{k}h={c}|" for c in range(len(cents))] for k, cents in enumerate(centroids)])
    return hit[1], hit[2]


_PRIOR_POS = {"VERB": "V", "NOUN": "N", "ADJ": "A"}


def prior_bucket(cue: int, total: int) -> str:
    """The bucket of a lemma's cue rate in training ('h', 'm', 'l' or '' when rare or low)."""
    if cue < 3 or total <= 0:
        return ""
    r = cue / total
    return "h" if r >= 0.5 else "m" if r >= 0.25 else "l" if r >= 0.1 else ""


@dataclass
class FeatureBlocks:
    """A document's feature strings in three blocks, in the order a token's list takes them:
    ``head`` and ``tail`` as slots (prefix, value per token; None where a tail slot is absent),
    ``mid`` as each token's strings. The tagger maps a slot's distinct values to weight rows
    once (:mod:`._crfscore`); :meth:`strings` gives the lists training reads."""

    head: list[tuple[str, list[str]]]
    mid: list[list[str]]
    tail: list[tuple[str, Sequence[str | None]]]

    def strings(self) -> list[list[str]]:
        """Each token's feature strings: head slots, its own strings, present tail slots."""
        heads = [[p + v for v in vals] for p, vals in self.head]
        tails = [[p + v if v is not None else None for v in vals] for p, vals in self.tail]
        out = []
        for i, own in enumerate(self.mid):
            f = [c[i] for c in heads]
            f.extend(own)
            f.extend(x for c in tails if (x := c[i]) is not None)
            out.append(f)
        return out


def doc_features(
    doc: Doc, rules: Sequence[object], lex: ClaimLexicon, centroids: Sequence[np.ndarray] = (),
    prior: Mapping[str, str] | None = None, roles_w: RoleNet | None = None, probs: np.ndarray | None = None,
) -> list[list[str]]:
    """Feature strings for every token of a parsed document (token attributes read once).

    ``centroids`` (k-means centres of spaCy's tok2vec vectors, shipped beside the weights)
    add each token's cluster id, which generalises cue and source words unseen in training.
    ``prior`` maps "lemma|V" (N, A) to the bucket of how often that lemma was a cue word in
    PolNeAR train (:func:`prior_bucket`); a lemma outside the lexicon with a high or middle
    rate counts as a cue class of its own, so words under it get the cue-ancestor features.
    ``roles_w`` (the role network over tok2vec vectors, :mod:`._roleprob`) adds each token's
    and its head's bucketed role probabilities; ``probs`` gives them precomputed (training's
    cross-fitted ones).
    """
    base = feature_blocks(doc, rules, lex, centroids, prior).strings()
    if probs is None and roles_w is not None:
        toks = token_arrays(doc)
        probs = doc_role_probs(doc, toks.head, toks.dep, toks.pos, roles_w)
    if probs is not None:
        role_features(base, probs, token_arrays(doc).head)
    return base


def feature_blocks(
    doc: Doc, rules: Sequence[object], lex: ClaimLexicon, centroids: Sequence[np.ndarray] = (),
    prior: Mapping[str, str] | None = None,
) -> FeatureBlocks:
    """The features of :func:`doc_features` without the role network's, as blocks."""
    text = doc_text(doc)
    toks = token_arrays(doc)
    n = toks.n
    starts = toks.idx
    in_quote = [False] * n
    for qs, qe in quote_spans(text):
        for i in _tokens_in(starts, qs, qe):
            in_quote[i] = True
    roles = _char_roles(doc, rule_spans(rules), starts)
    lowers, pos, tags, deps, heads, ents = toks.lower, toks.pos, toks.tag, toks.dep, toks.head, toks.ent_type
    low = {v: v.lower() for v in set(toks.lemma)}
    lemmas = [low[v] for v in toks.lemma]
    texts, space = toks.text, toks.space
    ends_nl = [not sp and t[-1:] == "\n" for t, sp in zip(texts, space, strict=True)]
    has_nl = ["\n" in t for t in texts]
    kinds = {v: _cue_class(v, "", lex) for v in low.values()}
    cls = [kinds[le] or ("acc" if lo == "according" else "") for le, lo in zip(lemmas, lowers, strict=True)]
    pb = [""] * n
    if prior:
        for i in range(n):
            tag = _PRIOR_POS.get(pos[i])
            if tag:
                bucket = pb[i] = prior.get(lemmas[i] + "|" + tag, "")
                if bucket in ("h", "m") and not cls[i]:
                    cls[i] = "p" + bucket
    children: list[list[str]] = [[] for _ in range(n)]
    cdep = {d: "c=" + d for d in set(deps)}
    for i, h in enumerate(heads):
        if h != i:
            children[h].append(cdep[deps[i]])
    sent_start = [False] * n
    sent_end = [False] * n
    sent_has_cue = [False] * n
    sent_has_quote = [False] * n
    for a, b in toks.sents:
        sent_start[a] = True
        sent_end[b - 1] = True
        has_cue = any(cls[a:b])
        has_q = any(in_quote[a:b])
        if has_cue:
            sent_has_cue[a:b] = [True] * (b - a)
        if has_q:
            sent_has_quote[a:b] = [True] * (b - a)
    clusters = token_clusters(doc, centroids)
    para_start = [i == 0 or ends_nl[i - 1] or has_nl[i - 1] for i in range(n)]
    first_line = text.find("\n")
    first_line = len(text) if first_line < 0 else first_line
    # the fixed features, built column by column (list comprehensions, not per-token appends)
    head: list[tuple[str, list[str]]] = [
        ("b", [""] * n), ("w=", lowers), ("l=", lemmas), ("p=", pos), ("t=", tags), ("d=", deps),
        ("hl=", [lemmas[h] for h in heads]), ("dh=", [de + "|" + pos[h] for de, h in zip(deps, heads, strict=True)]),
        ("r=", roles), ("rr=", [ro[2:] if ro != "O" else "O" for ro in roles]),
    ]
    base: list[list[str]] = [[] for _ in range(n)]
    kstr = [[str(c) for c in cl] for cl in clusters]
    # "k0=12" and "k0h=12|" per cluster id, made once per set of clusterings
    kown, khead = _cluster_names(centroids) if clusters else ([], [])
    kinds_pos = {(c, p): ("cls=" + c, "cls=" + c + "|" + p) for c in set(cls) if c for p in set(pos)}
    # per token, in this order: each clustering's own cluster, then its head's cluster with the
    # token's dependency (made column by column, one tuple per token)
    kcols = [col for cl, own, up in zip(clusters, kown, khead, strict=True)
             for col in ([own[c] for c in cl], [up[cl[h]] + de for h, de in zip(heads, deps, strict=True)])]
    kfeat = list(zip(*kcols, strict=True)) if kcols else None
    for i, f in enumerate(base):
        if children[i]:
            f.extend(children[i])
        lo = lowers[i]
        if len(lo) > 3:
            f.append("s3=" + lo[-3:])
        if pb[i]:
            f.append("cp=" + pb[i])
        h = heads[i]
        if kfeat is not None:
            f.extend(kfeat[i])
        c = cls[i]
        if c:
            f.extend(kinds_pos[c, pos[i]])
        if cls[h] and h != i:
            f.append("hcls=" + cls[h] + "|" + deps[i])
    flag_features(base, starts, first_line, (toks.is_title, toks.is_upper, toks.is_quote), lowers, ents, para_start,
                  in_quote, has_nl, ends_nl,
                   (sent_start, sent_end, sent_has_cue, sent_has_quote))
    path_features(base, heads, deps, pos, lemmas, cls, kstr[0] if kstr else None)
    tail = neighbour_slots(lowers, pos, roles, cls, in_quote, kstr[0] if kstr else None)
    return FeatureBlocks(head, base, tail)


def with_tensor(doc: Doc, feats: list[list[str]]) -> list[dict[str, float]]:
    """The features plus the dimensions of spaCy's tok2vec tensor, as CRFsuite items."""
    tensor = doc.tensor
    out = []
    for k, f in enumerate(feats):
        d = dict.fromkeys(f, 1.0)
        for j, v in enumerate(tensor[k].tolist()):
            d[f"v{j}"] = v
        out.append(d)
    return out
