"""The one surrendered to is no place of the surrender (nlp/events/_args._recipient,
``[recipient_verbs]`` of ``data/events/plover.toml``); a meeting takes no place from a clause
someone reports after it (nlp/events/_args._other_clause, ``own_clause_place_types`` of the events
settings).

Shapes restated in invented words from real multi-side coverage:

* a report recalls that a besieged town's defenders "surrendered to" a state months before; the
  state became the surrender's place, so that report's version sat in a row of its own, apart
  from other sides' reports of the same surrender;
* "after the talks, <official> claimed that the shelling came from <state>": the talks took the
  state of the reported clause as their place and joined another meeting's row.

Both sides read alike: any captor, any state, in the three languages.
"""

from __future__ import annotations

import pytest

from tests._events_helpers import trigger_places as _places


@pytest.mark.parametrize(("text", "trigger"), [
    ("The garrison surrendered to Romania in May.", "surrendered"),
    ("The garrison surrendered to Hungary in May.", "surrendered"),
    ("Their surrender to Romania came after a long siege.", "surrender"),
    ("Les soldats ont capitulé devant la Roumanie.", "capitulé"),
    ("Бойцы капитулировали перед Румынией в мае.", "капитулировали"),
])
def test_the_one_surrendered_to_is_no_place(text: str, trigger: str) -> None:
    assert _places(text, trigger) == [None]


def test_the_town_of_the_surrender_stays() -> None:
    assert _places("Troops surrendered near Grenoble to Romania in May.", "surrendered") == ["Grenoble"]


def test_a_surrender_in_a_town_keeps_the_town() -> None:
    assert _places("The garrison surrendered in Grenoble on Monday.", "surrendered") == ["Grenoble"]


def test_a_meeting_takes_no_place_from_a_reported_clause() -> None:
    text = "After the talks, the minister claimed that the shelling came from Romania."
    assert _places(text, "talks") == [None]
    assert _places(text, "shelling") == ["Romania"]


def test_a_meeting_keeps_the_place_of_its_own_clause() -> None:
    assert _places("Leaders met in Grenoble on Tuesday to discuss the blast.", "met") == ["Grenoble"]
    text = "Attending the summit in Grenoble, the leaders convened to discuss the incident."
    assert _places(text, "discuss") == ["Grenoble"]
