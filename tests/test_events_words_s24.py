"""Event words on real text, session 24 (dates; invented sentences restating shapes of real
reports): a projectile launched at a place is an attack, a launch in a test or to space none; a
French noun whose singular ends in "s" ("obus") is read by its word form where the lemmatizer
strips that "s" ("obu"), so shells that fall or cross a roof strike."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


def _types(text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in analyze_text(text, published="2031-11-14").events}


@pytest.mark.parametrize(("text", "trigger"), [
    ("The brigade launched ten rockets at the town.", "launched"),
    ("Two of the rockets launched by the brigade fell short.", "launched"),
    ("The navy launched a cruise missile toward the port, killing two.", "launched"),
])
def test_a_projectile_launched_is_an_attack(text, trigger):
    assert _types(text).get(trigger) == "ASSAULT"


@pytest.mark.parametrize("text", [
    "The army launched a missile in a test on Sunday.",
    "The agency launched a rocket from the cosmodrome.",
    "The company launched a new phone.",
    "The ministry launched a campaign against smoking.",
])
def test_a_launch_of_no_projectile_at_anyone_is_no_attack(text):
    assert "launched" not in _types(text)


def test_a_launched_offensive_stays_the_offensive():
    assert _types("The brigade launched an offensive on the town.") == {"offensive": "ASSAULT"}


@pytest.mark.parametrize(("text", "trigger"), [
    ("Des obus sont tombés sur le marché.", "tombés"),
    ("Un obus est tombé sur le marché.", "tombé"),
    ("Des obus se sont écrasés près du pont.", "écrasés"),
    ("Trois obus ont traversé le toit de l'école.", "traversé"),
    ("Le marché a été touché par des obus.", "touché"),
])
def test_french_shells_strike(text, trigger):
    assert _types(text).get(trigger) == "ASSAULT"


@pytest.mark.parametrize(("text", "trigger"), [
    ("Les prix sont tombés la semaine dernière.", "tombés"),
    ("Les camions ont traversé le pont.", "traversé"),
])
def test_french_falls_and_crossings_of_no_projectile_strike_nothing(text, trigger):
    assert _types(text).get(trigger) != "ASSAULT"
