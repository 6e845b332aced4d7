"""Where a weapon came from: a verb of supplying told as a modifier of a weapon ("ally-supplied
missiles", "guns supplied by its allies", "les obus que l'alliance a fournis", "ракетами,
поставленными союзником") tells the weapon's provenance, no supply happening of the sentence's
day and place. Its words are language data (``[provenance]`` of ``data/events/plover*.toml``);
a supply told as a clause of its own ("the ally supplied the missiles last year") stays one.
"""

from __future__ import annotations

from spacy.tokens import Token

_MODIFIER_DEPS = frozenset({"amod", "acl", "acl:relcl", "relcl"})


def provenance(tok: Token, things: frozenset[str]) -> bool:
    """The supplying verb ``tok`` modifies a weapon noun of ``things``: as a participle before it
    ("the ally-supplied rockets", also before a weapon's name: "the ally-supplied Zeta System"),
    as a participle or a relative clause after it ("rockets supplied by the ally", "the shells
    that the ally supplied"), or as a participle set off after it by a comma, which the parser
    may hang on the clause's verb ("used a launcher, supplied by the ally")."""
    head = tok.head
    if head.i == tok.i:
        return False
    if tok.dep_ in _MODIFIER_DEPS:
        return head.lemma_.lower() in things or (tok.dep_ == "amod" and tok.i < head.i and head.pos_ == "PROPN")
    if tok.dep_ == "advcl" and "Part" in tok.morph.get("VerbForm", []) \
            and not any(c.dep_.startswith("nsubj") for c in tok.children):
        before = [t for t in tok.doc[max(tok.sent.start, tok.i - 3): tok.i] if not t.is_punct]
        return bool(before) and before[-1].lemma_.lower() in things and tok.doc[tok.i - 1].is_punct
    return False
