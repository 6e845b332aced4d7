"""The feature rows the cue classifier (:mod:`._cues`) reads per claim: the role network's
probabilities for the cue token and its head, the cue lemma's rate in training, its lexicon
class, part of speech, dependency, complements and subject, quotation context, the claim's
kind and origin, the CRF's marginals (:func:`crf_columns`) and the tok2vec vectors of the
cue and of its subject and object heads.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy as np
from spacy.tokens import Doc, Span, Token

from fullpicture.nlp._intervals import index_of, pair
from fullpicture.nlp._shared import doc_text
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.claims._data import ClaimLexicon
from fullpicture.nlp.claims._raw import RawClaim
from fullpicture.nlp.claims._roleprob import RoleNet, token_probs
from fullpicture.nlp.claims._spans import (
    speech_quotes,
)
from fullpicture.nlp.claims._tagger import AttributionTagger

_POS = ("VERB", "NOUN", "ADP", "PROPN", "AUX", "ADJ")
_DEPS = ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp", "acl", "pobj", "dobj", "nsubj", "pcomp", "prep", "amod")
_TAGS = ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB", "NN", "NNS")
_KINDS = ("direct", "indirect", "according_to", "unsourced")
_PERSONAL = {"i", "we", "you", "he", "she", "they"}
_GROUPS = ("ORG", "NORP", "GPE")
_MODALS = {"will", "would", "could", "may", "might", "should", "can", "must"}
_NOUN_PREPS = {"about", "of", "on", "over", "that"}
CRF_COLS = 5


def _subject(t: Token) -> Token | None:
    for c in t.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "poss"):
            return c
    return None


def _object(t: Token) -> Token | None:
    for c in t.children:
        if c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acl"):
            return c
    for c in t.children:
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    return g
    return None


def _subject_kind(s: Token | None) -> int:
    if s is None:
        return 0
    if s.dep_ == "expl" or s.lower_ == "it":
        return 1
    if s.lower_ in _PERSONAL:
        return 2
    if s.ent_type_ == "PERSON":
        return 3
    if s.ent_type_ in _GROUPS:
        return 4
    return 5


def _onehot(v: str, vocab: tuple[str, ...]) -> list[float]:
    return [1.0 if v == x else 0.0 for x in vocab]


def _row(doc: Doc, t: Token, c: RawClaim, pr: np.ndarray, ph: np.ndarray, pmax: float, lex: ClaimLexicon,
         prior: dict[str, tuple[int, int]], quoted: bool, sent_quoted: bool, sent_start: int,
         learned: float) -> list[float]:
    lemma = t.lemma_.lower()
    tag = "V" if t.pos_ == "VERB" else "N" if t.pos_ == "NOUN" else "A" if t.pos_ == "ADJ" else ""
    cue_n, tot = prior.get(lemma + "|" + tag, (0, 0))
    deps = {ch.dep_ for ch in t.children}
    preps = {ch.lower_ for ch in t.children if ch.dep_ == "prep"}
    subj = _subject(t)
    sk = _subject_kind(subj)
    lo, hi = c.content
    cs = c.cue or c.content
    row = [*pr[1:].tolist(), *ph[1:].tolist(), pmax,
           cue_n / tot if tot else 0.0, float(tot > 0), np.log1p(tot),
           float(lemma in lex.verbs), float(lemma in lex.report_nouns), float(lemma in lex.need_clause),
           float(lemma in lex.acts or lemma in lex.harm),
           *_onehot(t.pos_, _POS), *_onehot(t.dep_, _DEPS), *_onehot(t.tag_, _TAGS),
           float("ccomp" in deps), float("xcomp" in deps), float("dobj" in deps), float("neg" in deps),
           float("nsubjpass" in deps), float("agent" in deps), float(bool(preps & _NOUN_PREPS)),
           float(any(ch.dep_ in ("aux",) and ch.lower_ in _MODALS for ch in t.children)),
           *[1.0 if sk == k else 0.0 for k in range(6)],
           float(quoted), float(sent_quoted), float(t.i - sent_start <= 2),
           learned, *_onehot(c.kind, _KINDS), float(c.source is not None),
           float(c.source is not None and c.source[0] >= cs[1]), np.log1p((c.source[1] - c.source[0]) if c.source else 0),
           np.log1p(hi - lo), float(lo < cs[0]), np.log1p(cs[1] - cs[0])]
    return row


def _vectors(doc: Doc, t: Token) -> list[np.ndarray]:
    x = doc.tensor
    zero = np.zeros(x.shape[1], dtype=np.float32)
    s, o = _subject(t), _object(t)
    return [x[t.i], x[s.i] if s is not None else zero, x[o.i] if o is not None else zero]


def cue_token(doc: Doc, c: RawClaim) -> Token | None:
    """The head token of a claim's cue (None without a cue)."""
    if c.cue is None:
        return None
    span = doc.char_span(c.cue[0], c.cue[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def crf_columns(doc: Doc, c: RawClaim, cue: Span, crf: AttributionTagger) -> list[float]:
    """The CRF's view of one claim (``crf`` must have tagged ``doc`` last): its cue marginal at
    the cue's head and the most over the cue's tokens, the mean content marginal over the
    content's tokens and the mean source marginal over the source's, the outside marginal at
    the head (``CRF_COLS`` columns; a role's B and I summed)."""
    spans = [doc.char_span(sp[0], sp[1], alignment_mode="expand") if sp is not None else None
             for sp in (c.content, c.source)]
    con, src = [range(sp.start, sp.end) if sp is not None else range(0) for sp in spans]
    head = cue.root.i
    own = range(cue.start, cue.end)
    mcue = crf.role_marginals(doc, own, 0)  # each role read only where it is used
    if not mcue:
        return [0.0] * CRF_COLS
    mcon, msrc, mout = crf.role_marginals(doc, con, 1), crf.role_marginals(doc, src, 2), crf.role_marginals(doc, (head,), 3)
    return [mcue[head], max(mcue[k] for k in own),
            sum(mcon[k] for k in con) / len(con) if len(con) else 0.0,
            sum(msrc[k] for k in src) / len(src) if len(src) else 0.0, mout[head]]


def rows(doc: Doc, claims: list[RawClaim], lex: ClaimLexicon, net: RoleNet | None,
         prior: dict[str, tuple[int, int]], vectors: bool, crf: AttributionTagger | None = None) -> np.ndarray:
    """One feature row per claim (every claim must have a cue); with ``crf`` (the tagger that
    tagged ``doc`` last) the :func:`crf_columns` follow the base columns, before the vectors."""
    if not claims or net is None or doc.tensor is None or doc.tensor.shape[0] != len(doc):
        return np.zeros((0, 0))
    spans = [doc.char_span(c.cue[0], c.cue[1], alignment_mode="expand") for c in claims]  # type: ignore[index]
    toks = [sp.root if sp is not None and len(sp) else None for sp in spans]  # cue_token of each, its span made once
    ids = [t.i for t in toks if t is not None] + [t.head.i for t in toks if t is not None]
    ids += [k for sp in spans if sp is not None for k in range(sp.start, sp.end)]
    probs = token_probs(doc, ids, net)
    if probs is None:
        return np.zeros((0, 0))
    text = doc_text(doc)
    quotes = speech_quotes(doc, text)
    qidx = index_of(quotes, pair)
    n = sum(t is not None for t in toks)
    arrays = token_arrays(doc)
    idx, words = arrays.idx, arrays.text
    sents = [(a, idx[a], idx[b - 1] + len(words[b - 1])) for a, b in arrays.sents]
    firsts = [st[0] for st in sents]
    out = []
    m = 2 * n
    for k, (c, t, sp) in enumerate(zip(claims, toks, spans, strict=True)):
        if t is None or sp is None:
            raise ValueError("a claim without a cue")
        width = len(sp)
        pmax = float(probs[m : m + width, 2].max())
        m += width
        quoted = any(a <= t.idx < b for a, b in (quotes[q] for q in qidx.near(t.idx, t.idx + 1)))
        si, sa, sb = sents[bisect_right(firsts, t.i) - 1]  # the token's sentence, looked up once
        sq = any(a < sb and sa < b for a, b in (quotes[q] for q in qidx.near(sa, sb)))
        r = _row(doc, t, c, probs[k], probs[n + k], pmax, lex, prior, quoted, sq, si,
                 c.confidence if c.confidence is not None else -1.0)
        if crf is not None:
            r.extend(crf_columns(doc, c, sp, crf))
        if vectors:
            r = [*r, *np.concatenate(_vectors(doc, t)).tolist()]
        out.append(r)
    return np.asarray(out, dtype=np.float64)
