"""fp_time (French): a weekday told as a habit names no day, and one told as the start of
something to come is the next such day (session 27, follow; invented sentences).

News tells the past, so a bare weekday is the last such day on or before publication. Two
French shapes are not: "le vendredi, jour de foire" (on Fridays: a habit, no day) and
"les pourparlers seront ouverts à partir de lundi" (from next Monday, in a sentence of
something to come: the ``[future] words``). The second, read as the past Monday, had dated a
story six days early, and the sentences after it inherited that day. 2031-11-19 is a Wednesday.
"""

from __future__ import annotations

import pytest

from fullpicture.nlp.time._calendar import parse_ref
from fullpicture.nlp.time._intl import load_grammar, tag_intl


def _values(text: str, published: str = "2031-11-19") -> dict[str, str]:
    g = load_grammar("fr")
    assert g is not None
    return {t.text: t.value for t in tag_intl(g, text, parse_ref(published))[0]}


@pytest.mark.parametrize("text", [
    "La question sera examinée par le conseil de Veldra à partir de lundi, selon le ministère.",
    "Les négociations devraient reprendre à Veldra à compter de lundi.",
    "Les écoles de Veldra seront fermées dès lundi.",
])
def test_a_weekday_that_starts_something_to_come_is_the_next_one(text):
    assert _values(text) == {"lundi": "2031-11-24"}


@pytest.mark.parametrize(("text", "expr", "value"), [
    # no word of something to come: the past Monday, as before
    ("Les combats ont repris à Veldra à partir de lundi.", "lundi", "2031-11-17"),
    # a plain weekday of a past happening, even beside a word of something to come
    ("La frappe de dimanche a tué trois personnes à Veldra, et une enquête sera ouverte.", "dimanche", "2031-11-16"),
    ("La frappe de dimanche dernier a tué trois personnes.", "dimanche dernier", "2031-11-16"),
])
def test_other_weekdays_keep_the_last_day(text, expr, value):
    assert _values(text)[expr] == value


def test_a_weekday_after_the_article_is_a_habit():
    assert _values("Le vendredi, jour de foire à Veldra, les tirs reprennent.") == {}
    # a written day number keeps the date ("le dimanche 16 novembre")
    assert _values("Le dimanche 16 novembre, un obus est tombé sur le marché.")["dimanche 16 novembre"] == "2031-11-16"


def test_a_month_name_is_a_whole_word():
    # session 28: "10 maisons" (ten houses) had been read as a day of May
    assert _values("Au moins 10 maisons de Veldra ont été endommagées.") == {}
    assert _values("Le 10 mai, un obus est tombé sur Veldra.")["10 mai"] == "2031-05-10"
