"""French, Russian and Ukrainian words of the kinds of happening the English lexicon has (session
35, langs): action nouns ("l'attentat", "авиаудар", "la mort"), the other aspect of a Russian verb,
a ship that sinks, a fire, a hit told by its participle. Sentences written for these
tests; the places and people are invented."""

from __future__ import annotations

import pytest

from fullpicture.nlp.events.limited import find_triggers, trigger_list
from fullpicture.nlp.lang.words import words
from tests.helpers import analyze_text


def _kinds(text: str) -> list[tuple[str, str]]:
    doc = analyze_text(text, published="2024-03-12")
    return sorted({(e.type, e.trigger.text.lower()) for e in doc.events})


@pytest.mark.parametrize(("text", "want"), [
    ("Un attentat a visé le marché de Valdoré mardi.", ("ASSAULT", "attentat")),
    ("Le meurtre du maire de Valdoré a choqué la région.", ("ASSAULT", "meurtre")),
    ("Le cargo Hirondelle a coulé au large de Valdoré mardi.", ("DISASTER", "coulé")),
    ("Un incendie a ravagé l'entrepôt de Valdoré mardi.", ("DISASTER", "incendie")),
])
def test_french_action_nouns_and_kinds(text: str, want: tuple[str, str]) -> None:
    assert want in _kinds(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Авиаудар по школе в Заречье нанесли во вторник.", ("ASSAULT", "авиаудар")),
    ("Во вторник самолет сбросил авиабомбу на склад в Заречье.", ("ASSAULT", "сбросил")),
    ("Сухогруз «Ласточка» затонул у берегов Заречья во вторник.", ("DISASTER", "затонул")),
    ("Во вторник в Заречье вспыхнул пожар на складе.", ("DISASTER", "пожар")),
    ("Во вторник в Заречье пять человек получили ранения.", ("ASSAULT", "ранения")),
    ("Во вторник в Заречье военные захватывали дома.", ("COERCE", "захватывали")),
])
def test_russian_action_nouns_aspects_and_kinds(text: str, want: tuple[str, str]) -> None:
    assert want in _kinds(text)


@pytest.mark.parametrize("text", [
    # dropping weight or speed drops no bomb
    "Во вторник поезд сбросил скорость у Заречья.",
    # "larguer les amarres" (casting off) drops nothing
    "Le voilier a largué les amarres mardi.",
])
def test_dropping_needs_a_projectile(text: str) -> None:
    assert not [k for k in _kinds(text) if k[0] == "ASSAULT"]


@pytest.mark.parametrize(("text", "want"), [
    # a hit told by its participle, an air strike in one word, a ship that sinks, a seizure
    ("Ракетою уражений крейсер «Ластівка».", ["уразити"]),
    ("Армія завдала авіаудару по селу.", ["авіаудар"]),
    ("Корабель перекинувся і почав тонути.", ["затонути"]),
    ("Війська захопили село, будинки бомбардують щодня.", ["захопити", "бомбардування"]),
    # the captured (a state) is no seizure
    ("У захопленому місті тихо.", []),
])
def test_ukrainian_participles_and_kinds(text: str, want: list[str]) -> None:
    got = [v[1] for _i, _j, v in find_triggers(words(text, "uk"), trigger_list("uk"))]
    assert got == want, got
