"""Contested figures on real news (issue 9, part 2), restated in invented words after the shapes
met in real multi-side coverage: a side that says the strike caused "no casualties" contests the
other side's death toll; a date told on an event noun inside a reporting clause dates that
event, not the report; the words that name a state's side in French and Russian, and a state's
bodies ("ВСУ", "ISPR"), tell whose account a quoted figure is; whoever dies in a strike is no
agent of it."""

from __future__ import annotations

import pytest

from fullpicture import analyze_documents
from fullpicture.align._agents import name_state
from fullpicture.ingest import load_text
from tests.helpers import compare_texts, widest_row

NORVAN = """Jets strike camp near Tarvik

Norvanian jets struck a training camp near Tarvik on Tuesday, killing 280 militants, the Norvanian defence ministry said.
"""

OSTRIAN_ZERO = """Jets drop bombs near Tarvik

Norvanian jets struck a wooded hill near Tarvik on Tuesday. There were no casualties, the Ostrian army said.
"""


def _row(lexical, one: str, other: str):
    row = widest_row(compare_texts(lexical, {"norvanian": one, "ostrian": other}, "2024-03-06"))
    assert len({m.document for m in row.mentions}) == 2  # one row for the one strike
    return row


@pytest.mark.slow
def test_no_casualties_contests_a_death_toll(lexical):
    row = _row(lexical, NORVAN, OSTRIAN_ZERO)
    killed = [c for c in row.conflicts if c.field == "figure:killed"]
    assert killed, [c.field for c in row.conflicts]
    assert {v.side for v in killed[0].values} == {"norvanian", "ostrian"}


@pytest.mark.slow
def test_no_casualties_is_no_zero_of_a_count_it_does_not_cover(lexical):
    detained = NORVAN.replace("killing 280 militants", "and 40 men were detained")
    row = _row(lexical, detained, OSTRIAN_ZERO)
    assert not [c for c in row.conflicts if c.field.startswith("figure:")]


@pytest.mark.slow
def test_date_on_an_event_noun_in_a_reporting_clause_dates_that_event(lexical):
    text = ("Group claims Varna blast\n\nThe group claimed responsibility on Friday for a March 3 bombing in "
            "Varna that killed 12 guards.\n")
    a = next(iter(analyze_documents([load_text(text, source="v", published="2024-03-09")], lexical)))
    killed = next(e for e in a.events if e.trigger.text == "killed")
    assert killed.date is not None and killed.date.endswith("-03-03"), killed.date


@pytest.mark.parametrize(("words", "state"), [
    ("une source gouvernementale indienne", "IN"),
    ("les autorités ukrainiennes", "UA"),
    ("украинская сторона", "UA"),
    ("армия Украины", "UA"),
    ("ВСУ", "UA"),
    ("Минобороны РФ", "RU"),
    ("the ISPR spokesman", "PK"),
    ("a PLA officer", "CN"),
    ("the regional authorities", None),
])
def test_words_that_name_a_state(words, state):
    assert name_state(words) == state


def test_a_serviceman_who_died_is_no_agent():
    from fullpicture.settings import load_settings

    sufferers = set(load_settings().section("align")["conflict_agent_sufferers"])
    assert {"die", "погибнуть", "mourir"} <= sufferers


def _figures(lexical, text: str, published: str = "2024-03-09"):
    a = next(iter(analyze_documents([load_text(text, source="f", published=published)], lexical)))
    return a, {f.text: f for f in a.figures}


@pytest.mark.slow
@pytest.mark.parametrize(("text", "figure", "counts"), [
    # a toll verb's object names who is counted: the toll still counts the killed
    ("Tolls differ\n\nKarsland puts the death toll from the raid on Velt at 250 Ostrian soldiers.\n", "250", "killed"),
    ("Tolls differ\n\nThe number of dead Ostrian soldiers has risen to 75, the ministry said.\n", "75", "killed"),
    # a count that only says who, with no toll word, stays what it was
    ("Troops move\n\nKarsland sent 250 soldiers to the border on Monday.\n", "250", "soldiers"),
    ("Удар по складу\n\nЧисло погибших при ударе по складу в Велте выросло с 20 до 35 человек.\n", "20", "killed"),
    # "выросло до 35" (rose to 35) is 35 itself, no "up to 35" bound: the figure is the bare number
    ("Удар по складу\n\nКоличество погибших при ударе по складу в Велте выросло до 35.\n", "35", "killed"),
    # the second count of "N убито, M ранены" counts the wounded
    ("Удар по складу\n\nВ результате удара было убито около 40 человек, около 70 ранены.\n", "около 70", "injured"),
])
def test_what_a_toll_counts(lexical, text, figure, counts):
    _, figs = _figures(lexical, text)
    assert figs[figure].counts == counts, {k: f.counts for k, f in figs.items()}


@pytest.mark.slow
def test_militants_are_no_servicemen(lexical):
    from fullpicture.align._figurevalues import comparable, population

    a, figs = _figures(lexical, "Camp hit\n\nJets struck the camp near Tarvik, killing 280 militants.\n")
    assert population(a, figs["280"]) == "militants"
    assert comparable("militants", "people") and not comparable("militants", "servicemen")


@pytest.mark.slow
def test_date_on_a_statement_noun_is_still_the_reports(lexical):
    text = ("Toll rises at Velt\n\nThe Ostrian army in a statement on Friday night said, \"Nine soldiers who were "
            "badly wounded at the post have died of their wounds, taking the toll to 12.\"\n")
    a = next(iter(analyze_documents([load_text(text, source="v", published="2024-06-08")], lexical)))
    died = [e for e in a.events if e.trigger.text in ("died", "wounded")]
    assert died and all(e.date_source != "sentence" for e in died), [(e.date, e.date_source) for e in died]
