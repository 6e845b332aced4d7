"""Verbs of falling and landing name a strike only when a projectile does them (``[subjects]`` of
data/events/plover*.toml; sentences written for this test, both sides' wording alike): a rocket
that fell on a barn, a drone that crashed in a field and a shell that burst in a yard are strikes;
falling prices, a man who fell and a plane that landed are none."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


@pytest.mark.parametrize(("text", "types"), [
    ("A rocket fell on a barn in Xville on Tuesday.", ["ASSAULT"]),
    ("The officials said the missile that landed near the farm was old.", ["ASSAULT"]),
    ("Bread prices fell sharply last month.", []),
    ("The old man fell on the stairs.", []),
    ("The plane landed safely in the capital.", []),
])
def test_english_falling_needs_a_projectile(text: str, types: list[str]) -> None:
    events = analyze_text(text, published="2031-03-07").events
    assert sorted({e.type for e in events} & {"ASSAULT"}) == types


@pytest.mark.parametrize(("text", "types"), [
    ("Un missile est tombé sur une ferme du village mardi.", ["ASSAULT"]),
    ("Un drone s'est écrasé dans un champ près de la ville.", ["ASSAULT"]),
    ("Les prix du pain sont tombés en un mois.", []),
    ("Le vieil homme est tombé dans l'escalier.", []),
])
def test_french_falling_needs_a_projectile(text: str, types: list[str]) -> None:
    events = analyze_text(text, published="2031-03-07").events
    assert sorted({e.type for e in events} & {"ASSAULT"}) == types


@pytest.mark.parametrize(("text", "types"), [
    ("Снаряд разорвался во дворе жилого дома.", ["ASSAULT"]),
    ("По словам военных, ракета приземлилась на поле у деревни вчера вечером.", ["ASSAULT"]),
    ("Самолёт приземлился в столице по расписанию.", []),
    ("Переговоры разорвались после первого дня.", []),
])
def test_russian_landing_and_bursting_need_a_projectile(text: str, types: list[str]) -> None:
    events = analyze_text(text, published="2031-03-07").events
    assert sorted({e.type for e in events} & {"ASSAULT"}) == types


@pytest.mark.parametrize(("text", "types"), [
    ("Two missiles crossed into Westland on Tuesday, the army said.", ["ASSAULT"]),
    ("Thousands of families crossed into Westland on Tuesday, the agency said.", ["DISPLACE"]),
    ("A convoy of trucks arrived at the square before dawn.", []),
    ("Hundreds of residents left the town before dawn.", ["DISPLACE"]),
    ("The shell left a deep crater in the yard.", []),
])
def test_moving_things_and_projectiles(text: str, types: list[str]) -> None:
    events = analyze_text(text, published="2031-03-07").events
    assert sorted({e.type for e in events} & {"ASSAULT", "DISPLACE"}) == types


@pytest.mark.parametrize(("text", "types"), [
    ("One of the rockets fell on a barn in Xville on Tuesday.", ["ASSAULT"]),
    ("One of the tractors drove onto the scales at the farm.", []),
])
def test_one_of_the_things(text: str, types: list[str]) -> None:
    """"One of the rockets" is a rocket; "one of the tractors" a tractor."""
    events = analyze_text(text, published="2031-03-07").events
    assert sorted({e.type for e in events} & {"ASSAULT", "DISPLACE"}) == types
