"""A toll that rises over several days, relayed by every side, is no conflict between them; a
count named inside the figure's own clause is that speaker's; a breakdown of a count is a part
of it (session 21).

Invented texts restating shapes seen on real coverage of a strike on a block of flats: the
city's authorities raise the toll day after day; a wire relays each day's figure; an outlet of
a third state still gives, a day late, the count the authorities had already left behind; a
wire tells another state's denial with the toll "that X says" the strike caused; French and
Russian reports break the injured down ("dont six enfants", "9 из них дети").
"""

from __future__ import annotations

import pytest

from fullpicture import analyze
from fullpicture.align._figurevalues import population
from fullpicture.align._innersource import inner_state
from tests._events_helpers import compare_groups, killed_conflicts


def _figure(a, text):
    return next(f for f in a.figures if a.text[f.start : f.end] == text)


def test_a_count_that_an_inner_speaker_says_is_that_speakers():
    a = analyze("Officials in Ankara rejected the charge on Tuesday and called the blast in Zorvik part of a raid "
                "that India says killed at least 40 people.")
    assert inner_state(a, _figure(a, "at least 40")) == "IN"


def test_a_count_with_no_inner_speaker_has_none():
    a = analyze("Officials in Ankara said on Tuesday that the raid on Zorvik killed at least 40 people.")
    assert inner_state(a, _figure(a, "at least 40")) is None


def test_french_inner_speaker():
    a = analyze("Le gouvernement a rejeté l'accusation sur le dépôt de Zorvik, un raid qui, selon Islamabad, a fait "
                "40 morts.")
    fig = next((f for f in a.figures if f.value == 40), None)
    assert fig is not None and inner_state(a, fig) == "PK"


def test_a_breakdown_of_a_count_is_a_part_of_it():
    fr = analyze("À Zorvik, 40 personnes ont été hospitalisées après le raid, dont 9 enfants, a indiqué la mairie.")
    child = next(f for f in fr.figures if f.value == 9)
    assert population(fr, child) == "part"
    ru = analyze("В Зорвике после налёта пострадали 40 человек, 9 из них дети, сообщили врачи.")
    nine = next(f for f in ru.figures if f.value == 9)
    assert population(ru, nine) == "part"


CITY = [
    ("2024-03-09", "Strike on Zorvik\n\nThe missile strike on a block of flats in Zorvik killed 12 people, the "
                   "Moldovan regional governor said."),
    ("2024-03-10", "Zorvik toll rises\n\nThe death toll from the missile strike on a block of flats in Zorvik "
                   "has risen to 21, the Moldovan regional governor said."),
    ("2024-03-11", "Zorvik toll\n\nThe death toll from the missile strike on a block of flats in Zorvik has risen "
                   "to 35, the Moldovan regional governor said."),
]
WIRE = [
    ("2024-03-09", "Zorvik strike\n\nAt least five people were killed in the missile strike on a block of flats "
                   "in Zorvik."),
    ("2024-03-10", "Zorvik strike\n\nThe missile strike on a block of flats in Zorvik killed 29 people."),
    ("2024-03-11", "Zorvik strike\n\nAt least 35 people were killed in the missile strike on a block of flats in "
                   "Zorvik."),
]
LATE = [
    ("2024-03-10", "Удар по Зорвику\n\nВ результате удара ракеты по жилому дому в Зорвике погибли 12 человек."),
]
RIVAL = [
    ("2024-03-10", "Zorvik strike\n\nThe missile strike on a block of flats in Zorvik killed 300 people, the "
                   "rebel command said."),
]


@pytest.mark.slow
def test_a_toll_rising_over_days_is_no_conflict_between_its_relays(lexical):
    comp = compare_groups(lexical, [("moldova", CITY), ("wire", WIRE), ("romania", LATE)])
    assert killed_conflicts(comp) == []


@pytest.mark.slow
def test_a_rival_toll_beside_a_rising_one_still_conflicts(lexical):
    comp = compare_groups(lexical, [("moldova", CITY), ("wire", WIRE), ("romania", LATE), ("rebels", RIVAL)])
    (conflict,) = killed_conflicts(comp)
    assert "300" in {v.value for v in conflict.values if v.side == "rebels"}
