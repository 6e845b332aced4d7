"""The state a person speaks or acts for, read from the title the document gives the person.

"Kremlin spokesman Dmitry Peskov denied ...", "Ukrainian presidential adviser Mykhailo Podolyak
said ...", "Arvo Lenn, the Freedonian defence minister, said ...": a person named as an agent
or a denier is an actor of no state by the entity alone; the words of the title just before one
of the person's mentions (in its clause), or of an apposition right after it, name the state
(``_agents.name_state``, read alike for every state and language). Words that hold a cue of
the parse (an event's trigger, a claim's cue: "Eastland accused Arvo Lenn") are no title.
"""

from __future__ import annotations

from fullpicture.align._agents import name_state
from fullpicture.models import Analysis, Entity

_MARKS = (",", ";", ":", ".", "(", ")", "\n", "—", "–", "\"", "«", "»", "“", "”")


def person_state(a: Analysis, ent: Entity | None, reach: int) -> str | None:
    """The state the title of a person (``PERSON`` entity) names at one of its mentions, first
    mention first: the words before the mention within its clause, at most ``reach`` characters,
    else an apposition after it (", the Freedonian defence minister,"); None for other entities,
    where no title names a state, or with ``reach`` 0."""
    if ent is None or ent.type != "PERSON" or reach <= 0:
        return None
    for mention in sorted(ent.mentions, key=lambda x: x.start):
        state = _title_before(a, mention.start, reach) or _title_after(a, mention.end, reach)
        if state:
            return state
    return None


def _title_before(a: Analysis, start: int, reach: int) -> str | None:
    lo = max(0, start - reach)
    window = a.text[lo:start]
    lo += max(window.rfind(c) for c in _MARKS) + 1
    if not a.text[lo:start].strip() or _holds_cue(a, lo, start):
        return None
    return name_state(a.text[lo:start])


def _title_after(a: Analysis, end: int, reach: int) -> str | None:
    if not a.text[end : end + 2].startswith(","):
        return None
    lo = end + 1
    body = a.text[lo : lo + reach]
    stops = [i for i in (body.find(c) for c in _MARKS) if i >= 0]
    hi = lo + (min(stops) if stops else len(body))
    if not a.text[lo:hi].strip() or _holds_cue(a, lo, hi):
        return None
    return name_state(a.text[lo:hi])


def _holds_cue(a: Analysis, lo: int, hi: int) -> bool:
    """Whether an event's trigger or a claim's cue starts in ``[lo, hi)``."""
    return (any(lo <= e.trigger.start < hi for e in a.events)
            or any(c.cue is not None and lo <= c.cue.start < hi for c in a.claims))
