"""A war told as the story's setting is one lasting row (session 23, align/_settingrows.py).

Shape restated in invented words from real multi-side coverage: reports of a strike each name
the war around it ("the war", "la guerre", "война"), one dated by its report, another by the day
the war began ("the war that Northland started on 3 May"); the war mentions formed two rows, so
two reports that both told the war never met in one row. Rows whose happenings are all lasting
settings join the one told by the most documents when all their documents tell the story's row;
a war recalled from another time, and another story's war in a pooled comparison, stay apart.
The rule reads words, never who names the war."""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._settingrows import join_setting_rows, setting_lemmas

DAY = 738000


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_setting_days": 400, **over}


def _m(doc: str, lemma: str, day: int = DAY, firm: bool = False, span: int = 0) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type="ASSAULT", family="material_conflict", sentence="...",
                           span=(span, span + 50), interval=(day, day), date_firm=firm)


def _story() -> list[MentionFeatures]:
    """The strike told by four reports (row 0)."""
    return [_m(d, "strike", DAY + 30, True) for d in "abcd"]


def test_the_settings_lemmas_are_read_from_the_data() -> None:
    assert {"war", "guerre", "война", "invasion"} <= setting_lemmas()


def test_the_wars_rows_of_one_story_are_one_row() -> None:
    feats = _story() + [_m("a", "war", DAY + 30), _m("b", "guerre", DAY + 30), _m("c", "война", DAY, True)]
    labels = [0, 0, 0, 0, 1, 1, 2]
    out = join_setting_rows(feats, _cfg(), labels)
    assert out[4] == out[5] == out[6] != out[0]


def test_off_by_setting() -> None:
    feats = _story() + [_m("a", "war"), _m("b", "guerre"), _m("c", "война", DAY, True)]
    labels = [0, 0, 0, 0, 1, 1, 2]
    assert join_setting_rows(feats, _cfg(incident_setting_days=0), labels) == labels


def test_a_war_recalled_from_another_time_stays_apart() -> None:
    feats = _story() + [_m("a", "war"), _m("b", "guerre"), _m("c", "war", DAY - 9000, True)]
    labels = [0, 0, 0, 0, 1, 1, 2]
    assert join_setting_rows(feats, _cfg(), labels) == labels


def test_a_row_that_also_tells_a_strike_is_left_alone() -> None:
    feats = _story() + [_m("a", "war"), _m("b", "guerre"), _m("c", "war"), _m("c", "shelling", span=60)]
    labels = [0, 0, 0, 0, 1, 1, 2, 2]
    assert join_setting_rows(feats, _cfg(), labels) == labels


def test_another_storys_war_stays_apart() -> None:
    feats = _story() + [_m("a", "war"), _m("b", "guerre"), _m("z", "war")]
    labels = [0, 0, 0, 0, 1, 1, 2]
    assert join_setting_rows(feats, _cfg(), labels) == labels
