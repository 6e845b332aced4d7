"""A date written before a happening's noun as its label ("the March 3 raid") names a recalled
happening: it dates that happening, and the sentences after it do not inherit it
(``[events] label_dates_inherited = false``; sentences written for this test)."""

from __future__ import annotations

from tests.helpers import analyze_text

_RECALLED = ("Xland calls the offensive its answer to the March 3 raid on Xtown. Many families fled "
             "the fighting in the north of the valley.")


def test_a_label_date_dates_its_happening_only() -> None:
    a = analyze_text(_RECALLED, published="2031-06-10")
    raid = next(e for e in a.events if e.trigger.text == "raid")
    assert raid.date == "2031-03-03"
    fled = next(e for e in a.events if e.trigger.text.startswith("fled"))
    assert not (fled.date or "").startswith("2031-03")


def test_an_adverbial_date_still_moves_the_story() -> None:
    a = analyze_text("On March 3, raiders attacked a depot in Xtown. Many families fled the fighting in "
                     "the north of the valley.", published="2031-06-10")
    fled = next(e for e in a.events if e.trigger.text.startswith("fled"))
    assert fled.date == "2031-03-03"


def test_a_recent_label_date_still_moves_the_story() -> None:
    """A label date a few days before the report may be the story's own happening
    (``label_dates_min_days_before``): the next sentences still inherit it."""
    a = analyze_text("Xland calls the offensive its answer to the June 6 raid on Xtown. Many families fled "
                     "the fighting in the north of the valley.", published="2031-06-10")
    fled = next(e for e in a.events if e.trigger.text.startswith("fled"))
    assert fled.date == "2031-06-06"
