"""A counted noun that opens a casualty clause of its own after another clause."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from fullpicture.nlp.figures._data import FigureLexicon


def clause_verb(lex: FigureLexicon, doc: Doc, noun: Token) -> str | None:
    """What a casualty verb right after a counted noun counts (over one to three auxiliaries),
    for a noun the parser made a conjunct in the clause before ("30 personnes ont perdu la vie et
    120 personnes ont été blessées": the second noun hung on "perdu" or "vie"): the noun is the
    subject of its own clause, whose verb (or adjective of state) says what it counts. Casualty
    counts only (``own_counts``); None where no auxiliary follows the noun ("killed 30 soldiers and
    12 civilians" shares its verb)."""
    if noun.pos_ != "NOUN" or noun.head.i == noun.i:
        return None
    k = noun.i + 1
    while k < len(doc) and k <= noun.i + 3 and doc[k].pos_ == "AUX":
        k += 1
    if k == noun.i + 1 or k >= len(doc) or doc[k].pos_ not in ("VERB", "ADJ"):
        return None
    verb = doc[k]
    got = lex.count_verbs.get(verb.lemma_.lower()) or lex.count_verbs.get(verb.lower_) \
        or (lex.count_nouns.get(verb.lemma_.lower()) if verb.pos_ == "ADJ" else None)
    return got if got in lex.own_counts else None
