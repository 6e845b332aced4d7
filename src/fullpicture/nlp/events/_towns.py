"""Which town a place mention of an event stands for, and which place words name a region.

A state named as what a title holder heads ("the President of Eastland", "президент Eastland":
``[place_titles]`` of ``plover.toml``) says who speaks, not where the event happened: it stands
for the town named last before its sentence (:func:`title_towns`). A place word inside an
organisation's or a facility's name followed by a region word ("the Eastvale Regional
Theatre") is the name's region, not the event's place, when the document names another town
(:func:`regional_in_names`). :func:`is_town` says whether a place entity is a town or city.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from fullpicture.nlp._shared import climb
from fullpicture.nlp.places._translit import fold


def title_towns(doc: Doc, index: dict[str, Any], places: list[tuple[int, str]], chars: int) -> list[tuple[int, str]]:
    """``places`` (of ``place_positions``) where a state named as what a title holder heads
    ("announced by the President of Eastland", "президент Eastland": ``_title_place``) stands for
    the town named last before its sentence, at most ``chars`` characters earlier; the state stays
    where no such town is named."""
    return [(i, _town_before(doc, index, places, i, chars) or eid) if _title_place(doc[i]) else (i, eid)
            for i, eid in places]


def _town_before(doc: Doc, index: dict[str, Any], kept: list[tuple[int, str]], i: int, chars: int) -> str | None:
    """The town named last before the sentence of token ``i``, at most ``chars`` characters
    before that sentence's start (a place of ``kept`` that names no title holder's state)."""
    start = doc[i].sent.start
    lo = doc[start].idx - chars
    best: str | None = None
    for j, eid in kept:
        if j >= start:
            break
        if doc[j].idx >= lo and eid in index and is_town(index[eid]) and not _title_place(doc[j]):
            best = eid
    return best


@lru_cache(maxsize=1)
def region_words() -> re.Pattern[str] | None:
    """Words that make a place word inside a name the region's ("the Eastvale Regional Theatre",
    "областной", "régional": ``[facilities] region_words`` of ``plover.toml``, word beginnings)."""
    from fullpicture._data import data_toml

    words = data_toml("events", "plover.toml").get("facilities", {}).get("region_words", [])
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")",
                      re.I | re.U)


def is_town(ent: Any) -> bool:
    """A place entity linked to a town or a city of the gazetteer (no country, no region)."""
    geo = getattr(ent, "geo", None)
    if geo is None or geo.geonames_id is None:
        return False
    from fullpicture.nlp.places._gazetteer import get_gazetteer

    gaz = get_gazetteer()
    return any(gaz.place(i).gid == geo.geonames_id and gaz.place(i).kind in ("city", "capital")
               for i in gaz.lookup(fold(ent.name)))


def regional_in_names(text: str, index: dict[str, Any], lines: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Spans of place words inside an organisation's or a facility's name that a region word
    follows in that name ("the Eastvale Regional Drama Theatre", "Eastvale Oblast Hospital"):
    the name's region, not where its happenings took place, when the document names, outside
    every name, a town that is another place (the facility's own town)."""
    rx = region_words()
    if rx is None:
        return set()
    names = [(m.start, m.end) for e in index.values() if e.type in ("ORG", "FAC") for m in e.mentions]
    regional = [(a, b) for a, b in names if rx.search(text, a, b)]  # most documents have none
    if not regional:
        return set()
    inside: dict[tuple[int, int], str] = {}
    for e in index.values():
        if e.type not in ("GPE", "LOC"):
            continue
        for m in e.mentions:
            for a, b in regional:
                if a <= m.start and m.end <= b and (a, b) != (m.start, m.end) and rx.search(text, m.end, b):
                    inside[(m.start, m.end)] = e.id
    if not inside:
        return set()
    towns = {e.id for e in index.values() if e.type in ("GPE", "LOC") and is_town(e)
             for m in e.mentions if (m.start, m.end) not in inside
             and not any(a <= m.start < b for a, b in lines)
             and not any(a <= m.start and m.end <= b for a, b in names)}
    return {span for span, eid in inside.items() if towns - {eid}}


@lru_cache(maxsize=1)
def _place_titles() -> frozenset[str]:
    from fullpicture._data import data_toml

    return frozenset(data_toml("events", "plover.toml").get("place_titles", {}).get("words", []))


def _title_place(tok: Token) -> bool:
    """``tok`` names what a title holder heads ("the President of Eastland", "Eastland's prime
    minister", "президент Eastland", "министр обороны Eastland", "le président de l'Eastland"):
    who speaks, not where the happening took place (``[place_titles]`` of ``plover.toml``)."""
    titles = _place_titles()
    if not titles:
        return False
    root = climb(tok, ("compound", "flat", "flat:name", "conj"))
    for _ in range(2):  # "министр обороны Eastland": one governing noun between
        head = root.head
        if root.dep_ == "pobj" and head.lower_ == "of" and head.dep_ == "prep":
            head = head.head
        elif root.dep_ not in ("nmod", "poss", "compound"):
            return False
        if head.i == root.i or head.pos_ not in ("NOUN", "PROPN"):
            return False
        if head.lemma_.lower() in titles or head.lower_ in titles:
            return True
        root = head
    return False
