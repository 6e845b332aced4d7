"""The word contrast compares the sides' words, not their languages: a language only one side
writes in adds no words, and each language's function words are left out."""

from __future__ import annotations

from fullpicture.align._framing import _counts, _stopwords
from tests.helpers import analyze_text

EN_NORTH = "The shelling of the depot in Eastport killed four workers on Tuesday, officials said."
EN_SOUTH = "A strike hit the depot in Eastport on Tuesday; the defence ministry called it a provocation."
RU_SOUTH = "Удар по складу в Истпорте нанесли во вторник, заявили в министерстве обороны."


def test_a_language_of_one_side_adds_no_words() -> None:
    north, south, south_ru = (analyze_text(t, published="2022-05-03") for t in (EN_NORTH, EN_SOUTH, RU_SOUTH))
    assert south_ru.document.language == "ru"
    side_of = {north.document.id: "north", south.document.id: "south", south_ru.document.id: "south"}
    counts = _counts([north, south, south_ru], side_of)["word"]
    assert "depot" in counts["south"] and "provocation" in counts["south"]
    assert not any(any("а" <= ch <= "я" for ch in w) for w in counts["south"])


def test_each_language_leaves_out_its_function_words() -> None:
    assert {"по", "во", "в"} <= _stopwords("ru") and {"le", "dans"} <= _stopwords("fr")
    assert _stopwords("en") == _stopwords("") and "the" in _stopwords("xx")
