"""A speaker's participle after what the speaker said: "X said A, arguing B".

PolNeAR gives the participle ("arguing", "saying", "citing") an attribution of its own, with
the speaker of the verb before it, and ends that verb's content before the comma. The parser
often hangs the participle on a verb inside the reported clause ("said [she did not think A,
arguing B]"), so the first attribution's content swallows the second, which then takes the
inner clause's subject for its speaker and is dropped as nested (:func:`._merge.univocal`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from fullpicture.nlp.claims._raw import RawClaim

_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")


def _participle(doc: Doc, lo: int, hi: int, verbs: frozenset[str]) -> Token | None:
    """The first cue participle in tokens [lo, hi) set off by a comma, with no subject of its
    own, hung on a verb of the same stretch."""
    for k in range(lo + 1, hi):
        t = doc[k]
        if t.tag_ != "VBG" or t.dep_ != "advcl" or doc[k - 1].text != "," or t.lemma_.lower() not in verbs:
            continue
        if lo <= t.head.i < k and not any(c.dep_ in _SUBJECTS for c in t.children):
            return t
    return None


def split_participles(doc: Doc, claims: list[RawClaim], verbs: frozenset[str]) -> list[RawClaim]:
    """Give a cue participle after a comma inside an indirect attribution's content (after its
    cue) that attribution's speaker, and end that content before the comma; in place. Only
    where the rules made the participle's own attribution."""
    by_cue = {c.cue[0]: c for c in claims if c.cue is not None and c.kind == "indirect"}
    for c in claims:
        if c.kind != "indirect" or c.cue is None or c.source is None or c.content[0] < c.cue[1]:
            continue
        span = doc.char_span(c.content[0], c.content[1], alignment_mode="expand")
        if span is None:
            continue
        part = _participle(doc, span.start, span.end, verbs)
        own = by_cue.get(part.idx) if part is not None else None
        if part is None or own is None or own is c or own.content[0] < part.idx:
            continue
        comma = doc[part.i - 1]
        if comma.idx <= c.content[0]:
            continue
        c.content = (c.content[0], comma.idx)
        own.source, own.source_head = c.source, c.source_head
    return claims
