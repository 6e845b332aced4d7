"""Happenings told by words no event read, session 30 (invented sentences restating shapes of
real reports): a claim of responsibility ("claimed responsibility for the raid", "взяла на себя
ответственность") is an act of word of its own type, and an inquiry's finding ("identified two
suspects in the bombing", "установили, что к взрыву причастны") an inquiry mention, only where
its sentence names a happening (nlp/events/_findings.py); a verb of finding out or of saying alone
makes none. Both join the row of the happening they tell (align/_inquiries.claim_hosts,
inquiries): a report whose only words for the happening were such acts met no other report.
"""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


def _types(text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in analyze_text(text, published="2031-04-02").events}


@pytest.mark.parametrize(("text", "word", "kind"), [
    ("The Northern Front has claimed responsibility for the raid on Kelvo.", "claimed", "CLAIM"),
    ("Ответственность за теракт в Кельво взяла на себя другая сторона.", "взяла", "CLAIM"),
    ("Le groupe a revendiqué la responsabilité de l'attaque de Kelvo.", "revendiqué", "CLAIM"),
    ("Investigators have identified two suspects in the Kelvo bombing.", "identified", "INVESTIGATE"),
    ("Следователи установили, что к взрыву в Кельво причастны трое.", "установили", "INVESTIGATE"),
    ("Установлены подозреваемые в подготовке теракта в Кельво.", "Установлены", "INVESTIGATE"),
    ("Les enquêteurs ont établi que l'explosion de Kelvo a été provoquée par une bombe.", "établi", "INVESTIGATE"),
])
def test_an_act_of_word_whose_object_is_the_happening_is_a_mention(text: str, word: str, kind: str) -> None:
    types = _types(text)
    assert types.get(word) == kind, types


@pytest.mark.parametrize(("text", "word"), [
    ("Police identified the driver of the van on Monday.", "identified"),
    ("Investigators established that the van had been rented in Kelvo.", "established"),
    ("Следователи установили маршрут грузовика.", "установили"),
    ("The minister claimed the talks in Kelvo had gone well.", "claimed"),
])
def test_a_verb_of_finding_out_or_saying_alone_makes_no_mention(text: str, word: str) -> None:
    assert word not in _types(text)


@pytest.mark.slow
def test_a_claim_told_after_its_happening_joins_its_row() -> None:
    """The claim's report tells the raid only in the sentence before; the claim joins that row."""
    from tests._events_helpers import compare_groups
    from tests.helpers import lexical_settings

    comp = compare_groups(lexical_settings(), [
        ("north", [("2031-04-02", "Gunmen attacked the village of Kelvo on Tuesday, officials said.")]),
        ("south", [("2031-04-02", "Armed men attacked Kelvo on Tuesday. The Northern Front has claimed "
                                  "responsibility for the events.")]),
    ])
    claims = {(a.document.id, e.id) for a in comp.documents for e in a.events if e.trigger.text == "claimed"}
    rows = [e for e in comp.events if any((m.document, m.event) in claims for m in e.mentions)]
    assert len(rows) == 1 and len({m.document for m in rows[0].mentions}) == 2


@pytest.mark.slow
def test_a_claim_told_before_its_happening_joins_its_row() -> None:
    """A headline's claim over the raid's lead joins the raid's row."""
    from tests._events_helpers import compare_groups
    from tests.helpers import lexical_settings

    comp = compare_groups(lexical_settings(), [
        ("north", [("2031-04-02", "Gunmen attacked the village of Kelvo on Tuesday, officials said.")]),
        ("south", [("2031-04-02", "The Northern Front claims responsibility for the Kelvo events.\n\n"
                                  "Armed men attacked Kelvo on Tuesday.")]),
    ])
    claims = {(a.document.id, e.id) for a in comp.documents for e in a.events if e.trigger.text == "claims"}
    rows = [e for e in comp.events if any((m.document, m.event) in claims for m in e.mentions)]
    assert len(rows) == 1 and len({m.document for m in rows[0].mentions}) == 2
