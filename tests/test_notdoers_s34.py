"""Agents that are no doer of the row's happening (session 34).

Invented texts restating shapes seen on real coverage of drone and missile strikes: the defender's
air defence that "shot down" the drone taken as a rival author; a side's "consequence of <the
other state's> aggression" giving the aggressor as the doer of the blasts; a headline taken for a
name; the hospital after "strike on" taken as an author.
"""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._agents import act_object
from fullpicture.align._entityconflicts import _entity_conflict
from fullpicture.align._notdoers import (
    background_settings,
    clause_name,
    interception,
)
from fullpicture.align._rowmembers import Member
from fullpicture.align._util import EntityIndex
from fullpicture.models import Mention
from fullpicture.settings import load_settings
from tests.helpers import analyze_text


def _event(text: str, word: str):
    a = analyze(text)
    return a, next(e for e in a.events if e.trigger.text.startswith(word))


def test_shooting_down_a_drone_is_an_interception():
    assert interception(*_event("Moldovan air defence shot down two drones near the Varn airbase.", "shot"))
    assert interception(*_event("La Moldavie dit avoir abattu deux drones visant le palais de Varn.", "abattu"))


def test_shooting_down_an_airliner_keeps_its_doer():
    assert not interception(*_event("A Moldovan missile shot down the airliner near Varn, killing 90.", "shot"))
    assert not interception(*_event("Moldovan troops attacked the Varn airbase with drones.", "attacked"))


def test_a_war_told_beside_one_act_is_background():
    a = analyze("The blasts at the Varn airbase are a consequence of the Moldovan aggression.")
    b = analyze("A Romanian drone struck the Varn airbase on Monday.")
    members = [Member(side="s", analysis=x, event=e) for x in (a, b) for e in x.events]
    lasting = background_settings(members, {"ASSAULT"})
    assert lasting and all(members[i].event.trigger.text == "aggression" for i in lasting)
    war_only = [m for i, m in enumerate(members) if i in lasting]
    assert background_settings(war_only, {"ASSAULT"}) == set()  # the war's own row keeps its doer


def _blasts_row(background: bool):
    texts = [("romanian", "The blasts at the Varn airbase are consequences of Moldova's aggression, a Romanian air force spokesman said."),
             ("moldovan", "A Romanian drone struck the Varn airbase on Monday, the Moldovan army said."),
             ("wire", "A Romanian drone struck the Varn airbase on Monday.")]
    analyses = [analyze_text(t, published="2031-05-02") for _, t in texts]
    members = [Member(side=s, analysis=a, event=e) for (s, _), a in zip(texts, analyses, strict=True) for e in a.events]
    # the aggression dated by its report, days after Monday's strikes: session 40's rule of an act
    # of another day (conflict_agent_core_days) would drop it too; off, so that this rule is seen alone
    cfg = {**load_settings().section("align"), "conflict_agent_background": background, "conflict_agent_core_days": 0}
    return _entity_conflict(members, EntityIndex(analyses), "agent", cfg)


def test_the_aggressor_of_a_background_war_is_no_rival_author():
    assert _blasts_row(background=True) is None
    off = _blasts_row(background=False)
    assert off is not None and "Moldova" in {v.value for v in off.values}


def test_a_clause_is_no_name():
    a = analyze("Moldovans Bomb Varn School Bus, Killing Dozens")
    bomb = next(e for e in a.events if e.trigger.text == "Bomb")
    whole = Mention(start=0, end=len(a.text), text=a.text)
    assert clause_name(a, whole, {bomb.type})
    assert not clause_name(a, Mention(start=0, end=9, text="Moldovans"), {bomb.type})


def test_the_object_of_a_strike_on_is_its_target():
    a = analyze("Strike on Varn Hospital hit a military base nearby, the Moldovan army says.")
    at = a.text.index("Varn Hospital")
    assert act_object(a, at, {"ASSAULT"})
    b = analyze("Un drone a frappé, et la frappe contre Varn a tué deux personnes.")
    assert act_object(b, b.text.index("Varn"), {"ASSAULT"})

