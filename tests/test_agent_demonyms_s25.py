"""A state's adjective as the agent (session 25): invented texts.

A side that blames the other side's weapon names its owner by an adjective ("a Freedonian
interceptor fell on the clinic"; a feminine or genitive form in Russian or Ukrainian). Where the
entity layer tags that one word as a place or a group and leaves it unresolved, it still stands
for its state as the actor, so the two sides' accounts of who fired are compared. A plural
people noun ("Armenians") and an unknown town stay no actor. The sentences are invented; both
sides' texts are read alike.
"""

from __future__ import annotations

from fullpicture.align._entityconflicts import _entity_conflict, actor_kind
from fullpicture.align._rowmembers import Member
from fullpicture.align._util import EntityIndex
from fullpicture.models import Entity
from fullpicture.models.entities import Mention
from tests.helpers import analyze_text


def _ent(name: str, type_: str) -> Entity:
    return Entity(id="e9", name=name, type=type_)


def test_a_one_word_demonym_tagged_as_a_place_or_group_is_its_state_as_actor():
    for name, type_ in (("Украинская", "GPE"), ("російської", "ORG"), ("російської", "GPE"), ("ukrainien", "NORP"),
                        ("Russian", "NORP"), ("українська", "GPE")):
        assert actor_kind(_ent(name, type_), {}) == "collective", name


def test_people_nouns_towns_and_phrases_stay_no_actor():
    assert actor_kind(_ent("Armenians", "NORP"), {}) is None  # a group of people
    assert actor_kind(_ent("Zorvik", "GPE"), {}) is None  # a town, no state
    assert actor_kind(_ent("Зорвика", "GPE"), {}) is None
    assert actor_kind(_ent("Ukrainian refugees", "NORP"), {}) is None  # more than the adjective


ACCUSER = "Russian missiles struck the market in Kharkiv on Monday morning, the mayor said.\n"
ACCUSED = "Украинская зенитная ракета упала на рынок в Харькове, сообщили в ведомстве.\n"


def _tagged_adjective(text: str, word: str):
    """The analysis of ``text`` whose assault event has as agent the one word ``word`` tagged as a
    place (the shape the entity layer gives on real text; it does not on this short one)."""
    a = analyze_text(text, published="2024-03-04")
    start = text.index(word)
    ent = Entity(id="e90", name=word.capitalize(), type="GPE",
                 mentions=[Mention(start=start, end=start + len(word), text=word)])
    events = [e.model_copy(update={"agents": ["e90"]}) if e.type == "ASSAULT" else e for e in a.events]
    assert any(e.type == "ASSAULT" for e in events)
    return a.model_copy(update={"entities": [*a.entities, ent], "events": events})


def test_sides_blaming_each_others_weapon_by_its_adjective_conflict_on_the_agent():
    a = analyze_text(ACCUSER, published="2024-03-04")
    b = _tagged_adjective(ACCUSED, "Украинская")
    members = [Member(side=s, analysis=x, event=e) for s, x in (("ukrainian", a), ("russian", b))
               for e in x.events if e.type == "ASSAULT"]
    c = _entity_conflict(members, EntityIndex([a, b]), "agent", {})
    assert c is not None
    assert {v.side for v in c.values} == {"ukrainian", "russian"}


def test_both_sides_naming_the_same_state_by_its_adjective_do_not_conflict():
    a = analyze_text(ACCUSER, published="2024-03-04")
    b = _tagged_adjective("Российская зенитная ракета упала на рынок в Харькове, сообщили в ведомстве.\n", "Российская")
    members = [Member(side=s, analysis=x, event=e) for s, x in (("ukrainian", a), ("russian", b))
               for e in x.events if e.type == "ASSAULT"]
    assert _entity_conflict(members, EntityIndex([a, b]), "agent", {}) is None
