"""The places a document names inside a wider place it tells a happening at.

A follow-up report often tells its happening at the region or the country ("the shelling in
the Northvale region", "the strike in Westland") while naming the town elsewhere in its text
("the town of Eastvale (Northvale region)"). The town is then the happening's place as much as
the region is: :func:`document_levels` reads each resolved place a document names once (its
kind, country and first-level division in the gazetteer), and :func:`inside` gives the places
of the document that lie within a country or a first-level division (the same country, the
same division), so that a later join can look for the row told at one of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from fullpicture.align._util import EntityIndex
from fullpicture.models import Analysis, Entity

# the wide kinds of place that contain others
_WIDE = ("country", "admin1")


class Level(NamedTuple):
    """Where a resolved place lies: its gazetteer kind, country and first-level division."""

    kind: str
    country: str
    division: str


def place_level(ent: Entity) -> Level | None:
    """The gazetteer :class:`Level` of a resolved place entity (its GeoNames record, else the
    record of its name at its point); None when unresolved or not in the gazetteer."""
    from fullpicture.nlp.places._gazetteer import get_gazetteer
    from fullpicture.nlp.places._translit import fold

    geo = ent.geo
    if geo is None or ent.type not in ("GPE", "LOC"):
        return None
    gaz = get_gazetteer()
    for name in (ent.name, *ent.aliases):
        for i in gaz.lookup(fold(name)):
            p = gaz.place(i)
            same = p.gid == geo.geonames_id if geo.geonames_id else \
                abs(p.lat - geo.lat) < 1e-3 and abs(p.lon - geo.lon) < 1e-3
            if same:
                return Level(p.kind, p.cc.upper(), p.admin1)
    return None


def document_levels(a: Analysis, index: EntityIndex) -> dict[str, tuple[str, Level]]:
    """Entity id -> (global key, :class:`Level`) of each resolved place the document names."""
    out: dict[str, tuple[str, Level]] = {}
    for ent in a.entities:
        level = place_level(ent)
        key = index.key(a.document.id, ent.id, resolve=True) if level is not None else None
        if level is not None and key:
            out[ent.id] = (key, level)
    return out


def contains(wide: Level, narrow: Level) -> bool:
    """Whether ``narrow`` lies within ``wide``, a country or a first-level division."""
    if wide.kind not in _WIDE or narrow == wide or narrow.kind == "country" or narrow.country != wide.country:
        return False
    return wide.kind == "country" or (narrow.kind != "admin1" and bool(wide.division)
                                      and narrow.division == wide.division)


def wide_reach(ent: Entity, reach: Mapping[str, float]) -> float:
    """How far a place of no single country (a continent, a region across borders, an open sea:
    a gazetteer kind of ``reach`` with no country code) reaches from its point, in km: it
    contains the places that near it ("deployed in Westafrica" and "struck in Eastland", "in
    the Northern Sea" and "in the Narrow Strait"), as a country contains its own; 0 for any
    other place."""
    level = place_level(ent)
    if level is None or level.country:
        return 0.0
    return float(reach.get(level.kind, 0.0))


def inside(place: str | None, levels: dict[str, tuple[str, Level]]) -> frozenset[str]:
    """The keys of the document's places (``levels``: :func:`document_levels`) that lie within
    the place entity ``place`` when it is a country or a first-level division; else none."""
    got = levels.get(place) if place else None
    if got is None or got[1].kind not in _WIDE:
        return frozenset()
    return frozenset(key for key, level in levels.values() if key != got[0] and contains(got[1], level))

