"""Headline coordination: "X admits A, warns B": the second verb's speaker is the first's.

Headlines drop the conjunction and the repeated subject ("Editor admits losses, warns rivals
not to gloat"); the parser then hangs the first clause on the second verb as its
complement, as it would a quotation before its speaker ('"A," warns X'). When both verbs are
cue verbs in the present tense of headlines ("admits", "warns"), the first has a subject and
ends in a comma before the second, and the second has no subject but complements of its own
to its right, the second attribution has the first one's source and only its right-hand
complements as content (and the first keeps its own). PolNeAR train and dev hold no such
line; one headline of the real corpora does.
"""

from __future__ import annotations

from spacy.tokens import Token

_COMPLEMENTS = ("ccomp", "xcomp", "dobj")


def shared_subject(tok: Token, verbs: frozenset[str]) -> tuple[Token, int, int] | None:
    """(the first verb's subject, first and last+1 token of the content) for a subjectless
    cue verb ``tok`` coordinated after a cue verb with a subject, else None."""
    if tok.tag_ != "VBZ" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None  # headlines tell in the present: "admits …, warns …"
    left = [c for c in tok.children if c.dep_ in ("ccomp", "parataxis") and c.i < tok.i]
    right = [c for c in tok.children if c.dep_ in _COMPLEMENTS and c.i > tok.i]
    if len(left) != 1 or not right:
        return None
    first = left[0]
    subj = next((c for c in first.children if c.dep_ == "nsubj" and c.i < first.i), None)
    if subj is None or first.tag_ != "VBZ" or first.lemma_.lower() not in verbs:
        return None
    doc = tok.doc
    gap = doc[first.right_edge.i + 1 : tok.i]
    if [t.text for t in gap] != [","]:
        return None  # '"…," warns X' and "A, X warns" have quotes or a speaker in between
    i = min(c.left_edge.i for c in right)
    j = max(c.right_edge.i for c in right) + 1
    return subj, i, j
