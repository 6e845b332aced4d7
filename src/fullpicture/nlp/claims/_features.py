"""Token features for the learned attribution tagger (spaCy parse + rule output).

One feature list per token of a parsed ``Doc``. The rule-based extractor's output is a
feature (which role it gives each token), so the tagger learns where to trust the rules
and where to correct them. Shared by the tagger at run time and by
``scripts/train_attribution.py``; changing a feature means retraining.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_QUOTE,
    IS_TITLE,
    IS_UPPER,
    LEMMA,
    LENGTH,
    LOWER,
    POS,
    SPACY,
    TAG,
)
from spacy.tokens import Doc
from thinc.api import NumpyOps

from fullpicture.nlp._shared import doc_text
from fullpicture.nlp.claims._context import flag_features, neighbour_features, path_features
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
        d = _OPS.gemm(x, c, trans2=True)
        d *= -2.0
        d += (c * c).sum(1)
        out.append(d.argmin(1).tolist())
    return out


_PRIOR_POS = {"VERB": "V", "NOUN": "N", "ADJ": "A"}


def prior_bucket(cue: int, total: int) -> str:
    """The bucket of a lemma's cue rate in training ('h', 'm', 'l' or '' when rare or low)."""
    if cue < 3 or total <= 0:
        return ""
    r = cue / total
    return "h" if r >= 0.5 else "m" if r >= 0.25 else "l" if r >= 0.1 else ""


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
    text = doc_text(doc)
    n = len(doc)
    starts = doc.to_array([IDX]).tolist() if n else []
    in_quote = [False] * n
    for qs, qe in quote_spans(text):
        for i in _tokens_in(starts, qs, qe):
            in_quote[i] = True
    roles = _char_roles(doc, rule_spans(rules), starts)
    arr = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, IS_TITLE, IS_UPPER, IS_QUOTE, SPACY, LENGTH])
    look: dict[int, str] = {}
    strings = doc.vocab.strings

    def col(k: int, lower: bool = False) -> list[str]:
        out = []
        for h in arr[:, k].tolist():
            v = look.get(h)
            if v is None:
                v = look[h] = strings[h] if h else ""
            out.append(v)
        return [v.lower() for v in out] if lower else out

    lowers, lemmas, pos, tags, deps = col(0), col(1, True), col(2), col(3), col(4)
    ents = col(6)
    rel = arr[:, 5].astype("int64").tolist()
    heads = [i + r for i, r in enumerate(rel)]
    flags = arr[:, 7:12].tolist()
    ends_nl = [not sp and text[st + ln - 1 : st + ln] == "\n" for st, (_, _, _, sp, ln) in zip(starts, flags, strict=True)]
    has_nl = [ln > 0 and "\n" in text[st : st + ln] for st, (_, _, _, _, ln) in zip(starts, flags, strict=True)]
    cls = [_cue_class(lemmas[i], lowers[i], lex) for i in range(n)]
    pb = [""] * n
    if prior:
        for i in range(n):
            tag = _PRIOR_POS.get(pos[i])
            if tag:
                bucket = pb[i] = prior.get(lemmas[i] + "|" + tag, "")
                if bucket in ("h", "m") and not cls[i]:
                    cls[i] = "p" + bucket
    children: list[list[str]] = [[] for _ in range(n)]
    for i in range(n):
        if heads[i] != i:
            children[heads[i]].append("c=" + deps[i])
    sent_start = [False] * n
    sent_end = [False] * n
    sent_has_cue = [False] * n
    sent_has_quote = [False] * n
    for sent in doc.sents:
        a, b = sent.start, sent.end
        sent_start[a] = True
        sent_end[b - 1] = True
        has_cue = any(cls[a:b])
        has_q = any(in_quote[a:b])
        for i in range(a, b):
            sent_has_cue[i] = has_cue
            sent_has_quote[i] = has_q
    clusters = token_clusters(doc, centroids)
    para_start = [i == 0 or ends_nl[i - 1] or has_nl[i - 1] for i in range(n)]
    first_line = text.find("\n")
    first_line = len(text) if first_line < 0 else first_line
    # the fixed features, built column by column (list comprehensions, not per-token appends)
    base = [
        ["b", "w=" + lo, "l=" + le, "p=" + po, "t=" + ta, "d=" + de, "hl=" + lemmas[h], "dh=" + de + "|" + pos[h],
         "r=" + ro, "rr=" + ro[2:] if ro != "O" else "rr=O"]
        for lo, le, po, ta, de, h, ro in zip(lowers, lemmas, pos, tags, deps, heads, roles, strict=True)
    ]
    kstr = [[str(c) for c in cl] for cl in clusters]
    for i, f in enumerate(base):
        if children[i]:
            f.extend(children[i])
        lo = lowers[i]
        if len(lo) > 3:
            f.append("s3=" + lo[-3:])
        if pb[i]:
            f.append("cp=" + pb[i])
        h = heads[i]
        for k, ks in enumerate(kstr):
            f.append(f"k{k}=" + ks[i])
            f.append(f"k{k}h=" + ks[h] + "|" + deps[i])
        c = cls[i]
        if c:
            f.append("cls=" + c)
            f.append("cls=" + c + "|" + pos[i])
        if cls[h] and h != i:
            f.append("hcls=" + cls[h] + "|" + deps[i])
    flag_features(base, text, starts, first_line, flags, lowers, ents, para_start, in_quote, has_nl, ends_nl,
                   (sent_start, sent_end, sent_has_cue, sent_has_quote))
    path_features(base, heads, deps, pos, lemmas, cls, kstr[0] if kstr else None)
    neighbour_features(base, lowers, pos, roles, cls, in_quote, kstr[0] if kstr else None)
    if probs is None and roles_w is not None:
        probs = doc_role_probs(doc, heads, deps, pos, roles_w)
    if probs is not None:
        role_features(base, probs, heads)
    return base


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
