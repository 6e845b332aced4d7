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
    found = dict(_pops("In Tarnow the volunteers' count gives the number of dead children as 21. "
                       "The adult toll now stands at 30."))
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
    """"50 killed, including 20 children": the 20 are a part of that toll, as "dont 20 enfants"
    already was, not a count of children to set against another side's."""
    assert dict(_pops("Fifty people died in Tarnow, the medics said, including 20 children.")).get("20") == "part"
    assert dict(_pops("По данным медиков, в Тарнове погибли 50 человек, в том числе 20 детей.")).get("20") \
        == "part"
    assert dict(_pops("Les observateurs ont compté 50 morts à Tarnow, dont 20 enfants.")).get("20") == "part"
    assert dict(_pops("The medics said 20 children were killed in Tarnow.")).get("20") == "children"
