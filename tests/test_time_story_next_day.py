"""fp_time: a bare weekday naming the day after a story set on the report's day is that coming
day (session 28, follow; invented sentences).

News tells the past, so a weekday alone is the last such day on or before publication. But when
the text has set its story on the publication day itself ("killed on Friday" in a Friday
report), the next day's weekday read back would lie six days before the story: a report of the
day names that with a word of the past ("last Saturday", "samedi dernier"). Alone it is the
coming day (a day of mourning, a funeral). Read back, it had dated the sentences after it six
days early. 2031-11-21 is a Friday.
"""

from __future__ import annotations

import pytest

from fullpicture.nlp.time._calendar import parse_ref
from fullpicture.nlp.time._intl import load_grammar, tag_intl
from tests.test_time_tagger import by_text, tag, time_nlp  # noqa: F401  (fixture)

PUB = "2031-11-21"


def _values(language: str, text: str) -> dict[str, str]:
    g = load_grammar(language)
    assert g is not None
    return {t.text: t.value for t in tag_intl(g, text, parse_ref(PUB))[0]}


@pytest.mark.parametrize(("language", "text", "expr"), [
    ("fr", "Onze habitants sont morts vendredi à Veldra. Le conseil a fixé un deuil municipal samedi.",
     "samedi"),
    ("ru", "В пятницу в Велдре погибли 11 жителей. В субботу город простится с ними.", "В субботу"),
])
def test_the_next_day_after_a_story_of_today_is_ahead(language, text, expr):
    assert _values(language, text)[expr] == "2031-11-22"


@pytest.mark.parametrize(("language", "text", "expr"), [
    # no story day told yet: the last Saturday, as before
    ("fr", "Le conseil a fixé un deuil municipal samedi.", "samedi"),
    # a story set two days before publication: the last Saturday
    ("fr", "Trois personnes ont été tuées mercredi à Veldra. Samedi, un obus avait frappé le marché.", "Samedi"),
    # "dernier": the past one
    ("fr", "Onze habitants sont morts vendredi à Veldra. Samedi dernier, un obus avait frappé le marché.",
     "Samedi dernier"),
])
def test_other_weekdays_keep_the_last_day(language, text, expr):
    assert _values(language, text)[expr] == "2031-11-15"


def test_english_reads_it_alike(time_nlp):  # noqa: F811
    doc = tag(time_nlp, "Missiles killed 11 people in Veldra on Friday. Saturday was declared a day of mourning.", PUB)
    assert by_text(doc)["Saturday"].value == "2031-11-22"
    doc = tag(time_nlp, "Missiles killed 16 people in Veldra on Wednesday. On Saturday, a shell hit the market.", PUB)
    assert by_text(doc)["Saturday"].value == "2031-11-15"
    doc = tag(time_nlp, "Missiles killed 11 people in Veldra on Friday. Last Saturday, a shell hit the market.", PUB)
    assert by_text(doc)["Last Saturday"].value == "2031-11-15"


@pytest.mark.parametrize(("language", "text", "expr", "value"), [
    # "two days after <another happening>": a gap between two happenings, no day counted from
    # the report's (had dated the earlier happening two days after publication)
    ("fr", "Ce bombardement a eu lieu deux jours après qu'un obus a blessé quatre habitants de Veldra.",
     "deux jours après", "P2D"),
    ("fr", "Il est mort trois jours après l'attaque de Veldra.", "trois jours après", "P3D"),
    ("ru", "Через два дня после удара Велдру снова обстреляли.", "Через два дня", "P2D"),
    # told alone it is later than the story's time, as before
    ("fr", "Deux jours après, Veldra a de nouveau été frappée.", "Deux jours après", "2031-11-23"),
    ("ru", "Через два дня Велдру снова обстреляли.", "Через два дня", "2031-11-23"),
])
def test_a_gap_before_another_happening_is_no_day(language, text, expr, value):
    assert _values(language, text)[expr] == value
