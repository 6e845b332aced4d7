"""A side that tells an act only through its reactions (a denial, an accusation rejected, a
condemnation) joins the row where the other sides tell the act; a reaction with a day of its own,
or one whose sentence tells something else it may be about, keeps its row (align/_reactrows.py).
Invented words throughout."""

from __future__ import annotations

from tests.helpers import trigger_rows

_STRIKE = "A missile hit the market in Eastport on Tuesday, killing four people. "


def test_a_side_told_only_in_denials_joins_the_act(lexical):
    rows, _ = trigger_rows(lexical, {
        "north": _STRIKE,
        "south": _STRIKE + "Residents buried the dead.\n",
        "west": "The Westland government denied any involvement.\nIts ministry rejected the accusations.\n",
    })
    strike = rows["north:hit"]
    assert strike and rows["south:hit"] == strike, rows
    reactions = {k: r for k, r in rows.items() if k.startswith("west:")}
    assert reactions and all(r == strike for r in reactions.values()), rows


def test_a_denial_with_a_day_of_its_own_keeps_its_row(lexical):
    rows, _ = trigger_rows(lexical, {
        "north": _STRIKE,
        "south": _STRIKE,
        "west": "On 9 June the Westland government denied any involvement.\n",
    })
    assert rows["west:denied"] and rows["west:denied"] != rows["north:hit"], rows


def test_a_condemnation_of_something_else_keeps_its_row(lexical):
    rows, _ = trigger_rows(lexical, {
        "north": _STRIKE,
        "south": _STRIKE,
        "west": "The Westland government condemned the new sanctions on its banks.\n",
    })
    assert rows["west:condemned"] and rows["west:condemned"] != rows["north:hit"], rows
