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
from fullpicture.nlp.claims._columns import Column, code, derive, sparse
from fullpicture.nlp.claims._context import Slot, flag_slots, neighbour_slots, path_slots
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
    return [c.tolist() for c in _clusters(doc, centroids)]


def _clusters(doc: Doc, centroids: Sequence[np.ndarray]) -> list[np.ndarray]:
    """:func:`token_clusters` as arrays."""
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
        out.append(d.argmin(1))
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


_NAMES: dict[int, tuple[Sequence[np.ndarray], list[list[str]]]] = {}


def _cluster_names(centroids: Sequence[np.ndarray]) -> list[list[str]]:
    """Per clustering, the name of each cluster id ("12"), made once per set of clusterings."""
    hit = _NAMES.get(id(centroids))
    if hit is None or hit[0] is not centroids:
        hit = _NAMES[id(centroids)] = (centroids, [[str(c) for c in range(len(cents))] for cents in centroids])
    return hit[1]


_PRIOR_POS = {"VERB": "V", "NOUN": "N", "ADJ": "A"}


def prior_bucket(cue: int, total: int) -> str:
    """The bucket of a lemma's cue rate in training ('h', 'm', 'l' or '' when rare or low)."""
    if cue < 3 or total <= 0:
        return ""
    r = cue / total
    return "h" if r >= 0.5 else "m" if r >= 0.25 else "l" if r >= 0.1 else ""


