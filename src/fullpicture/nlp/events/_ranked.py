"""A war named as the span a superlative ranks within ("one of the deadliest strikes of the war",
"the war's worst attack", "the deadliest since the invasion began", "la frappe la plus meurtrière
de la guerre", "самый кровопролитный обстрел за всю войну") is the comparison class, no happening
of its sentence: it gets no mention, so the casualties told
beside it stay with the strike. The words are language data (``[ranked_settings]`` of
``data/events/plover*.toml``); a war told otherwise ("the war began in May") keeps its mention.
"""

from __future__ import annotations

from spacy.tokens import Token

_POSSESSIVE = frozenset({"poss", "nmod:poss"})
# a French "plus" is superlative after an article ("les plus meurtrières", "du plus lourd")
_ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "du", "des", "au", "aux"})


def superlative(tok: Token, degree: frozenset[str]) -> bool:
    """``tok`` ranks: an adjective of superlative degree ("deadliest", "крупнейший"), or a word of
    degree (``degree``: "most", "plus", "самый") on an adjective ("the most deadly", "les plus
    meurtrières", "самых кровопролитных"); "most of the war" ranks nothing."""
    lemma = tok.lemma_.lower()
    if lemma in degree or tok.lower_ in degree:
        if tok.head.i == tok.i or tok.head.pos_ not in ("ADJ", "ADV", "NOUN"):
            return False
        if tok.lower_ in ("plus", "moins"):
            return tok.i > 0 and tok.doc[tok.i - 1].lower_ in _ARTICLES
        return tok.head.pos_ in ("ADJ", "ADV") or tok.dep_ == "amod"
    return tok.pos_ == "ADJ" and "Sup" in tok.morph.get("Degree", [])


def _ranks_a_happening(tok: Token, degree: frozenset[str], happenings: dict[str, str]) -> bool:
    """The superlative ``tok`` ranks a happening: it modifies a happening's noun ("the deadliest
    strikes", "самых кровопролитных ударов") or stands for one ("the attack was the deadliest",
    "one of the largest"); "the most recent example" ranks no happening."""
    adj = tok.head if (tok.lemma_.lower() in degree or tok.lower_ in degree) else tok
    while adj.dep_ == "amod" and adj.head.pos_ == "ADJ" and adj.head.i != adj.i:
        adj = adj.head  # "самых кровопролитных ударов": the degree word on the adjective
    if adj.dep_ != "amod":
        return True
    return adj.head.lemma_.lower() in happenings


def ranked_within(tok: Token, degree: frozenset[str], window: int, happenings: dict[str, str]) -> bool:
    """The setting noun ``tok`` is the span a superlative ranks happenings within (``happenings``:
    the nouns of happenings): the possessive of a ranked happening ("the war's deadliest strike"),
    or told at most ``window`` tokens after a superlative of its sentence that ranks a happening
    ("the deadliest attack since the war began"; "the most recent example of a party at war with
    the press" ranks none)."""
    if window <= 0:
        return False
    if tok.dep_ in _POSSESSIVE and tok.head.i != tok.i and tok.head.lemma_.lower() in happenings \
            and any(superlative(c, degree) for c in tok.head.children):
        return True
    start = max(tok.sent.start, tok.i - window)
    return any(superlative(t, degree) and _ranks_a_happening(t, degree, happenings) for t in tok.doc[start:tok.i])
