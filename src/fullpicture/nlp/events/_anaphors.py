"""Nouns that name a happening told elsewhere: "the incident", "this affair", "l'incident",
"этот инцидент" (``data/events/anaphors.toml``).

A side that denies an act often tells it only through such a noun ("the incident was fabricated
by its enemies"); with no mention of it, its document meets no row of the act. A singular one in
a definite noun phrase (a definite or demonstrative determiner or a possessive; in a language
without articles, any that no word of another happening modifies: "другой инцидент") is a
mention of type ``INCIDENT``, which the comparison joins to the act's row
(align/_anaphorrows.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from fullpicture._data import data_toml

# the type of such a mention: the happening it names is told (and typed) elsewhere
ANAPHOR_TYPE = "INCIDENT"


@dataclass(frozen=True)
class Anaphors:
    """One language's anaphoric nouns, definite determiners and words of another happening."""

    nouns: frozenset[str]
    determiners: frozenset[str]
    bare: bool
    not_this: frozenset[str]


@lru_cache(maxsize=8)
def anaphors(language: str) -> Anaphors:
    """The lists of ``language`` (empty nouns: none)."""
    data = data_toml("events", "anaphors.toml")

    def words(table: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data.get(table, {}).get(language, []))

    return Anaphors(words("nouns"), words("determiners"),
                    language in data.get("bare", {}).get("languages", []), words("not_this"))


def is_anaphor(tok: Token, lemma: str, lex: Anaphors) -> bool:
    """Whether the noun ``tok`` (lemma ``lemma``) names the happening told elsewhere: a noun of the
    list, singular, in a line and a clause with a verb (no heading, not its sentence's root), definite, with no word of another happening or of a kind before it."""
    if lemma not in lex.nouns or "Plur" in tok.morph.get("Number", []) or tok.tag_ in ("NNS", "NNPS"):
        return False
    if tok.dep_ == "ROOT" or not any(t.pos_ in ("VERB", "AUX") for t in _line(tok)):
        return False  # a heading or a rubric ("Incidents"), or a noun that is said to be one
    before = [c for c in tok.children if c.i < tok.i]
    if any(c.lower_ in lex.not_this or c.lemma_.lower() in lex.not_this for c in before):
        return False
    if any(c.dep_ in ("poss", "nmod:poss") for c in before):
        return True
    if any(c.dep_ == "det" and (c.lower_ in lex.determiners or c.lemma_.lower() in lex.determiners)
           for c in before):
        return True
    return lex.bare  # (no article: any noun that no word above makes another happening)


def _line(tok: Token) -> list[Token]:
    """The tokens of ``tok``'s sentence on its own line (a heading parsed into the next line's
    sentence stays a heading)."""
    sent = tok.sent
    left = tok.i
    while left > sent.start and "\n" not in tok.doc[left - 1].text_with_ws:
        left -= 1
    right = tok.i
    while right + 1 < sent.end and "\n" not in tok.doc[right].text_with_ws:
        right += 1
    return list(tok.doc[left : right + 1])
