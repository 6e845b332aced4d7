"""Running counts of an exodus told day by day by every side (session 39): invented texts and values.

Shapes restated with made-up towns, states and numbers, every side read alike:

* "so far 3,000 have fled", "5,000 have left since the shelling began" count the exodus as it
  stood that day, not a campaign's total (``[align] figure_running_counts``); a war named in the
  sentence still makes one, and "so far" of the killed stays a total;
* two sides' values of a running count on different days, the later one higher, are stages of one
  growing count, no conflict; a later lower value or two values of one day still clash;
* "the number of residents who have fled has risen to 7,500" counts the displaced and belongs to
  the flight ([number_of] who, ``[events] figure_counted_verb_counts``).
"""

from __future__ import annotations

import pytest

from fullpicture.align._figureclash import _clashes
from fullpicture.align._figurevalues import population
from tests._events_helpers import compare_groups
from tests.helpers import analyze_text, figure_item

CFG = {"figure_tolerance": 0.0, "figure_tolerance_approx": 0.15, "figure_superseded_days": 14,
       "figure_cross_day_stages": True, "figure_running_counts": ["displaced"], "figure_running_count_stages": True}


def _item(side: str, doc: str, value: float, date: str, counts: str = "displaced"):
    return figure_item(side, doc, value, date, counts)


def test_two_sides_stages_of_a_growing_exodus_do_not_clash():
    per_side = {"Moldova": [_item("Moldova", "md1", 3000, "2031-05-04"), _item("Moldova", "md2", 7500, "2031-05-06")],
                "Romania": [_item("Romania", "ro1", 5000, "2031-05-05")]}
    assert _clashes({"displaced": per_side}, CFG)[0] == []
    # a count of the killed keeps a state's lower earlier count as its account
    killed = {s: [_item(s, v.document, f.value, v.date, "killed") for f, v in items] for s, items in per_side.items()}
    assert _clashes({"killed": killed}, {**CFG, "figure_running_counts": []})[0] == [("killed", "Moldova", "Romania")]


@pytest.mark.parametrize(("romania", "day"), [
    (900, "2031-05-06"),   # one day, far apart
    (2000, "2031-05-07"),  # a later count below the other side's earlier one
])
def test_a_later_lower_or_same_day_count_still_clashes(romania, day):
    per_side = {"Moldova": [_item("Moldova", "md1", 3000, "2031-05-04"), _item("Moldova", "md2", 7500, "2031-05-06")],
                "Romania": [_item("Romania", "ro1", romania, day)]}
    assert _clashes({"displaced": per_side}, CFG)[0] == [("displaced", "Moldova", "Romania")]


def _pops(text: str) -> dict[float, tuple[str | None, str]]:
    a = analyze_text(text, published="2031-05-06")
    return {f.value: (f.counts, population(a, f)) for f in a.figures if f.value is not None}


def test_a_running_count_of_the_displaced_is_the_exodus_own():
    assert _pops("So far 3,000 residents have fled Zorvik, the governor said.") == {3000: ("displaced", "people")}
    assert _pops("Some 5,000 residents have fled Zorvik since the shelling began, the ministry said.") \
        == {5000: ("displaced", "people")}


def test_a_war_or_the_killed_keep_the_total():
    assert _pops("Some 50,000 residents have fled the province since the war began, the ministry said.") \
        == {50000: ("displaced", "total")}
    assert _pops("Some 40 people have been killed in Zorvik so far, the ministry said.") == {40: ("killed", "total")}


def test_the_number_of_those_who_fled_counts_the_displaced():
    a = analyze_text("The number of residents who have fled Zorvik has risen to 7,500, the governor said.",
                     published="2031-05-06")
    (fig,) = a.figures
    assert fig.counts == "displaced"
    ev = next(e for e in a.events if e.id == fig.event)
    assert ev.trigger.text == "fled"


MD = [("2031-05-04", "Shelling of Zorvik\n\nArtillery shelled Zorvik on 3 May 2031. So far 3,000 residents have fled "
                     "Zorvik, the Moldovan governor said."),
      ("2031-05-06", "Zorvik exodus\n\nThe number of residents who have fled Zorvik since the shelling has risen to "
                     "7,500, the Moldovan governor said.")]
RO_STAGE = [("2031-05-05", "Zorvik\n\nSome 5,000 residents have fled Zorvik since the shelling began, the Romanian "
                           "ministry said.")]
RO_RIVAL = [("2031-05-06", "Zorvik\n\nOnly 900 residents have fled Zorvik since the shelling began, the Romanian "
                           "ministry said.")]


@pytest.fixture
def staged(lexical):
    """The lexical settings with the cross-day stages of running counts on (off as shipped)."""
    from fullpicture.settings import Settings

    return Settings(data={**lexical.data, "align": {**lexical.section("align"), "figure_running_count_stages": True}})


def _displaced(comp):
    return [c for e in comp.events for c in e.conflicts if c.field == "figure:displaced"]


@pytest.mark.slow
def test_an_exodus_told_by_two_sides_on_different_days(staged):
    assert _displaced(compare_groups(staged, [("moldova", MD), ("romania", RO_STAGE)])) == []
    (conflict,) = _displaced(compare_groups(staged, [("moldova", MD), ("romania", RO_RIVAL)]))
    assert {(v.side, v.value) for v in conflict.values} == {("moldova", "7500"), ("romania", "900")}


@pytest.mark.parametrize(("text", "day"), [
    ("Guns shelled Kessmoor on 4 May 2031. As of 9 May 2031, 4,100 residents had fled the town.", "2031-05-09"),
    ("По состоянию на 9 мая 2031 года город Кессмур покинули 4100 жителей.", "2031-05-09"),
    ("Au 9 mai 2031, 4 100 habitants avaient fui la ville de Kessmoor.", "2031-05-09"),
    # a day of the act, or a span's end: no count's day
    ("On 9 May 2031, 4,100 residents fled the town of Kessmoor.", None),
    ("Du 2 au 9 mai 2031, 60 civils ont été tués à Kessmoor.", None),
])
def test_a_count_told_as_of_a_day_carries_that_day(text, day):
    from fullpicture.align._runningcount import count_day

    a = analyze_text(text, published="2031-05-11")
    assert [count_day(a, f) for f in a.figures] == [day]


MD_ASOF = [("2031-05-08", "Zorvik exodus\n\nAs of 5 May 2031, 6,000 residents had fled Zorvik since the shelling began, "
                          "the Moldovan governor said.")]
RO_LATER = [("2031-05-07", "Zorvik\n\nSome 8,000 residents have fled Zorvik since the shelling began, the Romanian "
                           "ministry said.")]


@pytest.mark.slow
def test_a_count_as_of_an_earlier_day_is_an_earlier_stage(staged):
    """Published a day after the other side's higher count, a count told as of two days before it
    is its earlier stage (compared by its own day, not its report's)."""
    assert _displaced(compare_groups(staged, [("moldova", MD_ASOF), ("romania", RO_LATER)])) == []
