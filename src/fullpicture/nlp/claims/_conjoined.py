"""Conjoined cue verbs: "X said A and warned B" holds two attributions, both X's.

The parser often hangs the second cue verb on the verb of the first one's content ("it was
opposed to the test and warned North Korea ...": *warned* is a conjunct of *was*), so the
first content runs over the second attribution, whose rule claim then gets the content's
subject as its source and is dropped as nested (:func:`._merge.univocal`). PolNeAR annotates
both: the first content ends before the conjunction, and the second verb, which has no
subject of its own, shares the first one's source.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from fullpicture.nlp.claims._raw import RawClaim
from fullpicture.nlp.claims._spans import span_chars

_SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")


def _cut_before(w: Token) -> int:
    """First token of the conjunct ``w`` with its conjunction ("and warned": *and*)."""
    k = w.left_edge.i
    while k > 0 and (w.doc[k - 1].dep_ == "cc" or w.doc[k - 1].is_punct or w.doc[k - 1].is_space):
        k -= 1
    return k


def _subject(tok: Token) -> Token | None:
    return next((ch for ch in tok.children if ch.dep_ in ("nsubj", "nsubjpass")), None)


def _same_referent(pron: Token, head: Token) -> bool:
    """Whether a subject pronoun of the content can be the speaker (``head`` of the source)."""
    low = pron.lower_
    if low == "they":
        return head.tag_ in ("NNS", "NNPS") or head.ent_type_ in ("ORG", "NORP")
    if low == "it":
        return head.tag_ in ("NN", "NNP") and head.ent_type_ != "PERSON"
    if low in ("he", "she"):
        return head.tag_ in ("NN", "NNP") and head.ent_type_ not in ("ORG", "GPE", "NORP")
    return False


def _parallel(doc: Doc, c: RawClaim, w: Token, top: Token) -> bool:
    """Whether the conjunct ``w`` (hung on the content's top verb ``top``) is the speaker's
    second verb: it is finite in the cue verb's tense, and the content's verb is not, or
    its subject is a pronoun that can be the speaker ("China said it was opposed and warned
    ..."; not "police say he posed a threat and refused ...")."""
    cue = doc.char_span(c.cue[0], c.cue[1], alignment_mode="expand") if c.cue else None
    if cue is None or w.head.i != top.i or w.tag_ not in ("VBD", "VBZ", "VBP") or w.tag_ != cue.root.tag_:
        return False
    if top.tag_ != w.tag_:
        return True
    subj = _subject(top)
    return subj is not None and c.source_head is not None and _same_referent(subj, doc[c.source_head])


def split_conjoined(doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
    """Cut an attribution's content before a conjoined cue verb of another claim and give
    that claim the first one's source (claims changed in place; the list is returned)."""
    by_cue: dict[int, RawClaim] = {}  # conjoined cue verbs: their token index -> claim
    for c in claims:
        if c.cue is not None and c.kind not in ("naming", "direct"):
            span = doc.char_span(c.cue[0], c.cue[1], alignment_mode="expand")
            if span is not None and len(span) and span.root.dep_ == "conj":
                by_cue[span.root.i] = c
    if not by_cue:
        return claims
    at = [(doc[k].idx, k) for k in by_cue]
    for c in claims:
        if c.cue is None or c.source is None or c.kind in ("naming", "direct"):
            continue
        if not any(c.content[0] <= a < c.content[1] for a, _ in at):
            continue
        span = doc.char_span(c.content[0], c.content[1], alignment_mode="expand")
        if span is None:
            continue
        for w in (doc[k] for a, k in sorted(at) if span.start <= k < span.end):
            inner = by_cue.get(w.i)
            if inner is None or inner is c or w.dep_ != "conj" or not span.start <= w.head.i < span.end:
                continue
            if any(ch.dep_ in _SUBJ for ch in w.children) or not _parallel(doc, c, w, span.root):
                continue
            k = _cut_before(w)
            if k <= span.start:
                continue
            end = span_chars(doc, span.start, k)[1]
            if end - c.content[0] < 2 or inner.content[0] < end:
                continue
            c.content = (c.content[0], end)
            inner.source, inner.source_head = c.source, c.source_head
            break
    return claims
