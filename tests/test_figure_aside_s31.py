"""Counts that are no rival account of a happening (session 31): invented texts.

Shapes seen on real coverage of strikes and raids, restated with made-up names and numbers, every
side read alike:

* people counted by a status they no longer hold ("two former hostages told of the camp") and
  a count given as a share of a group ("3 out of 12 passengers") are no toll of the happening;
* a number quoted with a word or two inside a sentence ('only one agency speaks of "27 dead"') is
  a figure the outlet holds at a distance, not its own count;
* "Earlier it was reported that ..." tells an earlier stage of a count.
"""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._figurevalues import comparable, population
from tests._events_helpers import figure_valued as _figure


def test_people_counted_by_a_former_status_are_no_toll():
    a = analyze("Three former hostages said they had seen the doctor at a camp near Lask.")
    assert population(a, _figure(a, 3)) == "recalled"
    a = analyze("Soldiers detained three doctors at the Lask clinic on Friday.")
    assert population(a, _figure(a, 3)) != "recalled"


def test_a_share_of_a_group_is_a_part():
    a = analyze("Guards held 3 passengers out of 12 when the Lask bus was stopped.")
    assert population(a, _figure(a, 3)) == "part"
    a = analyze("Les gardes ont arrêté 3 passagers sur 12 près de Lask.")
    assert population(a, _figure(a, 3)) == "part"
    a = analyze("Soldiers arrested 5 guards on the road out of Lask.")
    assert population(a, _figure(a, 5)) != "part"  # "out of" a town, not of a number


def test_a_count_quoted_at_a_distance_is_not_the_outlets_own():
    a = analyze('Reports of deaths are unconfirmed; only one agency speaks of "27 dead" in Lask.')
    f = _figure(a, 27)
    assert population(a, f) == "quoted"
    assert not comparable("quoted", "people")
    a = analyze("The strike on Lask killed 27 people, the ministry said.")
    assert population(a, _figure(a, 27)) == "people"


def test_earlier_it_was_reported_is_an_earlier_stage():
    a = analyze("The strike on Lask killed 14 people. Earlier it was reported that 9 were killed and 21 injured.")
    assert population(a, _figure(a, 21)) == "earlier"


def test_former_undoes_a_status_count_not_a_toll():
    a = analyze("The strike on the Lask barracks killed 12 former soldiers, the mayor said.")
    assert population(a, _figure(a, 12)) != "recalled"


def test_people_from_fewer_places_are_no_share():
    a = analyze("Rescuers evacuated 30 people out of 5 buildings in Lask.")
    assert population(a, _figure(a, 30)) != "part"


def test_a_claim_relayed_in_quotes_without_doubt_stays_a_count():
    a = analyze('Eastland media report that the strike on Lask killed "27 fighters", the outlet wrote.')
    assert population(a, _figure(a, 27)) != "quoted"
