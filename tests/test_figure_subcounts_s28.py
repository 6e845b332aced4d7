"""Rival tolls given group by group, and whose count a value is (session 28): invented texts.

Shapes seen on real coverage of strikes whose tolls the sides dispute, restated with made-up
towns, names and numbers, every side read alike:

* one side gives its toll as counts of several groups in one list ("three generals, up to 40
  officers and up to 15 advisers were killed"), the other a single total: the list's items are
  parts, their sum is the side's value, and it clashes with the other side's total; a breakdown
  that "including" opens stays a breakdown of the count told before it;
* a bare number between a verb of one count and a verb of another ("four died and 37, a nurse
  among them, are hurt") counts what the verb after it says;
* the second voice of a two-voice sentence ("X said it hit a post, Y accusing it of shelling homes
  and killing seven") owns the count in its clause; a rubric before a headline's speaker ("Land:
  the other land says it killed three colonels") is no speaker.
"""

from __future__ import annotations

from fullpicture import analyze, analyze_documents
from fullpicture.align import compare
from fullpicture.align._figureitems import incident_figures
from fullpicture.align._figurevalues import population
from fullpicture.align._innersource import inner_state
from fullpicture.align._rowmembers import Member
from fullpicture.align._subcounts import sub_count_lists
from fullpicture.ingest import load_text
from fullpicture.models.comparison import Side

LIST = "The ministry said three generals, up to 40 officers and up to 15 foreign advisers were killed in Tarnow."


def test_a_list_of_groups_counts_is_one_toll_of_parts():
    a = analyze(LIST)
    lists = sub_count_lists(a, population)
    assert [[f.value for f in items] for items in lists] == [[3, 40, 15]]


def test_a_breakdown_opened_by_including_is_no_list_of_its_own():
    a = analyze("At least 20 people died in Tarnow, including seven children and four women.")
    assert sub_count_lists(a, population) == []
    a = analyze("The toll in Tarnow includes 14 children and 9 women, the ministry said.")
    assert sub_count_lists(a, population) == []
    a = analyze("Hours after three guards and two drivers were killed near Tarnow, the offensive began.")
    assert sub_count_lists(a, population) == []  # an earlier happening's toll, recalled
    a = analyze("Eight people were killed and 30 wounded in Tarnow.")
    assert sub_count_lists(a, population) == []  # two counts, no list of one count


def test_the_sum_stands_for_the_side_and_its_items_are_parts():
    a = analyze(LIST)
    strike = next(e for e in a.events if any(f.event == e.id for f in a.figures))
    figs = incident_figures([Member(side="romanian", analysis=a, event=strike)], sub_count_sums=True)
    killed = figs["killed"]["romanian"]
    assert sorted(v.population or "" for _, v in killed) == ["mixed", "part", "part", "part"]
    total = next(f for f, v in killed if v.population == "mixed")
    assert total.value == 58 and total.approximate  # "up to": the claimed numbers, hedged
    assert next(v.value for _, v in killed if v.population == "mixed") == "three + up to 40 + up to 15"
    off = incident_figures([Member(side="romanian", analysis=a, event=strike)])
    assert sorted(v.population or "" for _, v in off["killed"]["romanian"]) != ["mixed", "part", "part", "part"]


def test_a_toll_given_group_by_group_clashes_with_the_other_sides_total(lexical):
    west = ("Strike on Tarnow cafe\n\nThe defence ministry of Romania said three generals, up to 40 officers and up to "
            "15 foreign advisers were killed in its strike on Tarnow on Tuesday.")
    east = ("Tarnow cafe strike kills 11\n\nEleven diners were killed on Tuesday when a missile hit a cafe in Tarnow, "
            "the Moldovan emergency service said.")
    an = list(analyze_documents([load_text(west, source="w", published="2024-03-06"),
                                 load_text(east, source="e", published="2024-03-06")], lexical))
    sides = [Side(label="romanian", origin="user", documents=[an[0].document.id]),
             Side(label="moldovan", origin="user", documents=[an[1].document.id])]
    comp = compare(an, sides, settings=lexical)
    conflicts = [c for ev in comp.events for c in ev.conflicts if c.field == "figure:killed"]
    assert conflicts, [ev.label for ev in comp.events]
    values = {(v.side, v.value) for v in conflicts[0].values}
    assert ("romanian", "three + up to 40 + up to 15") in values and ("moldovan", "11") in values


def test_a_bare_number_between_two_verbs_counts_what_the_verb_after_it_says():
    a = analyze("At dawn, 4 people, a nurse among them, died and 37, including a cook, are hurt.")
    assert {(f.value, f.counts) for f in a.figures if f.value in (4, 37)} == {(4, "killed"), (37, "injured")}
    a = analyze("The blast killed 10, wounded 30 and left 200 homeless.")
    assert [(f.value, f.counts) for f in a.figures][:2] == [(10, "killed"), (30, "injured")]


def test_the_second_voice_of_a_two_voice_sentence_owns_its_count():
    a = analyze("Romania said it hit a command post in Tarnow, Moldova accusing it of shelling homes and killing seven.")
    seven = next(f for f in a.figures if f.value == 7)
    assert inner_state(a, seven) == "MD"
    a = analyze("Mardi, l'armée roumaine a affirmé avoir visé un poste à Tarnow, la Moldavie l'accusant pour sa part "
                "d'avoir bombardé des maisons, faisant sept morts.")
    seven = next(f for f in a.figures if f.value == 7)
    assert inner_state(a, seven) == "MD"


def test_a_rubric_before_a_headlines_speaker_is_no_speaker():
    a = analyze("Moldavie: la Roumanie dit avoir tué trois colonels près de Lask\n\nJeudi, un obus a tué 11 personnes.")
    three = next(f for f in a.figures if f.value == 3)
    assert inner_state(a, three) == "RO"
    eleven = next(f for f in a.figures if f.value == 11)
    assert inner_state(a, eleven) is None


def test_a_negated_upper_bound_is_a_lower_bound():
    f = next(f for f in analyze("Shells hit the clinic, killing not less than 23 people, the ministry said.").figures
             if f.value == 23)
    assert (f.low, f.high) == (23, None)
    f = next(f for f in analyze("Les frappes ont tué pas moins de 23 personnes à Tarnow, selon le ministère.").figures
             if f.value == 23)
    assert (f.low, f.high) == (23, None)


def test_a_rubric_of_state_names_is_no_speaker():
    from fullpicture.align._innersource import rubric_speaker

    a = analyze("Moldavie-Roumanie: au moins huit morts dans des frappes roumaines sur Tarnow\n\nTexte du jour.")
    eight = next(f for f in a.figures if f.value == 8)
    assert rubric_speaker(a, eight.claim)
    a = analyze("Zorn Lask: au moins huit morts à Tarnow\n\nTexte du jour.")
    eight = next(f for f in a.figures if f.value == 8)
    assert not rubric_speaker(a, eight.claim)  # a person's name before the colon is a speaker
