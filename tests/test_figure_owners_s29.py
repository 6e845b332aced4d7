"""Whose count a value is, and which values are set against each other (session 29): invented texts.

Shapes seen on real coverage of strikes whose tolls the sides dispute, restated with made-up
names and numbers, every side read alike:

* one side gives a whole toll broken down into classes ("30 killed, among them three children"),
  the other a count of one class ("over 300 soldiers killed"): the class may be a part of the
  whole, so they clash only where the class count is the larger ("up to N soldiers" stands for N);
* a denial of aiming at civilians ("denied that its forces target civilians") disputes what was
  hit, not who struck: no agent conflict;
* a count of the hurt still in hospital ("of the 40 wounded, 12 are still in hospital") and a
  count of a separate happening ("separately, a raid hurt four guards") are no rival counts;
* a number inside a modifier ("a twelve-storey block") counts nothing; counts of two kinds of things
  ("four schools", "seven houses") are two things; a count of people with no word of what befell
  them ("37 people" reached, "118 people" who lived there) is no toll;
* a speaker whose own words name a place ("the mayor of <city>") speaks for the state that holds
  it, unless the words tell an installed office.
"""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._denials import denies_target
from fullpicture.align._figureclash import _clashes
from fullpicture.align._figureseries import _same_thing
from fullpicture.align._figurevalues import population
from fullpicture.align._innersource import local_authority, speaker_place_state
from fullpicture.align._util import EntityIndex
from fullpicture.models import Figure
from fullpicture.models.comparison import ConflictValue
from tests._events_helpers import figure_valued as _figure

CFG = {"figure_tolerance": 0.0, "figure_tolerance_approx": 0.15, "figure_whole_bounds_class": True,
       "figure_object_counts": ["destroyed", "damaged"], "figure_unconflicted_counts": ["people"]}


def _item(side: str, doc: str, value: float, population: str, counts: str = "killed", low: float | None = None,
          high: float | None = None, unit: str | None = None):
    lo = value if low is None and high is None else low
    hi = value if low is None and high is None else high
    f = Figure(id=f"{doc}-{value}", start=0, end=2, text=str(value), value=value, low=lo, high=hi,
               counts=counts, unit=unit)
    return f, ConflictValue(side=side, value=str(value), document=doc, field=f"figure:{counts}",
                            population=population, date="2024-05-02")


def test_a_class_count_above_the_other_sides_whole_clashes():
    per_side = {"eastland": [_item("eastland", "e1", 30, "mixed"), _item("eastland", "e2", 30, "mixed")],
                "westland": [_item("westland", "w1", 300, "servicemen")]}
    assert _clashes({"killed": per_side}, CFG)[0] == [("killed", "eastland", "westland")]
    assert _clashes({"killed": per_side}, {**CFG, "figure_whole_bounds_class": False})[0] == []


def test_a_class_count_below_the_whole_may_be_its_part():
    per_side = {"eastland": [_item("eastland", "e1", 30, "mixed")],
                "westland": [_item("westland", "w1", 12, "servicemen")]}
    assert _clashes({"killed": per_side}, CFG)[0] == []


def test_up_to_a_number_of_soldiers_stands_for_that_number_against_a_whole():
    per_side = {"eastland": [_item("eastland", "e1", 20, "mixed")],
                "westland": [_item("westland", "w1", 60, "servicemen", high=60.0)]}
    assert _clashes({"killed": per_side}, CFG)[0] == [("killed", "eastland", "westland")]
    per_side["westland"] = [_item("westland", "w1", 22, "servicemen", high=22.0)]
    assert _clashes({"killed": per_side}, CFG)[0] == []  # within the tolerance of the whole


def test_two_kinds_of_things_counted_are_no_dispute():
    a, _ = _item("eastland", "e1", 4, "people", counts="damaged", unit="schools")
    b, _ = _item("westland", "w1", 7, "people", counts="damaged", unit="houses")
    c, _ = _item("westland", "w2", 9, "people", counts="damaged", unit="school")
    assert not _same_thing(a, b, "damaged", CFG)
    assert _same_thing(a, c, "damaged", CFG)
    assert _same_thing(a, b, "killed", CFG)  # a toll's nouns do not split it


