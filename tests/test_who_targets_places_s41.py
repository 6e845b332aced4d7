"""What was hit and where, as each side tells it (session 41).

Invented texts restating the shapes of misses and false conflicts seen on real coverage:

* an army that counts the dead of its operation as fighters ("neutralised 40 terrorists") against
  witnesses who count them as civilians ("some 60 civilians were executed"): who was hit is
  disputed, although no side names a site;
* a village of a story that one document's gazetteer takes for a namesake town on another
  continent, while other documents leave the same name unresolved and name the country: one place
  named alike, no place dispute;
* a border clash that each side places on its own state's land (a village of one state, a town
  of the other, a few dozen kilometres apart): whose territory was attacked is disputed, although
  the places are near; places of one state at two levels are not.
"""

from __future__ import annotations

from fullpicture.align._conflicts import find_conflicts
from fullpicture.align._entityconflicts import _entity_conflict
from fullpicture.align._rowmembers import Member
from fullpicture.align._util import EntityIndex
from fullpicture.settings import load_settings
from tests.helpers import analyze_text


def _members(texts: list[tuple[str, str, str]]) -> tuple[list[Member], EntityIndex]:
    analyses = [analyze_text(t, published=p) for _, t, p in texts]
    members = [Member(side=s, analysis=a, event=e) for (s, _, _), a in zip(texts, analyses, strict=True)
               for e in a.events]
    return members, EntityIndex(analyses)


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


_DEAD = [
    ("Peru", "The Peruvian army said it neutralised 40 terrorists in Varn on 3 May 2031.", "2031-05-04"),
    ("International", "Witnesses said that some 60 civilians were executed in Varn on 3 May 2031.", "2031-05-05"),
]


def test_dead_counted_as_fighters_against_civilians_dispute_the_target():
    members, index = _members(_DEAD)
    conflicts = find_conflicts(members, index, _cfg(target_dead_populations=True), None, ["Peru", "International"])
    target = next(c for c in conflicts if c.field == "target")
    by_side = {v.side: v for v in target.values}
    assert set(by_side) == {"Peru", "International"}
    assert by_side["Peru"].kind == "military" and by_side["Peru"].value.endswith("terrorists")
    assert by_side["International"].kind == "civilian" and by_side["International"].value.endswith("civilians")
    text = next(m.analysis.text for m in members if m.side == "International")
    v = by_side["International"]
    assert v.start is not None and text[v.start:v.end] == v.value  # the side's own words, with offsets
    off = find_conflicts(members, index, _cfg(target_dead_populations=False), None, ["Peru", "International"])
    assert not any(c.field == "target" for c in off)


def test_dead_of_one_category_on_both_sides_is_no_target_dispute():
    same = [_DEAD[0], ("International", "Witnesses said that some 60 terrorists were killed in Varn on 3 May 2031.",
                       "2031-05-05")]
    members, index = _members(same)
    conflicts = find_conflicts(members, index, _cfg(target_dead_populations=True), None, ["Peru", "International"])
    assert not any(c.field == "target" for c in conflicts)


def _place_values(conflict) -> set[tuple[str, str]]:
    return {(v.side, v.value) for v in conflict.values} if conflict is not None else set()


def test_one_name_resolved_by_one_document_only_is_still_one_place():
    texts = [("eastern", "Soldiers shelled homes in Moravka on 3 May 2031.", "2031-05-04"),
             ("western", "Soldiers shelled homes in Moravka on 3 May 2031. Shelling near Arica killed two.",
              "2031-05-04")]
    analyses = [analyze_text(t, published=p) for _, t, p in texts]
    # the second document's gazetteer left the village unresolved (the first took a namesake
    # record of another country for it), and it names a country far from that record
    for ent in analyses[1].entities:
        if ent.geo is not None and ent.geo.country != "CL":
            ent.geo = None
    members = [Member(side=s, analysis=a, event=e) for (s, _, _), a in zip(texts, analyses, strict=True)
               for e in a.events]
    index = EntityIndex(analyses)
    assert any(m.event.place is not None for m in members if m.side == "eastern")
    alone = {"place_conflict_unplaced_abroad": False}
    off = _entity_conflict(members, index, "place", _cfg(place_conflict_unresolved_names=False, **alone))
    assert {s for s, _ in _place_values(off)} == {"eastern", "western"}
    on = _entity_conflict(members, index, "place", _cfg(place_conflict_unresolved_names=True, **alone))
    assert on is None


def test_a_town_of_a_state_its_document_never_tells_of_is_no_place_to_contest():
    texts = [("Peru", "Soldiers shelled homes in Moravka on 3 May 2031, Peruvian officials said.", "2031-05-04"),
             ("International", "Soldiers shelled homes in Peru on 3 May 2031.", "2031-05-04")]
    members, index = _members(texts)
    off = _entity_conflict(members, index, "place", _cfg(place_conflict_unplaced_abroad=False))
    assert {s for s, _ in _place_values(off)} == {"Peru", "International"}
    assert _entity_conflict(members, index, "place", _cfg(place_conflict_unplaced_abroad=True)) is None
    # a document that tells of the town's state keeps the town as a place
    told = [("Peru", "Soldiers shelled homes in Moravka, in the Czech Republic, on 3 May 2031.", "2031-05-04"),
            texts[1]]
    members, index = _members(told)
    on = _entity_conflict(members, index, "place", _cfg(place_conflict_unplaced_abroad=True))
    assert {s for s, _ in _place_values(on)} == {"Peru", "International"}


_BORDER = [
    ("Peru", "Chilean troops shelled homes in Tacna on 3 May 2031. The shelling damaged a school in Tacna.",
     "2031-05-03"),
    ("Chile", "Peruvian forces attacked Chilean positions in Arica on 3 May 2031. The attack on Arica was "
              "repelled.", "2031-05-03"),
]


def test_each_side_placing_a_clash_on_its_own_land_disputes_the_place():
    members, index = _members(_BORDER)
    off = _entity_conflict(members, index, "place", _cfg(place_conflict_own_lands=False))
    assert off is None  # the two towns lie nearer than the distance rule's threshold
    on = _entity_conflict(members, index, "place", _cfg(place_conflict_own_lands=True))
    assert {s for s, _ in _place_values(on)} == {"Peru", "Chile"}
    assert {v for _, v in _place_values(on)} <= {"Tacna", "Arica"}


def test_places_of_one_state_or_of_the_other_state_tell_no_land_dispute():
    one_state = [_BORDER[0], ("Chile", "Chilean forces repelled an attack near Tacna on 3 May 2031.", "2031-05-03")]
    members, index = _members(one_state)
    assert _entity_conflict(members, index, "place", _cfg(place_conflict_own_lands=True)) is None
