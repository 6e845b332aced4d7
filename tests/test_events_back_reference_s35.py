"""Happenings named by one noun, a dropped weapon, and a camera's "capture" (session 35; every
sentence written for this test, places and people invented).

* A follow-up or a caption names an earlier happening with one noun ("the scene of a rampage",
  "réagissant au meurtre de", "устроили расправу"): that noun is a mention of the happening, in
  every language, so the article pairs with the others that tell it.
* A weapon dropped from the air is a strike ("dropped a bomb", "ont largué des bombes",
  "сбросили бомбы"); dropping charges, speed or moorings is none.
* What a photograph or a camera "captured" is depicted, no one seized; rebels who captured a town
  still took it.
"""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


def _types(text: str) -> list[str]:
    return sorted({e.type for e in analyze_text(text, published="2031-05-12").events})


def _triggers(text: str) -> dict[str, str]:
    return {e.trigger.text.lower(): e.type for e in analyze_text(text, published="2031-05-12").events}


@pytest.mark.parametrize(("text", "word"), [
    ("Millbrook, the scene of a rampage by masked men two weeks ago, was quiet on Tuesday.", "rampage"),
    ("Elders recalled the pogrom that emptied the lower quarter of Eastvale.", "pogrom"),
    ("Les bergers de Valmont ont réagi au meurtre de deux des leurs.", "meurtre"),
    ("Les habitants ont décrit la tuerie survenue au marché de Valmont.", "tuerie"),
    ("Жители Северска вспоминают расправу над пленными.", "расправу"),
])
def test_one_noun_names_the_earlier_happening(text: str, word: str) -> None:
    assert _triggers(text).get(word) == "ASSAULT"


@pytest.mark.parametrize("text", [
    "A plane dropped two bombs on the market of Eastvale.",
    "Des avions ont largué des bombes sur le marché de Valmont.",
    "Самолёты сбросили бомбы на рынок Северска.",
])
def test_a_dropped_weapon_is_a_strike(text: str) -> None:
    assert "ASSAULT" in _types(text)


@pytest.mark.parametrize("text", [
    "The prosecutor dropped the charges against the mayor of Eastvale.",
    "Le navire a largué les amarres à Valmont.",
    "Водитель сбросил скорость у въезда в Северск.",
])
def test_dropping_no_weapon_is_no_strike(text: str) -> None:
    assert "ASSAULT" not in _types(text)


def test_what_a_photograph_captured_is_no_seizure() -> None:
    text = "In the photographs from the ward, the same guards were captured beside the beds."
    assert "captured" not in _triggers(text)


def test_a_town_captured_is_still_taken() -> None:
    assert _triggers("Rebels captured the town of Eastvale on Monday.").get("captured") == "COERCE"
