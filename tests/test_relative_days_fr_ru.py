"""Relative day words of French and Russian news ("позавчера", "накануне", "вчера", "avant-hier",
"la veille", "hier") anchored to the report's date or to the narrative's day, and a day inside a
quotation dating only what the quotation tells (issue 9). Invented sentences; 2031-05-07 is a
Wednesday."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text

PUB = "2031-05-07"


def _date(text: str, trigger: str) -> str | None:
    a = analyze_text(text, published=PUB)
    return next(e.date for e in a.events if e.trigger.text == trigger)


@pytest.mark.parametrize(("text", "trigger", "date"), [
    ("Позавчера в городе произошёл взрыв на рынке. Власти начали расследование.", "взрыв", "2031-05-05"),
    ("Накануне армия нанесла удар по складу. Пожар потушили к утру.", "удар", "2031-05-06"),
    ("Avant-hier, une explosion a frappé le marché de la ville. Les autorités enquêtent.", "explosion", "2031-05-05"),
    # "la veille" of a day the narrative names is the day before it, not before the report
    ("Mardi 20 mai, l'armée a bombardé le village. La veille, des combattants avaient attaqué un poste.",
     "attaqué", "2031-05-19"),
])
def test_relative_days(text, trigger, date):
    assert _date(text, trigger) == date


def test_a_day_inside_a_quotation_dates_what_it_tells_not_the_statement():
    text = "Le gouverneur a déclaré : « Hier soir, un missile a frappé la gare. » Les secours sont sur place."
    assert _date(text, "frappé").startswith("2031-05-06")
    assert _date(text, "déclaré") == PUB  # said today: the report's day


def test_russian_yesterday_inside_a_quotation():
    text = "Губернатор заявил журналистам: «Вчера ночью по городу был нанесён удар, погибли три человека»."
    assert _date(text, "удар").startswith("2031-05-06")