def test_a_count_of_people_with_no_toll_word_is_set_against_nothing():
    per_side = {"eastland": [_item("eastland", "e1", 37, "people", counts="people")],
                "westland": [_item("westland", "w1", 118, "people", counts="people")]}
    found, compared = _clashes({"people": per_side}, CFG)
    assert found == [] and compared["people"] == per_side


def _denial(a):
    return next(e for e in a.events if e.type == "REJECT")


def test_a_denial_of_aiming_at_civilians_is_no_denial_of_the_strike():
    a = analyze("The ministry of Ruritania denied that its forces target civilians in Lask.")
    assert denies_target(a, _denial(a))
    a = analyze("The ministry of Ruritania denied targeting residential areas of Lask.")
    assert denies_target(a, _denial(a))
    a = analyze("The ministry of Ruritania denied carrying out the strike on Lask.")
    assert not denies_target(a, _denial(a))
    a = analyze("The ministry of Ruritania denied targeting the convoy near Lask.")
    assert not denies_target(a, _denial(a))  # a concrete target denied: the strike itself


def test_the_hurt_still_in_hospital_are_a_part_of_the_injured():
    a = analyze("Of the 40 people wounded in Lask, 12 are still in hospital, the mayor said.")
    assert population(a, _figure(a, 12)) == "part"
    a = analyze("There are still 14 hurt, three of them guards, who are being treated in Lask.")
    assert population(a, _figure(a, 14)) == "part"
    a = analyze("The strike on Lask killed 9 people and 40 were hospitalized.")
    assert population(a, _figure(a, 40)) != "part"  # the injured count itself


def test_a_separate_happenings_count_is_no_value_of_the_incident():
    a = analyze("Separately, a raid on the Lask depot hurt 4 guards.")
    assert population(a, _figure(a, 4)) == "recalled"
    a = analyze("At dusk a follow-up raid on the Lask mill hurt 4 millers.")
    assert population(a, _figure(a, 4)) == "recalled"
    a = analyze("The raid on the Lask depot hurt 4 guards.")
    assert population(a, _figure(a, 4)) not in ("recalled", "part")


def test_a_number_inside_a_modifier_counts_nothing():
    a = analyze("Two sections of a twelve-storey block in Lask were destroyed by the strike.")
    twelve = [f for f in a.figures if f.value == 12]
    assert twelve and all(population(a, f) == "things" for f in twelve)


def test_a_speaker_named_by_the_place_of_his_office_speaks_for_its_state():
    a = analyze("Ivan Dorn, the mayor of Timisoara, said that 11 civilians were killed.")
    index = EntityIndex([a])
    f = _figure(a, 11)
    assert speaker_place_state(a, f.claim, index) == "RO"
    a = analyze("Ivan Dorn, the occupation mayor of Timisoara, said that 11 civilians were killed.")
    f = _figure(a, 11)
    assert speaker_place_state(a, f.claim, EntityIndex([a])) is None


def test_city_authorities_are_a_local_authority():
    a = analyze("According to city authorities, 12 people were killed in the strike.")
    assert local_authority(a, _figure(a, 12).claim)
    a = analyze("According to the ministry, 12 people were killed in the strike.")
    assert not local_authority(a, _figure(a, 12).claim)


def test_a_reporter_at_a_place_speaks_for_no_state():
    a = analyze("Ivan Dorn, a correspondent in Timisoara, said that 11 civilians were killed.")
    assert speaker_place_state(a, _figure(a, 11).claim, EntityIndex([a])) is None


def test_a_class_count_below_the_whole_does_not_undo_a_clash_of_tolls():
    """Five officers among the dead is no agreement with a whole of 13 when the tolls differ."""
    per_side = {"eastland": [_item("eastland", "e1", 5, "police"), _item("eastland", "e2", 5, "people")],
                "westland": [_item("westland", "w1", 13, "mixed"), _item("westland", "w2", 8, "people")]}
    assert _clashes({"killed": per_side}, CFG)[0] == [("killed", "eastland", "westland")]
