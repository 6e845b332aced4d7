"""Rows made only of a toll join the row of the act whose dead they count
(align/_tollrows.py; session 38, tolls).

Shape restated in invented words: the shelling of the town of Eastvale is told by three reports
of two sides; a fourth report tells only its dead, in a sentence that names no act ("Nine people
were killed and twenty wounded, the mayor said"), and a report of the other side counts them the
next day ("Les morts sont au nombre de quatre"). Each count made a row of casualty words of its
own, so the two sides' counts of one shelling's dead never met in one row; a third report tells
its dead with a verb of no violence ("the roads were blocked; a woman was killed"), and its
"killed" sat in the row of the blocking. Guards: a toll of a later happening (a day of its own
weeks on, a stated year that misses the shelling's), a toll placed at a town abroad, a row that
tells an act of its own (a battle with its dead), a toll told apart ("in a separate attack"), a
toll told in the sentence of a war (the war's toll), a document whose own violent happening is in
a small row, and the switch off keep their rows.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import incident_lexicon
from fullpicture.align._tollrows import join_toll_rows, toll_only

DAY = 738000
HOME = (48.0, 37.0, "XA", False)
ABROAD = (52.0, 21.0, "XB", False)


def _m(doc: str, lemma: str, kind: str, day: int = DAY, firm: bool = False,
       places: frozenset[str] = frozenset(), geo: tuple[float, float, str, bool] | None = None,
       apart: bool = False) -> MentionFeatures:
    extra: dict[str, object] = {"published": (day, day)}
    if apart:
        extra["distinct"] = True
    return MentionFeatures(doc=doc, lemma=lemma, type=kind, sentence="...", span=(0, 60),
                           interval=(day, day), date_firm=firm, places=places, geo=geo, extra=extra)


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_toll_row_days": 3,
            "incident_toll_row_min_docs": 2, "incident_toll_row_story_share": 0.25, **over}


TOWN = frozenset({"eastvale"})


def _story(late: list[MentionFeatures], label: int = 1) -> tuple[list[MentionFeatures], list[int]]:
    """Row 0: three reports of the shelling of the town on its day; ``late`` in row ``label``."""
    first = [_m("a", "shell", "ATTACK", firm=True, places=TOWN, geo=HOME),
             _m("a", "kill", "ASSAULT"),
             _m("b", "shelling", "ATTACK", places=TOWN, geo=HOME),
             _m("c", "strike", "ATTACK", firm=True, places=TOWN, geo=HOME)]
    return first + late, [0] * len(first) + [label] * len(late)


def test_toll_only_reads_casualty_words_in_three_languages() -> None:
    lex = incident_lexicon()
    feats = [_m("x", "kill", "ASSAULT"), _m("x", "mort", "ASSAULT"), _m("x", "погибнуть", "ASSAULT"),
             _m("x", "жертва", "ASSAULT"), _m("x", "wound", "ASSAULT")]
    for i in range(len(feats)):
        assert toll_only(feats, [i], lex)
    assert not toll_only([_m("x", "battle", "FIGHT"), _m("x", "kill", "ASSAULT")], [0, 1], lex)
    assert not toll_only([_m("x", "kill", "ASSAULT", apart=True)], [0], lex)


def test_a_report_of_only_the_dead_joins_the_story_act() -> None:
    # the report tells no act: its count is of the story's act, told by three reports
    late = [_m("d", "kill", "ASSAULT", DAY + 1), _m("d", "wound", "ASSAULT", DAY + 1)]
    feats, labels = _story(late)
    assert join_toll_rows(feats, _cfg(), labels) == [0] * 6


def test_a_toll_apart_from_its_document_act_joins_that_act() -> None:
    # the document tells the shelling in the act's row, and its count in a row of its own
    late = [_m("e", "mourir", "ASSAULT", DAY + 1)]
    feats, labels = _story(late)
    feats.append(_m("e", "bombardement", "ATTACK", places=TOWN, geo=HOME))
    labels.append(0)
    assert join_toll_rows(feats, _cfg(), labels) == [0] * 6


def test_a_toll_of_a_later_day_keeps_its_row() -> None:
    late = [_m("d", "kill", "ASSAULT", DAY + 40, firm=True)]
    feats, labels = _story(late)
    assert join_toll_rows(feats, _cfg(), labels) == labels
    told_later = [_m("d", "kill", "ASSAULT", DAY + 40)]
    feats, labels = _story(told_later)
    assert join_toll_rows(feats, _cfg(), labels) == labels


def test_a_toll_of_a_stated_year_that_misses_the_act_keeps_its_row() -> None:
    late = [_m("d", "décès", "ASSAULT", DAY + 1)]
    feats, labels = _story(late)
    feats[-1] = MentionFeatures(doc="d", lemma="décès", type="ASSAULT", sentence="...", span=(0, 60),
                                interval=(DAY + 1500, DAY + 1864), date_firm=True, extra={})
    assert join_toll_rows(feats, _cfg(), labels) == labels


def test_the_dead_told_with_a_verb_of_no_violence_join_the_act_and_the_verb_stays() -> None:
    late = [_m("d", "block", "COERCE", DAY + 1), _m("d", "kill", "ASSAULT", DAY + 1)]
    feats, labels = _story(late)
    assert join_toll_rows(feats, _cfg(), labels) == [0, 0, 0, 0, 1, 0]


def test_the_dead_told_in_the_sentence_of_a_war_keep_their_row() -> None:
    # "... calls to stop the war, which has killed thousands": the war's toll
    late = [_m("d", "stop", "COERCE", DAY + 1), _m("d", "kill", "ASSAULT", DAY + 1)]
    feats, labels = _story(late)
    feats.append(_m("d", "war", "FIGHT", DAY + 1))
    labels.append(2)
    assert join_toll_rows(feats, _cfg(), labels) == labels


def test_a_toll_at_a_town_abroad_keeps_its_row() -> None:
    late = [_m("d", "kill", "ASSAULT", DAY, places=frozenset({"northport"}), geo=ABROAD)]
    feats, labels = _story(late)
    assert join_toll_rows(feats, _cfg(), labels) == labels


def test_a_row_of_another_act_or_told_apart_keeps_its_row() -> None:
    battle = [_m("d", "battle", "FIGHT", DAY), _m("d", "kill", "ASSAULT", DAY)]
    feats, labels = _story(battle)
    assert join_toll_rows(feats, _cfg(), labels) == labels
    apart = [_m("d", "kill", "ASSAULT", DAY, apart=True)]
    feats, labels = _story(apart)
    assert join_toll_rows(feats, _cfg(), labels) == labels


def test_a_document_with_an_act_of_its_own_in_a_small_row_keeps_its_toll() -> None:
    # the document's violent happening is in a row of its own (no row of two documents): its
    # toll counts that one, not the story's act
    late = [_m("d", "kill", "ASSAULT", DAY)]
    feats, labels = _story(late)
    feats.append(_m("d", "ambush", "ATTACK", DAY))
    labels.append(2)
    assert join_toll_rows(feats, _cfg(), labels) == labels


def test_the_switch_off_keeps_the_rows() -> None:
    late = [_m("d", "kill", "ASSAULT", DAY + 1)]
    feats, labels = _story(late)
    assert join_toll_rows(feats, _cfg(incident_toll_row_days=0), labels) == labels


def test_the_another_of_a_count_places_no_happening_elsewhere() -> None:
    # "later on another four gravely wounded ...": one more count of the same shelling's hurt,
    # not a happening at another target ("shells landed on another school" still is one)
    from fullpicture import analyze
    from fullpicture.align._eventfeat import _distinct

    a = analyze("Shells hit the market in Eastvale on Monday, killing five people. "
                "Later on another four gravely wounded travellers died in the clinic. "
                "An hour later shells landed on another school in the town.")
    told = {e.trigger.text.lower(): _distinct(a, e) for e in a.events}
    assert told["wounded"] is False
    assert told["landed"] is True
    assert told["hit"] is False
