"""Places told as facilities: a place name with a facility noun of some kind around it ("the
Eastvale prison", "la prison d'Eastvale", "колонии в поселке Eastvale"). The nouns and their kinds
are language data (``[sites]`` of ``data/events/incidents.toml``: ``align/_sites.py``)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from fullpicture.align._sites import kind_of, named_kinds, site_pattern
from fullpicture.align._util import EntityIndex
from fullpicture.models import Analysis, Entity, Event
from fullpicture.nlp.events._analogy import analogy_place
from fullpicture.nlp.events._args import dateline_spans
from fullpicture.nlp.events._towns import is_town, region_words, regional_in_names

Site = tuple[str, str]  # (facility kind, place key)


def _around(text: str, lo: int, hi: int, start: int, end: int) -> frozenset[str]:
    """Kinds of the facility nouns around the name ``text[start:end]`` inside ``text[lo:hi]``."""
    return named_kinds(text[max(lo, start - 60) : start], text[end : min(hi, end + 50)])


def facility_places(a: Analysis, ev: Event, index: EntityIndex, words: bool = False) -> frozenset[Site]:
    """``(kind, place key)`` of the event's places (its place and the places it struck) that its
    sentence names as a facility: a mention of the place inside the sentence with a facility
    noun before it (up to three words between) or after it (up to two); a FAC entity is a
    facility of the kinds its own name tells ("" when it tells none), and (``words``) so is an
    organisation whose own name holds a facility noun ("the X Hospital" read as an organisation,
    keyed by its name word only). ``words``: a named facility
    that is no gazetteer place is also keyed by its kind and its name's first distinctive word
    (:func:`name_word`), so that one facility's names in several outlets and scripts meet ("the
    X al-Y Hospital", "the X Baptist Hospital", "l'hôpital X", "больница X")."""
    doc, lo, hi = a.document.id, ev.evidence.start, ev.evidence.end
    text = a.text
    out: set[Site] = set()
    for eid in [ev.place, *ev.patients]:
        ent = index.entity(doc, eid)
        if ent is None or ent.type not in ("GPE", "LOC", "FAC", "ORG"):
            continue
        if ent.type == "ORG" and not (words and _own_kinds(ent.name)):
            continue  # an organisation is a facility only by its name's noun ("the X Hospital")
        key = index.key(doc, eid, resolve=True)
        if not key:
            continue
        for m in ent.mentions:
            if not lo <= m.start < hi:
                continue
            kinds = set(_around(text, lo, hi, m.start, m.end)) if ent.type != "ORG" else set()
            if ent.type in ("FAC", "ORG"):
                kinds |= _own_kinds(m.text) or ({""} if ent.type == "FAC" else set())
            if ent.type != "ORG":
                out.update((k, key) for k in kinds)
            word = name_word(m.text) if words and kinds - {""} and (ent.geo is None or ent.geo.geonames_id is None) else ""
            out.update((k, "~" + word) for k in kinds if k and word)
            if kinds:
                break
    return frozenset(out)


def name_word(name: str) -> str:
    """The first distinctive word of a facility's name, under its key across scripts
    (``script_key``): a capitalised word of three letters or more that is no facility noun, no
    particle or plain word (``[site_names]`` of ``data/events/incidents.toml``: al, аль, central,
    drama...), no region word and no gazetteer place; "" when the name has none."""
    from fullpicture.nlp.places._gazetteer import get_gazetteer
    from fullpicture.nlp.places._translit import fold, script_key

    skip = _plain_words()
    pattern = site_pattern()
    regional = region_words()
    gaz = get_gazetteer()
    for w in _PARTS.findall(name):
        low = fold(w)
        if not w[:1].isupper() or len(w) < 3 or low in skip or (regional is not None and regional.match(w)):
            continue
        if (pattern is not None and pattern.fullmatch(w)) or gaz.lookup(low):
            continue
        return script_key(w)
    return ""


@lru_cache(maxsize=1)
def _plain_words() -> frozenset[str]:
    """Particles and plain words of facilities' names (``[site_names]`` of incidents.toml)."""
    from fullpicture._data import data_toml

    data = data_toml("events", "incidents.toml").get("site_names", {})
    return frozenset(str(w) for w in [*data.get("particles", []), *data.get("plain", [])])