@dataclass
class FeatureBlocks:
    """A document's features as slots (prefix, value per token; None where a token lacks the
    slot), in the order a token's list takes them: ``head`` (every token has each), ``mid``
    and ``tail``. The tagger maps a slot's distinct values to weight rows once
    (:mod:`._crfscore`); :meth:`strings` gives the lists training reads."""

    head: list[Slot]
    mid: list[Slot]
    tail: list[Slot]

    def strings(self) -> list[list[str]]:
        """Each token's feature strings: head slots, then the present mid and tail slots."""
        slots = [*self.head, *self.mid, *self.tail]
        if not slots:
            return []
        cols = [[p + v if v is not None else None for v in vals] for p, vals in slots]
        return [[x for x in f if x is not None] for f in zip(*cols, strict=True)]


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
    kinds = {v: _cue_class(v, "", lex) for v in low.values()}
    cls = [kinds[le] or ("acc" if lo == "according" else "") for le, lo in zip(lemmas, lowers, strict=True)]
    cp_rows: list[int] = []
    cp_values: list[str] = []
    if prior:
        for i in range(n):
            tag = _PRIOR_POS.get(pos[i])
            if tag:
                bucket = prior.get(lemmas[i] + "|" + tag, "")
                if bucket:
                    cp_rows.append(i)
                    cp_values.append(bucket)
                if bucket in ("h", "m") and not cls[i]:
                    cls[i] = "p" + bucket
    heads_np = np.array(heads, dtype=np.intp)
    dnames, dcode = code(deps)
    lnames, lcode = code(lowers)
    tnames, tcode = code(texts)
    has_nl = np.array(["\n" in t for t in tnames], dtype=bool)[tcode]
    ends_nl = np.array([t[-1:] == "\n" for t in tnames], dtype=bool)[tcode] & ~np.array(space, dtype=bool)
    clusters = _clusters(doc, centroids)
    first_line = text.find("\n")
    first_line = len(text) if first_line < 0 else first_line
    # the fixed features, coded column by column (each distinct value looked up once)
    mnames, mcode = code(lemmas)
    pnames, pcode = code(pos)
    rnames, rcode = code(roles)
    combo, inv = np.unique(dcode * len(pnames) + pcode[heads_np], return_inverse=True)
    dh = [dnames[d] + "|" + pnames[p] for d, p in (divmod(x, len(pnames)) for x in combo.tolist())]
    head: list[Slot] = [
        ("b", Column(("",), np.zeros(n, dtype=np.intp))), ("w=", Column(lnames, lcode)), ("l=", Column(mnames, mcode)),
        ("p=", Column(pnames, pcode)), ("t=", Column(*code(tags))), ("d=", Column(dnames, dcode)),
        ("hl=", Column(mnames, mcode[heads_np])), ("dh=", Column(dh, inv.reshape(-1))),
        ("r=", Column(rnames, rcode)), ("rr=", derive(rnames, rcode, _role_kind)),
    ]
    # the rest in the order of a token's list: its children's dependencies, suffix, cue prior,
    # clusters, cue class, its head's cue class, flags, paths (coded columns, most sparse)
    mid = _child_slots(heads_np, dnames, dcode)
    mid.append(("s3=", derive(lnames, lcode, _suffix)))
    mid.append(("cp=", sparse(n, cp_rows, cp_values)))
    names = _cluster_names(centroids) if clusters else []
    for k, (cl, own) in enumerate(zip(clusters, names, strict=True)):
        combo, inv = np.unique(cl[heads_np] * len(dnames) + dcode, return_inverse=True)
        up = [own[c] + "|" + dnames[d] for c, d in (divmod(x, len(dnames)) for x in combo.tolist())]
        mid.extend(((f"k{k}=", Column(own, cl)), (f"k{k}h=", Column(up, inv.reshape(-1)))))
    c_rows = [i for i, c in enumerate(cls) if c]
    mid.append(("cls=", sparse(n, c_rows, [cls[i] for i in c_rows])))
    mid.append(("cls=", sparse(n, c_rows, [cls[i] + "|" + pos[i] for i in c_rows])))
    h_rows = [i for i, h in enumerate(heads) if h != i and cls[h]]
    mid.append(("hcls=", sparse(n, h_rows, [cls[heads[i]] + "|" + deps[i] for i in h_rows])))
    quote = np.array(in_quote, dtype=bool)
    mid.extend(flag_slots(starts, first_line, (toks.is_title, toks.is_upper, toks.is_quote), (lnames, lcode), ents,
                          quote, (has_nl, ends_nl), toks.sents, cls))
    k0 = list(map(names[0].__getitem__, clusters[0].tolist())) if clusters else None
    verbs = np.array([p in ("VERB", "AUX") for p in pnames], dtype=bool)[pcode]
    mid.extend(path_slots(heads_np, (dnames, dcode), verbs, (mnames, mcode), cls,
                          (names[0], clusters[0]) if clusters else None))
    coded = {"w": (lnames, lcode), "p": (pnames, pcode), "r": (rnames, rcode)}
    if clusters:
        coded["k"] = (names[0], clusters[0])
    tail = neighbour_slots(lowers, pos, roles, cls, in_quote, k0, coded)
    return FeatureBlocks(head, mid, tail)


def _suffix(lower: str) -> str | None:
    return lower[-3:] if len(lower) > 3 else None


def _role_kind(role: str) -> str:
    return role[2:] if role != "O" else "O"


def _child_slots(heads: np.ndarray, dnames: list[str], dcode: np.ndarray) -> list[Slot]:
    """"c=" + the dependency of each token's children, in token order: slot j holds every
    token's j-th child (a token with fewer children has none)."""
    n = len(heads)
    child = np.flatnonzero(heads != np.arange(n))
    if not len(child):
        return []
    order = np.argsort(heads[child], kind="stable")
    parents, kids = heads[child][order], child[order]
    rank = np.arange(len(parents)) - np.searchsorted(parents, parents)
    by_rank = np.argsort(rank, kind="stable")
    edges = np.searchsorted(rank[by_rank], np.arange(int(rank.max()) + 2))
    out: list[Slot] = []
    for a, b in zip(edges[:-1].tolist(), edges[1:].tolist(), strict=True):
        sel = by_rank[a:b]
        out.append(("c=", Column(dnames, dcode[kids[sel]], parents[sel], n)))
    return out


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
