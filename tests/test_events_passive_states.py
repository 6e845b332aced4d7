"""A passive "threatened" with no one as its agent is a state of risk, no threat made
(``[passive_states]`` of data/events/plover*.toml; sentences written for this test).

Shape restated in invented words from real coverage of a flood: "dozens of villages are
threatened by the water" and "des quartiers menacés de famine" gave threats, each a row of its
own. Threats someone makes stay acts, in the active and in a passive whose agent is named."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


@pytest.mark.parametrize(("text", "threat"), [
    ("Eighty villages are threatened by the rising water.", False),
    ("Les quartiers de la ville sont menacés de famine.", False),
    ("The rebel commander threatened the town on Monday.", True),
    ("The town was threatened by John Smith on Monday.", True),
    ("Le ministre a menacé la ville lundi.", True),
])
def test_a_passive_threat_with_no_agent_is_a_state(text: str, threat: bool) -> None:
    types = {e.type for e in analyze_text(text, published="2031-03-07").events}
    assert ("THREATEN" in types) is threat