_PARTS = re.compile(r"[^\W\d_]+", re.U)


def _own_kinds(name: str) -> set[str]:
    """The kinds of the facility nouns inside a name ("Eastvale Drama Theatre")."""
    pattern = site_pattern()
    return set() if pattern is None else {kind_of(m) for m in pattern.finditer(name)}


def document_sites(a: Analysis, index: EntityIndex) -> dict[str, frozenset[str]]:
    """Facility kind -> the towns the document names as the place of a facility of that kind
    anywhere: a place name with the kind's noun around it ("the drama theatre of Eastvale"), or
    a town's name inside a facility's own name ("the Eastvale Drama Theatre", an organisation or
    a place the entity layer read whole); a place word that a region word follows inside a name
    ("the Eastvale Regional Theatre") is the region's, never the facility's."""
    doc, text = a.document.id, a.text
    ents = {e.id: e for e in a.entities}
    lines = dateline_spans(text)
    regional = regional_in_names(text, ents, lines)
    out: dict[str, set[str]] = {}
    for e in a.entities:
        if e.type not in ("GPE", "LOC", "FAC", "ORG"):
            continue
        key = index.key(doc, e.id, resolve=True) if e.type != "ORG" else None
        place = bool(key) and e.type in ("GPE", "LOC") and is_town(e)
        for m in e.mentions:
            if (m.start, m.end) in regional or any(x <= m.start < y for x, y in lines):
                continue
            if place:
                assert key is not None
                for k in _around(text, 0, len(text), m.start, m.end):
                    out.setdefault(k, set()).add(key)
            own = _own_kinds(m.text)
            if own:
                for town in _towns_in(m.text, index):
                    for k in own:
                        out.setdefault(k, set()).add(town)
    return {k: frozenset(v) for k, v in out.items()}


_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.U)


def _towns_in(name: str, index: EntityIndex) -> set[str]:
    """Keys of the places of the comparison (towns or cities some document names) whose name is a
    word of ``name``, unless a region word follows it there."""
    rx = region_words()
    out = set()
    for m in _WORD.finditer(name):
        if m.group()[:1].islower() or (rx is not None and rx.search(name, m.end())):
            continue
        key = index.town_key(m.group())
        if key:
            out.add(key)
    return out


def town_mentions(a: Analysis, index: EntityIndex) -> list[tuple[int, str]]:
    """Sorted ``(start, place key)`` of the document's mentions of towns (gazetteer towns and
    cities) told as places: no actor ("Eastvale said"), no dateline, no analogy ("in the
    Eastvale style"), no place word that a region word follows inside a name."""
    doc, text = a.document.id, a.text
    ents = {e.id: e for e in a.entities}
    lines = dateline_spans(text)
    regional = regional_in_names(text, ents, lines)
    out: list[tuple[int, str]] = []
    for e in a.entities:
        if e.type not in ("GPE", "LOC") or not is_town(e):
            continue
        key = index.key(doc, e.id, resolve=True)
        if not key:
            continue
        out.extend((m.start, key) for m in e.mentions
                   if not m.actor and (m.start, m.end) not in regional and not analogy_place(text, m.start, m.end)
                   and not any(x <= m.start < y for x, y in lines))
    out.sort()
    return out


def town_before(towns: list[tuple[int, str]], start: int, window: int) -> str | None:
    """The town named last before ``start``, at most ``window`` characters before it
    (:func:`town_mentions`); None when none is."""
    k = bisect_left(towns, (start, ""))
    if k == 0 or window <= 0:
        return None
    pos, key = towns[k - 1]
    return key if start - pos <= window else None


def is_town_place(ent: Entity, cache: dict[str, bool]) -> bool:
    """Whether a place entity is a gazetteer town or city (no country, region or district, no
    town standing for its country), looked up once per entity id of one document in ``cache``."""
    got = cache.get(ent.id)
    if got is None:
        # a town that stands for its country ("Moscow denied") is no town of a happening
        got = cache[ent.id] = ent.type in ("GPE", "LOC") and not ent.refers_to and is_town(ent)
    return got
