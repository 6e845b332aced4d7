"""A kind of happening given by its examples right after it ("street rallies like those in
Eastvale") is a class the writer compares with, none of the story's happenings: it is told
apart (``[distinct] examples`` of data/events/incidents.toml, align/_eventfeat._distinct;
session 36, place).

Shape restated in invented words from real multi-side coverage: a retelling of a night boarding
at sea says the boarding team's weapons were of the crowd-control kind known from street rallies
in a named village; that village was the only place the document named, so the protests hosted
the boarding's placeless mentions and the whole fight on deck stood in a row of its own placed at
the village, labelled as a protest. Guards: the examples themselves ("such as the strike on the
depot") and a happening with no examples after it are no class.
"""

from __future__ import annotations

import pytest

from fullpicture.align._eventfeat import _distinct
from fullpicture.models import Analysis, DocumentInfo, Event
from fullpicture.models.events import Evidence, Trigger


def _event(text: str, trigger: str, occurrence: int = 0) -> tuple[Analysis, Event]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(trigger, start + 1)
    a = Analysis(document=DocumentInfo(id="d", source="d.txt"), text=text)
    ev = Event(id="e1", type="PROTEST", trigger=Trigger(start=start, end=start + len(trigger), text=trigger),
               evidence=Evidence(start=0, end=len(text)))
    return a, ev


@pytest.mark.parametrize(("text", "trigger"), [
    ("Their guns were the kind police turn on weekly rallies, such as those of Eastvale.", "rallies"),
    ("Ils n'avaient que des armes pour disperser des manifestations comme celles d'Eastvale.", "manifestations"),
    ("У них было оружие для разгона акций протеста, таких как в Eastvale.", "протеста"),
])
def test_a_kind_given_by_its_examples_is_told_apart(text: str, trigger: str) -> None:
    assert _distinct(*_event(text, trigger))


def test_the_example_itself_is_no_class() -> None:
    text = "The ministry condemned air attacks, such as the strike on the Eastvale depot."
    assert _distinct(*_event(text, "attacks"))
    assert not _distinct(*_event(text, "strike"))


def test_a_happening_with_no_examples_after_it_stays_the_story_s() -> None:
    assert not _distinct(*_event("Soldiers broke up the protests in Eastvale on Sunday.", "protests"))
