"""A phrase that starts a period ("starting on 7 October", "à partir du 7 octobre", "начиная с 7
октября") is like a "since" phrase: its date dates no event outside the phrase (not even the
verb it hangs on: a toll over a period), and the sentences after it go on in the story's time;
a clock time with no day of its own that follows takes no day from it either (``[period_start]``
of ``data/events/background*.toml``). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text

_CASES = [
    ("en", "On Tuesday evening, missiles hit a crowded clinic in Xcity. The blast came as a surprise, even "
           "though hundreds were killed in the region starting on October 7. Rescuers found the dead after "
           "the strike.", "blast", "strike"),
    ("fr", "Mardi soir, des missiles ont frappé une clinique à Xville. L'explosion a surpris, alors que des "
           "centaines de personnes ont été tuées dans la région à partir du 7 octobre. Les secouristes ont "
           "retrouvé les morts de la frappe.", "explosion", "frappe"),
    ("ru", "Во вторник вечером ракеты попали в клинику в Иксграде. Взрыв стал неожиданностью, хотя сотни "
           "людей были убиты в регионе начиная с 7 октября. Спасатели нашли погибших после удара.",
     "Взрыв", "удара"),
]


@pytest.mark.parametrize(("language", "text", "same", "later"), _CASES)
def test_period_start_dates_no_other_event(language, text, same, later) -> None:
    a = analyze_text(text, published="2031-10-18")
    told = {e.trigger.text: e.date for e in a.events}
    assert told[same] == "2031-10-14"  # the Tuesday of the report, not the period's start
    assert told[later] == "2031-10-14"


def test_a_clock_time_after_it_takes_no_day_from_it() -> None:
    a = analyze_text("On Tuesday evening, missiles hit a crowded clinic in Xcity. The blast came as a surprise, "
                     "even though hundreds were killed in the region starting on October 7. At 9:15 pm a "
                     "spokesman wrote on a blog. The army had warned the staff to evacuate the clinic.",
                     published="2031-10-18")
    told = {e.trigger.text: e.date for e in a.events}
    assert told["evacuate"][:10] == "2031-10-14"


def test_a_since_phrase_is_unchanged() -> None:
    a = analyze_text("On Tuesday evening, missiles hit a crowded clinic in Xcity. The blast came as a surprise, "
                     "even though hundreds were killed in the region since October 7. Rescuers found the dead "
                     "after the strike.", published="2031-10-18")
    told = {e.trigger.text: e.date for e in a.events}
    assert told["blast"] == "2031-10-14" and told["strike"] == "2031-10-14"
