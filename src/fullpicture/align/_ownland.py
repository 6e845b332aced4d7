"""Whose land a happening took place on, as each side tells it: the place dispute of a border
clash.

Two sides that each place one happening mostly on their own state's land (a side whose state
is Eastland names Eastland's villages and districts, the Westland side Westland's) contest where
it happened, however near the places lie: a village of one state against a district of the
other across their border is the dispute of whose territory was attacked, not two grains of one
place. A side that places the act mostly in another state, or in no state of its own, tells no
such dispute; neither do places of one state at different levels (a village and its district),
which the distance rule of :mod:`._entityconflicts` already reads as one place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from fullpicture.align._agents import name_state, side_state
from fullpicture.align._util import country_code
from fullpicture.models import Analysis, Entity


def place_country(ent: Entity) -> str | None:
    """The state a resolved place below the state lies in, upper case; None for a country's own
    name (a state named as the place is as often the doer or the speaker: "Eastland said",
    "Eastland's shelling") and for a capital (where a side's statements are made)."""
    if ent.geo is None or not ent.geo.country or _state_code(ent):
        return None
    return None if _capital(ent) else ent.geo.country.upper()


def _state_code(ent: Entity) -> str | None:
    """The country code of a place entity that names a state, else None."""
    return country_code(ent.name) if ent.type in ("GPE", "LOC") else None


def land_of(ent: Entity) -> str | None:
    """The state a resolved place is or lies in, upper case (None when unresolved)."""
    if ent.geo is None:
        return None
    return (_state_code(ent) or ent.geo.country or "").upper() or None


def _capital(ent: Entity) -> bool:
    """Whether the gazetteer record a place resolved to is a state's capital."""
    from fullpicture.nlp.places._gazetteer import get_gazetteer
    from fullpicture.nlp.places._translit import fold

    if ent.geo is None or ent.geo.geonames_id is None:
        return False
    gaz = get_gazetteer()
    return any((p := gaz.place(i)).kind == "capital" and p.gid == ent.geo.geonames_id
               for i in gaz.lookup(fold(ent.name)))


def main_lands(counts: Counter[str]) -> set[str]:
    """The states a side places the happening in most often (ties kept)."""
    if not counts:
        return set()
    top = max(counts.values())
    return {k for k, v in counts.items() if v == top}


def own_land(side: str, lands: dict[str, Counter[str]]) -> str | None:
    """The side's own state when the side places the happening mostly there alone, else None."""
    own = side_state(side)
    return own if own is not None and main_lands(lands.get(side, Counter())) == {own} else None


def own_lands_clash(s: str, t: str, lands: dict[str, Counter[str]]) -> bool:
    """Whether sides ``s`` and ``t`` each place the happening mostly on their own, different,
    state's land."""
    a, b = own_land(s, lands), own_land(t, lands)
    return a is not None and b is not None and a != b


def land_told(a: Analysis, ent: Entity, states: Collection[str]) -> bool:
    """Whether a resolved place's state is one its document tells of: the state of a side of the
    row (``states``: a side's own land, or the land another side holds, needs no naming), a country
    the document names (or a demonym of it), or another place it names in that state. A small town
    of a country its document never names is as often a namesake the gazetteer took for a village
    of the story (``place_conflict_unplaced_abroad``)."""
    land = land_of(ent)
    if land is None or _state_code(ent):
        return True
    if land in states:
        return True
    return any(e.id != ent.id and (land_of(e) == land or (e.geo is None and name_state(e.name) == land))
               for e in a.entities)
