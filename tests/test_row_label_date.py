"""A row's label date is the day its happening is told on, not the day of the reports about it
(align/_compare._row_date).

Shapes restated in invented words from real multi-side coverage: an evening attack on a hall
was told mostly in the next day's reports of the arrests, dated by their publication, so the
row of the attack read the next day; in other corpora a night strike's row read the day the
reports came out. Many reports of another strike recalled an older attack with its own date
("since the attack of <a day weeks before>"): that day is no date of the strike's row.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from fullpicture.align._compare import _row_date


def _m(date: str, source: str) -> Any:
    return SimpleNamespace(event=SimpleNamespace(date=date, date_source=source))


def test_the_stated_day_beats_the_reports_day() -> None:
    members = [_m("2031-03-23", "published")] * 5 + [_m("2031-03-22", "sentence")] * 2 + [_m("2031-03-22TEV", "sentence")]
    assert _row_date(members, members, 2) == "2031-03-22"


def test_a_background_day_long_before_is_no_date_of_the_row() -> None:
    members = ([_m("2031-10-31", "narrative")] * 6 + [_m("2031-10-31", "sentence")]
               + [_m("2031-10-07", "sentence")] * 3)
    assert _row_date(members, members, 2) == "2031-10-31"


def test_no_stated_day_keeps_the_most_reported_date() -> None:
    members = [_m("2031-05-26", "published")] * 3 + [_m("2031-05-25", "narrative")] * 2
    assert _row_date(members, members, 2) == "2031-05-26"


def test_only_the_happenings_own_mentions_state_the_day() -> None:
    # a statement's day stated in its own sentence (not a head of the row) does not date the row
    heads = [_m("2031-05-26", "published")] * 3
    members = [*heads, _m("2031-05-25", "sentence")]
    assert _row_date(members, heads, 2) == "2031-05-26"
