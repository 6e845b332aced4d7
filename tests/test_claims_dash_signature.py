"""Reader voices signed with a dash after their quotation ('"…"― Name'), through the shipped chain:
the cue classifier does not judge the rules' signatures (the dash often sticks to the closing
mark as one token) and no source runs over the line break after the name."""

from __future__ import annotations

import pytest

from fullpicture import load_settings
from fullpicture.nlp.claims._learned import AttributionExtractor
from fullpicture.nlp.pipeline import parse_pipeline
from tests.conftest import attribution_texts

_VOICES = [
    ("“The new bridge was promised for years. Nobody in the valley believes the council any more.”", "Orla Fenwick"),
    ("“I am tired of the noise from the quarry. It starts before six every single morning.”", "Teodor Halvik"),
    ("“My shop lost half its customers after the road closed. The compensation never came.”", "Mira Santal"),
    ("“We asked three times for a public meeting. They answered with a leaflet.”", "Jonas P. Ardell"),
]


@pytest.fixture(scope="module")
def chain():
    settings = load_settings()
    return parse_pipeline(settings), AttributionExtractor.from_settings(settings.data)


@pytest.mark.parametrize("gap", ["", " ", "\xa0"])
def test_every_signed_voice_keeps_its_name_as_source(chain, gap):
    nlp, ex = chain
    text = "Residents answered our survey about the quarry road.\n\n" + "".join(
        f"{quote}{gap}― {name}\xa0\n" for quote, name in _VOICES)
    got = [(src, cue, content) for src, cue, content, _ in attribution_texts(ex(nlp(text)), text) if cue == "―"]
    assert got == [(name, "―", quote) for quote, name in _VOICES]


def test_no_source_runs_over_a_line_break(chain):
    from fullpicture.nlp.claims._source_model import candidates

    nlp, ex = chain
    quote, name = _VOICES[0]
    text = f"{quote}― {name}\xa0\n“I’m so tired of waiting for the road.”― Ida Rusk\n"
    doc = nlp(text)
    claims = ex.rules(doc)
    assert len(claims) == 2
    assert not [text[a:b] for c in claims for (a, b), _, _ in candidates(doc, c) if "\n" in text[a:b]]
    assert [src for src, _, _, _ in attribution_texts(ex(doc), text)] == [name, "Ida Rusk"]
