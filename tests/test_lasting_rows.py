"""One lasting happening told by many words and days is one row (session 37, align/_lastingrows.py).

Shape restated in invented words from real multi-side coverage: the troops' pullback from a
town frames every report of a strike there; one report tells "the withdrawal" on the day it
ended, another "the troops pulled back" two days before, a third "le retrait", a fourth "вывод
войск", each keyed on its own word and day, so the sides' tellings of the pullback never met in
one row. Likewise a navy's drill told as a drill, an exercise and manoeuvres on two days. Rows
made only of one lasting family's words join the family's row told by the most documents when
their days lie close and their places do not clash; the strike is never swallowed, a drill weeks
later or only planned stays apart."""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._lastingrows import join_lasting_rows, lasting_families

DAY = 738000


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _m(doc: str, lemma: str, day: int = DAY, firm: bool = False, modality: str = "asserted",
       kind: str = "RETREAT") -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=kind, family="material_conflict", sentence="...",
                           span=(0, 50), interval=(day, day), date_firm=firm,
                           extra={"modality": modality})


def _strike() -> list[MentionFeatures]:
    """The strike told by four reports (row 0)."""
    return [_m(d, "strike", DAY, True, kind="ASSAULT") for d in "abcd"]


def test_the_families_are_read_from_the_data() -> None:
    families = lasting_families()
    assert families["withdrawal"] == families["retrait"] == families["вывод"] == "withdrawal"
    assert families["drill"] == families["exercise"] == families["manœuvre"] == families["учения"] == "drill"


def test_a_withdrawal_told_by_four_words_on_three_days_is_one_row() -> None:
    feats = _strike() + [_m("a", "withdrawal", DAY + 2), _m("b", "withdraw", DAY),
                         _m("c", "retrait", DAY + 1), _m("d", "вывод", DAY + 2)]
    labels = [0, 0, 0, 0, 1, 2, 3, 4]
    out = join_lasting_rows(feats, _cfg(), labels)
    assert out[4] == out[5] == out[6] == out[7] != out[0]


def test_the_strike_row_beside_a_withdrawal_is_never_joined() -> None:
    feats = _strike() + [_m("a", "withdrawal"), _m("b", "withdraw"), _m("b", "strike", kind="ASSAULT")]
    labels = [0, 0, 0, 0, 1, 2, 2]
    out = join_lasting_rows(feats, _cfg(), labels)
    assert out == labels


def test_two_drills_weeks_apart_stay_two_rows() -> None:
    feats = _strike() + [_m("a", "drill", DAY, True, kind="MOBILIZE"), _m("b", "exercise", DAY + 1, kind="MOBILIZE"),
                         _m("c", "drill", DAY + 25, True, kind="MOBILIZE")]
    labels = [0, 0, 0, 0, 1, 2, 3]
    out = join_lasting_rows(feats, _cfg(), labels)
    assert out[4] == out[5] != out[6]


def test_a_drill_told_only_as_to_come_keeps_its_row() -> None:
    feats = _strike() + [_m("a", "drill", DAY, kind="MOBILIZE"), _m("b", "manoeuvre", DAY, kind="MOBILIZE"),
                         _m("c", "exercise", DAY + 1, modality="expected", kind="MOBILIZE")]
    labels = [0, 0, 0, 0, 1, 2, 3]
    out = join_lasting_rows(feats, _cfg(), labels)
    assert out[4] == out[5] != out[6]


def test_a_withdrawal_and_a_drill_stay_apart() -> None:
    feats = _strike() + [_m("a", "withdrawal"), _m("b", "drill", kind="MOBILIZE")]
    labels = [0, 0, 0, 0, 1, 2]
    assert join_lasting_rows(feats, _cfg(), labels) == labels


def test_off_by_setting() -> None:
    feats = _strike() + [_m("a", "withdrawal"), _m("b", "retrait")]
    labels = [0, 0, 0, 0, 1, 2]
    assert join_lasting_rows(feats, _cfg(incident_lasting_family_days=0), labels) == labels

