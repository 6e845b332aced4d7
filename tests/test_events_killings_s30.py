"""Happenings told by words no event read, session 30 (invented sentences restating shapes of
real reports): a killing told by a word of doing away with someone ("eliminated", "liquidated",
"took out"; French "éliminer", Russian "ликвидировать", "ликвидация", "уничтожение") is an attack
mention, but only when what it acts on is a person or an armed group: "the fire was eliminated",
"ликвидация последствий", "уничтожение программы", "took out a loan" are none (``[killings]`` of
data/events/plover*.toml, nlp/events/_persons.py). One side's reports that told the killing only
so lost all their mentions of it.
"""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


def _types(text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in analyze_text(text, published="2031-04-02").events}


@pytest.mark.parametrize(("text", "word"), [
    ("The army said it eliminated a senior commander of the Kelvo brigade overnight.", "eliminated"),
    ("A drone took out two gunmen near the Kelvo checkpoint.", "took out"),
    ("The ministry confirmed the elimination of Jon Varrick, a group leader.", "elimination"),
    ("L'armée a affirmé avoir éliminé un commandant du groupe à Kelvo.", "éliminé"),
    ("Военные заявили, что ликвидировали командира отряда в Кельво.", "ликвидировали"),
    ("Военные сообщили о ликвидации двух боевиков в Кельво.", "ликвидации"),
    ("При ударе был ликвидирован Иван Варрик.", "ликвидирован"),
])
def test_a_word_of_doing_away_with_a_person_is_an_attack(text: str, word: str) -> None:
    types = _types(text)
    assert types.get(word) == "ASSAULT", types


@pytest.mark.parametrize(("text", "word"), [
    ("Firefighters eliminated the fire at the Kelvo depot by noon.", "eliminated"),
    ("The farmer took out a loan to rebuild the barn.", "took out"),
    ("Les pompiers ont éliminé le risque d'incendie.", "éliminé"),
    ("Пожарные ликвидировали возгорание на складе в Кельво.", "ликвидировали"),
    ("В Кельво продолжается ликвидация последствий наводнения.", "ликвидация"),
    ("Целью кампании было уничтожение программы вооружений.", "уничтожение"),
])
def test_a_word_of_doing_away_with_a_thing_names_no_happening(text: str, word: str) -> None:
    assert word not in _types(text)
