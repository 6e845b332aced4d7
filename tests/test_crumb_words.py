"""Stray single words of the main happening that formed rows of one document (crumbs).

Shapes restated in invented words from real multi-side coverage of a shelled bus (session 38,
crumbs):

* a participle of backing, arming or funding that modifies a noun names who stands behind the
  doers ("Ally-backed gunmen shelled the coach"): a label, no support given, so no mention of
  its own where its sentence tells a strike or a fight (``[label_participles]`` of
  data/events/plover*.toml, en/fr/ru); a verb of backing with an object, a participle with its
  agent ("gunmen backed by the ally") or a "party-backed bill" of a political story is still an act;
* "the van that stopped at the barrier" tells the coach's own halt, no one stopped: a
  verb of ``[transitive_only]`` (data/events/plover*.toml) told actively with no object is no
  mention (nlp/events/_transitive.py); "troops stopped the convoy" and "the convoy was stopped"
  still are;
* "Later on another four gravely wounded travellers died" counts more of the same happening's
  dead: "on another" before a count is no other target (align/_eventfeat._ANOTHER), while
  "an air strike on another school" still tells a happening apart.
"""

from __future__ import annotations

import pytest

from fullpicture.align._eventfeat import _distinct
from fullpicture.models import Analysis, DocumentInfo, Event
from fullpicture.models.events import Evidence, Trigger
from tests.helpers import analyze_text


@pytest.mark.parametrize(("text", "word"), [
    ("Ally-backed gunmen shelled the coach at the Northtown checkpoint on Monday.", "backed"),
    ("The state-funded militia attacked the Eastvale depot on Monday.", "funded"),
])
def test_a_backing_participle_on_a_noun_is_no_act(text: str, word: str) -> None:
    a = analyze_text(text, published="2023-05-30")
    assert not [e for e in a.events if e.trigger.text == word]
    assert any(e.type == "ASSAULT" for e in a.events)


def test_backing_with_an_object_or_in_a_story_of_no_violence_stays_an_act() -> None:
    a = analyze_text("Westland backed the truce on Monday.", published="2023-05-30")
    assert [e.type for e in a.events if e.trigger.lemma == "back"] == ["SUPPORT"]
    # a sentence that tells no strike or fight: the backing is what the outlets report
    a = analyze_text("The Westland-backed budget bill passed the assembly on Monday.", published="2023-05-30")
    assert [e.type for e in a.events if e.trigger.lemma == "back"] == ["SUPPORT"]


def test_a_halt_with_no_object_is_no_coercion() -> None:
    a = analyze_text("Gunmen shelled the coach which stopped at the Northtown checkpoint on Monday.",
                     published="2023-05-30")
    assert not [e for e in a.events if e.trigger.lemma == "stop"]
    assert any(e.trigger.text == "shelled" for e in a.events)
    for text in ("Troops stopped the convoy near Northtown on Monday.", "The convoy was stopped near Northtown on Monday."):
        a = analyze_text(text, published="2023-05-30")
        assert [e.type for e in a.events if e.trigger.lemma == "stop"] == ["COERCE"], text


def _event(text: str, trigger: str) -> tuple[Analysis, Event]:
    start = text.index(trigger)
    a = Analysis(document=DocumentInfo(id="d", source="d.txt"), text=text)
    ev = Event(id="e1", type="ASSAULT", trigger=Trigger(start=start, end=start + len(trigger), text=trigger),
               evidence=Evidence(start=0, end=len(text)))
    return a, ev


def test_another_count_after_on_is_the_same_happening() -> None:
    assert not _distinct(*_event("Later on another four gravely wounded travellers died in the clinic.", "wounded"))
    assert _distinct(*_event("Hours later an air strike on another school killed two.", "strike"))
