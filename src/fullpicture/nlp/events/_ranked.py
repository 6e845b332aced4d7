"""A war named as the span a superlative ranks within ("one of the deadliest strikes of the war",
"the war's worst attack", "the deadliest since the invasion began", "la frappe la plus meurtrière
de la guerre", "самый кровопролитный обстрел за всю войну") is the comparison class, no happening
of its sentence: it gets no mention, so the casualties told
beside it stay with the strike. A war that opens a headline as a series rubric ("War in Xland:
...", "Guerre en Xland, jour 90") names none either. The words are language data
(``[ranked_settings]`` of ``data/events/plover*.toml``); a war told otherwise ("the war began in
May", "the latest war") keeps its mention.
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


def _ranks_a_happening(tok: Token, degree: frozenset[str], happenings: dict[str, str],
                       setting: Token) -> bool:
    """The superlative ``tok`` ranks a happening other than ``setting``: it modifies a happening's
    noun ("the deadliest strikes", "самых кровопролитных ударов") or stands for one ("the attack
    was the deadliest", "one of the largest"); "the most recent example" ranks no happening, and
    "the latest war", "one of the longest civil wars" rank the setting itself, a happening."""
    adj = tok.head if (tok.lemma_.lower() in degree or tok.lower_ in degree) else tok
    while adj.dep_ == "amod" and adj.head.pos_ == "ADJ" and adj.head.i != adj.i:
        adj = adj.head  # "самых кровопролитных ударов": the degree word on the adjective
    if adj.dep_ != "amod":
        return True
    return adj.head.i != setting.i and adj.head.lemma_.lower() in happenings


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
    return any(superlative(t, degree) and _ranks_a_happening(t, degree, happenings, tok) for t in tok.doc[start:tok.i])


def rubric(tok: Token) -> bool:
    """The setting noun ``tok`` opens a line as a series rubric: it, a preposition, a name,
    then a colon or a comma ("War in Xland: ...", "Guerre en Xland, jour 90 ..."); the rubric
    names the coverage the headline belongs to, no happening of its own ("War in Xland began in
    May" tells the war)."""
    doc = tok.doc
    if tok.i > 0 and "\n" not in doc[tok.i - 1].text:
        return False
    k = tok.i + 1
    if k >= len(doc) or doc[k].pos_ != "ADP":
        return False
    k += 1
    if k >= len(doc) or not _name_word(doc[k]):
        return False
    while k < len(doc) and _name_word(doc[k]):
        k += 1
    return k < len(doc) and doc[k].text in (":", ",")


def _name_word(tok: Token) -> bool:
    """A word of a proper name: tagged so, or capitalised (an unknown name tagged a noun)."""
    return tok.pos_ == "PROPN" or (tok.pos_ in ("NOUN", "ADJ") and tok.text[:1].isupper())
