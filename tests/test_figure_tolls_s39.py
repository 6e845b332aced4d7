"""Contested tolls that went unseen (session 39): invented texts.

Shapes of a side's casualty count that was not read as one, restated with made-up names and
numbers:

* a casualty word between a number and its noun ("reported 61 dead herders", "counted 14 wounded
  guards") says what the number counts, over a reporting or leaving verb that counts nothing or
  something else; a casualty verb of the sentence still decides ("two wounded guards died");
* "another" after a count of another kind in the same sentence ("about 30 died and another 120
  were hurt") adds people beyond the dead: the whole count of the hurt, no part of it; after a
  count of the same kind ("six died ... another two died") it stays a part.
"""

from __future__ import annotations

import pytest

from fullpicture import analyze
from fullpicture.align._figurevalues import population
from tests._events_helpers import compare_groups, killed_conflicts
from tests._events_helpers import figure_valued as _figure


@pytest.mark.parametrize(("text", "value", "counts"), [
    ("The Varno council reported 61 dead herders and 75 wounded.", 61, "killed"),
    ("The council reported 61 dead Lasker herders after the raid.", 61, "killed"),
    ("The shelling left nine dead shepherds in the valley.", 9, "killed"),
    ("Medics counted 14 wounded guards at the depot.", 14, "injured"),
    ("Rescuers were still looking for 5 missing miners on Friday.", 5, "missing"),
])
def test_a_casualty_word_before_the_noun_says_what_is_counted(text, value, counts):
    a = analyze(text)
    assert _figure(a, value).counts == counts


def test_the_sentence_casualty_verb_still_decides():
    a = analyze("Two wounded guards died in hospital in Varno on Monday.")
    assert _figure(a, 2).counts == "killed"
    a = analyze("Officials said 40 herders were wounded near Varno.")
    assert _figure(a, 40).counts == "injured"


def test_another_after_a_count_of_another_kind_is_a_whole_count():
    a = analyze("According to the inquiry, about 30 people died in Varno and another 120 were injured.")
    assert _figure(a, 120).counts == "injured"
    assert population(a, _figure(a, 120)) == "people"
    # "another" after a count of the same kind adds to it: a part
    a = analyze("Six people died in Varno on Monday. Another two died in hospital on Tuesday.")
    assert population(a, _figure(a, 2)) == "part"


WEST = [("2031-03-04", "Raid on Varno\n\nThe Westland interior ministry reported 61 dead herders after the "
                       "raid on Varno on March 3.")]
EAST = [("2031-03-04", "Varno raid\n\nThe raid on Varno on March 3 killed 24 herders, the Eastland army said.")]


@pytest.mark.slow
def test_a_count_told_as_dead_herders_is_set_against_the_other_sides_toll(lexical):
    comp = compare_groups(lexical, [("westland", WEST), ("eastland", EAST)])
    values = {v.value for c in killed_conflicts(comp) for v in c.values}
    assert {"61", "24"} <= values


def test_a_quoted_name_before_its_verb_is_the_speaker_not_a_quotation():
    a = analyze('The self-proclaimed "Lask Republic" reported 53 dead villagers and 75 wounded.')
    sources = [c.source.text for c in a.claims if c.source is not None]
    assert sources and "Lask Republic" in sources[0]
    assert {f.claim for f in a.figures} == {a.claims[0].id}
    # a quotation that ends before its reporting verb with a comma stays a quotation
    a = analyze('"Lask Stands Firm," the mayor of Varno said on Monday.')
    assert [c.kind for c in a.claims] == ["direct"]


def test_the_republics_authorities_speak_on_the_side_they_are_allied_with():
    from fullpicture.align._agents import name_state

    assert name_state('the self-proclaimed "DPR"') == "RU"
    assert name_state("представители самопровозглашенной ЛНР") == "RU"
    # the English initials alone name other bodies too
    assert name_state("the DPR voted on the budget") is None
