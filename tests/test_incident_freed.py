"""Captives freed in a raid join the raid's row (session 22).

Shape restated in invented words from real multi-side coverage: reports in two languages tell that
the army freed hostages "during an operation" in a camp; the freeing (typed like a release of
persons) formed a row of its own beside the operation's (``[freed]`` of
data/events/incidents.toml, align/_freed.py, ``incident_freed_before_chars``). Both sides are read
alike: the rule looks at words, never at who acts."""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventfeat import build_features
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import incident_lexicon, is_consequence
from fullpicture.align._incidents import hosts_of
from fullpicture.align._util import EntityIndex
from tests.helpers import analyze_text


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _m(lemma: str, typ: str, span: tuple[int, int] = (0, 80), **extra: object) -> MentionFeatures:
    return MentionFeatures(doc="d", lemma=lemma, type=typ, family=typ, sentence="...", span=span,
                           interval=(738000, 738000), extra=dict(extra))


def _freed(text: str, published: str = "2030-03-05") -> dict[str, bool]:
    a = analyze_text(text, published=published)
    feats, refs = build_features([a], EntityIndex([a]), _cfg())
    return {refs[i][1].trigger.text: bool(f.extra.get("freed")) for i, f in enumerate(feats)}


def test_hostages_freed_in_an_operation_are_its_outcome() -> None:
    # (English tells it with "rescued", a consequence already; French and Russian with "free")
    fr = _freed("L'armée a annoncé lundi avoir libéré trois otages lors d'une opération à Eastcamp.")
    assert fr.get("libéré") is True
    ru = _freed("Армия сообщила, что в ходе операции в Истлагере были освобождены три заложника.")
    assert ru.get("освобождены") is True


def test_a_town_freed_is_no_captive_freed() -> None:
    told = _freed("L'armée a annoncé lundi avoir libéré la ville d'Eastcamp lors d'une opération.")
    assert told.get("libéré") is not True


def test_a_freeing_of_captives_hangs_on_the_operation_of_its_sentence() -> None:
    freeing = _m("free", "RETREAT", freed=True)
    raid = _m("operation", "ASSAULT")
    lex = incident_lexicon()
    assert is_consequence(freeing, lex)
    assert not is_consequence(_m("free", "RETREAT"), lex)
    assert hosts_of([freeing, raid], _cfg()) == {0: 1}


def test_off_by_setting() -> None:
    a = analyze_text("L'armée a annoncé lundi avoir libéré trois otages lors d'une opération à Eastcamp.",
                     published="2030-03-05")
    feats, _ = build_features([a], EntityIndex([a]), _cfg(incident_freed_before_chars=0))
    assert not any(f.extra.get("freed") for f in feats)
