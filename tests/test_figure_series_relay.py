"""A toll that rises during the day, relayed by several sides, is an update series, not a
conflict between the sides that relay its stages (issue 9).

Invented texts restating shapes seen on real coverage of a missile strike on a city: the
city's own authorities give a first toll and raise it later; outlets of other sides relay the
first or an intermediate count, naming the source in the next paragraph ("Об этом сообщает
прокуратура ..."); a side that gives its own, far higher toll still conflicts.
"""

from __future__ import annotations

import pytest

from fullpicture import analyze
from fullpicture.align._agents import claim_state
from fullpicture.align._util import EntityIndex
from tests._events_helpers import compare_groups, killed_conflicts

LEAD = ("В результате попадания ракеты в жилой дом в городе Вилково погибли пять человек, ещё 17 ранены.\n\n"
        "Об этом сообщает прокуратура Молдовы.\n\n"
        "Спасатели продолжают разбирать завалы.")


def test_a_report_in_a_paragraph_of_its_own_attributes_the_lead():
    a = analyze(LEAD)
    killed = next(f for f in a.figures if f.counts == "killed")
    claim = next(c for c in a.claims if c.id == killed.claim)
    assert claim.cue is not None and claim.source is not None and "прокуратура" in claim.source.text
    assert claim_state(a, killed.claim, EntityIndex([a])) == "MD"


def test_a_report_after_a_paragraph_of_several_sentences_keeps_them_apart():
    a = analyze("Ракета попала в дом. Погибли пять человек.\n\nСпасатели работают на месте. Об этом сообщает мэр.")
    killed = next(f for f in a.figures if f.counts == "killed")
    claim = next((c for c in a.claims if c.id == killed.claim), None)
    assert claim is None or claim.cue is None  # the report is no paragraph of its own


MOLDOVA = [
    ("2024-05-02", "Удар по Вилково\n\nПо данным прокуратуры Молдовы, в результате удара по жилому дому в Вилково "
                   "погибли пять человек."),
    ("2024-05-02", "Strike on Vilkovo\n\nThirteen people were killed in the missile strike on a block of flats in "
                   "Vilkovo, the Moldovan prosecutor's office said on Thursday evening."),
]
RELAY = [
    ("2024-05-02", "Удар по Вилково\n\nВ результате удара ракеты по жилому дому в Вилково погибли 12 человек.\n\n"
                   "Об этом сообщает агентство Рейтер."),
]
OWN = [
    ("2024-05-02", "Vilkovo strike\n\nThe missile strike on a block of flats in Vilkovo killed 60 people, "
                   "the rebel command said."),
]




@pytest.mark.slow
def test_a_stage_of_a_rising_toll_relayed_by_another_side_is_no_conflict(lexical):
    comp = compare_groups(lexical, [("moldova", MOLDOVA), ("wire", RELAY)])
    assert killed_conflicts(comp) == []
    series = [s for e in comp.events for s in e.updates if s.field == "figure:killed"]
    assert any({v.value for v in s.values} >= {"5", "13"} for s in series)


@pytest.mark.slow
def test_a_toll_outside_the_series_still_conflicts(lexical):
    comp = compare_groups(lexical, [("moldova", MOLDOVA), ("wire", RELAY), ("rebels", OWN)])
    (conflict,) = killed_conflicts(comp)
    assert "60" in {v.value for v in conflict.values if v.side == "rebels"}


WIRE_BOTH = [
    ("2024-05-02", "Vilkovo strike\n\nThe missile strike on a block of flats in Vilkovo killed five people."),
    ("2024-05-03", "Vilkovo toll\n\nThe missile strike on a block of flats in Vilkovo killed 60 people."),
]
ONE_TOLL = [("2024-05-02", "Удар по Вилково\n\nПо данным прокуратуры Молдовы, в результате удара по жилому дому в "
                           "Вилково погибли пять человек.")]


@pytest.mark.slow
def test_a_wire_relaying_two_accounts_is_no_series(lexical):
    # a side of no state whose documents repeat both states' tolls does not make them stages
    comp = compare_groups(lexical, [("moldova", ONE_TOLL), ("wire", WIRE_BOTH), ("rebels", OWN)])
    (conflict,) = killed_conflicts(comp)
    assert {v.side for v in conflict.values} >= {"moldova", "rebels"}
