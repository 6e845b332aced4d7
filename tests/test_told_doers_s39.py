"""Doers the words after an act name where the parse gives none (session 39).

Invented sentences restating shapes of real coverage: the strike "launched by" a state's forces,
fire "from the territory of" a state, a French "par les forces ..." or a demonym after the act
noun, a Russian armed body in the instrumental case; and what names no doer: who reports the act,
a group of no state, a number.
"""

from __future__ import annotations

from fullpicture.align._agents import name_state
from fullpicture.align._tolddoers import told_doers
from tests.helpers import analyze_text


def _told(text: str, trigger: str, gap: int = 3) -> list[tuple[str, str]]:
    a = analyze_text(text, published="2031-05-02")
    ev = next(e for e in a.events if e.trigger.text == trigger)
    return [(d.state, d.text) for d in told_doers(a, ev, gap)]


def test_a_by_phrase_after_the_act_names_its_doer():
    assert _told("It was the third strike launched by the Peruvian armed forces on the town of Varn.",
                 "strike") == [("PE", "Peruvian armed forces")]
    assert _told("Une attaque de drones par l'armée indienne sur Varn a fait trois blessés.",
                 "attaque") == [("IN", "l'armée indienne")]


def test_the_origin_of_the_fire_names_its_doer():
    assert _told("The town of Varn came under shelling from the territory of Peru on Sunday.",
                 "shelling") == [("PE", "Peru")]
    assert _told("Посёлок Варн в воскресенье был обстрелян с территории Индии.", "обстрелян") == [("IN", "Индии")]


def test_a_russian_armed_body_in_the_instrumental_names_its_doer():
    assert _told("Ведомство сообщило об обстреле индийскими вооруженными силами посёлка Варн.",
                 "обстреле") == [("IN", "индийскими вооруженными силами")]


def test_a_french_demonym_after_the_act_noun_names_its_doer():
    assert _told("Des tirs de roquettes indiens ont visé le camp de Varn vendredi.", "tirs") == [("IN", "indiens")]


def test_no_doer_from_who_reports_from_a_group_of_no_state_or_when_off():
    assert _told("The fighting, confirmed by Peruvian media, went on near Varn.", "fighting") == []
    assert _told("The attack by unknown gunmen on the Varn market killed four.", "attack") == []
    assert _told("It was the third strike launched by the Peruvian armed forces on Varn.", "strike", gap=0) == []


def test_a_number_names_no_state():
    assert name_state("more than 100 members") is None


def _denial_row(words: int):
    from fullpicture.align._entityconflicts import _agent_denial
    from fullpicture.align._rowmembers import Member
    from fullpicture.align._util import EntityIndex
    from fullpicture.settings import load_settings

    texts = [("chilean", "The town of Varn came under shelling from the territory of Peru on Sunday."),
             ("peruvian", "Peru denied any involvement in the shelling of Varn.")]
    analyses = [analyze_text(t, published="2031-05-02") for _, t in texts]
    members = [Member(side=s, analysis=a, event=e) for (s, _), a in zip(texts, analyses, strict=True)
               for e in a.events]
    cfg = {**load_settings().section("align"), "conflict_told_doer_words": words}
    return _agent_denial(members, EntityIndex(analyses), cfg, ["chilean", "peruvian"])


def test_a_told_doer_is_the_account_a_denial_answers():
    c = _denial_row(3)
    assert c is not None and {v.side for v in c.values} == {"chilean", "peruvian"}
    assert any(v.side == "chilean" and v.value == "Peru" and v.start is not None for v in c.values)
    assert _denial_row(0) is None
