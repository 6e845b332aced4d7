"""Where a statement was made is no place of the happening it tells about.

"The spokesman said in the capital that rockets hit the port": the capital is where the
speaker stood, the port is where the rockets fell. An event told inside a claim's content
whose place is named only outside that content (the cue's or the speaker's part of the
sentence) takes no part in a place conflict.
"""

from __future__ import annotations

from fullpicture.models import Analysis, Claim, Entity, Event


def _claim_of(a: Analysis, ev: Event) -> Claim | None:
    """The claim whose content holds the event's trigger (its own claim first)."""
    inside = [c for c in a.claims if c.start <= ev.trigger.start and ev.trigger.end <= c.end]
    own = [c for c in inside if c.id == ev.source]
    return next(iter(own or inside), None)


def statement_place(a: Analysis, ev: Event, place: Entity) -> bool:
    """True when ``place`` is named in the event's sentence only where a claim is made or by whom:
    outside the content of the claim that tells the event ("said in Islamabad that ...",
    "Addressing reporters in X, the minister said ...") or inside a claim's speaker ("the
    defence ministry of X accused Y of the strike")."""
    here = [x for x in place.mentions if ev.evidence.start <= x.start < ev.evidence.end]
    if not here:
        return False
    claim = _claim_of(a, ev)
    speakers = [(c.source.start, c.source.end) for c in a.claims
                if c.source is not None and c.source.start is not None and c.source.end is not None]
    return all(any(s <= x.start < e for s, e in speakers)
               or (claim is not None and claim.cue is not None and not claim.start <= x.start < claim.end)
               for x in here)
