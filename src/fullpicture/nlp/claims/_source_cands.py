"""The source candidates of the learned source chooser (:mod:`._source_model`).

For a claim with a cue, :func:`candidates` lists the spans that may be its source: the claim's
own source, the cue's parse subject (a passive's agent, a noun's possessor, the object of
"according to"), the object a raising verb hands to an infinitive cue, the noun a relative
clause hangs on, and (in a model trained with them) the stretches of the cue's sentence the CRF
calls source (:func:`source_runs`); each head with its variant bounds (whole phrase, cut at its
first comma, through its first apposition, cut before a phrase or clause on the head, without a
leading adverb, the head's own noun phrase), flagged by origin and shape.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Token

from fullpicture.nlp._shared import doc_text
from fullpicture.nlp.claims._merge import _cue_subject
from fullpicture.nlp.claims._raw import RawClaim
from fullpicture.nlp.claims._spans import source_bounds, source_comma, span_chars
from fullpicture.nlp.claims._tagger import TaggedSpan

_ORIGINS = ("given", "subject", "raised", "relhead")
_SHAPES = ("whole", "comma", "appos", "prep", "lead", "np")
_RELATIVE = {"who", "which", "that", "whom"}
_LEAD_DEPS = ("advmod", "predet", "preconj", "cc", "punct")
_FROM_RUN = len(_ORIGINS) + len(_SHAPES)  # flag of a candidate found from a run
_RUN_SHAPE = _FROM_RUN + 1  # flag of a run's own bounds


def _heads(doc: Doc, c: RawClaim, t: Token, i: int, j: int) -> list[tuple[Token, int]]:
    """(head token, origin index) of the source phrases worth bounding for one claim."""
    out: list[tuple[Token, int]] = []
    if c.source is not None:
        span = doc.char_span(c.source[0], c.source[1], alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.root, 0))
    subj = _cue_subject(doc, TaggedSpan("cue", i, j, c.cue[0], c.cue[1], 0.0))  # type: ignore[index]
    if subj is not None:
        out.append((subj, 1))
    if t.dep_ == "xcomp":
        obj = next((ch for ch in t.head.children if ch.dep_ == "dobj"), None)
        if obj is not None:
            out.append((obj, 2))
    if t.dep_ == "relcl" and any(ch.dep_ in ("nsubj", "nsubjpass") and ch.lower_ in _RELATIVE for ch in t.children):
        out.append((t.head, 3))
    return out


def _variants(doc: Doc, h: Token) -> list[tuple[int, int, int]]:
    """(first token, end token, shape index) of the bounds tried for one head."""
    i, j = source_bounds(h)
    out = [(i, j, 0)]
    commas = [k for k in range(h.i + 1, j) if doc[k].text == ","]
    if commas:
        out.append((i, commas[0], 1))
        if len(commas) > 1:
            out.append((i, commas[1] + 1, 2))
    cut = [ch.left_edge.i for ch in h.rights if ch.dep_ in ("prep", "relcl", "acl") and ch.left_edge.i < j]
    if cut:
        out.append((i, min(cut), 3))
    lead = i
    while lead < h.i and (doc[lead].dep_ in _LEAD_DEPS or doc[lead].lower_ in ("both", "even", "all")):
        lead += 1
    if lead > i:
        out.extend((lead, b, 4) for a, b, _ in list(out) if b > lead)
    left = h.i
    for ch in reversed(list(h.lefts)):
        if ch.dep_ not in ("compound", "amod", "det", "poss", "nummod", "nmod") or ch.right_edge.i != left - 1:
            break
        left = ch.left_edge.i
    out.append((max(left, i), h.i + 1, 5))
    return out


def source_runs(doc: Doc, ids: list[int], src: np.ndarray, least: float) -> list[tuple[int, int]]:
    """(first token, end token) of each longest stretch of tokens ``ids`` (ascending; in one
    sentence) whose CRF source marginal (``src``: index k + 1 is token k, :func:`._source_model.crf_table`) is
    at least ``least``."""
    out: list[tuple[int, int]] = []
    for k in ids:
        if src[k + 1] < least:
            continue
        if out and out[-1][1] == k:
            out[-1] = (out[-1][0], k + 1)
        else:
            out.append((k, k + 1))
    return out


def _run_heads(doc: Doc, runs: list[tuple[int, int]]) -> list[tuple[int, int, Token]]:
    """Each run's bounds and its syntactic heads (the tokens whose head lies outside it)."""
    return [(a, b, doc[k]) for a, b in runs for k in range(a, b) if not a <= doc[k].head.i < b or doc[k].head.i == k]


def candidates(doc: Doc, c: RawClaim, runs: list[tuple[int, int]] | None = None
               ) -> list[tuple[tuple[int, int], int, list[int]]]:
    """((chars), head token, origin and shape flags) of a claim's source candidates; none
    overlaps its cue or content. ``runs`` (token bounds, :func:`source_runs`) add each run as
    it stands and the phrase of each of its heads, with its variant bounds."""
    if c.cue is None:
        return []
    span = doc.char_span(c.cue[0], c.cue[1], alignment_mode="expand")
    if span is None or not len(span):
        return []
    t = span.root
    text = doc_text(doc)
    found: dict[tuple[int, int], tuple[int, list[int]]] = {}
    if c.source is not None:
        found[c.source] = (c.source_head if c.source_head is not None else -1, [0])
    bounds = [(h, origin, a, b, len(_ORIGINS) + shape) for h, origin in _heads(doc, c, t, span.start, span.end)
              for a, b, shape in _variants(doc, h)]
    for a0, b0, h in _run_heads(doc, runs or []):
        bounds.append((h, _FROM_RUN, a0, b0, _RUN_SHAPE))
        bounds.extend((h, _FROM_RUN, a, b, len(_ORIGINS) + shape) for a, b, shape in _variants(doc, h))
    for h, origin, a, b, shape in bounds:
        if b <= a:
            continue
        s, e = source_comma(text, span_chars(doc, a, b))
        # a source never runs over a line break (2 of PolNeAR train's 18,361 gold sources do)
        if e <= s or (s < c.cue[1] and c.cue[0] < e) or (s < c.content[1] and c.content[0] < e) or "\n" in text[s:e]:
            continue
        head, flags = found.setdefault((s, e), (h.i, []))
        if head < 0:
            found[(s, e)] = (h.i, flags)
        flags.extend((origin, shape))
    return [(sp, head, flags) for sp, (head, flags) in found.items()]
