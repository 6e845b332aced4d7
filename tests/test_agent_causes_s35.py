"""Rival causes of one happening make an agent conflict (align/_causes.py, ``[align]
conflict_cause``; session 35).

Shapes restated in invented words from real multi-side coverage: one side says missiles struck a
patrol ship, the other tells only of a fire on board and its ammunition detonating, naming no
attacker; one side says aircraft bombed a clinic, the other that the strike was staged. The
second account names no actor, so no agent value of it reached the row. Guards: a fire that
followed a strike (with or without a weapon or a doer), told by the side that tells the strike, is
no rival cause, and a fire of weapons ("enemy fire") is shooting; a doer that "staged an attack" is
no staging; a version a wire quotes from a compared side's state is that side's; a hedged strike
names no attacker; the setting off builds nothing.
"""

from __future__ import annotations

from fullpicture.align._causes import cause_conflict
from fullpicture.settings import load_settings
from tests.helpers import row_members


def _conflict(texts: list[tuple[str, str]], **over: object):
    members, index = row_members([(side, text, "2031-04-15") for side, text in texts])
    cfg = {**load_settings().section("align"), **over}
    return cause_conflict(members, index, cfg)


STRIKE = ("eastern", "Two anti-ship missiles struck the patrol ship Arvel off Kesh on Tuesday night, the navy said.")
FIRE = ("western", "The patrol ship Arvel was badly damaged as a result of a fire on board on Tuesday night, "
                   "after which its ammunition detonated.")


def test_an_attacker_against_a_fire_told_as_the_cause_is_an_agent_conflict():
    conflict = _conflict([STRIKE, FIRE])
    assert conflict is not None and conflict.field == "agent"
    by_side = {v.side: v for v in conflict.values}
    assert set(by_side) == {"eastern", "western"}
    for v in conflict.values:  # each value in its own side's words, with its offsets
        text = STRIKE[1] if v.side == "eastern" else FIRE[1]
        assert v.start is not None and v.end is not None and text[v.start : v.end] == v.value
    assert "missiles" in by_side["eastern"].value and "fire" in by_side["western"].value


def test_in_russian_and_ukrainian():
    fire_ru = ("western", "На патрульном корабле «Арвел» в результате пожара взорвались снаряды, "
                          "сообщил штаб флота.")
    strike_uk = ("eastern", "Увечері у вівторок по кораблю «Арвел» було завдано удару ракетами.")
    conflict = _conflict([strike_uk, fire_ru])
    assert conflict is not None and {v.side for v in conflict.values} == {"eastern", "western"}


def test_a_fire_that_followed_a_strike_is_no_rival_cause():
    both = ("western", "Two missiles struck the patrol ship Arvel on Tuesday night, and the ship was damaged "
                       "as a result of the fire that followed.")
    assert _conflict([STRIKE, both]) is None


def test_a_strike_told_as_staged_is_a_rival_cause():
    bombed = ("eastern", "Moldovan aircraft bombed the clinic in Zorvik on Friday, killing six people.")
    staged = ("western", "The ministry said the strike on the clinic in Zorvik on Friday was a staged provocation.")
    conflict = _conflict([bombed, staged])
    assert conflict is not None and {v.side for v in conflict.values} == {"eastern", "western"}
    assert any(v.side == "western" and "provocation" in v.value for v in conflict.values)


def test_a_doer_that_staged_an_attack_tells_no_staging():
    bombed = ("eastern", "Moldovan aircraft bombed the clinic in Zorvik on Friday, killing six people.")
    doer = ("western", "Rebels staged an attack on the clinic in Zorvik on Friday, killing six people.")
    conflict = _conflict([bombed, doer])
    assert conflict is None or not any("staged" in v.value for v in conflict.values)


def test_a_hedged_strike_names_no_attacker_of_the_side():
    staged = ("western", "The alleged missile strike on the clinic in Zorvik on Friday was a staged provocation.")
    bombed = ("eastern", "Moldovan aircraft bombed the clinic in Zorvik on Friday, killing six people.")
    conflict = _conflict([bombed, staged])
    assert conflict is not None
    assert not any(v.side == "western" and "missile" in v.value for v in conflict.values)


def test_the_setting_off_builds_nothing():
    assert _conflict([STRIKE, FIRE], conflict_cause=False) is None


def test_a_fire_of_weapons_is_shooting_no_fire_on_board():
    shot = ("western", "A sailor of the patrol ship Arvel died as a result of enemy fire off Kesh on Tuesday night.")
    assert _conflict([STRIKE, shot]) is None


def test_a_version_a_wire_quotes_from_a_sides_state_is_that_sides():
    strike = ("romanian", "Two anti-ship missiles struck the Moldovan patrol ship Arvel off Kesh on Tuesday night.")
    wire = ("international", "The Moldovan Defence Ministry said the patrol ship Arvel was damaged as a result of "
                             "a fire on board on Tuesday night.")
    own = ("moldovan", "The crew of the patrol ship Arvel was evacuated on Tuesday night.")
    conflict = _conflict([strike, wire, own])
    assert conflict is not None
    fire = [v for v in conflict.values if "fire" in v.value]
    assert fire and all(v.side == "moldovan" and v.reported_by == "international" for v in fire)


def test_a_fire_after_an_attack_with_no_weapon_or_doer_is_no_rival_cause():
    shelled = ("western", "The shelling of the port of Kesh went on all night, and the patrol ship Arvel was "
                          "damaged as a result of a fire on board.")
    assert _conflict([STRIKE, shelled]) is None
