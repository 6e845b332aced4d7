"""Places told as facilities: a place name with a facility noun around it ("the Eastvale prison",
"la prison d'Eastvale", "колонии в поселке Eastvale"). The nouns are language data
(``[facility] nouns`` of ``data/events/incidents.toml``, word beginnings in Russian)."""

from __future__ import annotations

import functools
import re

from fullpicture.align._util import EntityIndex
from fullpicture.models import Analysis, Event

# words allowed between a facility noun and its place name ("the prison camp in occupied X",
# "X hydroelectric power station")
_BETWEEN_BEFORE = 3
_BETWEEN_AFTER = 2


@functools.lru_cache(maxsize=8)
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """``(before, after)``: a facility noun ending the text before a place name, and one opening
    the text after it."""
    from fullpicture._data import data_toml

    nouns = data_toml("events", "incidents.toml").get("facility", {}).get("nouns", {}).get(language, [])
    if not nouns:
        return None
    alt = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    # Russian entries are word beginnings; English and French ones whole words (plural allowed)
    tail = r"\w*" if language == "ru" else r"(?:s|es|x)?\b"
    noun = rf"\b(?:{alt}){tail}"
    before = re.compile(rf"{noun}(?:[\s'’-]+[\w-]+){{0,{_BETWEEN_BEFORE}}}[\s'’]+$", re.I)
    after = re.compile(rf"^[\s'’-]*(?:[\w-]+\s+){{0,{_BETWEEN_AFTER}}}?{noun}", re.I)
    return before, after


def facility_places(a: Analysis, ev: Event, index: EntityIndex) -> frozenset[str]:
    """Keys of the event's places (its place and the places it struck) that its sentence names
    as a facility: a mention of the place inside the sentence with a facility noun before it
    (up to three words between) or after it (up to two)."""
    pats = _patterns((a.document.language or "en").split("-")[0].lower())
    if pats is None:
        return frozenset()
    before, after = pats
    doc, lo, hi = a.document.id, ev.evidence.start, ev.evidence.end
    text = a.text
    out = set()
    for eid in [ev.place, *ev.patients]:
        ent = index.entity(doc, eid)
        if ent is None or ent.type not in ("GPE", "LOC", "FAC"):
            continue
        key = index.key(doc, eid, resolve=True)
        if not key:
            continue
        for m in ent.mentions:
            if not lo <= m.start < hi:
                continue
            if ent.type == "FAC" or before.search(text[max(lo, m.start - 60) : m.start]) \
                    or after.search(text[m.end : min(hi, m.end + 50)]):
                out.add(key)
                break
    return frozenset(out)
