"""A sentence whose dates lie months apart lists several happenings: each date dates its own
clause, and the sentences after the list tell none of their days (``[events]
listed_dates_min_span_days``). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text

_CASES = [
    ("en", "Xland's forces used toxic gas many times. The first was on 3 March, 2029 when Ytown was hit, "
           "the last on 9 October, 2029 when Zville was hit. Before dawn, rockets struck the Wfield suburb "
           "and killed dozens of residents.", "struck"),
    ("fr", "Les forces de Xland ont utilisé des gaz toxiques à maintes reprises. La première fois le 3 mars "
           "2029 à Yville, la dernière le 9 octobre 2029 à Zville. Avant l'aube, des roquettes ont frappé "
           "la banlieue de Wfield.", "frappé"),
    ("ru", "Силы Иксландии много раз применяли ядовитый газ. Впервые 3 марта 2029 года в Игреке, в "
           "последний раз 9 октября 2029 года в Зете. До рассвета ракеты ударили по пригороду Вфилд.",
     "ударили"),
]


@pytest.mark.parametrize(("language", "text", "later"), _CASES)
def test_a_list_of_dates_dates_no_later_sentence(language, text, later) -> None:
    a = analyze_text(text, published="2031-06-08")
    told = {e.trigger.text: e for e in a.events}
    assert told[later].date == "2031-06-08"
    assert told[later].date_source == "published"


def test_dates_a_few_days_apart_still_set_the_story() -> None:
    a = analyze_text("The siege began on 3 March 2031 and ended on 6 March 2031. Rockets struck the Wfield "
                     "suburb and killed dozens of residents.", published="2031-06-08")
    told = {e.trigger.text: e.date for e in a.events}
    assert told["struck"] == "2031-03-06"


def test_setting_off_lets_the_list_date_the_next_sentences() -> None:
    from fullpicture import analyze_document, load_settings
    from fullpicture.ingest import load_text
    from fullpicture.settings import Settings

    base = load_settings()
    settings = Settings(data={**base.data, "events": {**base.section("events"), "listed_dates_min_span_days": 0}})
    a = analyze_document(load_text(_CASES[0][1], source="<test>", published="2031-06-08"), settings)
    told = {e.trigger.text: e.date for e in a.events}
    assert told["struck"] != "2031-06-08"
