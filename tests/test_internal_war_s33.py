"""A country named with a civil war is where it is fought, no doer of it (session 33).

Invented texts restating a shape seen on real coverage of an air strike during a civil war: a
wire says the strike threatened to escalate "<country>'s civil war"; the parse gives the country
as the war's agent, which stood against the doer another side names in an agent conflict.
"""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._agents import internal_war


def _war(text: str, trigger: str, name: str) -> bool:
    a = analyze(text)
    ev = next(e for e in a.events if e.trigger.text == trigger)
    ent = next(e for e in a.entities if name in e.name)
    return internal_war(a, ev, ent)


def test_a_country_named_with_a_civil_war_is_its_setting():
    assert _war("The strike threatened to escalate Moldova's civil war.", "war", "Moldova")
    assert _war("La frappe menace d'aggraver la guerre civile en Moldavie.", "guerre", "Moldova")


def test_a_war_that_is_no_civil_war_keeps_its_doer():
    assert not _war("The strike threatened to escalate Moldova's war against Romania.", "war", "Moldova")
