"""Where people fled or headed is no place of the happening told beside it
(nlp/events/_notplace.flight_verb, ``[flight_verbs]`` of ``data/events/plover.toml``).

Shape restated in invented words from real multi-side coverage: after an attack on a venue near
one capital, most reports told that the attackers had tried to get away toward a neighbouring
state (a clause of the raid and a clause of the getaway to <state> in one sentence); the attack
mentions of those sentences took the neighbouring state as their place, and the attack's row
was labelled with it. Either state reads alike; a flight
verb keeps its own goal, and a missile that crossed into a country still struck there.
"""

from __future__ import annotations

import pytest

from tests._events_helpers import trigger_places


@pytest.mark.parametrize("state", ["Poland", "Ukraine", "Russia"])
def test_the_goal_of_a_flight_is_no_place_of_the_attack(state: str) -> None:
    text = f"The men who raided the depot were fleeing to {state} when police detained them."
    assert trigger_places(text, "raided") == [None]
    assert trigger_places(text, "detained") == [None]
    assert trigger_places(text, "fleeing") == [state]


@pytest.mark.parametrize(("text", "trigger"), [
    ("После нападения на склад бандиты на машине бежали на Украину.", "нападения"),
    ("После нападения на склад бандиты на машине бежали в Польшу.", "нападения"),
    ("Участники нападения на склад направлялись в сторону Польши.", "нападения"),
])
def test_a_russian_flight_goal_is_no_place_of_the_attack(text: str, trigger: str) -> None:
    assert trigger_places(text, trigger) == [None]


def test_the_attack_keeps_its_own_place() -> None:
    text = "The raiders who attacked the bakery in Lublin fled toward Poland."
    assert trigger_places(text, "attacked") == ["Lublin"]
    assert trigger_places(text, "fled") == ["Poland"]


def test_a_projectile_crossing_into_a_country_still_strikes_there() -> None:
    assert trigger_places("A missile crossed into Poland, killing two farmers.", "killing") == ["Poland"]


def test_a_place_fled_from_stays_the_happenings() -> None:
    text = "Most families have fled Lublin since a siege of the town began in the spring."
    assert trigger_places(text, "siege") == ["Lublin"]
    text = "Thousands fled from Lublin after the shelling of the market."
    assert trigger_places(text, "shelling") == ["Lublin"]


def test_a_happening_the_flight_is_for_takes_its_goal() -> None:
    text = "The convoy carried nine detainees, bound from the camp and heading to Lublin for a swap."
    assert trigger_places(text, "swap") == ["Lublin"]
