"""Whose account a toll is when a side relays an international body's count, who speaks in a
relative clause, and counts told in French and with military abbreviations (session 20).

Shapes seen on real coverage of an air strike on a shelter and of a border clash, restated in
invented words, numbers and places:

* a state's outlet opens with a wire's investigation count and names its source only in the
  next sentence ("This was stated in ..."): the count is the wire's account, so the state's own
  lower count and the investigation's higher one are two accounts that clash;
* "Ruritania, which announced 12 soldiers killed in its ranks": the relative pronoun speaks for
  the state named before it;
* "12 soldats tués", "douze soldats sont morts" count the dead, not the soldiers; "12 KIA"
  counts the dead;
* a news agency or a weapon the parser took for the agent of an attack ("a doctor told AFP", "a
  HIMARS strike") is no agent;
* the staff of a prison ("8 сотрудников", "huit employés") are no count of its inmates.
"""

from __future__ import annotations

import pytest

from fullpicture.align._agents import claim_state
from fullpicture.align._entityconflicts import actor_kind
from fullpicture.align._intlsource import international_side, names_body, quoted_from_body
from fullpicture.align._notactors import not_actor
from fullpicture.align._util import EntityIndex
from fullpicture.align._victims import victims
from fullpicture.models import Entity
from fullpicture.settings import Settings, load_settings
from tests._events_helpers import compare_groups, killed_conflicts
from tests.helpers import analyze_text

CFG = load_settings().section("align")
RELAYED = ("About 800 people may have died in the bombing of the opera house in Vilkovo on 6 May.\n\n"
           "This was stated in a report by the Associated Press.\n\n"
           "Rescuers are still searching the ruins.")


def _figure(a, counts="killed"):
    return next(f for f in a.figures if f.counts == counts)


def test_a_count_whose_source_the_next_sentence_names_is_that_bodys():
    a = analyze_text(RELAYED, published="2024-05-06")
    assert quoted_from_body(a, _figure(a))
    own = analyze_text("About 800 people may have died in the bombing of the opera house in Vilkovo on Monday.\n\n"
                       "This was stated in a report by the city council.", published="2024-05-06")
    assert not quoted_from_body(own, _figure(own))


def test_bodies_are_named_by_whole_words_and_acronyms_in_capitals():
    assert names_body("an investigation by Amnesty International", "en")
    assert names_body("UN monitors", "en") and names_body("экспертов ООН", "ru")
    assert not names_body("the un-named official", "en") and not names_body("who said so", "en")
    assert international_side(["moldovan", "International"], ["international"]) == "International"
    assert international_side(["moldovan", "wire"], ["international"]) is None


def test_a_relative_pronoun_speaks_for_the_state_before_it():
    a = analyze_text("La Moldavie, qui a annoncé 12 soldats tués dans ses rangs, a proposé une trêve.",
                     published="2024-05-06")
    f = _figure(a)
    assert f.value == 12
    index = EntityIndex([a])
    assert claim_state(a, f.claim, index) == "MD"
    assert victims(a, f, index) == "MD"


@pytest.mark.parametrize("text", [
    "Le bilan fait état de 12 soldats tués et 5 blessés.",
    "Selon le ministère, douze soldats sont morts et trois sont blessés.",
    "The brigade reported 12 KIA and 5 wounded on Tuesday.",
])
def test_soldiers_killed_count_the_dead(text):
    a = analyze_text(text, published="2024-05-06")
    assert [f.value for f in a.figures if f.counts == "killed"] == [12]


def test_a_russian_noun_of_a_nation_names_whose_dead():
    a = analyze_text("В результате удара погибли 12 молдаван, сообщило министерство.", published="2024-05-06")
    assert victims(a, _figure(a)) == "MD"


def test_a_nations_count_beside_another_states_count_is_no_part():
    from fullpicture.align._figurevalues import population

    a = analyze_text("The ministry said 37 Moldovan soldiers were killed in the clashes. "
                     "Romania has officially announced 45 KIA.", published="2024-05-06")
    assert population(a, next(f for f in a.figures if f.value == 37)) == "servicemen"


def test_an_earlier_estimate_is_an_earlier_stage():
    from fullpicture.align._figurevalues import population

    a = analyze_text("Town officials initially estimated about 140 dead after the shelling of the concert hall.",
                     published="2024-05-06")
    assert population(a, _figure(a)) == "earlier"


