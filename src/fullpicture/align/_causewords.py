"""A day or a place told in the words of a happening's cause is the cause's, not the happening's.

"The raid was ordered in response to the ambush on the convoy, on 3 March, near Westvale": the
ambush happened on 3 March near Westvale; the raid came later, somewhere else. The event layer
gives a happening the day and the place nearest its trigger in its sentence, so the raid takes
the ambush's day and town, and the pair model then files the raid's reports with the ambush's.

A mention told outside every unit of cause of its sentence (``_causeapart.cause_unit``, the table
of ``[align] link_cause_phrases``) and before the first of them, whose stated day, or whose place,
is named only after that phrase ("X was ordered in response to Y, on DAY, at PLACE") takes neither
(:func:`borrowed`): its day is its report's (not stated), its place none. Phrases only, both sides
alike.
"""

from __future__ import annotations

from fullpicture.align._causeapart import cause_units
from fullpicture.models import Analysis, Event


def _cause_part(sentence: str, at: int, language: str | None, table: str) -> tuple[int, int] | None:
    """The part of ``sentence`` that tells the cause of the trigger at ``at`` (offsets in the
    sentence): from the first phrase of cause after the trigger to the end of the sentence; none
    when the trigger lies in a unit of cause itself or after one (its day and place may then be
    its own, and a toll told after the cause's words is the cause's: "..., which killed 9")."""
    units = cause_units(sentence, language, table)
    if any(s <= at for s, _ in units):
        return None
    return (units[0][0], len(sentence)) if units else None


def borrowed(a: Analysis, ev: Event, language: str | None, table: str) -> tuple[bool, bool]:
    """``(day, place)``: whether the stated day, and the place, of ``ev`` are named only in the
    part of its sentence that tells its cause (see the module)."""
    start, end = ev.evidence.start, ev.evidence.end
    part = _cause_part(a.text[start:end], ev.trigger.start - start, language, table)
    if part is None:
        return False, False

    def inside(offsets: list[int]) -> bool:
        return bool(offsets) and all(part[0] <= o - start < part[1] for o in offsets)

    day = ev.date_source == "sentence" and bool(ev.date) and inside(
        [t.start for t in a.timexes if start <= t.start < end and t.value == ev.date])
    place = False
    if ev.place:
        ent = next((e for e in a.entities if e.id == ev.place), None)
        place = ent is not None and inside([m.start for m in ent.mentions if start <= m.start < end])
    return day, place
