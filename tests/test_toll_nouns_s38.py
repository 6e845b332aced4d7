"""A count told as "the number of <noun>" or "the <noun> toll" counts that noun's class (session 38).

Shape restated in invented words after real multi-side coverage: one side's activists give the
number of dead children and, apart, the adult toll; read as two whole tolls of people they
clashed with every other side's toll, though no side disputed the toll."""

from __future__ import annotations

from fullpicture.align._figurevalues import comparable, population
from tests.helpers import analyze_text


def _pops(text: str) -> list[tuple[str, str]]:
    a = analyze_text(text, published="2031-05-27")
    return [(f.text, population(a, f)) for f in a.figures]


def test_child_and_adult_counts_are_subgroups():
    found = dict(_pops("Activists in Tarnow put the number of confirmed dead children at 21, with two more "
                       "missing. The adult toll is now put at 30, including 9 women."))
    assert found["21"] == "children" and found["30"] == "adults", found
    assert not comparable("adults", "people") and not comparable("children", "mixed")


def test_french_and_russian_numbers_of_children():
    assert dict(_pops("Le nombre d'enfants tués à Tarnow s'élève à 21.")).get("21") == "children"
    assert dict(_pops("Число погибших в Тарнове детей достигло 21.")).get("21") == "children"


def test_a_number_of_people_keeps_its_reading():
    assert dict(_pops("The number of people killed by soldiers in Tarnow rose to 21.")).get("21") == "people"
    assert dict(_pops("The death toll in Tarnow rose to 21, officials said.")).get("21") == "people"
    # a noun of its own decides, not the phrase before
    assert dict(_pops("The number of victims rose to 21 civilians.")).get("21") == "civilians"


def test_a_subgroup_in_a_breakdown_is_a_part():
    """"90 killed, including 32 children": the 32 are a part of that toll, as "dont 32 enfants"
    already was, not a count of children to set against another side's."""
    assert dict(_pops("Observers said 90 people were killed in Tarnow, including 32 children.")).get("32") == "part"
    assert dict(_pops("Наблюдатели сообщают, что в Тарнове погибли 90 человек, в том числе 32 ребенка.")).get("32") \
        == "part"
    assert dict(_pops("Les observateurs ont compté 90 morts à Tarnow, dont 32 enfants.")).get("32") == "part"
    assert dict(_pops("Observers said 32 children were killed in Tarnow.")).get("32") == "children"
