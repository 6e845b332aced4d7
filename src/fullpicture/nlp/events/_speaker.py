"""Where someone speaks is no place of the happening they speak of.

"In Eastcity, officials explained the collapse in Westtown by a downed missile", "В Eastcity
заявили, что ...": a capital or a country named where a statement is made (a place phrase on a
verb of saying) stands for its government speaking, not for where the happening it tells took
place. The verbs and prepositions are ``speaker_verbs`` and ``speaker_preps`` of
``data/gazetteer/lexicon.toml`` (per language); a town keeps its place (local officials speak
where the happening was).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from fullpicture._data import language_words
from fullpicture.nlp._shared import climb
from fullpicture.nlp.places._translit import fold

_SEATS = ("capital", "country")


def speaker_verbs(language: str) -> frozenset[str]:
    """Lemmas of verbs of saying whose place phrase tells where the speaker was (``speaker_verbs``
    of ``lexicon.toml``; none for a language it does not list)."""
    return language_words("gazetteer", "lexicon.toml", "speaker_verbs", language)


def is_seat(ent: Any) -> bool:
    """A place entity linked to a capital or a country of the gazetteer (a seat of government)."""
    geo = getattr(ent, "geo", None)
    if geo is None or geo.geonames_id is None:
        return False
    from fullpicture.nlp.places._gazetteer import get_gazetteer

    gaz = get_gazetteer()
    return any(gaz.place(i).gid == geo.geonames_id and gaz.place(i).kind in _SEATS for i in gaz.lookup(fold(ent.name)))


def speaker_place(tok: Token, trig: Token) -> bool:
    """``tok`` names where someone says something, not where ``trig`` happened: the object of a
    place preposition (``speaker_preps``) on a verb of saying that is not the trigger ("In
    Eastcity, officials explained the collapse", "В Eastcity объяснили обрушение", "À Eastcity,
    on a expliqué"). A place on the speaker ("the ministry in Eastcity said") is left alone: a
    local office speaks of its own place."""
    lang = tok.doc.lang_
    verbs = speaker_verbs(lang)
    if not verbs:
        return False
    preps = language_words("gazetteer", "lexicon.toml", "speaker_preps", lang)
    root = climb(tok, ("compound", "flat", "flat:name", "appos"))
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ in preps:
        owner = root.head.head
    elif root.dep_.split(":")[0] in ("obl", "nmod") and any(c.dep_ == "case" and c.lower_ in preps for c in root.children):
        owner = root.head
    else:
        return False
    return owner.i != trig.i and owner.pos_ in ("VERB", "AUX") and owner.lemma_.lower() in verbs
