"""A place of no single country (a continent, a region across borders, an open sea) contains the
places within its reach, as a country contains its own (align/_containing.wide_reach,
``place_wide_reach_km``; session 36, place).

Shape restated in invented words from real multi-side coverage: most reports tell an air strike at
a village of Westland ("jets struck near Eastvale on Sunday"); one wire report of the same day
tells it as jets "deployed over the centre of the African country" and another as "the navy
stopped the boats in the Northern Sea" while others name the narrow strait on its edge. The
continent, the sea and the village or the strait were read as two places, so those mentions
stood apart in rows of their own placed on the continent or the sea. Guards: a place farther
than the reach, a wide place with a country code (its own country contains it already) and the
switch off keep them apart.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._containing import wide_reach
from fullpicture.align._eventpairs import MentionFeatures, PairScorer
from fullpicture.align._incident_lex import fits
from fullpicture.models import Entity, Geo

DAY = 738000


def _m(place: str, lat: float, lon: float, cc: str = "", reach: float = 0.0) -> MentionFeatures:
    return MentionFeatures(doc=place, lemma="strike", type="ASSAULT", family="material_conflict",
                           sentence="...", span=(0, 40), interval=(DAY, DAY), places=frozenset({place}),
                           geo=(lat, lon, cc, False), extra={"reach": reach})


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def test_the_shipped_reach_of_a_continent_and_of_an_open_sea() -> None:
    from fullpicture.nlp.places._gazetteer import get_gazetteer

    reach = _cfg()["place_wide_reach_km"]
    gaz = get_gazetteer()
    for name, kind in (("Africa", "continent"), ("Black Sea", "water")):
        rec = next(p for i in gaz.lookup(name.lower()) if (p := gaz.place(i)).kind == kind)
        place = Entity(id="p1", name=name, type="LOC", geo=Geo(lat=rec.lat, lon=rec.lon, geonames_id=rec.gid or None))
        assert wide_reach(place, reach) == reach[kind] > 0  # type: ignore[index]


def test_a_village_of_a_country_is_no_wide_place() -> None:
    village = Entity(id="p2", name="Eastvale", type="GPE", geo=Geo(lat=14.0, lon=-3.0, country="ML"))
    assert wide_reach(village, {"continent": 4000.0}) == 0.0


def test_a_happening_on_the_continent_fits_one_at_a_village_within_its_reach() -> None:
    continent = _m("westcontinent", 7.0, 21.0, reach=4000.0)
    village = _m("eastvale", 14.0, -3.0, cc="ML")
    assert fits(continent, village, near_km=30.0)
    assert fits(village, continent, near_km=30.0)


def test_a_village_beyond_the_reach_stays_another_place() -> None:
    sea = _m("northern_sea", 43.0, 35.0, reach=800.0)
    far = _m("farport", 40.0, 50.0, cc="XX")  # about 1,300 km away
    assert not fits(sea, far, near_km=30.0)


def test_without_a_reach_the_continent_and_the_village_are_two_places() -> None:
    continent = _m("westcontinent", 7.0, 21.0)
    village = _m("eastvale", 14.0, -3.0, cc="ML")
    assert not fits(continent, village, near_km=30.0)


def test_the_pair_model_counts_no_place_against_the_sea_and_its_strait() -> None:
    sea = _m("northern_sea", 43.0, 35.0, reach=800.0)
    strait = _m("narrow_strait", 45.3, 36.5, cc="XX")
    farport = _m("farport", 40.0, 50.0, cc="XX")
    scorer = PairScorer([sea, strait, farport], _cfg())
    import numpy as np

    far = scorer._far(np.array([0, 0, 1]), np.array([1, 2, 2]))
    assert far.tolist() == [False, True, True]
