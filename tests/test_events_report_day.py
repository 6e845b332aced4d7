"""A weekday on a report's participle dates the report, not the happening it tells
(nlp/events/_dating.py ``_dates_document``).

Shape restated in invented words from real coverage: an agency's story, months after a strike,
says a rights group "said in a report released Thursday" that airstrikes hit a theatre. The
weekday is the report's day; read as the strike's own day, it kept the story away from the
strike's row, with every report of the strike from the other sides.
"""

from __future__ import annotations

from tests._events_helpers import analyze_zoned


def _dates(text: str) -> dict[str, tuple[str | None, str | None]]:
    a = analyze_zoned(text, [("body", 0, len(text))], published="2022-06-29")
    return {ev.trigger.text: (ev.date, ev.date_source) for ev in a.events}


def test_the_reports_weekday_is_no_stated_day_of_the_happening() -> None:
    dates = _dates("The findings show that airstrikes were aimed at a concert hall in the town of "
                   "Eastvale, the monitors said in a report released Thursday.")
    assert dates["airstrikes"][1] == "narrative"  # the report's day, approximate


def test_a_video_posted_on_a_day_dates_the_video() -> None:
    dates = _dates("A strike on the theater killed dozens, according to a video posted Thursday.")
    assert dates["strike"][1] == "narrative"


def test_the_happenings_own_day_stays() -> None:
    dates = _dates("Airstrikes hit a theater in Eastvale on Monday, the group said in a report released Thursday.")
    assert dates["hit"] == ("2022-06-27", "sentence")
