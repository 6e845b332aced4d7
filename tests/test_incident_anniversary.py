"""Anniversary and commemoration pieces retell the story's main happening years later
(align/_anniversary.py, align/_retoldnamed.py; session 33, later).

Shape restated in invented words from real multi-side coverage: one side's outlets tell a strike
on a hall in Eastvale only in later pieces, one and four years on ("Today marks the fourth
anniversary of the Eastvale hall massacre", "the commemoration of the hall massacre on Sunday").
The anniversary's day was read as the massacre's own firm day, so the pieces formed rows of their
own (and their happenings' events, holding a day years after the strike, kept even the first
reports' mentions of the same words apart); pieces published more than 400 days after the strike
never reached the main row (the horizon: tests/test_incident_retold_named.py). Guards: a happening of a clause of its own ("and the shelling goes
on"), one told far after the anniversary word, the rule off.
"""

from __future__ import annotations

import pytest

from fullpicture import load_settings
from fullpicture.align._anniversary import recalled_by_anniversary


def _at(sentence: str, word: str) -> int:
    return sentence.index(word)


@pytest.mark.parametrize(("language", "sentence", "word"), [
    ("en", "Today marks the fourth anniversary of the unforgettable Eastvale hall massacre.", "massacre"),
    ("en", "Families gathered for the commemoration of the hall bombing on Sunday.", "bombing"),
    ("fr", "Ce dimanche, la commémoration du massacre de la salle d'Eastvale a réuni les familles.", "massacre"),
    ("fr", "Jeudi marque le premier anniversaire de la frappe contre la salle.", "frappe"),
    ("ru", "В воскресенье отмечают третью годовщину трагического удара по залу в Иствейле.", "удара"),
    ("uk", "У неділю минають роковини удару по залу в Іствейлі.", "удару"),
])
def test_a_happening_in_an_anniversarys_complement_is_recalled(language: str, sentence: str, word: str) -> None:
    assert recalled_by_anniversary(sentence, _at(sentence, word), language, 60)


@pytest.mark.parametrize(("language", "sentence", "word"), [
    # a clause of its own: the shelling goes on today
    ("en", "Today marks the anniversary of the siege, and the shelling of the town goes on.", "shelling"),
    ("en", "Today marks the anniversary of the siege while shelling continues.", "shelling"),
    ("ru", "Сегодня годовщина осады, а обстрелы города продолжаются.", "обстрелы"),
    # too far after the word
    ("en", "The anniversary was marked by a small crowd of relatives, officials and guests who came "
           "from the north before a new strike hit the square.", "strike"),
    # no anniversary word
    ("en", "On Sunday a strike hit the hall in Eastvale.", "strike"),
])
def test_a_happening_told_of_its_own_keeps_its_day(language: str, sentence: str, word: str) -> None:
    assert not recalled_by_anniversary(sentence, _at(sentence, word), language, 60)


def test_off() -> None:
    s = "Today marks the fourth anniversary of the hall massacre."
    assert not recalled_by_anniversary(s, _at(s, "massacre"), "en", 0)
    assert load_settings().section("align")["incident_anniversary_chars"] > 0

