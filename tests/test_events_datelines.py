"""A wire dateline is where a report was filed, never where its happening took place
(nlp/_datelines.py, the paragraph breaks of nlp/lang/compat.py).

Shapes restated in invented words from real multi-side coverage: a wire story opened with a
long photo caption, so its capital dateline ("EASTCITY – Rockets slammed into ... the northern
city of <town>") lay past the first few hundred characters, and the lead and its toll took the
capital as their place, in a row of their own; another wire story's headline ran into its
dateline line with a single line break, so the parser read the headline, the dateline and the
lead as one sentence, missed the attacking state as the lead's subject, and the lead took the
attacking state as its place. Either side's capital and state read alike.
"""

from __future__ import annotations

import pytest

from fullpicture.nlp._datelines import dateline_spans
from tests._events_helpers import trigger_places

_CAPTION = ("In this photo released by a press office on a weekday, a minister, foreground, visits an "
            "exhibition of new logistics equipment at a convention centre outside a capital. ") * 6


def test_a_capitals_dateline_after_a_long_caption_is_found() -> None:
    text = f"Rockets hit a northern city\n\n{_CAPTION}\n\nWARSAW – Three rockets slammed into the city.\n"
    assert len(_CAPTION) > 600
    assert [text[a:b] for a, b in dateline_spans(text)] == ["WARSAW"]


def test_a_late_dateline_needs_capitals() -> None:
    text = f"Rockets hit a northern city\n\n{_CAPTION}\n\nWarsaw – a city of two million – heard the blasts.\n"
    assert dateline_spans(text) == []


def test_a_late_dateline_is_no_place_of_the_lead() -> None:
    text = (f"Rockets hit a northern city\n\n{_CAPTION}\n\nWARSAW – Three rockets slammed into the centre of the "
            "northern city of Lublin on Tuesday, killing at least 12 people, officials said.\n")
    assert trigger_places(text, "killing") == ["Lublin"]


@pytest.mark.parametrize(("capital", "state"), [("WARSAW", "Poland"), ("MOSCOW", "Russia"), ("KYIV", "Ukraine")])
def test_a_headline_running_into_the_dateline_leaves_the_attacker_no_place(capital: str, state: str) -> None:
    text = (f"Mayor says hundreds were inside bombed store\n{capital} - {state} on Saturday bombed a hardware "
            "store in the eastern city of Lublin, killing at least two people and injuring 20.\n")
    assert trigger_places(text, "killing") == ["Lublin"]
    assert trigger_places(text, "injuring") == ["Lublin"]
