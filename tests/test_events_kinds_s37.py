"""Kinds of happening whose English, French, Russian and Ukrainian words were not one family
(session 37, langs3): a funeral had English words only, a Russian meeting noun was none; a
Russian plural of conclusions read as a withdrawal; a Russian fire noun was no consequence of
the strike that set it, as its synonym was. Sentences written for these tests; the places, people and ships are invented."""

from __future__ import annotations

import pytest

from fullpicture.align._incident_lex import incident_lexicon
from fullpicture.nlp.events.limited import find_triggers, trigger_list
from fullpicture.nlp.lang.words import words
from tests.helpers import analyze_text


def _kinds(text: str) -> list[tuple[str, str]]:
    doc = analyze_text(text, published="2024-03-12")
    return sorted({(e.type, e.trigger.text.lower()) for e in doc.events})


@pytest.mark.parametrize(("text", "want"), [
    ("Les funérailles du général ont eu lieu mardi à Valdoré.", ("CEREMONY", "funérailles")),
    ("Les obsèques des victimes ont été célébrées à Valdoré mardi.", ("CEREMONY", "obsèques")),
    ("Похороны генерала прошли во вторник в Заречье.", ("CEREMONY", "похороны")),
    ("Церемония прощания прошла во вторник в Заречье.", ("CEREMONY", "церемония")),
])
def test_a_funeral_is_a_ceremony_in_french_and_russian(text: str, want: tuple[str, str]) -> None:
    assert want in _kinds(text)


def test_burying_the_dead_after_a_massacre_is_no_ceremony() -> None:
    text = "Après l'attaque contre Valdoré, des voisins ont enterré les corps de leurs proches."
    assert not [k for k in _kinds(text) if k[0] == "CEREMONY"]


def test_a_meeting_in_russian_is_a_meeting() -> None:
    text = "Министры Заречья собрались на срочное совещание в ратуше."
    assert ("CONSULT", "совещание") in _kinds(text)


def test_a_funeral_is_a_ceremony_in_ukrainian() -> None:
    text = "Похорон генерала відбувся у вівторок у Заріччі."
    got = [v for _i, _j, v in find_triggers(words(text, "uk"), trigger_list("uk"))]
    assert got == [("CEREMONY", "похорон", "funeral")], got


def test_plural_conclusions_are_no_withdrawal() -> None:
    assert not [k for k in _kinds("Мы сделали выводы из этой истории в Заречье.") if k[1] == "выводы"]
    # the findings of a commission stay its inquiry; the singular pulls troops out
    assert ("INVESTIGATE", "выводы") in _kinds("Выводы комиссии были опубликованы во вторник в Заречье.")
    assert [k for k in _kinds("Вывод войск из Заречья начался во вторник.") if k[0] == "RETREAT"]


def test_a_fire_breaking_out_is_a_consequence_as_a_fire_is() -> None:
    lex = incident_lexicon()
    assert {"пожар", "возгорание", "incendie"} <= lex.consequences
