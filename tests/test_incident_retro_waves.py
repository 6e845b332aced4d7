"""A report weeks or months on that retells the story's main happening joins its row one
telling at a time (align/_retroacts.py, ``incident_retro_wave_days``; session 42, waves).

Shape restated in invented words: soldiers killed villagers at Redmoor; every report of the time
tells it at Redmoor on its day. Two months on, a rights group's findings ("the massacre in
Redmoor", "the killings") are reported with no day of their own: their tellings take the
report's publication day and sit in the row of the findings, so the happening is split over the
waves of its reporting. Such a telling joins the main row when its report names Redmoor itself
and tells the happening as a past one (a definite reference, or a stated period holding its day);
it states no day of its own, so the main row keeps its day. Guards: a report naming Redmoor that
tells a killing with neither (a new one, perhaps), a report told only at a village nearby, a
report ten days on (the near retold joins' span), a report telling a later killing there on its
own day, a telling in a phrase of cause (what another happening answers), and the switch off.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._retroacts import join_retro_acts
from fullpicture.nlp.places._translit import script_key

DAY = 738000
WAVE = DAY + 60
REDMOOR = (10.0, 20.0, "XA", False)
ASHBY = (10.05, 20.03, "XA", False)  # about 6 km off


def _m(doc: str, *, day: int = DAY, firm: bool = True, geo: tuple[float, float, str, bool] | None = REDMOOR,
       name: str | None = "Redmoor", pub: int = DAY, lemma: str = "massacre", kind: str = "ASSAULT",
       span: tuple[int, int] = (0, 60), definite: bool = False,
       interval: tuple[int, int] | None = None) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=kind, family="material_conflict", sentence="...",
                           span=span, interval=interval or (day, day), date_firm=firm, geo=geo,
                           extra={"by_report": not firm, "names": frozenset({script_key(name)} if name else ()),
                                  "published": (pub, pub), "definite": definite})


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _story(*late: MentionFeatures) -> tuple[list[MentionFeatures], list[int]]:
    """Row 0: three reports of the time at Redmoor; row 1: the findings row of a later report
    (its inquiry word and ``late``)."""
    first = [_m(d) for d in "abc"]
    finding = _m("r", day=late[0].extra["published"][0], firm=False, lemma="finding", kind="INVESTIGATE",
                 pub=late[0].extra["published"][0], span=(0, 40))
    return first + [finding, *late], [0, 0, 0] + [1] * (1 + len(late))


def _wave(**kw: object) -> MentionFeatures:
    args: dict[str, object] = {"day": WAVE, "firm": False, "pub": WAVE, "span": (100, 180)}
    args.update(kw)
    return _m("r", **args)  # type: ignore[arg-type]


def test_a_definite_retelling_at_the_place_joins_with_its_undated_killings() -> None:
    feats, labels = _story(_wave(definite=True), _wave(lemma="attack", name=None, geo=None, span=(200, 260)))
    out = join_retro_acts(feats, _cfg(), labels)
    # the two tellings join the main row; the findings word stays the report's own
    assert out == [0, 0, 0, 1, 0, 0]


def test_a_stated_period_holding_the_day_tells_it_as_past() -> None:
    month = (DAY - 20, DAY + 10)
    feats, labels = _story(_wave(), _wave(lemma="attack", firm=True, interval=month, span=(200, 260)))
    assert join_retro_acts(feats, _cfg(), labels) == [0, 0, 0, 1, 0, 0]


def test_a_telling_in_a_phrase_of_cause_stays_apart() -> None:
    # "the army began its operation in response to the raid on the depot": another happening
    cause = _wave(lemma="attack", name=None, geo=None, span=(200, 260))
    cause.extra["cause_unit"] = (40, 80)
    feats, labels = _story(_wave(definite=True), cause)
    assert join_retro_acts(feats, _cfg(), labels) == [0, 0, 0, 1, 0, 1]


def test_a_killing_told_neither_definite_nor_dated_stays_apart() -> None:
    feats, labels = _story(_wave())
    assert join_retro_acts(feats, _cfg(), labels) == labels


def test_a_report_told_only_at_a_village_nearby_stays_apart() -> None:
    feats, labels = _story(_wave(definite=True, geo=ASHBY, name="Ashby"))
    assert join_retro_acts(feats, _cfg(), labels) == labels


def test_a_report_ten_days_on_is_left_to_the_near_joins() -> None:
    feats, labels = _story(_wave(day=DAY + 10, pub=DAY + 10, definite=True))
    assert join_retro_acts(feats, _cfg(), labels) == labels


def test_a_later_killing_there_on_its_own_day_keeps_the_undated_tellings_apart() -> None:
    later = _wave(day=WAVE - 1, firm=True, span=(300, 360))
    feats, labels = _story(_wave(definite=True), later)
    assert join_retro_acts(feats, _cfg(), labels) == labels


def test_the_main_row_keeps_its_day() -> None:
    from fullpicture.align._retoldnamed import main_row_day

    feats, labels = _story(_wave(definite=True))
    out = join_retro_acts(feats, _cfg(), labels)
    assert out[4] == 0
    assert main_row_day(feats, _cfg(), out) == (0, DAY)


def test_the_switch_off_keeps_it_apart() -> None:
    feats, labels = _story(_wave(definite=True))
    assert join_retro_acts(feats, _cfg(incident_retro_wave_days=0), labels) == labels


def _anaphor_story(gap: int, *, lemma: str = "killing", definite: bool = True
                   ) -> tuple[list[MentionFeatures], list[int]]:
    """Row 0: three reports of the time and a report ``gap`` days on whose "killings" already
    sits there; row 1: the same report's statement row, with its "the killings" (blamed for)."""
    pub = DAY + gap
    first = [_m(d) for d in "abc"] + [_m("r", day=pub, firm=False, pub=pub, lemma="killing", span=(0, 40))]
    said = _m("r", day=pub, firm=False, pub=pub, lemma="blame", kind="ACCUSE", span=(100, 160))
    said.family = "verbal_conflict"
    again = _m("r", day=pub, firm=False, pub=pub, lemma=lemma, span=(100, 160), definite=definite,
               name="Capital", geo=(30.0, 40.0, "XB", False))
    return first + [said, again], [0, 0, 0, 0, 1, 1]


def test_a_definite_reference_days_on_joins_where_its_report_tells_the_happening() -> None:
    # "the president blamed the neighbour for the killings", placed at the accused capital: the
    # reference joins, and the accusation hanging on it in its sentence follows it
    feats, labels = _anaphor_story(18)
    assert join_retro_acts(feats, _cfg(), labels) == [0] * 6


def test_an_indefinite_one_or_another_word_stays_apart() -> None:
    for feats, labels in (_anaphor_story(18, definite=False), _anaphor_story(18, lemma="shelling")):
        assert join_retro_acts(feats, _cfg(), labels) == labels


def test_a_definite_reference_the_next_day_is_left_to_the_near_joins() -> None:
    feats, labels = _anaphor_story(1)
    assert join_retro_acts(feats, _cfg(), labels) == labels


def test_the_anaphor_switch_off_keeps_it_apart() -> None:
    feats, labels = _anaphor_story(18)
    assert join_retro_acts(feats, _cfg(incident_retro_wave_anaphors=False), labels) == labels
