"""A wire dateline is where a report was filed, never where its happening took place
(nlp/_datelines.py, the paragraph breaks of nlp/lang/compat.py).

Shapes restated in invented words from real multi-side coverage: a wire story opened with a
long caption of an unrelated picture, so its capital dateline ("EASTCITY – <the lead's strike on
a town>") lay past the first few hundred characters, and the lead and its toll took the capital
as their place, in a row of their own; another wire story's headline ran into its dateline line
with a single line break, so the parser read the headline, the dateline and the lead as one
sentence, missed the attacking state as the lead's subject, and the lead took the attacking
state as its place. Either side's capital and state read alike.
"""

from __future__ import annotations

import pytest

from fullpicture.nlp._datelines import dateline_spans
from tests._events_helpers import trigger_places

_CAPTION = ("Pictured above: commuters wait at a tram stop in the rain while a street vendor sells "
            "umbrellas and hot chestnuts beside a closed newsstand. ") * 6


def test_a_capitals_dateline_after_a_long_caption_is_found() -> None:
    text = f"Shells hit a southern town\n\n{_CAPTION}\n\nWARSAW – Two shells struck the town.\n"
    assert len(_CAPTION) > 600
    assert [text[a:b] for a, b in dateline_spans(text)] == ["WARSAW"]


def test_a_late_dateline_needs_capitals() -> None:
    text = f"Shells hit a southern town\n\n{_CAPTION}\n\nWarsaw – a city of two million – heard the blasts.\n"
    assert dateline_spans(text) == []


def test_a_late_dateline_is_no_place_of_the_lead() -> None:
    text = (f"Shells hit a southern town\n\n{_CAPTION}\n\nWARSAW – Two shells struck a market in the southern "
            "town of Lublin on Monday, killing nine people, officials said.\n")
    assert trigger_places(text, "killing") == ["Lublin"]


@pytest.mark.parametrize(("capital", "state"), [("WARSAW", "Poland"), ("MOSCOW", "Russia"), ("KYIV", "Ukraine")])
def test_a_headline_running_into_the_dateline_leaves_the_attacker_no_place(capital: str, state: str) -> None:
    text = (f"Governor fears toll will rise after depot fire\n{capital} - {state} on Sunday shelled a grain "
            "depot in the southern town of Lublin, killing three workers and wounding 11.\n")
    assert trigger_places(text, "killing") == ["Lublin"]
    assert trigger_places(text, "wounding") == ["Lublin"]
