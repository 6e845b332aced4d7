"""A country a row names as a doer is who acted, not where: no value of a place conflict
(align/_entityconflicts.py, ``[align] conflict_place_doer_countries``; session 41).

Shape restated in invented words from real multi-side coverage of joint strikes: one report
names the striking states as the subjects of the strikes ("X and Y launched strikes on a depot in
Z"); a wire in French tells them as the subject of a support verb ("procéder à des frappes"), so the parse gives the strikes no doer and takes the first country for
their place. The striking state then stood as the wire's place against the town the other sides
name, a place conflict no side tells. Real country and town names only because places are
compared by their coordinates; the story is invented.
"""

from __future__ import annotations

from fullpicture.align._entityconflicts import _entity_conflict
from fullpicture.settings import load_settings
from tests.helpers import row_members

NORTH = ("north", "Norway and Chile launched strikes on a depot in Cochabamba on Saturday.")
WIRE = ("wire", "La Norvège et le Chili ont procédé samedi matin à des frappes aériennes sur des dépôts boliviens.")
SOUTH = ("south", "Missiles hit a depot in Cochabamba on Saturday, the Bolivian army said.")


def _place_conflict(texts: list[tuple[str, str]], **over: object):
    members, index = row_members([(side, text, "2031-04-15") for side, text in texts])
    return _entity_conflict(members, index, "place", {**load_settings().section("align"), **over})


def test_a_doer_country_taken_for_the_place_makes_no_place_conflict() -> None:
    off = _place_conflict([NORTH, WIRE, SOUTH], conflict_place_doer_countries=False)
    assert off is not None and any(v.side == "wire" and v.value == "Norway" for v in off.values)  # the shape before
    assert _place_conflict([NORTH, WIRE, SOUTH]) is None


def test_a_country_no_member_names_as_doer_still_clashes() -> None:
    # the same wire beside reports whose doers are not named: its country is a place like any other
    unnamed = ("north", "Missiles struck a depot in Cochabamba on Saturday.")
    conflict = _place_conflict([unnamed, WIRE, SOUTH])
    assert conflict is not None and any(v.side == "wire" for v in conflict.values)
