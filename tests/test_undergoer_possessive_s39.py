"""The possessor of an act suffered is no agent (session 39).

Invented sentences restating a shape of real coverage: a possessive on an act suffered ("X's
detention" ended by a court) gave the detained man as the detention's doer, against the police
the other sides name.
"""

from __future__ import annotations

from fullpicture.align._notdoers import undergoer_possessive
from fullpicture.models import Mention
from tests.helpers import analyze_text


def _case(text: str, name: str, trigger: str) -> bool:
    a = analyze_text(text, published="2031-05-02")
    ev = next(e for e in a.events if e.trigger.text == trigger)
    at = a.text.index(name)
    return undergoer_possessive(a, Mention(start=at, end=at + len(name), text=name), ev)


def test_the_possessor_of_a_detention_suffers_it():
    assert _case("Tomas Varnik's detention ended on 3 May when a judge sent him home under guard.",
                 "Tomas Varnik", "detention")


def test_a_detention_of_someone_keeps_its_doer():
    assert not _case("Peru's detention of the fishing crew angered Chile.", "Peru", "detention")


def test_the_possessor_of_a_strike_is_its_doer():
    assert not _case("Peru's strike on the Varn depot killed two guards.", "Peru", "strike")


def test_a_country_taken_for_a_person_names_its_state():
    from fullpicture.align._agents import mention_state
    from fullpicture.models import Entity

    ent = Entity(id="e1", type="PERSON", name="Peru", mentions=[Mention(start=0, end=4, text="Peru")])
    assert mention_state("Peru detained the crew.", ent, 0) == "PE"
    other = Entity(id="e2", type="PERSON", name="Tomas Varnik", mentions=[Mention(start=0, end=12, text="Tomas Varnik")])
    assert mention_state("Tomas Varnik detained the crew.", other, 0) is None
