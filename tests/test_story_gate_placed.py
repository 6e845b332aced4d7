"""Opposing sides tell one clash in words of their own (issue 9).

Invented texts restating a shape of real coverage of a clash in a disputed town: one side's
outlet tells of peacekeepers attacking a peaceful crowd, the other's of extremists attacking the
troops. The two documents share few words beyond the town's name, so their tf-idf cosine fell
under the story gate and the two reports of one clash could never meet in one row.
"""

from __future__ import annotations

from tests.helpers import cross_side_rows

NORTH = ("Peacekeepers turn on a peaceful crowd\n\n"
         "On Monday peacekeepers brutally attacked peaceful citizens in Bitola, witnesses told our reporter. "
         "Tear gas and stun grenades were thrown into the crowd sitting in front of the town hall, and "
         "dozens of our people were injured. The local hospital confirmed that a young man suffered "
         "gunshot wounds.\n")
SOUTH = ("Extremists turn on the troops\n\n"
         "On Monday violent extremists attacked international troops in Bitola, hurling petrol bombs, rocks "
         "and bottles at the soldiers guarding the municipal building. Thirty soldiers were wounded, three of "
         "them seriously, the mission command said in a statement, condemning the unprovoked violence.\n")


def _rows(lexical, **align):
    return cross_side_rows(lexical, {"north": NORTH, "south": SOUTH}, "2024-05-27", **align)


def test_one_clash_told_two_ways_meets_in_one_row(lexical):
    rows = _rows(lexical)
    assert rows, "the two sides' reports of the Bitola clash never meet"
    assert any("Bitola" in (e.place or "") for e in rows)


def test_the_strict_story_gate_alone_kept_them_apart(lexical):
    """The shape really is the gate's: with the lower gate turned off, the reports stay apart."""
    assert not _rows(lexical, story_gate_placed=1.0)
