"""Agents of one act, not of two (session 40).

Invented texts restating the shapes of three false agent conflicts seen on real coverage:

* an attack "praised by" a movement: the one who hails an act is no doer of it, yet the "by"
  phrase after the act gave the movement as its author against another side's doer of a raid;
* a row that holds a strike and the reprisal that answered it days later: one side tells the strike
  and names its doer, another tells mostly the reprisal and names the other state; both are right,
  for two acts;
* an army's operation and the attacks its adversary answered with: each side names its own state's
  forces as the doer of what it did, which is no dispute over who did one act.
"""

from __future__ import annotations

from fullpicture.align._causedoers import core_day, off_core
from fullpicture.align._entityconflicts import _entity_conflict
from fullpicture.align._rowmembers import Member
from fullpicture.align._tolddoers import told_doers
from fullpicture.align._util import EntityIndex
from fullpicture.settings import load_settings
from tests.helpers import analyze_text


def _told(text: str, trigger: str) -> list[str]:
    a = analyze_text(text, published="2031-05-02")
    ev = next(e for e in a.events if e.trigger.text == trigger)
    return [d.state for d in told_doers(a, ev, 3)]


def test_who_hails_an_act_is_no_doer_of_it():
    assert _told("Trois passants ont été blessés à Varn, une attaque saluée par le gouvernement indien.",
                 "attaque") == []
    assert _told("Three were hurt in Varn, an attack praised by the Peruvian government.", "attack") == []
    # the doer told by the same phrase shape stays
    assert _told("Trois passants ont été blessés à Varn, une attaque menée par l'armée indienne.",
                 "attaque") == ["IN"]


def _row(texts: list[tuple[str, str, str]], **over: object):
    analyses = [analyze_text(t, published=p) for _, t, p in texts]
    members = [Member(side=s, analysis=a, event=e) for (s, _, _), a in zip(texts, analyses, strict=True)
               for e in a.events]
    cfg = {**load_settings().section("align"), **over}
    return _entity_conflict(members, EntityIndex(analyses), "agent", cfg), members


_STRIKE_AND_REPRISAL = [
    ("eastern", "Romanian drones struck a convoy near the Varn airport on 3 May 2031, killing a general.", "2031-05-03"),
    ("eastern", "A Romanian drone strike hit the convoy near the Varn airport on 3 May 2031.", "2031-05-03"),
    ("western", "Moldova fired a dozen missiles at the Lask base on 8 May 2031.", "2031-05-08"),
]


def test_a_reprisal_days_after_the_strike_gives_no_rival_doer():
    conflict, members = _row(_STRIKE_AND_REPRISAL, conflict_agent_core_days=3)
    assert conflict is None
    off, _ = _row(_STRIKE_AND_REPRISAL, conflict_agent_core_days=0)
    assert off is not None and {v.side for v in off.values} == {"eastern", "western"}
    day = core_day(members, {"ASSAULT"})
    reprisal = next(m.event for m in members if m.side == "western" and m.event.type == "ASSAULT")
    assert day is not None and off_core(reprisal, day, 3) and not off_core(reprisal, day, 0)


_OWN_ACTS = [
    ("Peru", "Peruvian forces launched an operation at the Varn crossing on Friday.", "2031-05-03"),
    ("Chile", "Chilean troops attacked Peruvian positions along the Varn wall on Friday.", "2031-05-03"),
]


def test_two_sides_each_telling_their_own_state_s_act_do_not_conflict():
    conflict, _ = _row(_OWN_ACTS, conflict_agent_own_acts=True)
    assert conflict is None
    off, _ = _row(_OWN_ACTS, conflict_agent_own_acts=False)
    assert off is not None and {v.side for v in off.values} == {"Peru", "Chile"}


def test_sides_blaming_each_other_still_conflict():
    blame = [("Peru", "Chilean troops attacked the Varn crossing on Friday.", "2031-05-03"),
             ("Chile", "Peruvian forces attacked the Varn crossing on Friday.", "2031-05-03")]
    conflict, _ = _row(blame, conflict_agent_own_acts=True)
    assert conflict is not None and {v.side for v in conflict.values} == {"Peru", "Chile"}
