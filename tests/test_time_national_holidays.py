"""fp_time: a holiday one name marks on different days in different countries takes the day of
the story's country, or none; no word of a named day is a place (session 29, dates; invented
sentences, real national holidays' names and dates, which are generic knowledge).

Shape restated from real multi-side coverage: "<N> die in Independence Day strike" and "missiles
hit <town> on <country>'s Independence Day" were dated to another country's Independence Day
(the one table entry the name had), and the same rows were placed at a town named after the
idea ("Independence"): three rows apart from the strike's own row. The name now reads the
country its own words give ("<country>'s", "<adjective>", "of <country>"), else the listed
country the document names most often, else no date at all.
"""

from __future__ import annotations

import pytest

from tests._events_helpers import trigger_places
from tests.test_time_tagger import by_text, tag, time_nlp  # noqa: F401  (fixture)

PUB = "2031-08-25"


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("Rockets hit Velmor on Ukraine's Independence Day, officials said.", "Independence Day", "2031-08-24"),
    ("Rockets hit Velmor on Ukraine’s 40th Independence Day.", "Independence Day", "2031-08-24"),
    ("Crowds in Velmor marked the Ukrainian Independence Day quietly.", "Independence Day", "2031-08-24"),
    ("Crowds marked Independence Day in India with parades in Velmor.", "Independence Day", "2031-08-15"),
    ("The parade in Velmor on American Independence Day was cancelled.", "Independence Day", "2031-07-04"),
    # the country's own words absent: the listed country the document names most
    ("Ukraine said rockets hit Velmor. Nine died in the Independence Day strike, Ukrainian officials said, "
     "and Russia denied it.", "Independence Day", "2031-08-24"),
    ("Russian officials opened the Victory Day parade in Velmor; Russia's envoy attended.", "Victory Day",
     "2031-05-09"),
])
def test_a_national_holiday_takes_its_countrys_day(time_nlp, text, expr, value):  # noqa: F811
    assert by_text(tag(time_nlp, text, PUB))[expr].value == value


@pytest.mark.parametrize(("text", "expr"), [
    # no country in the text: no date at all, rather than one country's holiday for every story
    ("Nine died in the Independence Day strike on Velmor.", "Independence Day"),
    # a country the table does not list (its day moves with another calendar): none
    ("Rockets hit Velmor on Israel's Independence Day, officials in Ukraine said.", "Independence Day"),
    # two listed countries named as often: none
    ("Ukraine and India sent envoys; Independence Day talks in Velmor began.", "Independence Day"),
])
def test_a_national_holiday_of_no_known_country_has_no_date(time_nlp, text, expr):  # noqa: F811
    assert expr not in by_text(tag(time_nlp, text, PUB))


def test_a_holiday_of_one_day_everywhere_is_kept(time_nlp):  # noqa: F811
    assert by_text(tag(time_nlp, "The market in Velmor closed on Christmas Day.", PUB))["Christmas Day"].value == "2030-12-25"


@pytest.mark.parametrize(("text", "trigger"), [
    ("Missiles struck a train in Velmor on the country's Independence Day.", "struck"),
    ("Rockets killed nine on Ukraine's Independence Day.", "killed"),
])
def test_no_word_of_a_named_day_is_a_place(text: str, trigger: str) -> None:
    assert trigger_places(text, trigger, published=PUB) == [None]
