"""Event words on real text, session 29 (invented sentences restating shapes of real reports):
the Russian and Ukrainian nouns for a raid by aircraft or drones make an attack mention, as their
"strike" nouns do; a village a communiqué calls "the <Name> settlement" is no agreement."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


def _types(text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in analyze_text(text, published="2031-11-14").events}


@pytest.mark.parametrize(("text", "word"), [
    ("Ночью Иксград пережил массированный налёт беспилотников, сообщили власти.", "налёт"),
    ("В результате налета на Иксград пострадали четыре человека.", "налета"),
    ("Уночі Іксград зазнав масованого нальоту дронів, повідомила влада.", "нальоту"),
])
def test_a_raid_noun_is_an_attack(text, word):
    types = _types(text)
    assert types.get(word) == "ASSAULT", types


def test_a_settlement_a_communique_names_is_no_agreement():
    types = _types("The ministry said its forces hit a depot near the Kelvo Dar settlement overnight.")
    assert "settlement" not in types, types
    assert "ASSAULT" in types.values(), types
