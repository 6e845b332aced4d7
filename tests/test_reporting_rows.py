"""Everyday reporting prose is no event, and a statement nobody repeats is no omission
(shapes seen on real coverage, restated in invented words)."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        # "opened" is no cooperation; the case itself is an inquiry (INVESTIGATE, session 23),
        # which joins the row of the happening it is about (align/_inquiries.py)
        ("The Northland prosecutors opened a criminal case on Monday.", ["INVESTIGATE"]),
        ("The Northland prosecutors opened the border crossing on Monday.", ["COOPERATE"]),
        ("According to the information provided by the commander, the unit stayed in its quarters.", []),
        ("The names of three more victims are still being established.", []),
        ("The agency provided food and blankets to the camp.", ["AID"]),
        ("The aid provided by the relief group reached the camp.", ["AID"]),
        ("Both countries established diplomatic relations in 1992.", ["AGREE"]),
        ("Eastland opened its border with Northland.", ["COOPERATE"]),
        ("The soldiers opened fire on the convoy.", ["ASSAULT"]),
        ("Images released at the weekend showed the depot.", []),
        ("Eastland released 40 prisoners on Sunday.", ["RETREAT"]),
        ("The hostages were released on Monday evening.", ["RETREAT"]),
        ("Northland released Ivan Petrov on Friday.", ["RETREAT"]),
    ],
)
def test_reporting_verbs_need_their_object(text: str, typed: list[str]) -> None:
    events = analyze_text(text, published="2022-07-29").events
    assert sorted({e.type for e in events}) == typed


def test_a_statement_only_one_side_reports_is_no_omission() -> None:
    import fullpicture as fp
    from fullpicture.ingest import load_text

    north = (
        "A missile hit the depot in Eastport on Tuesday, killing four workers. "
        "The Northland defence ministry published a statement on Tuesday evening."
    )
    south = "A missile hit the depot in Eastport on Tuesday, killing four workers."
    docs = [load_text(north, source="n.txt", published="2022-05-03", perspective="north"),
            load_text(south, source="s.txt", published="2022-05-03", perspective="south")]
    comparison = fp.compare(docs)
    statements = [e for e in comparison.events if e.type == "STATEMENT"]
    assert statements, "the statement row itself stays in the timeline"
    omitted = {o.event for o in comparison.omissions}
    assert not omitted & {e.id for e in statements}


def test_a_publisher_is_not_the_agent_of_the_harm_it_lists() -> None:
    text = "The Northland Ministry of Defence published lists of dead and wounded prisoners in Westfield."
    a = analyze_text(text, published="2022-07-29")
    names = {e.id: e.name for e in a.entities}
    harm = [e for e in a.events if e.type == "ASSAULT"]
    assert harm and all("Ministry" not in (names.get(x) or "") for e in harm for x in e.agents)
    shelled = analyze_text("The Northland army shelled Westfield and wounded ten people.",
                           published="2022-07-29")
    assert [e.trigger.text for e in shelled.events if e.type == "ASSAULT"]


def test_a_demand_or_warning_only_one_side_reports_is_no_omission() -> None:
    import fullpicture as fp
    from fullpicture.ingest import load_text

    north = (
        "A missile hit the depot in Eastport on Tuesday, killing four workers. "
        "Northland urged Southland to show restraint and warned of a heavy price."
    )
    south = (
        "A missile hit the depot in Eastport on Tuesday, killing four workers. "
        "Southland troops also withdrew from the ridge above Westfield on Tuesday."
    )
    docs = [load_text(north, source="n.txt", published="2022-05-03", perspective="north"),
            load_text(south, source="s.txt", published="2022-05-03", perspective="south")]
    comparison = fp.compare(docs)
    speech = {e.id for e in comparison.events if e.type in ("REQUEST", "THREATEN")}
    assert speech, "the demand and the warning stay in the timeline"
    omitted = {o.event for o in comparison.omissions}
    assert not omitted & speech
    # a happening one side leaves out is still an omission
    retreat = {e.id for e in comparison.events if e.type == "RETREAT"}
    assert retreat and retreat <= omitted
