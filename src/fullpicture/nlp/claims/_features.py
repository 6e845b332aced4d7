"""Token features for the learned attribution tagger (spaCy parse + rule output).

One feature list per token of a parsed ``Doc``. The rule-based extractor's output is a
feature (which role it gives each token), so the tagger learns where to trust the rules
and where to correct them. Shared by the tagger at run time and by
``scripts/train_attribution.py``; changing a feature means retraining.
"""

from __future__ import annotations

from collections.abc import Sequence

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

from fullpicture.nlp._shared import doc_text
from fullpicture.nlp.claims._data import ClaimLexicon
from fullpicture.nlp.claims._spans import quote_spans

ROLES = ("source", "cue", "content")
_ROLE_TAG = {"source": "SRC", "cue": "CUE", "content": "CON"}
_ANCESTOR_STEPS = 8


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
    x = np.asarray(tensor, dtype=np.float32)
    out = []
    for c in centroids:
        if c.shape[1] != x.shape[1]:
            return []
        # einsum, not BLAS matmul: a few hundred tokens are too small for threaded BLAS,
        # whose threads cost more than the product on a busy machine
        d = (c * c).sum(1)[None, :] - 2.0 * np.einsum("ij,kj->ik", x, c)
        out.append(d.argmin(1).tolist())
    return out


def doc_features(
    doc: Doc, rules: Sequence[object], lex: ClaimLexicon, centroids: Sequence[np.ndarray] = ()
) -> list[list[str]]:
    """Feature strings for every token of a parsed document (token attributes read once).

    ``centroids`` (k-means centres of spaCy's tok2vec vectors, shipped beside the weights)
    add each token's cluster id, which generalises cue and source words unseen in training.
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
    base: list[list[str]] = []
    for i in range(n):
        lo = lowers[i]
        h = heads[i]
        role = roles[i]
        f = [
            "b",
            "w=" + lo,
            "l=" + lemmas[i],
            "p=" + pos[i],
            "t=" + tags[i],
            "d=" + deps[i],
            "hl=" + lemmas[h],
            "dh=" + deps[i] + "|" + pos[h],
            "r=" + role,
            "rr=" + role[2:] if role != "O" else "rr=O",
        ]
        f.extend(children[i])
        if len(lo) > 3:
            f.append("s3=" + lo[-3:])
        for k, cl in enumerate(clusters):
            f.append(f"k{k}=" + str(cl[i]))
            f.append(f"k{k}h=" + str(cl[h]) + "|" + deps[i])
        if para_start[i]:
            f.append("pstart")
        if starts[i] < first_line:
            f.append("line1")
        c = cls[i]
        if c:
            f.append("cls=" + c)
            f.append("cls=" + c + "|" + pos[i])
        if cls[h] and h != i:
            f.append("hcls=" + cls[h] + "|" + deps[i])
        if in_quote[i]:
            f.append("inq")
        title, upper, quote, _, _ = flags[i]
        nl = has_nl[i]
        if quote or lo in ("“", "”", '"', "''", "``"):
            f.append("qmark")
        if title:
            f.append("title")
        if upper and len(lo) > 1:
            f.append("upper")
        if ents[i]:
            f.append("ent=" + ents[i])
        if sent_start[i]:
            f.append("sstart")
        if sent_end[i]:
            f.append("send")
        if sent_has_cue[i]:
            f.append("scue")
        if sent_has_quote[i]:
            f.append("squote")
        if nl or (i > 0 and ends_nl[i - 1]):
            f.append("nl")
        # the nearest ancestor that is a cue word, and how this token hangs under it
        # (a root cue is its own ancestor: "anc=speech|ROOT")
        # the nearest verb above the token and the path of labels to it ("vp=nsubj|announce")
        below, cur, path = i, i, []
        for _ in range(3):
            below, cur = cur, heads[cur]
            if below == cur:
                break
            path.append(deps[below])
            if pos[cur] in ("VERB", "AUX"):
                p = ">".join(path)
                f.append("vp=" + p)
                f.append("vp=" + p + "|" + lemmas[cur])
                if clusters:
                    f.append("vpk=" + p + "|" + str(clusters[0][cur]))
                break
        below, cur = i, i
        for step in range(_ANCESTOR_STEPS):
            below, cur = cur, heads[cur]
            ca = cls[cur]
            if ca:
                f.append("anc=" + ca + "|" + deps[below])
                f.append("ancd=" + deps[below] + "|" + ("L" if i < cur else "R"))
                f.append("ancs=" + str(min(step, 3)))
                break
            if below == cur:
                break
        base.append(f)
    for i in range(n):
        f = base[i]
        for k in (-2, -1, 1, 2):
            j = i + k
            if 0 <= j < n:
                f.append(f"{k}w=" + lowers[j])
                f.append(f"{k}p=" + pos[j])
                if k in (-1, 1):
                    f.append(f"{k}r=" + roles[j])
                    if clusters:
                        f.append(f"{k}k=" + str(clusters[0][j]))
                    if in_quote[j] != in_quote[i]:
                        f.append(f"{k}qedge")
                    if cls[j]:
                        f.append(f"{k}cls=" + cls[j])
            else:
                f.append(f"{k}BOUND")
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
