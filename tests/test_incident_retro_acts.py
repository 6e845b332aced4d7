"""A retrospective's tellings of the story's main happening join its row one by one
(align/_retroacts.py, ``incident_retro_act_days``; session 38, retro2).

Shape restated in invented words: a camp at Redmoor was bombed; every report of the day tells it
at Redmoor on its day. Fifteen years on, a broadcaster's page on the affair tells "the bombing of
the camp near Ashby" (a village a few kilometres off, or the town in another spelling) with no
day of its own, and the killed of its sentence; the same page's headline already sits in the main
row, so the whole-row joins of later retellings (a document telling both rows) leave the rest
apart, in a row of the page's year. Guards: a report weeks on, a place far off, a page telling a
later bombing there with its own day (its undated tellings stay; one whose stated day is the
story's joins), a recalled earlier happening ("previous attacks"), a kind that lasts (the
campaign), a march of those years on its own day, and the switch off.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._retroacts import join_retro_acts
from fullpicture.nlp.places._translit import script_key

DAY = 738000
LATE = DAY + 5500
REDMOOR = (10.0, 20.0, "XA", False)
ASHBY = (10.05, 20.03, "XA", False)  # about 6 km off
FARTOWN = (12.0, 22.0, "XA", False)  # about 300 km off
COUNTRY = (11.0, 21.0, "XA", True)


def _m(doc: str, *, day: int = DAY, firm: bool = True, geo: tuple[float, float, str, bool] | None = REDMOOR,
       name: str | None = "Redmoor", pub: int = DAY, lemma: str = "bomb", kind: str = "ASSAULT",
       span: tuple[int, int] = (0, 60), recall: str = "") -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=kind, family="material_conflict", sentence="...",
                           span=span, interval=(day, day), date_firm=firm, geo=geo,
                           extra={"by_report": not firm, "names": frozenset({script_key(name)} if name else ()),
                                  "published": (pub, pub), "recall_marker": recall})


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _story(*late: MentionFeatures, pub: int = LATE) -> tuple[list[MentionFeatures], list[int]]:
    """Row 0: three reports of the day at Redmoor and the page's headline; row 1: the page's
    other tellings (``late``)."""
    first = [_m(d) for d in "abc"] + [_m("p", day=pub, firm=False, pub=pub, span=(0, 20))]
    return first + list(late), [0, 0, 0, 0] + [1] * len(late)


def _late(**kw: object) -> MentionFeatures:
    args: dict[str, object] = {"day": LATE, "firm": False, "geo": ASHBY, "name": "Ashby", "pub": LATE,
                               "span": (100, 180)}
    args.update(kw)
    return _m("p", **args)  # type: ignore[arg-type]


def test_a_telling_at_a_village_near_the_story_joins_with_its_killed() -> None:
    feats, labels = _story(_late(), _late(lemma="kill"))
    assert join_retro_acts(feats, _cfg(), labels) == [0] * 6


def test_a_telling_at_no_place_joins_in_a_page_naming_the_story_place() -> None:
    feats, labels = _story(_late(), _late(geo=None, name=None, span=(200, 260)))
    assert join_retro_acts(feats, _cfg(), labels) == [0] * 6


def test_a_stated_day_of_the_story_beats_the_publication_day() -> None:
    feats, labels = _story(_late(day=DAY, firm=True))
    assert join_retro_acts(feats, _cfg(), labels) == [0] * 5


def test_a_report_weeks_on_stays_apart() -> None:
    feats, labels = _story(_late(day=DAY + 40, pub=DAY + 40), pub=DAY + 40)
    assert join_retro_acts(feats, _cfg(), labels) == labels


def test_a_telling_far_off_stays_apart() -> None:
    feats, labels = _story(_late(geo=FARTOWN, name="Fartown"))
    assert join_retro_acts(feats, _cfg(), labels) == labels


def test_a_page_telling_a_later_bombing_keeps_its_undated_tellings_apart() -> None:
    later = _late(day=DAY + 1400, firm=True, span=(300, 360))
    story = _late(day=DAY, firm=True, span=(400, 460))
    feats, labels = _story(_late(), later, story)
    assert join_retro_acts(feats, _cfg(), labels) == [0, 0, 0, 0, 1, 1, 0]


def test_recalled_earlier_and_lasting_kinds_stay_apart() -> None:
    feats, labels = _story(_late(recall="recall"), _late(lemma="campaign", span=(200, 260)))
    assert join_retro_acts(feats, _cfg(), labels) == labels


def test_a_march_of_those_years_on_its_own_day_stays_apart() -> None:
    feats, labels = _story(_late(kind="PROTEST", lemma="march", firm=True))
    assert join_retro_acts(feats, _cfg(), labels) == labels


def test_a_placeless_page_stays_apart() -> None:
    feats, labels = _story(_late(geo=COUNTRY, name=None))
    feats[3] = _m("p", day=LATE, firm=False, geo=COUNTRY, name=None, pub=LATE, span=(0, 20))
    feats = feats[:3] + feats[4:]
    labels = [0, 0, 0, 1]
    assert join_retro_acts(feats, _cfg(), labels) == labels


def test_the_switch_off_keeps_it_apart() -> None:
    feats, labels = _story(_late())
    assert join_retro_acts(feats, _cfg(incident_retro_act_days=0), labels) == labels
