"""A learned cue classifier over candidate cue tokens: which claims to keep, which to add.

The rules and the CRF decide cue by cue from words seen in training, and a wide tail of
cue words is missed (verbs of stance and action: "encouraged", "backed"), while acts
("threw open", "unloaded on") and expletive openers ("It is worth noting") are taken as
cues. Two logistic models (``data/models/attribution_cues.npz``, trained on the
out-of-fold output of PolNeAR train by ``scripts/train_cues.py``) read one row of features
per cue: the role network's probabilities for the cue token and its head
(:mod:`._roleprob`), its lemma's cue rate in training, its lexicon class, its part of
speech, dependency, complements and subject, quotation context, the claim's kind and
origin, the CRF tagger's own marginals over the claim (:func:`._cuefeatures.crf_columns`: how cue-like the
CRF finds the cue's tokens, how content- and source-like the claim's content and source,
read from the sequence it has just tagged; a model trained with them says so, ``crf`` in the
file), and the tok2vec vectors of the cue and of its subject and object heads.

* **keep**: every attribution of the rules and the tagger (naming claims and quotations
  without a cue excepted) is dropped when its probability of being an attribution is under
  ``[claims] cue_keep_min``;
* **add**: a verb or noun that no claim covers and the role network gives a cue
  probability of at least ``[claims] cue_candidate_min`` becomes a claim, with the parse's
  subject as its source and its complement as its content, when the model's probability is at
  least ``[claims] cue_add_min`` (most probable first, never overlapping a claim kept or added).
  Its confidence is that probability.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.attrs import IDX, IS_ALPHA, LENGTH, POS
from spacy.symbols import NOUN, VERB
from spacy.tokens import Doc, Token

from fullpicture.nlp._intervals import index_of, pair
from fullpicture.nlp._shared import doc_text
from fullpicture.nlp.claims._cuefeatures import _NOUN_PREPS, cue_token, rows
from fullpicture.nlp.claims._data import ClaimLexicon
from fullpicture.nlp.claims._layout import dash_signature
from fullpicture.nlp.claims._merge import _clause_before, _cue_subject, _kind, _parse_content
from fullpicture.nlp.claims._raw import RawClaim
from fullpicture.nlp.claims._roleprob import RoleNet, token_probs
from fullpicture.nlp.claims._spans import (
    balance_quotes,
    extend_cue,
    source_bounds,
    span_chars,
    speech_quotes,
)
from fullpicture.nlp.claims._tagger import AttributionTagger, TaggedSpan

CUES_FILE = "attribution_cues.npz"


def cues_path() -> str | None:
    """Path of the shipped cue classifier, or None when it is missing."""
    ref = resources.files("fullpicture") / "data" / "models" / CUES_FILE
    return str(ref) if ref.is_file() else None


@dataclass(frozen=True)
class CueModel:
    """Two logistic models over standardised rows: (mean, scale, weights, bias) each."""

    keep: tuple[np.ndarray, np.ndarray, np.ndarray, float]
    add: tuple[np.ndarray, np.ndarray, np.ndarray, float]
    vectors: bool
    crf: bool = False  # rows carry the CRF's marginals (:func:`._cuefeatures.crf_columns`)


@lru_cache(maxsize=4)
def load_cues(path: str | None) -> CueModel | None:
    """The cue classifier saved by ``scripts/train_cues.py``, or None without a file."""
    if path is None:
        return None
    with np.load(path) as z:
        def part(p: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
            return (np.asarray(z[p + "_mu"], dtype=np.float64), np.asarray(z[p + "_sd"], dtype=np.float64),
                    np.asarray(z[p + "_w"], dtype=np.float64), float(z[p + "_b"]))
        return CueModel(part("keep"), part("add"), bool(z["vectors"]), bool(z["crf"]) if "crf" in z.files else False)


def predict(part: tuple[np.ndarray, np.ndarray, np.ndarray, float], x: np.ndarray) -> np.ndarray:
    """Probabilities of one logistic model for rows ``x``."""
    mu, sd, w, b = part
    z = ((x - mu) / sd) @ w + b
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def read_prior(path: str | None) -> dict[str, tuple[int, int]]:
    """"lemma|V" -> (cue count, total) from the cue-rate TSV shipped beside the tagger."""
    out: dict[str, tuple[int, int]] = {}
    if path is None:
        return out
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            lemma, tag, cue, total = line.rstrip("\n").split("\t")
            out[lemma + "|" + tag] = (int(cue), int(total))
    return out


def _noun_content(doc: Doc, t: Token) -> tuple[int, int] | None:
    """Token bounds of what a nominal cue says: its clause ("the claim that …") or the object
    of its "about"/"of"/"on" phrase."""
    for c in t.children:
        if c.i > t.i and c.dep_ in ("acl", "ccomp", "relcl") and c.dep_ != "relcl":
            return c.left_edge.i, c.right_edge.i + 1
    for c in t.children:
        if c.i > t.i and c.dep_ == "prep" and c.lower_ in _NOUN_PREPS:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return objs[0].left_edge.i, objs[0].right_edge.i + 1
    return None


def candidate(doc: Doc, t: Token, quotes: list[tuple[int, int]], pcue: float,
              preps: frozenset[str] = frozenset(), before: bool = True) -> RawClaim | None:
    """The claim a verb or noun would make as a cue: the parse's subject (or possessor) as
    its source, its complement as its content; None without a content. A verb without a
    complement takes a preposition of ``preps`` right after it (or after its particle) into
    its cue, the preposition's object as its content ("voted for <the bill>"), or, with
    ``before``, the clause its sentence opens with (:func:`._merge._clause_before`)."""
    i, j = extend_cue(doc, t, t.i, t.i + 1) if t.pos_ == "VERB" else (t.i, t.i + 1)
    if t.pos_ == "VERB" and preps:
        j = _with_preposition(doc, t, j, preps)
    s, e = span_chars(doc, i, j)
    if e <= s:
        return None
    cue = TaggedSpan("cue", i, j, s, e, pcue)
    if t.pos_ == "VERB":
        content = _parse_content(doc, cue, quotes) or (_clause_before(doc, t, cue, quotes) if before else None)
        if content is None:
            return None
        ci, cj, cs, ce = content.i, content.j, content.start, content.end
    else:
        b = _noun_content(doc, t)
        if b is None:
            return None
        ci, cj = b
        cs, ce = balance_quotes(doc_text(doc), *span_chars(doc, ci, cj), quotes)
    if ce <= cs:
        return None
    src = None
    head = None
    subj = _cue_subject(doc, cue)
    if subj is not None and not ci <= subj.i < cj and not i <= subj.i < j:
        a, b2 = source_bounds(subj)
        if b2 > a and (b2 <= i or a >= j) and (b2 <= ci or a >= cj):
            src, head = span_chars(doc, a, b2), subj.i
    return RawClaim(_kind(doc_text(doc), (cs, ce), doc[i:j].text, src is not None, quotes), (cs, ce), (s, e),
                    t.lemma_.lower(), src, head, confidence=round(pcue, 3))


_COMPLEMENTS = ("ccomp", "xcomp", "dobj", "attr", "oprd")


def _with_preposition(doc: Doc, t: Token, j: int, preps: frozenset[str]) -> int:
    """The end of a verb cue ending at ``j`` grown over its particle and a preposition of
    ``preps`` with an object of its own, when the verb has no complement after it and is not
    negated ("did not comment on the strike" tells nothing about the strike)."""
    if any(c.dep_ in _COMPLEMENTS and c.i >= j or c.dep_ == "neg" for c in t.children):
        return j
    k = j + 1 if j < len(doc) and doc[j].dep_ == "prt" and doc[j].head.i == t.i else j
    if k < len(doc) and doc[k].dep_ == "prep" and doc[k].head.i == t.i and doc[k].lower_ in preps \
            and any(g.dep_ in ("pobj", "pcomp") for g in doc[k].children):
        return k + 1
    return j


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in (spans[k] for k in index_of(spans, pair).near(a[0], a[1])))


def _uncovered(doc: Doc, taken: list[tuple[int, int]]) -> list[int]:
    """Indices of the alphabetic verbs and nouns that no span of ``taken`` overlaps (token
    attributes read as one array, covered tokens marked span by span)."""
    n = len(doc)
    if not n:
        return []
    arr = doc.to_array([POS, IS_ALPHA, IDX, LENGTH]).astype(np.int64)
    starts = arr[:, 2]
    ends = (arr[:, 2] + arr[:, 3]).tolist()
    start_list = starts.tolist()
    mark = np.zeros(n + 1, dtype=np.int64)
    for s, e in taken:
        lo, hi = bisect_right(ends, s), bisect_left(start_list, e)  # tokens with end > s and start < e
        if lo < hi:
            mark[lo] += 1
            mark[hi] -= 1
    free = np.cumsum(mark[:n]) == 0
    ok = free & (arr[:, 1] != 0) & ((arr[:, 0] == VERB) | (arr[:, 0] == NOUN))
    return np.flatnonzero(ok).tolist()


def candidates(doc: Doc, claims: list[RawClaim], net: RoleNet | None, min_cue: float,
               guard: Callable[[Doc, RawClaim], bool] | None = None,
               lex: ClaimLexicon | None = None) -> list[RawClaim]:
    """Claims of the verbs and nouns no claim covers whose role-network cue probability is at
    least ``min_cue`` (each from :func:`candidate`; they may overlap one another), less those
    ``guard`` rejects (the extractor's checks of learned claims: acts, a verb without its
    clause). With ``lex``, a verb takes the lexicon's ``candidate_prepositions``, and the
    clause before its subject unless it is a document verb ("read": a text's, which the
    rules read, not a person's)."""
    if net is None:
        return []
    taken = sorted(sp for c in claims for sp in (c.cue, c.source, c.content) if sp is not None)
    free = _uncovered(doc, taken)
    if not free:
        return []
    probs = token_probs(doc, free, net)
    if probs is None:
        return []
    quotes = speech_quotes(doc, doc_text(doc))
    preps = lex.candidate_prepositions if lex is not None else frozenset()
    # a speaker may be the source of several attributions ("X said A, adding B"): a candidate's
    # source may be another claim's source (it takes that claim's span), never a piece of its
    # cue or content
    speakers = sorted(c.source for c in claims if c.source is not None)
    words = sorted(sp for c in claims for sp in (c.cue, c.content) if sp is not None)
    out = []
    for i, p in zip(free, probs[:, 2].tolist(), strict=True):
        if p >= min_cue:  # a Token only for the words the role network lets through
            c = candidate(doc, doc[i], quotes, p, preps, lex is not None and doc[i].lemma_.lower() not in lex.document_verbs)
            if c is None or any(_overlaps(sp, taken) for sp in (c.cue, c.content) if sp):
                continue
            if c.source is not None and _overlaps(c.source, taken):
                same = [sp for sp in speakers if sp[0] < c.source[1] and c.source[0] < sp[1]]
                if _overlaps(c.source, words) or len(same) != 1:
                    continue
                c.source = same[0]
            if guard is None or not guard(doc, c):
                out.append(c)
    return out


def vet(doc: Doc, claims: list[RawClaim], model: CueModel, lex: ClaimLexicon, net: RoleNet | None,
        prior: dict[str, tuple[int, int]], keep_min: float, add_min: float, cand_min: float,
        guard: Callable[[Doc, RawClaim], bool] | None = None, probs: dict[int, float] | None = None,
        crf: AttributionTagger | None = None) -> list[RawClaim]:
    """The claims the keep model keeps, plus the candidates (:func:`candidates`) the add model
    accepts; ``probs`` (when given) receives each judged claim's probability by ``id``; ``crf``
    is the tagger that tagged ``doc`` last (its marginals are columns of a model trained with them)."""
    crf = crf if model.crf else None
    # naming claims, the rules' opening poll phrases ("In the latest poll, …"), the rules' texts
    # that read ('"…," the notice read') and their dash signatures after a quotation ('"…" ― Name':
    # the dash is often one token with the closing mark) are not judged: PolNeAR train holds few,
    # so the keep model cannot learn them
    text = doc_text(doc)
    judged = [c for c in claims if c.cue is not None and c.kind != "naming" and cue_token(doc, c) is not None
              and not (c.confidence is None and (c.cue_lemma in lex.finding_prepositions
                                                 or c.cue_lemma in lex.document_verbs
                                                 or (c.kind == "direct" and dash_signature(text, c.cue, c.source))))]
    drop: set[int] = set()
    if judged and keep_min > 0:
        x = rows(doc, judged, lex, net, prior, model.vectors, crf)
        if len(x):
            pk = predict(model.keep, x).tolist()
            drop = {id(c) for c, p in zip(judged, pk, strict=True) if p < keep_min}
            if probs is not None:
                probs.update((id(c), p) for c, p in zip(judged, pk, strict=True))
    out = [c for c in claims if id(c) not in drop]
    if add_min >= 1:
        return out
    # a dropped claim's words are not candidates
    cands = candidates(doc, claims, net, cand_min, guard, lex)
    if cands:
        x = rows(doc, cands, lex, net, prior, model.vectors, crf)
        if len(x):
            out.extend(accept(cands, predict(model.add, x).tolist(), add_min))
    out.sort(key=lambda c: (c.cue or c.content)[0])
    return out


def accept(cands: list[RawClaim], probs: list[float], add_min: float) -> list[RawClaim]:
    """Candidates at or above ``add_min``, most probable first, none overlapping one taken before
    but for the same speaker ("X praised A and faulted B"; their confidence set to the model's
    probability)."""
    taken: list[tuple[int, int]] = []
    speakers: set[tuple[int, int]] = set()
    out = []
    for p, k in sorted(((p, k) for k, p in enumerate(probs)), key=lambda x: (-x[0], x[1])):
        if p < add_min:
            break
        c = cands[k]
        spans = [sp for sp in (c.cue, c.source, c.content) if sp is not None and sp not in speakers]
        if any(a < e and s < b for a, b in spans for s, e in taken):
            continue
        taken.extend(spans)
        if c.source is not None:
            speakers.add(c.source)
        c.confidence = round(p, 3)
        out.append(c)
    return out
