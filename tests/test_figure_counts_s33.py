"""What a number counts, a side's own revised count, and who the dead were (session 33):
invented texts.

Shapes of false or missed toll disputes that any report of any conflict writes, restated with
made-up names and numbers:

* a clock time written as one token ("logged at 04.17", "à 4h17") and the first day of a
  range of days ("entre le 5 et le 9 mai") count no one; a count of measuring stations or of
  explosions counts no people;
* "neutralised 40 terrorists" (fr "neutralisé", ru "нейтрализовали") counts the killed;
* a side whose first report gave one toll and whose later reports give the other side's toll
  revised its own count: no dispute between the sides;
* one side's count of fighters killed ("the army neutralised 40 terrorists") against another's
  count of civilians killed for the same happening is a dispute over who the dead were.
"""

from __future__ import annotations

import pytest

from fullpicture import analyze
from fullpicture.align._daystages import revised_to
from fullpicture.align._figureclash import category_dispute
from fullpicture.align._figurevalues import population
from fullpicture.models import Figure
from fullpicture.models.comparison import ConflictValue
from tests._events_helpers import compare_groups, killed_conflicts
from tests._events_helpers import figure_valued as _figure


def test_a_clock_time_counts_no_one():
    a = analyze("Seismologists in Varno said the first tremor was logged at 04.17 early on Tuesday and the "
                "second at 21.40 that evening.")
    assert not [f for f in a.figures if f.value in (4.17, 21.4, 417, 2140)]
    a = analyze("About 2.30 million people fled the fighting around Varno.")
    assert [f for f in a.figures if f.value == 2300000]
    a = analyze("Une première déflagration a été relevée à 4h17 près de Varno.")
    assert not [f for f in a.figures if f.value in (4.17, 417)]


def test_the_first_day_of_a_range_of_days_counts_no_one():
    a = analyze("Selon des habitants, des dizaines de civils sont morts à Varno entre le 5 et le 9 mai.")
    assert not [f for f in a.figures if f.value == 5]
    a = analyze("В Варно с 5 по 9 мая погибли 40 человек.")
    assert [f.value for f in a.figures] == [40]


def test_stations_and_explosions_count_no_people():
    a = analyze("The second blast was registered at 17 measuring stations in northern Lask.")
    assert population(a, _figure(a, 17)) == "things"


def test_neutralised_people_are_the_killed():
    for text in ("The army said it had neutralised 40 terrorists near Varno.",
                 "L'armée affirme avoir neutralisé 40 terroristes près de Varno.",
                 "Армия сообщила, что нейтрализовала 40 боевиков под Варно."):
        a = analyze(text)
        assert _figure(a, 40).counts == "killed", text


def _item(side: str, value: float, date: str, population: str | None = None) -> tuple[Figure, ConflictValue]:
    fig = Figure(id=f"{side}{value}{date}", start=0, end=1, text=str(int(value)), value=value, low=value, high=value,
                 counts="killed")
    return fig, ConflictValue(side=side, value=str(int(value)), document=f"{side}-{date}", date=date,
                              population=population)


def _agree(x: tuple[Figure, ConflictValue], y: tuple[Figure, ConflictValue]) -> bool:
    return x[0].value == y[0].value


def test_a_side_that_revised_its_count_to_the_others_is_no_dispute():
    first = _item("north", 95, "2031-05-02")
    theirs = _item("south", 98, "2031-05-03")
    stated = {"north": [first, _item("north", 98, "2033-01-10", "later")], "south": [theirs]}
    assert revised_to(first, theirs, stated, _agree)
    # a side that kept its count keeps the dispute
    assert not revised_to(first, theirs, {"north": [first], "south": [theirs]}, _agree)
    # a part or a total of the side is no revision of its count
    assert not revised_to(first, theirs, {"north": [first, _item("north", 98, "2033-01-10", "total")]}, _agree)
    # an earlier value is no revision
    assert not revised_to(first, theirs, {"north": [first, _item("north", 98, "2031-05-01")]}, _agree)


def test_fighters_against_civilians_is_a_dispute_over_who_the_dead_were():
    army = [_item("north", 40, "2031-05-02", "militants")]
    witnesses = [_item("south", 45, "2031-05-04", "civilians")]
    assert category_dispute(army, witnesses)
    # a side that counts both fighters and civilians breaks its toll down: no dispute of category
    assert not category_dispute(army, [*witnesses, _item("south", 12, "2031-05-04", "militants")])
    assert not category_dispute([*army, _item("north", 3, "2031-05-02", "civilians")], witnesses)


NORTH = [
    ("2031-05-02", "Airliner down near Lask\n\nA passenger airliner was shot down near Lask on May 2, killing 95 "
                   "people, the Northland interior ministry said."),
    ("2033-01-10", "Lask inquiry\n\nThe airliner shot down near Lask on May 2, 2031, killing all 98 people on board, "
                   "was hit by a missile, investigators said."),
]
SOUTH = [
    ("2031-05-03", "Lask crash\n\nThe passenger airliner that was shot down near Lask on May 2 killed 98 people, "
                   "the Southland defence ministry said."),
]


@pytest.mark.slow
def test_a_first_report_the_side_later_revised_is_no_conflict(lexical):
    comp = compare_groups(lexical, [("northland", NORTH), ("southland", SOUTH)])
    assert killed_conflicts(comp) == []

