"""Words of a story's background that name no happening of their own (session 19; sentences
written for this test, restating shapes of real multi-side news): people who seek or take
shelter, a building that houses civilians, "in response to" and a hospital that "hosted" the
displaced give no aid and hold no meeting; sheltering refugees, a humanitarian response and
hosting talks still do."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


def _types(text: str) -> list[tuple[str, str]]:
    return [(e.trigger.text, e.type) for e in analyze_text(text, published="2031-03-07").events]


@pytest.mark.parametrize("text", [
    "Hundreds of people were seeking shelter at the school when the rockets hit.",
    "Families were sheltering in the basement of the library.",
    "Positions, shelters and depots of the army were fired on overnight.",
])
def test_taking_shelter_is_no_aid(text: str) -> None:
    assert [t for t in _types(text) if t[1] == "AID"] == []


def test_sheltering_refugees_is_aid() -> None:
    assert ("sheltered", "AID") in _types("The monastery sheltered 300 refugees during the fighting.")


def test_in_response_to_names_no_aid() -> None:
    assert ("response", "AID") not in _types("The army said it fired in response to provocations by the rebels.")
    assert ("response", "AID") in _types("Donors praised the humanitarian response in the valley.")


def test_hosting_needs_a_meeting() -> None:
    assert [t for t in _types("Northland hosted talks between the two ministers.") if t[0] == "hosted"] == [("hosted", "CONSULT")]
    assert [t for t in _types("The clinic, which hosted thousands of displaced families, was hit.") if t[0] == "hosted"] == []


def test_a_building_housing_civilians_gives_no_aid_in_french() -> None:
    types = _types("Un théâtre abritant des centaines de civils a été bombardé par l'aviation, a annoncé la mairie.")
    assert [t for t in types if t[1] == "AID"] == []
    assert ("bombardé", "ASSAULT") in types


@pytest.mark.parametrize(("text", "kept"), [
    ("Les journalistes ont laissé leurs téléphones interdits à l'entrée du camp.", False),
    ("Le tribunal a cité l'article sur l'emploi de moyens interdits dans un conflit armé.", False),
    ("Суд сослался на статью о применении запрещенных средств и методов в вооруженном конфликте.", False),
    ("Reporters handed over the banned phones at the gate of the camp.", False),
    ("Le gouvernement a interdit les manifestations dans la capitale mardi.", True),
])
def test_a_participle_of_a_ban_is_a_state(text: str, kept: bool) -> None:
    """Banned phones or means name a state of a thing, no ban made (sentences written for this test)."""
    events = analyze_text(text, published="2031-03-07").events
    assert any(e.type == "COERCE" for e in events) == kept
