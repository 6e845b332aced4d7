"""fp_time: the year of a day-month written without one, from the words around it.

A report names a happening gone by with its day and month alone ("since April 20", "the April
20 attack", "le massacre du 20 avril", "нападение 20 апреля"); read in the publication year
that day would still be to come, so its year is one the text does not give (XXXX-04-20), not
the publication's. A year phrase right after the date ("last year", "de l'année dernière",
"прошлого года") names its year. A day announced in a sentence of something to come keeps the
publication's year. All texts are illustrative sentences written for this project.
"""

from __future__ import annotations

import pytest

from fullpicture.nlp.time._calendar import parse_ref
from fullpicture.nlp.time._intl import load_grammar, tag_intl
from tests.test_time_tagger import by_text, tag, time_nlp  # noqa: F401  (fixture)

PUBLISHED = "2031-04-02"


def _intl(language: str, text: str, **kw: object) -> dict[str, str]:
    g = load_grammar(language)
    assert g is not None
    return {t.text.rstrip("."): t.value for t in tag_intl(g, text, parse_ref(PUBLISHED), 31, 31, **kw)[0]}


@pytest.mark.parametrize(("text", "expr"), [
    ("Vernac still mourns the victims of the April 20 attack.", "April 20"),
    ("Calm has not returned to Vernac since April 20, officials said.", "April 20"),
    ("The militia's 20 April raid left the depot in ruins.", "20 April"),
    ("Crowds marked the anniversary of the April 20 bombing in Vernac.", "April 20"),
])
def test_recalled_day_ahead_of_publication_has_no_publication_year(time_nlp, text, expr):  # noqa: F811
    got = by_text(tag(time_nlp, text, PUBLISHED))
    assert got[expr].value == "XXXX-04-20"


def test_year_phrase_after_the_date_names_its_year(time_nlp):  # noqa: F811
    got = by_text(tag(time_nlp, "The depot in Vernac burned on April 20 last year, the mayor said.", PUBLISHED))
    assert got["April 20"].value == "2030-04-20"


@pytest.mark.parametrize("text", [
    "The fair in Vernac will open on April 20.",
    "Gunmen attacked Vernac on April 20, the mayor said.",  # no recall word: left to the tense rules
])
def test_day_without_recall_words_keeps_publication_year(time_nlp, text):  # noqa: F811
    assert by_text(tag(time_nlp, text, PUBLISHED))["April 20"].value == "2031-04-20"


def test_recalled_day_is_no_narrative_time(time_nlp):  # noqa: F811
    doc = tag(time_nlp, "Calm has not returned to Vernac since April 20. Two days later, the mayor resigned.",
              PUBLISHED)
    assert all(not v.endswith("04-20") for _, v in doc._.fp_narrative)


def test_parenthesised_year_is_the_dates(time_nlp):  # noqa: F811
    got = by_text(tag(time_nlp, "The group led the brutal Apr 20 (2027) raid on Vernac.", PUBLISHED))
    assert got["Apr 20 (2027)"].value == "2027-04-20"


@pytest.mark.parametrize(("language", "text", "expr"), [
    ("fr", "Vernac pleure encore les victimes du massacre du 20 avril.", "20 avril"),
    ("fr", "L'attaque des miliciens du 20 avril a ravagé le dépôt.", "20 avril"),
    ("fr", "Le calme n'est pas revenu à Vernac depuis le 20 avril.", "20 avril"),
    ("ru", "Вернак помнит нападение 20 апреля.", "20 апреля"),
    ("ru", "Теракт боевиков 20 апреля разрушил склад.", "20 апреля"),
])
def test_recalled_day_intl(language, text, expr):
    assert _intl(language, text)[expr] == "XXXX-04-20"


@pytest.mark.parametrize(("language", "text", "expr"), [
    ("fr", "Le dépôt de Vernac a brûlé le 20 avril de l'année dernière.", "20 avril"),
    ("ru", "Склад в Вернаке сгорел 20 апреля прошлого года.", "20 апреля"),
])
def test_year_phrase_after_the_date_intl(language, text, expr):
    assert _intl(language, text)[expr] == "2030-04-20"


def test_settings_switch_the_rules():
    text = "Le calme n'est pas revenu à Vernac depuis le 20 avril."
    assert _intl("fr", text, recalled_days=-1)["20 avril"] == "2031-04-20"
    assert _intl("fr", text, recalled_previous=True)["20 avril"] == "2030-04-20"
    # a year expression right before the date, when switched on
    before = "Il y a trois ans, le 7 mars, le pont de Vernac s'est effondré."
    assert _intl("fr", before)["7 mars"] == "2031-03-07"
    assert _intl("fr", before, year_before=True)["7 mars"] == "2028-03-07"
    assert _intl("ru", "Город обстреляли 20 апреля прошлого года.", year_after=False)["20 апреля"] == "2031-04-20"


@pytest.mark.parametrize(("language", "text", "expr"), [
    ("fr", "La foire de Vernac se tiendra le 20 avril.", "20 avril"),
    ("ru", "Ярмарка в Вернаке пройдет 20 апреля.", "20 апреля"),
])
def test_announced_day_keeps_publication_year_intl(language, text, expr):
    assert _intl(language, text)[expr] == "2031-04-20"


def test_weekday_after_a_recall_word_is_the_last_one():
    from datetime import date

    from fullpicture.models import Timex
    from fullpicture.nlp.time._recall import load_recall, recall_years

    text = "The count of wounded since Friday has passed forty."
    start = text.index("Friday")
    # a weekday read after the publication day (a Thursday): "since" makes it the one before
    tx = Timex(id="t1", start=start, end=start + 6, text="Friday", type="DATE", value="2031-04-04", anchor="published")
    narrative = [(start, "2031-04-04")]
    recall_years(load_recall("en"), text, [tx], date(2031, 4, 3), narrative, 0)
    assert tx.value == "2031-03-28" and narrative == [(start, "2031-03-28")]
