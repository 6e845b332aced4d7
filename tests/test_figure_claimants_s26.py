"""Contested counts with the right claimant and the right scope (session 26): invented texts.

Shapes seen on real coverage of strikes whose tolls the sides dispute, restated with made-up
towns and numbers, both sides read alike:

* a headline or sentence that rejects another side's claim names the claim's owner ("the army
  dismisses Freedonia's claim that 80 were killed"): the 80 is the owner's account, not the
  rejecting side's;
* the army's count of fighters told as an act ("confirmed the elimination of 19 fighters"): the
  killed, while weapons stay destroyed;
* an increment told before the new total ("three more died in hospital ... 58 killed"), a
  partitive without an article ("one of victims killed was a teacher") and one family's dead
  ("her seven sons were killed"): parts of the toll, never a rival toll.
"""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._figurevalues import population
from fullpicture.align._innersource import inner_state


def _fig(text: str, value: float):
    a = analyze(text)
    return a, next(f for f in a.figures if f.value == value)


def test_a_count_inside_another_sides_rejected_claim_is_the_owners():
    a, f = _fig("Army dismisses Hamas claim 90 killed, says the school in Zorvik was barely damaged", 90)
    assert inner_state(a, f) == "PS"
    a, f = _fig("Moldova rejected Romania's claim that 85 people were killed in Zorvik.", 85)
    assert inner_state(a, f) == "RO"
    a, f = _fig("Romania rejected Moldova's claim that 85 people were killed in Zorvik.", 85)
    assert inner_state(a, f) == "MD"  # both sides alike


def test_the_elimination_of_fighters_counts_the_killed_and_things_stay_destroyed():
    def counts(text: str) -> list[str | None]:
        return [f.counts for f in analyze(text).figures]

    assert counts("The army confirmed the elimination of 19 fighters in Zorvik.") == ["killed"]
    assert counts("L'armée a confirmé l'élimination de 19 terroristes à Zorvik.") == ["killed"]
    assert counts("Армия подтвердила ликвидацию 19 боевиков в Зорвике.") == ["killed"]
    assert counts("Армия сообщила о ликвидации 19 боевиков в Зорвике.") == ["killed"]
    assert counts("The army confirmed the elimination of 3 launchers in Zorvik.") == ["destroyed"]
    assert counts("Армия сообщила об уничтожении 5 танков в Зорвике.") == ["destroyed"]


def _pops(text: str) -> dict[float, str]:
    a = analyze(text)
    return {f.value: population(a, f) for f in a.figures if f.counts == "killed" and f.value is not None}


def test_an_increment_told_before_the_new_total_is_a_part():
    assert _pops("Three more people died in hospital in Zorvik on Monday. In all, 58 people were killed "
                 "in the strike.")[3] == "part"
    assert _pops("У лікарні Зорвика померли ще три людини. Загалом унаслідок удару загинули 58 людей.") \
        == {3: "part", 58: "people"}
    assert _pops("В больнице Зорвика скончались еще три человека. Всего в результате удара погибли 58 "
                 "человек.") == {3: "part", 58: "people"}


def test_one_of_victims_and_one_familys_dead_are_parts():
    pops = _pops("A missile hit the beach in Zorvik. At least five people were killed. One of victims "
                 "killed in the strike was a local teacher.")
    assert pops == {5: "people", 1: "part"}
    assert _pops("At least 90 people were killed in Zorvik. A woman said her seven sons were killed.") \
        == {90: "people", 7: "part"}
    assert _pops("Twelve people were killed in Zorvik, the governor said.") == {12: "people"}


def test_a_day_of_the_month_between_a_month_and_a_year_is_no_count():
    a = analyze("A shell hit a resident of Zorvik, killing him on the spot on January, 22, 2024.")
    assert [f.value for f in a.figures] == []
    a = analyze("Twelve people were killed in Zorvik on Jan. 22, 2024, and 22 were injured.")
    assert [(f.value, f.counts) for f in a.figures] == [(12, "killed"), (22, "injured")]
