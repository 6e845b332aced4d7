"""A noun inside a phrase of means ("с помощью", "à l'aide de": by means of) is no aid given
(sentences written for this test)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "gone", "kept"), [
    ("Войска с помощью штурмовых отрядов атаковали село. Россия направила помощь пострадавшим.", "помощью", "помощь"),
    ("Les forces ont attaqué le village à l'aide de drones. La France a envoyé une aide aux sinistrés.", "aide de", "aide aux"),
    # the elided "d'" before a vowel ("à l'aide d'explosifs")
    ("Les soldats ont détruit le pont à l'aide d'explosifs. La France a envoyé une aide aux sinistrés.", "aide d'", "aide aux"),
])
def test_means_phrase_is_no_aid(text, gone, kept):
    from fullpicture import analyze

    a = analyze(text)
    starts = {e.trigger.start for e in a.events}
    assert text.index(gone) not in starts  # the means
    assert any(e.type == "AID" and e.trigger.start == text.rindex(kept) for e in a.events)  # the aid sent


def test_restoring_is_cooperation_only_of_relations():
    from fullpicture import analyze

    text = "Войска восстановили действия на участке границы. Страны восстановили дипломатические отношения."
    a = analyze(text)
    assert [e.trigger.start for e in a.events if e.type == "COOPERATE"] == [text.rindex("восстановили")]


def test_a_ceasefire_regime_is_no_agreement_made():
    from fullpicture import analyze

    text = "Минобороны обвиняет соседей в нарушении режима прекращения огня. Стороны договорились о прекращении огня."
    a = analyze(text)
    starts = [e.trigger.start for e in a.events if e.type == "AGREE" and e.trigger.text.startswith("прекращени")]
    assert starts == [text.rindex("прекращении огня")]


def test_prisoners_of_war_name_no_war():
    """"prisonniers de guerre" is a status (prisoners of war), as English "prisoners of war"."""
    from fullpicture import analyze

    text = "Les gardiens surveillaient des prisonniers de guerre. La guerre a repris en septembre."
    a = analyze(text)
    starts = [e.trigger.start for e in a.events if e.trigger.text == "guerre"]
    assert starts == [text.rindex("guerre")]
