"""Contested counts with the right claimant and the right scope (session 26): invented texts.

Shapes seen on real coverage of strikes whose tolls the sides dispute, restated with made-up
towns and numbers, both sides read alike:

* a headline or sentence that rejects another side's claim names the claim's owner ("the army
  dismisses Freedonia's claim that 80 were killed"): the 80 is the owner's account, not the
  rejecting side's;
* the army's count of fighters told as an act ("confirmed the elimination of 23 fighters"): the
  killed, while weapons stay destroyed;
* an increment told before the new total ("two more died in hospital ... 37 killed"), a
  partitive without an article ("one of victims killed was a baker") and one family's dead
  ("his three brothers were killed"): parts of the toll, never a rival toll.
"""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._figurevalues import population
from fullpicture.align._innersource import inner_state


def _fig(text: str, value: float):
    a = analyze(text)
    return a, next(f for f in a.figures if f.value == value)


def test_a_count_inside_another_sides_rejected_claim_is_the_owners():
    a, f = _fig("Army dismisses Hamas claim 45 dead in Zorvik raid, says the depot was empty", 45)
    assert inner_state(a, f) == "PS"
    a, f = _fig("Moldova rejected Romania's claim that 85 people were killed in Zorvik.", 85)
    assert inner_state(a, f) == "RO"
    a, f = _fig("Romania rejected Moldova's claim that 85 people were killed in Zorvik.", 85)
    assert inner_state(a, f) == "MD"  # both sides alike


def test_the_elimination_of_fighters_counts_the_killed_and_things_stay_destroyed():
    def counts(text: str) -> list[str | None]:
        return [f.counts for f in analyze(text).figures]

    assert counts("The army confirmed the elimination of 23 fighters in Zorvik.") == ["killed"]
    assert counts("L'armée a confirmé l'élimination de 23 terroristes à Zorvik.") == ["killed"]
    assert counts("Армия подтвердила ликвидацию 23 боевиков в Зорвике.") == ["killed"]
    assert counts("Армия сообщила о ликвидации 23 боевиков в Зорвике.") == ["killed"]
    assert counts("The army confirmed the elimination of 3 launchers in Zorvik.") == ["destroyed"]
    assert counts("Армия сообщила об уничтожении 5 танков в Зорвике.") == ["destroyed"]


def _pops(text: str) -> dict[float, str]:
    a = analyze(text)
    return {f.value: population(a, f) for f in a.figures if f.counts == "killed" and f.value is not None}


def test_an_increment_told_before_the_new_total_is_a_part():
    assert _pops("Two more people died in hospital in Zorvik on Monday. In all, 37 people were killed "
                 "in the strike.")[2] == "part"
    assert _pops("У лікарні Зорвика померли ще дві людини. Загалом унаслідок удару загинули 37 людей.") \
        == {2: "part", 37: "people"}
    assert _pops("В больнице Зорвика скончались еще два человека. Всего в результате удара погибли 37 "
                 "человек.") == {2: "part", 37: "people"}


def test_one_of_victims_and_one_familys_dead_are_parts():
    pops = _pops("A rocket hit the market in Zorvik. At least eight people were killed. One of victims "
                 "killed in the raid was a baker.")
    assert pops == {8: "people", 1: "part"}
    assert _pops("At least 35 people were killed in Zorvik. A man said his three brothers were killed.") \
        == {35: "people", 3: "part"}
    assert _pops("Twelve people were killed in Zorvik, the governor said.") == {12: "people"}


def test_a_day_of_the_month_between_a_month_and_a_year_is_no_count():
    a = analyze("A drone hit a tractor near Zorvik, killing its driver on March, 14, 2021.")
    assert [f.value for f in a.figures] == []
    a = analyze("Twelve people were killed in Zorvik on Nov. 9, 2021, and 9 were injured.")
    assert [(f.value, f.counts) for f in a.figures] == [(12, "killed"), (9, "injured")]
