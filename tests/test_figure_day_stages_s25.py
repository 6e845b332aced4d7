"""A toll's stages through one day, earlier counts in Ukrainian (session 25): invented texts.

A state's side whose reports of one day raise a count (six hurt in the morning, 21 by the evening)
has itself said every value between; another side's value of that day inside that span is a stage
relayed, no rival count, whether that side is a state's or a wire. Below or above the span, or on
another day, it stays a rival count. A Ukrainian sentence that tells a count as the first report
("at first three were reported dead") tells an earlier stage. Towns and numbers are made up; both
sides read alike.
"""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._figureclash import _figure_conflicts
from fullpicture.align._figureitems import incident_figures
from fullpicture.align._figurevalues import population
from fullpicture.align._rowmembers import Member
from tests.helpers import analyze_text

DAY = "2024-06-07"
MORNING = "A missile hit a block of flats in Zorvik on Friday night. Six people were injured.\n"
EVENING = "The missile strike on a block of flats in Zorvik on Friday injured 21 people, police said.\n"
NEXT_DAY = "The missile strike on a block of flats in Zorvik on Friday injured 30 people, police said on Saturday.\n"


def _dated(text: str, side: str, day: str = DAY) -> list[Member]:
    a = analyze_text(text, published=day)
    return [Member(side=side, analysis=a, event=e) for e in a.events]


def _relay(n: str, side: str, day: str = DAY) -> list[Member]:
    return _dated(f"A missile hit a block of flats in Zorvik on Friday, injuring {n} people.\n", side, day)


def _conflicts(members: list[Member], on: bool, field: str = "figure:injured") -> list[str]:
    figs = incident_figures(members, accounts=False)
    cfg = {"figure_day_stages": on, "figure_superseded_days": 14}  # the next day's count supersedes the day's
    return [c.field for c in _figure_conflicts(figs, cfg) if c.field == field]


def test_another_sides_value_inside_a_states_same_day_counts_is_a_stage():
    rise = _dated(MORNING, "moldovan") + _dated(EVENING, "moldovan") + _dated(NEXT_DAY, "moldovan", "2024-06-08")
    for side in ("romanian", "wire"):
        members = rise + _relay("12", side)
        assert _conflicts(members, on=False) == ["figure:injured"], side  # the shape: a false conflict
        assert _conflicts(members, on=True) == [], side


def test_a_value_outside_the_span_or_of_another_day_stays_a_rival_count():
    rise = _dated(MORNING, "moldovan") + _dated(EVENING, "moldovan") + _dated(NEXT_DAY, "moldovan", "2024-06-08")
    assert _conflicts(rise + _relay("four", "romanian"), on=True) == ["figure:injured"]  # below the first count
    assert _conflicts(rise + _relay("90", "romanian"), on=True) == ["figure:injured"]  # above the last
    assert _conflicts(rise + _relay("12", "romanian", "2024-06-09"), on=True) == ["figure:injured"]  # another day
    # one report of the state's side that day: no rise to be a stage of
    one = _dated(EVENING, "moldovan") + _dated(NEXT_DAY, "moldovan", "2024-06-08")
    assert _conflicts(one + _relay("12", "romanian"), on=True) == ["figure:injured"]


UK_RISE = ("Ракета влучила у житловий будинок у Зорвику. Станом на вечір відомо про 14 загиблих. Спершу "
           "повідомлялося про трьох загиблих.\n")


def test_a_ukrainian_first_report_is_an_earlier_stage():
    a = analyze(UK_RISE)
    assert [(f.value, population(a, f)) for f in a.figures if f.counts == "killed"] == [
        (14.0, "people"), (3.0, "earlier")]
    a = analyze("Раніше повідомляли про 5 загиблих у Зорвику.")
    assert [population(a, f) for f in a.figures] == ["earlier"]
    # a count told with no earlier report stays a value
    a = analyze("Внаслідок удару по Зорвику загинули 14 людей.")
    assert [population(a, f) for f in a.figures] == ["people"]


def test_a_rise_told_in_one_document_as_a_first_report_is_a_span():
    members = (_dated(UK_RISE, "moldovan") + _dated("The toll of the strike in Zorvik rose to 20 dead, police said.\n",
                                                    "moldovan", "2024-06-08")
               + _dated("A missile hit a block of flats in Zorvik on Friday, killing nine people.\n", "romanian"))
    assert _conflicts(members, on=False, field="figure:killed") == ["figure:killed"]
    assert _conflicts(members, on=True, field="figure:killed") == []
