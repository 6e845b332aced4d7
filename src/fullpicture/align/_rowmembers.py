"""The members of an aligned row (one mention each, with its side and document) and what the
row's conflict rules share about them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fullpicture.align._agents import side_state
from fullpicture.models import Analysis, Event


@dataclass
class Member:
    """One mention of an aligned event, with its side and document."""

    side: str
    analysis: Analysis
    event: Event
    #: the stated date of the happening this mention hangs on ("Five died in the quake" after "In
    #: April last year a quake struck ..."), when its own sentence states none
    host_date: str | None = None


#: mentions of what did not happen or has not yet ("did not leave", "plans to strike", "if they
#: attack"): no day or place of a happening for sides to contest
_UNREAL = frozenset({"negated", "hypothetical", "planned", "expected"})


def side_of_state(members: Sequence[Member], sides: Sequence[str] | None = None) -> dict[str, str]:
    """State code -> the compared side of that state (of ``sides``, else of the members)."""
    labels = set(sides) if sides is not None else {m.side for m in members}
    return {st: s for s in sorted(labels) if (st := side_state(s))}
