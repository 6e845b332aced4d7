"""Metonymy: places and nationality adjectives used as political actors."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.places._translit import fold
from fullpicture.nlp.places._wordlists import Lexicon


def is_actor_position(root: Token, lex: Lexicon) -> bool:
    """True when the name headed by ``root`` acts: subject of a speech/decision verb (or of a
    verb whose complement is one: "is yet to give", "has yet to comment"), agent of a passive one ("condemned by Baku"), or owner of a decision ("Moscow's veto").
    French and Russian verbs are those of ``actor_verbs_lang`` ("le Maroc a démenti")."""
    verbs = lex.actor_verbs | lex.actor_verbs_lang.get(root.doc.lang_, frozenset())
    dep, head = root.dep_, root.head
    if dep == "conj":  # "Moscow and Beijing vetoed"
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        dep, head = root.dep_, root.head
    if dep == "nsubj" and head.lemma_.lower() in verbs:
        return True
    if dep == "nsubj" and any(c.dep_ == "xcomp" and c.lemma_.lower() in verbs for c in head.children):
        return True  # "Moscow is yet to give figures", "Baku has yet to comment", "Rabat appears to deny"
    if dep == "pobj" and head.dep_ == "agent" and head.head.lemma_.lower() in verbs:
        return True
    if dep == "obl:agent" and head.lemma_.lower() in verbs:
        return True  # UD: "condamné par Alger"
    return dep == "poss" and head.lemma_.lower() in lex.actor_nouns


def demonym_sides(doc: Doc, lex: Lexicon) -> list[tuple[int, int, str]]:
    """``(start, end, country code)`` for "Ukrainian forces", "the Serbian side" and the like."""
    out: list[tuple[int, int, str]] = []
    n = len(doc)
    for i, word in enumerate(token_arrays(doc).text):
        if not word[:1].isupper():
            continue
        cc = lex.demonyms.get(fold(word))
        if cc is None:
            continue
        tok = doc[i]
        j = tok.i + 1
        # allow one adjective between ("Russian armed forces" is caught by the two-word noun)
        for k in (j, j + 1):
            if k >= n:
                break
            two = f"{doc[k].lower_} {doc[k + 1].lower_}" if k + 1 < n else ""
            if two in lex.side_nouns:
                out.append((tok.i, k + 2, cc))
                break
            if doc[k].lower_ in lex.side_nouns and doc[k].pos_ in ("NOUN", "PROPN"):
                out.append((tok.i, k + 1, cc))
                break
            if doc[k].pos_ != "ADJ":
                break
    return out
