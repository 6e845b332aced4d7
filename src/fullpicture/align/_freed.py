"""Captives freed in a raid: the freeing is the raid's outcome, not a happening of its own.

"Four hostages were freed in the operation", "l'armée a libéré quatre otages lors d'une
opération", "освобождены четыре заложника в ходе операции": the freeing (a RETREAT, PLOVER's
release of persons) told with captives is what the operation achieved, as a rescue is. Such a
mention is read as a consequence (``_incident_lex.is_consequence``): it joins the happening of its
own sentence (or of the sentences before), and never merges two happenings. The words are
``[freed]`` of ``data/events/incidents.toml``: the freeing lemmas and the stems that name
captives, looked for in the mention's sentence and in the ``incident_freed_before_chars``
characters before it (a list of the freed people's names follows the sentence that calls them
hostages). A freeing with no captive named (a town, a territory, a prisoner swap's "released")
stays what it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from fullpicture._data import data_toml
from fullpicture.models import Analysis, Event


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], re.Pattern[str] | None]:
    """The freeing lemmas and a pattern of the words that name captives."""
    data = data_toml("events", "incidents.toml").get("freed", {})
    stems = sorted((str(w).lower() for w in data.get("captives", [])), key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")", re.I) if stems else None
    return frozenset(str(w).lower() for w in data.get("lemmas", [])), pattern


def freed_captives(a: Analysis, ev: Event, lemma: str, before_chars: int) -> bool:
    """Whether ``ev`` (lemma ``lemma``) frees captives: a freeing lemma, and a word naming captives
    in its sentence or in the ``before_chars`` characters before it (0 = off)."""
    if before_chars <= 0:
        return False
    lemmas, pattern = _cues()
    if pattern is None or lemma not in lemmas:
        return False
    return bool(pattern.search(a.text, max(0, ev.evidence.start - before_chars), ev.evidence.end))
