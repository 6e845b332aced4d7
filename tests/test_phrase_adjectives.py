"""An adjective of a phrase's noun keeps the phrase (session 39, splits).

Shape restated in invented words from real multi-side coverage of a night of border fire: one
report told that the troops opened fire with an adjective between the verb and the noun of
"open fire" (how dense the fire was). The phrase matcher allowed only an article or a
possessive there, so the Russian verb alone was read as an opening of relations and the report's
act sat in a row of its own, apart from every other side's account of the same night. An
adjective of the phrase's next word may now sit between (nlp/events/_phrases.py); a noun there
makes another thing of the phrase ("used the air force" is no use of force).
"""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


@pytest.mark.parametrize("text", [
    "Northland troops opened heavy fire on the village of Dunmere on Monday night.",
    "Во вторник подразделения Северной армии открыли плотный огонь по селу Дубравка.",
    "Northland police used excessive force against the marchers in Dunmere on Monday.",
])
def test_an_adjective_inside_a_phrase_keeps_the_act(text: str) -> None:
    a = analyze_text(text, published="2023-05-30")
    assert [e.type for e in a.events if " " in e.trigger.text] == ["ASSAULT"]
    assert not [e for e in a.events if e.type == "COOPERATE"]


@pytest.mark.parametrize("text", [
    "Northland troops opened fire on the village of Dunmere on Monday night.",
    "Во вторник подразделения Северной армии открыли огонь по селу Дубравка.",
])
def test_the_plain_phrase_still_matches(text: str) -> None:
    a = analyze_text(text, published="2023-05-30")
    assert [e.type for e in a.events if " " in e.trigger.text] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "The new government opened friendly talks with Eastvale on Monday.",
    "Northland troops opened artillery positions near Dunmere on Monday.",
    "The regime will use air force units against Dunmere.",
])
def test_no_phrase_without_its_noun(text: str) -> None:
    a = analyze_text(text, published="2023-05-30")
    assert not [e for e in a.events if e.type == "ASSAULT"]
