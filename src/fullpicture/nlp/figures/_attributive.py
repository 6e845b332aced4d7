"""A casualty word between a number and its noun: "53 dead villagers", "12 wounded guards"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from fullpicture.nlp.figures._data import FigureLexicon


def attributive_count(lex: FigureLexicon, doc: Doc, last: Token, noun: Token | None) -> str | None:
    """The casualty count (``own_counts``: killed, injured, missing) that a word of the count
    verbs standing between the number's last token and its noun says of the counted people ("53
    dead villagers", "counted 12 wounded guards", "left nine dead civilians"), None where no such
    word stands there. The caller keeps a casualty count the sentence's verb gives ("two wounded
    guards died": the dead are counted)."""
    if noun is None or not 0 < noun.i - last.i <= 4:
        return None
    for t in doc[last.i + 1 : noun.i]:
        got = lex.count_verbs.get(t.lower_) or lex.count_verbs.get(t.lemma_.lower())
        if got in lex.own_counts and t.pos_ in ("ADJ", "VERB", "NOUN"):
            return got
    return None
