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

_NOMINAL = {"PROPN", "NOUN", "PRON", "NUM"}
_INNER = {"compound", "amod", "nmod", "det", "nummod", "quantmod", "punct", "case", "nn"}
_PERSONAL = {"he", "she", "they", "i", "we", "it", "you", "who", "his", "her", "their", "its", "our", "my", "whose"}
_FAR = 20  # arcs counted at most
PAIR_COLS = 10


def arcs(a: Token, b: Token) -> int:
    """Arcs on the parse path between two tokens (``_FAR`` when they share no root near)."""
    up: dict[int, int] = {}
    t, d = a, 0
    while d <= _FAR:
        up[t.i] = d
        if t.head.i == t.i:
            break
        t, d = t.head, d + 1
    t, d = b, 0
    while d <= _FAR:
        if t.i in up:
            return min(up[t.i] + d, _FAR)
        if t.head.i == t.i:
            break
        t, d = t.head, d + 1
    return _FAR


def pair_columns(doc: Doc, h: Token, cue: Token, a: int, b: int) -> list[float]:
    """``PAIR_COLS`` columns of a candidate (head ``h``, tokens a..b) beside the cue's root."""
    lo, hi = (b, cue.i) if b <= cue.i else (cue.i + 1, a)
    between = doc[lo:hi] if hi > lo else doc[0:0]
    above = h.dep_ in ("nsubj", "nsubjpass") and any(h.head.i == t.i for t in cue.ancestors)
    return [float(np.log1p(arcs(h, cue))), float(h.head.i == cue.i), float(above),
            float(np.log1p(sum(t.pos_ in _NOMINAL and t.dep_ not in _INNER for t in between))),
            float(any(t.pos_ in ("VERB", "AUX") for t in between)), float(any(t.text in ";:" for t in between)),
            float(any(t.text in "\"“”" for t in between)), float(h.lower_ in _PERSONAL),
            float(h.dep_ in ("nsubj", "nsubjpass", "agent")), float(h.left_edge.i <= cue.i <= h.right_edge.i)]
