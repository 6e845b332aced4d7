"""A birth year is no day of the story (session 26, follow; invented sentences restating a shape
of real reports: "a man born in 1990 was hurt" dated the hurt to 1990). 2031-11-14 is a Friday."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


def _ev(a, trigger):
    return next(e for e in a.events if e.trigger.text == trigger)


@pytest.mark.parametrize(("text", "trigger"), [
    ("A man born in 1990 was killed when the shell hit the market in Veldra.", "killed"),
    ("Une femme née en 1961 a été blessée dans son jardin à Veldra.", "blessée"),
    ("Ранена женщина 1961 года рождения.", "Ранена"),
])
def test_a_birth_year_dates_no_happening(text, trigger):
    ev = _ev(analyze_text(text, published="2031-11-14"), trigger)
    assert ev.date == "2031-11-14" and ev.date_source == "published"


def test_a_birth_year_sets_no_time_for_the_next_sentences():
    a = analyze_text("Among the wounded was a teacher born in 1975. The shelling destroyed the school.",
                     published="2031-11-14")
    assert _ev(a, "destroyed").date == "2031-11-14"


def test_a_year_of_a_happening_still_dates_it():
    ev = _ev(analyze_text("The town was shelled in 2029 and a man was hurt.", published="2031-11-14"), "shelled")
    assert ev.date == "2029"
