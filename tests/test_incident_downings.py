"""A craft's crash and its shoot-down are one incident (align/_downings.py).

Shape restated in invented words from real multi-side coverage: one side's reports say a cargo
plane crashed (a disaster), the other side's that it was shot down (an assault), and reports in
between tell both; the two words are of two type families, so the story's one loss made two
rows. Guards: no document telling both, days apart, two countries, and two different type
designations stay apart."""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._downings import join_downings
from fullpicture.align._eventpairs import MentionFeatures

DAY = 738000
XLAND = (50.0, 36.0, "XL", False)
YLAND = (49.0, 30.0, "YL", False)


def _m(doc: str, lemma: str, typ: str, day: int = DAY, geo: tuple[float, float, str, bool] | None = XLAND,
       sentence: str = "The Zeta-9 plane went down near Xtown.") -> MentionFeatures:
    trigger = "shot down" if lemma == "shoot" else lemma
    return MentionFeatures(doc=doc, lemma=lemma, trigger=trigger, type=typ, family=typ, interval=(day, day),
                           geo=geo, sentence=sentence)


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_downing_days": 1, **over}


def _story(shoot_day: int = DAY, shoot_geo: tuple[float, float, str, bool] | None = XLAND,
           shoot_sentence: str = "Forces shot down the Zeta-9 over Xtown.") -> tuple[list[MentionFeatures], list[int]]:
    """Two reports of the crash (row 0), two of the shoot-down (row 1), one telling both."""
    feats = [_m("a", "crash", "DISASTER"), _m("b", "crash", "DISASTER"), _m("c", "crash", "DISASTER"),
             _m("c", "shoot", "ASSAULT", shoot_day, shoot_geo, shoot_sentence),
             _m("d", "abattre", "ASSAULT", shoot_day, shoot_geo, shoot_sentence)]
    return feats, [0, 0, 0, 1, 1]


def test_the_crash_and_the_shoot_down_are_one_row() -> None:
    feats, labels = _story()
    assert len(set(join_downings(feats, _cfg(), labels))) == 1


def test_off_by_setting() -> None:
    feats, labels = _story()
    assert join_downings(feats, _cfg(incident_downing_days=0), labels) == labels


def test_no_document_telling_both_stays_apart() -> None:
    feats, labels = _story()
    feats[2] = _m("x", "crash", "DISASTER")
    assert join_downings(feats, _cfg(), labels) == labels


def test_days_apart_stay_apart() -> None:
    feats, labels = _story(shoot_day=DAY + 3)
    assert join_downings(feats, _cfg(), labels) == labels


def test_two_countries_stay_apart() -> None:
    feats, labels = _story(shoot_geo=YLAND)
    assert join_downings(feats, _cfg(), labels) == labels


def test_two_designations_stay_apart() -> None:
    feats, labels = _story(shoot_sentence="Forces shot down a Kappa-4 over Xtown.")
    assert join_downings(feats, _cfg(), labels) == labels


def test_a_strike_is_no_shoot_down() -> None:
    feats, labels = _story()
    feats[3] = _m("c", "strike", "ASSAULT")
    feats[4] = _m("d", "strike", "ASSAULT")
    assert join_downings(feats, _cfg(), labels) == labels


def test_a_shooting_is_no_shoot_down() -> None:
    feats, labels = _story()
    feats[3] = MentionFeatures(doc="c", lemma="shoot", trigger="shot", type="ASSAULT", family="ASSAULT",
                               interval=(DAY, DAY), geo=XLAND, sentence="Gunmen shot two guards.")
    feats[4] = MentionFeatures(doc="d", lemma="shoot", trigger="shooting", type="ASSAULT", family="ASSAULT",
                               interval=(DAY, DAY), geo=XLAND, sentence="Gunmen shot two guards.")
    assert join_downings(feats, _cfg(), labels) == labels



def test_a_report_in_a_word_list_language_tells_both_by_the_glosses_of_its_lemmas() -> None:
    """A report read from word lists tells the crash and the shoot-down by lemmas no list names;
    their English glosses ("crash", "shoot down") make them the two kinds; a strike's does not."""
    feats, labels = _story()
    feats[2] = MentionFeatures(doc="c", lemma="катастрофа", trigger="катастрофи", type="DISASTER", family="DISASTER",
                               interval=(DAY, DAY), geo=XLAND, sentence="Zeta-9 катастрофи.")
    feats[3] = MentionFeatures(doc="c", lemma="збити", trigger="збили", type="ASSAULT", family="ASSAULT",
                               interval=(DAY, DAY), geo=XLAND, sentence="Zeta-9 збили.")
    assert len(set(join_downings(feats, _cfg(), labels))) == 1
    feats[3] = MentionFeatures(doc="c", lemma="удар", trigger="удару", type="ASSAULT", family="ASSAULT",
                               interval=(DAY, DAY), geo=XLAND, sentence="Zeta-9 удару.")
    assert join_downings(feats, _cfg(), labels) == labels
