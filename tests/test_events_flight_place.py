"""Where people fled or headed is no place of the happening told beside it
(nlp/events/_notplace.flight_verb, ``[flight_verbs]`` of ``data/events/plover.toml``).

Shape restated in invented words from real multi-side coverage: after an attack on a hall near
one capital, most reports told that the attackers had tried to flee toward a neighbouring
state ("the gunmen who attacked the hall wanted to hide in <state>", "those who shot at the
hall moved toward <state>"); the attack mentions of those sentences took the neighbouring state
as their place, and the attack's row was labelled with it. Either state reads alike; a flight
verb keeps its own goal, and a missile that crossed into a country still struck there.
"""

from __future__ import annotations

import pytest

from tests._events_helpers import trigger_places


@pytest.mark.parametrize("state", ["Poland", "Ukraine", "Russia"])
def test_the_goal_of_a_flight_is_no_place_of_the_attack(state: str) -> None:
    text = f"Those who shot at the hall were fleeing to {state} when detained."
    assert trigger_places(text, "shot") == [None]
    assert trigger_places(text, "detained") == [None]
    assert trigger_places(text, "fleeing") == [state]


@pytest.mark.parametrize(("text", "trigger"), [
    ("Напавшие на торговый центр террористы хотели скрыться на Украине.", "Напавшие"),
    ("Напавшие на торговый центр террористы хотели скрыться в Польше.", "Напавшие"),
    ("Исполнители нападения пытались скрыться на территории Польши.", "нападения"),
])
def test_a_russian_flight_goal_is_no_place_of_the_attack(text: str, trigger: str) -> None:
    assert trigger_places(text, trigger) == [None]


def test_the_attack_keeps_its_own_place() -> None:
    text = "The gunmen who attacked the concert hall in Lublin fled toward Poland."
    assert trigger_places(text, "attacked") == ["Lublin"]
    assert trigger_places(text, "fled") == ["Poland"]


def test_a_projectile_crossing_into_a_country_still_strikes_there() -> None:
    assert trigger_places("A missile crossed into Poland, killing two farmers.", "killing") == ["Poland"]


def test_a_place_fled_from_stays_the_happenings() -> None:
    text = "Some 800,000 people have fled Lublin since the start of a ground operation there three weeks ago."
    assert trigger_places(text, "operation") == ["Lublin"]
    text = "Thousands fled from Lublin after the shelling of the market."
    assert trigger_places(text, "shelling") == ["Lublin"]


def test_a_happening_the_flight_is_for_takes_its_goal() -> None:
    text = "The ministry said 65 prisoners were on board, heading to Lublin for a prisoner exchange."
    assert trigger_places(text, "exchange") == ["Lublin"]
