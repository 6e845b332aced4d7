"""A day still to come and a reporting clause told after its content (session 19; invented
sentences restating shapes of real multi-side news).

* "agreed to hold a session on Wednesday": the session is the NEXT Wednesday, the agreement and the
  request are not dated by it, and the sentences after it do not inherit it;
* "…, a indiqué dimanche le ministère, …, malgré la trêve" (fr) and "…, сообщило в воскресенье
  министерство" (ru): the reporting verb's day dates the report, not the content it follows nor
  a happening noun inside the reporting clause.

2031-03-07 is a Friday, 2031-03-09 a Sunday."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


def _ev(a, trigger):
    return next(e for e in a.events if e.trigger.text == trigger)


def test_a_session_agreed_for_wednesday_is_the_coming_wednesday():
    a = analyze_text("At the request of Eastland, the council agreed to hold an urgent session on Wednesday "
                     "to discuss the crisis. Rebels shelled three villages overnight, the army said.",
                     published="2031-03-07")
    assert [t.value for t in a.timexes if t.text == "Wednesday"] == ["2031-03-12"]
    for trig in ("request", "agreed"):
        assert _ev(a, trig).date == "2031-03-07"  # the report's day, not the session's
    assert _ev(a, "shelled").date == "2031-03-07"


def test_a_meeting_still_to_come_does_not_date_the_next_sentences():
    a = analyze_text("Rebels shelled the posts on Tuesday. The two ministers will meet on Wednesday. "
                     "Two soldiers were killed.", published="2031-03-07")
    assert (_ev(a, "meet").date, _ev(a, "meet").date_source) == ("2031-03-12", "sentence")
    assert _ev(a, "killed").date == "2031-03-04"


def test_a_written_date_after_the_report_day_is_still_inherited():
    """A report dated the 7th that tells the 8th in writing (a time zone apart): the next
    sentence's happening takes the 8th."""
    a = analyze_text("Rebels shelled the posts on March 8. Two soldiers were killed.", published="2031-03-07")
    assert _ev(a, "killed").date == "2031-03-08"


def test_a_french_postposed_reporting_day_dates_neither_the_content_nor_the_truce():
    a = analyze_text("Cinq personnes ont été tuées dans des frappes sur la ville de Nordville, a indiqué "
                     "dimanche la diplomatie du pays, accusant les forces rebelles, malgré la trêve humanitaire "
                     "censée être en vigueur. Une trêve humanitaire est entrée en vigueur à midi samedi.",
                     published="2031-03-09")
    for trig in ("tuées", "frappes"):
        assert (_ev(a, trig).date, _ev(a, trig).date_source) == ("2031-03-09", "narrative")
    truces = [(e.date, e.date_source) for e in a.events if e.trigger.text == "trêve"]
    assert truces == [("2031-03-09", "narrative"), ("2031-03-08", "sentence")]


@pytest.mark.parametrize("text", [
    "Пять человек погибли в результате обстрела, сообщило в воскресенье министерство.",
])
def test_a_russian_postposed_reporting_day_dates_the_report(text):
    a = analyze_text(text, published="2031-03-09")
    for e in a.events:
        assert e.date_source == "narrative"
