"""Where a source candidate sits beside its cue in the parse (columns of the source chooser).

The chooser (:mod:`._source_model`) scores each candidate from its own shape and the role
network; these columns add the pair: how many arcs part the candidate's head from the cue's
root, whether the head hangs on the cue itself or is the subject of a verb above it ("Rubio,
forcefully denouncing ..."), and what lies between them (noun phrases, a verb, a colon or
semicolon, a quotation mark), with whether the head is a personal or relative pronoun, a
subject or agent, or holds the cue in its own phrase.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Token

from fullpicture.nlp._tokens import token_arrays

_NOMINAL = {"PROPN", "NOUN", "PRON", "NUM"}
_INNER = {"compound", "amod", "nmod", "det", "nummod", "quantmod", "punct", "case", "nn"}
_PERSONAL = {"he", "she", "they", "i", "we", "it", "you", "who", "his", "her", "their", "its", "our", "my", "whose"}
_FAR = 20  # arcs counted at most
PAIR_COLS = 10


def arcs(a: Token, b: Token) -> int:
    """Arcs on the parse path between two tokens (``_FAR`` when they share no root near); the
    heads read from the document's arrays (no ``Token`` per step)."""
    heads = token_arrays(a.doc).head
    up: dict[int, int] = {}
    t, d = a.i, 0
    while d <= _FAR:
        up[t] = d
        if heads[t] == t:
            break
        t, d = heads[t], d + 1
    t, d = b.i, 0
    while d <= _FAR:
        if t in up:
            return min(up[t] + d, _FAR)
        if heads[t] == t:
            break
        t, d = heads[t], d + 1
    return _FAR


def pair_columns(doc: Doc, h: Token, cue: Token, a: int, b: int) -> list[float]:
    """``PAIR_COLS`` columns of a candidate (head ``h``, tokens a..b) beside the cue's root."""
    lo, hi = (b, cue.i) if b <= cue.i else (cue.i + 1, a)
    between = range(lo, hi)  # the tokens between, read from the document's arrays (no Token each)
    arr = token_arrays(doc)
    pos, dep, text = arr.pos, arr.dep, arr.text
    above = h.dep_ in ("nsubj", "nsubjpass") and any(h.head.i == t.i for t in cue.ancestors)
    return [float(np.log1p(arcs(h, cue))), float(h.head.i == cue.i), float(above),
            float(np.log1p(sum(pos[k] in _NOMINAL and dep[k] not in _INNER for k in between))),
            float(any(pos[k] in ("VERB", "AUX") for k in between)), float(any(text[k] in ";:" for k in between)),
            float(any(text[k] in "\"“”" for k in between)), float(h.lower_ in _PERSONAL),
            float(h.dep_ in ("nsubj", "nsubjpass", "agent")), float(h.left_edge.i <= cue.i <= h.right_edge.i)]
