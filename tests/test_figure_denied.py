"""A number a sentence denies and the number it gives instead (session 19). Shape seen on real
coverage of a disputed toll, restated in invented words and numbers: a source says "there weren't
300 or even 700 deaths, more likely between 20 and 60". The denied numbers are no one's account
(never compared); the number after the word of correction counts what the denied one counted."""

from __future__ import annotations

from fullpicture.align._figurevalues import comparable, population
from tests.helpers import analyze_text


def _figures(text: str) -> list[tuple[str, str | None, str]]:
    a = analyze_text(text, published="2025-04-03")
    return [(f.text, f.counts, population(a, f)) for f in a.figures]


def test_a_denied_count_and_its_correction():
    found = _figures("“There weren’t 300 or even 700 deaths, more likely between 20 and 60,” an intelligence "
                     "official told the agency.")
    assert [p for _, _, p in found[:2]] == ["denied", "denied"]
    assert ("between 20 and 60", "killed", "people") in found
    assert not comparable("denied", "people")


def test_a_correction_in_the_next_sentence():
    found = _figures("There weren’t 700 deaths. More likely between 20 and 60, the official said.")
    assert ("700", "killed", "denied") in found and ("between 20 and 60", "killed", "people") in found


def test_a_stated_zero_and_a_plain_count_are_not_denied():
    assert _figures("There were no casualties, the army said.")[0][2] == "people"
    assert [p for _, _, p in _figures("There were 700 deaths in the flood, officials said.")] == ["people"]
    # no word of correction: a number of no count after a count keeps none
    assert ("20", None, "people") in _figures("Some 700 people died in the flood, 20 boats sank.")
