"""A retrospective years on that tells the story's happening at a region of its country joins the
main row (align/_retoldnamed.py, ``incident_retold_retro_days``; session 37, retro).

Shape restated in invented words: an airliner was brought down over Greyrock, in the country of
Astoria; every report of the time tells it at Greyrock on its day. Three years on, a court story
says "the airliner shot down over the Eastmarch province" with no day of its own: it names
nothing the first reports name (the province, not the town), so its mentions took the
publication day and formed a row of that year. Guards: a piece placed in another country, a piece
placed only at the country, a report weeks on, a later happening with a day of its own, and the
switch off keep it apart.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._retoldnamed import join_retold_named
from fullpicture.nlp.places._translit import script_key

DAY = 738000
TOWN = (10.0, 20.0, "XA", False)
PROVINCE = (10.5, 20.5, "XA", False)


def _m(doc: str, day: int, firm: bool, geo: tuple[float, float, str, bool] | None, name: str,
       pub: int | None = None) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma="shoot", type="ASSAULT", family="material_conflict", sentence="...",
                           span=(0, 60), interval=(day, day), date_firm=firm, geo=geo,
                           extra={"by_report": not firm, "names": frozenset({script_key(name)}),
                                  "published": (pub if pub is not None else day,) * 2})


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _story(gap: int = 1100, geo: tuple[float, float, str, bool] | None = PROVINCE,
           firm: bool = False) -> tuple[list[MentionFeatures], list[int]]:
    """Row 0: three reports of the day at the town; row 1: the later piece at the province."""
    first = [_m(d, DAY, True, TOWN, "Greyrock") for d in "abc"]
    late = [_m("p", DAY + gap, firm, geo, "Eastmarch"), _m("q", DAY + gap, firm, geo, "Eastmarch")]
    return first + late, [0, 0, 0, 1, 1]


def test_a_retrospective_at_a_region_of_the_story_joins_the_main_row() -> None:
    feats, labels = _story()
    assert join_retold_named(feats, _cfg(), labels) == [0, 0, 0, 0, 0]


def test_a_retrospective_in_another_country_stays_apart() -> None:
    feats, labels = _story(geo=(30.0, 40.0, "XB", False))
    assert join_retold_named(feats, _cfg(), labels) == labels


def test_a_retrospective_placed_only_at_the_country_stays_apart() -> None:
    feats, labels = _story(geo=(10.2, 20.2, "XA", True))
    assert join_retold_named(feats, _cfg(), labels) == labels


def test_a_report_weeks_on_needs_a_shared_name() -> None:
    feats, labels = _story(gap=60)
    assert join_retold_named(feats, _cfg(), labels) == labels


def test_a_later_happening_with_its_own_day_stays_apart() -> None:
    feats, labels = _story(firm=True)
    assert join_retold_named(feats, _cfg(), labels) == labels


def test_the_switch_off_keeps_it_apart() -> None:
    feats, labels = _story()
    assert join_retold_named(feats, _cfg(incident_retold_retro_days=0), labels) == labels
