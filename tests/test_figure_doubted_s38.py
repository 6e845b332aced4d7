"""A number its own sentence calls doubtful or false is no value of the speaker's account
(session 38). Shape seen on real coverage of a disputed toll, restated in invented words and
numbers: a rights group quotes a state's toll to call it doubtful; read as the group's own count
it made a false toll conflict against the state's other figures."""

from __future__ import annotations

from fullpicture.align._figurevalues import population
from tests.helpers import analyze_text


def _pops(text: str) -> list[tuple[str, str]]:
    a = analyze_text(text, published="2031-06-03")
    return [(f.text, population(a, f)) for f in a.figures]


def test_a_doubted_figure_is_denied():
    found = _pops('"The figure of 3,500 people killed is very doubtful," a researcher of the Tarnow '
                  "rights group said.")
    assert [p for t, p in found if "3,500" in t] == ["denied"], found
    found = _pops("Northland's estimates of 900 dead in the war were 'inflated', the rights group said.")
    assert [p for t, p in found if "900" in t] == ["denied"], found


def test_french_and_russian_doubts():
    found = _pops("Selon l'ONG, ces 3 500 morts sont largement exagérés.")
    assert [p for t, p in found if "3 500" in t] == ["denied"], found
    found = _pops("По словам правозащитников, цифра в 3500 погибших крайне сомнительна.")
    assert [p for t, p in found if "3500" in t] == ["denied"], found


def test_a_count_beside_a_doubt_of_something_else_stays():
    found = _pops("At least 40 people were killed in the shelling, and the army's account was false, "
                  "the group said.")
    assert [p for t, p in found if "40" in t] == ["people"], found
    found = _pops("The ministry said 12 soldiers were killed.")
    assert found == [("12", "servicemen")], found
