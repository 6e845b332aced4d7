"""Places that are not the happening's place (thirty-third session), restated in sentences and
names invented for these tests: a village the gazetteer lacks that shares its name with a small
town on another continent, one unknown village written in two scripts."""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._util import _entity_keys
from fullpicture.models import Entity


def _place_countries(text: str) -> dict[str, str | None]:
    a = analyze(text)
    return {e.name: (e.geo.country if e.geo else None) for e in a.entities if e.type in ("GPE", "LOC")}


def test_a_village_sharing_a_small_towns_name_abroad_is_left_unlinked() -> None:
    # Kelso is a small town in Scotland, the US and Australia; this story is told in Mali
    places = _place_countries("Residents said troops drove into Kelso, a hamlet of Mali's Mopti region, "
                              "and fired on the market; officials in Bamako denied it.")
    assert places.get("Kelso") in (None, "ML"), places
    assert places.get("Mali") == "ML"


def test_a_small_town_told_at_home_keeps_its_record() -> None:
    places = _place_countries("Flooding closed the bridge in Kelso, in the Scottish Borders, and police "
                              "in Edinburgh warned drivers across Scotland.")
    assert places.get("Kelso") == "GB", places


def test_one_unknown_village_in_two_scripts_is_one_place() -> None:
    # a village no gazetteer record takes, spelled by a French report and in Cyrillic
    latin = Entity(id="e1", name="Velmoura", type="GPE")
    cyrillic = Entity(id="e2", name="Велмура", type="GPE")
    assert set(_entity_keys(latin)) & set(_entity_keys(cyrillic))
    plain = Entity(id="e3", name="Велмора", type="GPE")
    assert "n:velmora" in _entity_keys(plain)
    # two Latin names are never joined by their romanization skeleton alone
    assert not set(_entity_keys(Entity(id="e4", name="Velmara", type="GPE"))) & set(_entity_keys(latin))
