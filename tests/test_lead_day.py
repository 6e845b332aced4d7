"""A report's lead told before any day: its act takes the day the same report states for the same
act (its type and word), not the publication day (``[events] lead_act_types``, ``lead_act_days_before``;
nlp/events/_leadday.py). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text

_CASES = [
    ("en", "The attack on Northfield left eleven villagers dead, officials said. The attack began on 2 March 2031 "
           "at dusk, when armed men entered the village.", "attack"),
    ("fr", "L'attaque contre Northfield a fait onze morts parmi les villageois. L'attaque a commencé le 2 mars 2031 "
           "au crépuscule, quand des hommes armés sont entrés dans le village.", "attaque"),
    ("ru", "Нападение на деревню Нортфилд унесло жизни одиннадцати жителей. Нападение началось 2 марта 2031 года "
           "вечером, когда вооружённые люди вошли в деревню.", "Нападение"),
]


@pytest.mark.parametrize(("language", "text", "lead"), _CASES)
def test_a_lead_act_takes_the_stated_day(language, text, lead) -> None:
    a = analyze_text(text, published="2031-03-05")
    first = min((e for e in a.events if e.trigger.text == lead), key=lambda e: e.trigger.start)
    assert first.date == "2031-03-02", [(e.trigger.text, e.date, e.date_source) for e in a.events]
    assert first.date_source == "narrative"  # approximate: no day of its own


def test_an_old_stated_day_is_a_recalled_act() -> None:
    # a day weeks before the report is another, recalled happening: the lead keeps the report's day
    text = ("The attack on Northfield left eleven villagers dead. A similar attack had struck Southfield on "
            "2 January 2031.")
    a = analyze_text(text, published="2031-03-05")
    first = min((e for e in a.events if e.trigger.text == "attack"), key=lambda e: e.trigger.start)
    assert (first.date, first.date_source) == ("2031-03-05", "published")


def test_the_day_before_the_report_needs_no_move() -> None:
    # a story set on the day before the report is within the alignment's slack of the report's day
    text = "The attack on Northfield left eleven villagers dead. The attack began on 4 March 2031 at dusk."
    a = analyze_text(text, published="2031-03-05")
    first = min((e for e in a.events if e.trigger.text == "attack"), key=lambda e: e.trigger.start)
    assert (first.date, first.date_source) == ("2031-03-05", "published")


def test_setting_off_keeps_the_publication_day() -> None:
    from fullpicture import analyze_document, load_settings
    from fullpicture.ingest import load_text
    from fullpicture.settings import Settings

    base = load_settings()
    settings = Settings(data={**base.data, "events": {**base.section("events"), "lead_act_days_before": 0}})
    a = analyze_document(load_text(_CASES[0][1], source="<test>", published="2031-03-05"), settings)
    first = min((e for e in a.events if e.trigger.text == "attack"), key=lambda e: e.trigger.start)
    assert (first.date, first.date_source) == ("2031-03-05", "published")
