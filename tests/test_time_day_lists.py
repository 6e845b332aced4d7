"""fp_time: a list of days ("7, 8 and 9 May") is one expression, valued by its first day, and
sets no story day (session 29, dates; invented sentences).

Shape restated from real multi-side coverage: "the city declared <d1>, <d2>, <d3> <month> days of
mourning" was read as the last day alone; that day became the story's reference time, and the
sentences after it (a denial of the strike, the blast told again) were dated to the last day
of mourning, in a row of their own. A list names several days, none of them the story's.
"""

from __future__ import annotations

import pytest

from fullpicture.nlp.time._calendar import parse_ref
from fullpicture.nlp.time._intl import load_grammar, tag_intl
from tests.test_time_tagger import by_text, tag, time_nlp  # noqa: F401  (fixture)

PUB = "2031-05-06"


@pytest.mark.parametrize(("text", "expr"), [
    ("Velmor declared 7, 8 and 9 May days of mourning.", "7, 8 and 9 May"),
    ("Velmor declared May 7, 8 and 9 days of mourning.", "May 7"),
    ("Velmor will mourn on the 7th, 8th and 9th of May in silence.", "7th, 8th and 9th of May"),
])
def test_an_english_list_of_days_is_its_first_day(time_nlp, text, expr):  # noqa: F811
    doc = tag(time_nlp, text, PUB)
    assert by_text(doc)[expr].value == "2031-05-07"
    assert doc._.fp_narrative == []


@pytest.mark.parametrize(("language", "text", "expr"), [
    ("ru", "В Велдре объявили 7, 8, 9 мая днями траура.", "7, 8, 9 мая"),
    ("ru", "В Велдре объявили 7, 8 и 9 мая днями траура.", "7, 8 и 9 мая"),
    ("fr", "Veldra a décrété un deuil les 7, 8 et 9 mai dans la ville.", "7, 8 et 9 mai"),
])
def test_a_list_of_days_is_its_first_day_and_no_story_day(language, text, expr):
    g = load_grammar(language)
    assert g is not None
    timexes, narrative = tag_intl(g, text, parse_ref(PUB))
    assert {t.text: t.value for t in timexes}[expr] == "2031-05-07"
    assert narrative == []


@pytest.mark.parametrize(("text", "expr", "value"), [
    # numbers that do not rise are no list of days: the date alone, as before
    ("The squad of 12, 9 May recruits left Velmor.", "9 May", "2031-05-09"),
    ("Velmor voted on 9 May in a poll.", "9 May", "2031-05-09"),
])
def test_a_date_without_a_list_is_kept(time_nlp, text, expr, value):  # noqa: F811
    assert by_text(tag(time_nlp, text, PUB))[expr].value == value