def test_a_news_agency_or_a_weapon_is_no_agent():
    assert not_actor("AFP") and not_actor("Reuters") and not_actor("HIMARS")
    assert not not_actor("afp") and not not_actor("Moldova")
    for name in ("AFP", "HIMARS"):
        ent = Entity(id="x", name=name, type="ORG")
        assert actor_kind(ent, CFG) is None
        assert actor_kind(ent, {**CFG, "conflict_agent_not_actors": False}) == "collective"


@pytest.mark.parametrize(("text", "expected"), [
    ("Кроме того, ранены 6 сотрудников изолятора.", "staff"),
    ("Huit employés de la prison ont été blessés.", "staff"),
])
def test_a_facilitys_staff_is_no_count_of_its_inmates(text, expected):
    from fullpicture.align._figurevalues import population

    a = analyze_text(text, published="2024-05-06")
    assert population(a, _figure(a, "injured")) == expected


CITY = ("2024-05-07", "Opera house bombing\n\nThe bombing of the opera house in Vilkovo on 6 May killed about 300 "
                      "people, the Moldovan city council said.")
WIRE = ("2024-05-09", "Opera house investigation\n\nAbout 800 people died in the bombing of the opera house in "
                      "Vilkovo on 6 May, an investigation by the Associated Press found.")




@pytest.mark.slow
def test_a_state_side_relaying_an_investigation_does_not_agree_with_it(lexical):
    relay = ("2024-05-09", "Opera house\n\n" + RELAYED)
    comp = compare_groups(lexical, [("moldovan", [CITY, relay]), ("international", [WIRE])])
    (conflict,) = killed_conflicts(comp)
    relayed = [v for v in conflict.values if v.reported_by == "moldovan"]
    assert [v.side for v in relayed] == ["international"]
    assert {v.side for v in conflict.values} == {"moldovan", "international"}
    # read as the Moldovan side's own, the relayed 800 agrees with the wire's: no conflict
    off = Settings(data={**lexical.data, "align": {**lexical.section("align"), "figure_international_sides": []}})
    assert killed_conflicts(compare_groups(off, [("moldovan", [CITY, relay]), ("international", [WIRE])])) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The strike killed 40 people, bringing the death toll since the start of the war to more than 9,000.", "total"),
    ("Trois semaines de combats ont fait plus de 900 morts.", "total"),
    ("Число жертв с начала войны превысило 9 тысяч.", "total"),
    ("Depuis le début de la guerre, plus de 300 civils ont été tués.", "total"),
])
def test_a_toll_told_as_a_wars_is_a_running_total(text, expected):
    from fullpicture.align._figurevalues import population

    a = analyze_text(text, published="2024-05-06")
    told = [f for f in a.figures if f.counts == "killed"]
    assert population(a, told[-1]) == expected
    if len(told) > 1:  # the strike's own toll stays the strike's
        assert population(a, told[0]) == "people"


def test_a_source_named_after_the_count_gives_its_state():
    from fullpicture.align._agents import name_state
    from fullpicture.align._intlsource import attributed_after

    a = analyze_text("More than 40 people were killed in the strike on the market in Vilkovo. More than 70 were "
                     "injured. This was reported by the Moldovan health ministry.", published="2024-05-06")
    after = attributed_after(a, _figure(a))
    assert after is not None and name_state(after) == "MD"
    b = analyze_text("More than 40 people were killed in the strike on the market in Vilkovo.\n\nRescuers worked "
                     "all night.\n\nThis was reported by the Moldovan health ministry.", published="2024-05-06")
    assert attributed_after(b, _figure(b)) is None  # two paragraphs away: no source of the count


def _bound(doc: str, low: float | None, high: float | None, vague: bool = False, value: float | None = None):
    from fullpicture.models import Figure
    from fullpicture.models.comparison import ConflictValue

    f = Figure(id=f"{doc}-{low}-{high}", start=0, end=2, text="x", value=value, low=low, high=high,
               counts="killed", vague=vague)
    return f, ConflictValue(side=doc[:1], value="x", document=doc, field="figure:killed", population="people",
                            date="2024-05-06")


def test_a_vague_number_beside_the_sides_own_number_takes_no_part():
    from fullpicture.align._figureclash import _clashes

    per_side = {"a": [_bound("a1", 24.0, None, vague=True, value=24.0), _bound("a2", None, 10.0)],
                "b": [_bound("b1", 112.0, None)]}
    assert _clashes({"killed": per_side}, CFG)[0] == [("killed", "a", "b")]
    off = {**CFG, "figure_precise_over_vague": False}  # "dozens" agrees with 112
    assert _clashes({"killed": per_side}, off)[0] == []
