"""One brawl told by two armies, one of which names no place (issue 9, cross-document joining).

Invented texts restating a shape of real coverage of a deadly night brawl between two armies on a
disputed border: one side's press tells of its soldiers killed by the other army's troops and
names no place; the other side's ministry tells of the first army's provocation near a town. The
two documents share few words (tf-idf cosine under the story gate), and the lower gate for
happenings of one type, day and place needed a place on both sides. With no place clash, the
same participants (Jaccard >= ``story_gate_placed_participants``) now stand in for the place.
"""

from __future__ import annotations

from tests.helpers import cross_side_rows

A = ("Border guards killed in night clash\n\n"
     "Two Peruvian soldiers were killed on Monday night when Ecuadorian troops attacked their patrol "
     "with stones and iron bars, the army command said. Four more were wounded and flown to hospital. "
     "Relatives gathered at the barracks gate as coffins draped in flags arrived by helicopter, and "
     "mourners sang hymns late into the evening.\n")
B = ("Quito blames the other side for the brawl\n\n"
     "Peruvian soldiers provoked the brawl near Tumbes and attacked Ecuadorian troops on Monday night, "
     "a defence ministry spokesman told reporters, adding that its men acted in self-defence and that "
     "nobody had fired a shot. "
     "The ministry summoned the neighbouring ambassador and published photographs of bruised recruits, "
     "whose helmets were dented by rocks.\n")


def _rows(lexical, **align):
    return cross_side_rows(lexical, {"west": A, "east": B}, "2024-06-18", **align)


def test_one_brawl_without_a_place_on_one_side_meets_in_one_row(lexical):
    assert _rows(lexical), "the two armies' reports never meet"


def test_without_the_participants_the_gate_kept_them_apart(lexical):
    """The shape really is the gate's: with the participants rule off, the reports stay apart."""
    assert not _rows(lexical, story_gate_placed_participants=0.0)
