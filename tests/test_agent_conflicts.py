"""Agent conflicts count each side's own account (align/_agents.py), restated from real
coverage in our own words: opposing sides blaming each other for one strike."""

from __future__ import annotations

import pytest

from fullpicture.align._agents import side_state, state_of
from fullpicture.align._util import country_code

pytestmark = pytest.mark.slow

A_SAYS = ("Azerbaijani shelling hits Northfield market\n\n"
          "Azerbaijan shelled the market in Northfield on Friday morning, killing four people, the regional "
          "governor said. Azerbaijani forces fired rockets at the square where traders had gathered.\n")
B_SAYS = ("Ministry rejects claims about Northfield market\n\n"
          "The Azerbaijani Defence Ministry rejected reports that its troops shelled the market in Northfield on "
          "Friday. Claims that Azerbaijan shelled the market are false, the ministry said. The ministry said "
          "Armenia carried out the attack on the market in Northfield to blame Baku.\n")


@pytest.fixture(scope="module")
def comparison(tmp_path_factory):
    from fullpicture import compare

    d = tmp_path_factory.mktemp("agents")
    (d / "a.txt").write_text(A_SAYS, encoding="utf-8")
    (d / "b.txt").write_text(B_SAYS, encoding="utf-8")
    return compare(sides={"armenian": [d / "a.txt"], "azerbaijani": [d / "b.txt"]})


def test_states_of_actors():
    assert country_code("Russia") == "RU" and country_code("Kosovo") == "XK" and country_code("Britain") == "GB"
    assert side_state("armenian") == "AM" and side_state("Russia") == "RU" and side_state("editors") is None


def test_state_of_an_organisation_named_by_its_state(comparison):
    ents = [e for a in comparison.documents for e in a.entities if "Ministry" in e.name]
    assert ents and all(state_of(e) == "AZ" for e in ents)


def test_sides_blaming_each_other_is_an_agent_conflict(comparison):
    conflicts = [c for e in comparison.events for c in e.conflicts if c.field == "agent"]
    assert conflicts, [(e.label, e.sides) for e in comparison.events]
    values = {(v.side, v.value) for c in conflicts for v in c.values}
    assert ("armenian", "Azerbaijan") in values and ("azerbaijani", "Armenia") in values
    # what the azerbaijani side reports as false is not its own account
    assert ("azerbaijani", "Azerbaijan") not in values


def test_a_denial_is_no_agent_of_a_speech_act_conflict(comparison):
    speech = [e for e in comparison.events if e.type in ("REJECT", "STATEMENT", "ACCUSE")]
    assert not [c for e in speech for c in e.conflicts if c.field == "agent"]


C_SAYS = ("Rockets hit Northfield market\n\n"
          "Azerbaijani forces fired rockets at the market in Northfield on Friday morning, killing four people, "
          "the regional governor said. Azerbaijan shelled the square where traders had gathered.\n")
D_SAYS = ("Ministry blames Armenia for Northfield market attack\n\n"
          "Armenian forces fired rockets at the market in Northfield on Friday, the Azerbaijani Defence Ministry "
          "said. Armenia shelled the square to blame Baku, the ministry said. Stories that Azerbaijan shelled the "
          "square in Northfield are untrue, it added.\n")


def test_a_stray_mention_inside_a_denial_does_not_make_the_sides_agree(tmp_path):
    """Side two blames Armenia twice and, in a denial, repeats once the story that its own
    rocket hit the market: the sides still conflict on who fired, each by the state it mostly
    names, and the repeated story is no value of side two's account."""
    from fullpicture import compare

    (tmp_path / "c.txt").write_text(C_SAYS, encoding="utf-8")
    (tmp_path / "d.txt").write_text(D_SAYS, encoding="utf-8")
    comp = compare(sides={"armenian": [tmp_path / "c.txt"], "azerbaijani": [tmp_path / "d.txt"]})
    conflicts = [c for e in comp.events for c in e.conflicts if c.field == "agent"]
    assert conflicts, [(e.label, e.sides) for e in comp.events]
    values = {(v.side, v.value) for c in conflicts for v in c.values}
    assert ("armenian", "Azerbaijan") in values and ("azerbaijani", "Armenia") in values
    assert ("azerbaijani", "Azerbaijan") not in values


E_SAYS = ("Missiles hit Northfield homes\n\n"
          "Armenian forces fired missiles at homes in Northfield on Friday night, killing three people, the "
          "prosecutor's office said. Armenia struck the town from across the border.\n")
F_SAYS = ("Three dead in Northfield\n\n"
          "Missiles hit homes in Northfield on Friday night, killing three people, local officials said. "
          "Armenia denied any involvement in the strike.\n")


def test_a_state_denying_the_strike_it_is_blamed_for_contests_the_agent(tmp_path):
    """One side says Armenia fired; the other reports only Armenia's denial and names no agent
    of its own: the agent is contested, the denial standing against the side that blames it."""
    from fullpicture import compare

    (tmp_path / "e.txt").write_text(E_SAYS, encoding="utf-8")
    (tmp_path / "f.txt").write_text(F_SAYS, encoding="utf-8")
    comp = compare(sides={"azerbaijani": [tmp_path / "e.txt"], "international": [tmp_path / "f.txt"]})
    conflicts = [c for e in comp.events for c in e.conflicts if c.field == "agent"]
    assert conflicts, [(e.label, e.sides) for e in comp.events]
    values = {(v.side, v.value) for c in conflicts for v in c.values}
    assert ("azerbaijani", "Armenia") in values
    assert any(side == "international" and "denied" in value for side, value in values), values
