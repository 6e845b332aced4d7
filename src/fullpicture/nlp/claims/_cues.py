"""A learned cue classifier over candidate cue tokens: which claims to keep, which to add.

The rules and the CRF decide cue by cue from words seen in training, and a wide tail of
cue words is missed (verbs of stance and action: "encouraged", "backed"), while acts
("threw open", "unloaded on") and expletive openers ("It is worth noting") are taken as
cues. Two logistic models (``data/models/attribution_cues.npz``, trained on the
out-of-fold output of PolNeAR train by ``scripts/train_cues.py``) read one row of features
per cue: the role network's probabilities for the cue token and its head
(:mod:`._roleprob`), its lemma's cue rate in training, its lexicon class, its part of
speech, dependency, complements and subject, quotation context, the claim's kind and
origin, the CRF tagger's own marginals over the claim (:func:`crf_columns`: how cue-like the
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
from spacy.tokens import Doc, Span, Token

from fullpicture.nlp._intervals import index_of, pair
from fullpicture.nlp._shared import doc_text
from fullpicture.nlp._tokens import token_arrays
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
_POS = ("VERB", "NOUN", "ADP", "PROPN", "AUX", "ADJ")
_DEPS = ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp", "acl", "pobj", "dobj", "nsubj", "pcomp", "prep", "amod")
_TAGS = ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB", "NN", "NNS")
_KINDS = ("direct", "indirect", "according_to", "unsourced")
_PERSONAL = {"i", "we", "you", "he", "she", "they"}
_GROUPS = ("ORG", "NORP", "GPE")
_MODALS = {"will", "would", "could", "may", "might", "should", "can", "must"}
_NOUN_PREPS = {"about", "of", "on", "over", "that"}
CRF_COLS = 5


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
    crf: bool = False  # rows carry the CRF's marginals (:func:`crf_columns`)


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
