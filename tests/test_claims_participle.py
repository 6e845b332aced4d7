"""A speaker's participle after what the speaker said ("X said A, arguing B"): its own attribution
with the first verb's speaker, the first content ending before the comma, even where the parse
hangs the participle on a verb of the reported clause. Invented sentences."""

from __future__ import annotations

import pytest

from fullpicture import load_settings
from fullpicture.nlp.claims._learned import AttributionExtractor
from fullpicture.nlp.pipeline import parse_pipeline
from tests.conftest import attribution_texts


@pytest.fixture(scope="module")
def chain():
    settings = load_settings()
    return parse_pipeline(settings), AttributionExtractor.from_settings(settings.data), AttributionExtractor(learned=False)


CASES = [
    ("The mayor said she did not think the pier was unsafe, arguing that the storm had done little harm.",
     "think", "arguing",
     [("The mayor", "said", "she did not think the pier was unsafe"),
      ("The mayor", "arguing", "that the storm had done little harm")]),
    ("Jones argued that a fence would keep people out, saying it was all about order.",
     "keep", "saying",
     [("Jones", "argued", "that a fence would keep people out"), ("Jones", "saying", "it was all about order")]),
]


@pytest.mark.parametrize("shipped", [True, False])
@pytest.mark.parametrize("text, head, participle, expected", CASES)
def test_the_participle_takes_the_first_speaker(chain, shipped, text, head, participle, expected):
    nlp, learned, rules = chain
    doc = nlp(text)
    part = next(t for t in doc if t.text == participle)
    assert part.dep_ == "advcl" and part.head.text == head  # the shape under test: hung inside the content
    got = [(src, cue, content) for src, cue, content, _ in attribution_texts((learned if shipped else rules)(doc), text)]
    assert got == expected


def test_a_participle_with_its_own_subject_is_left_alone(chain):
    nlp, _, rules = chain
    text = "The mayor said the pier was unsafe, with the harbour board saying it was sound."
    got = [(src, cue, content) for src, cue, content, _ in attribution_texts(rules(nlp(text)), text)]
    assert got == [("The mayor", "said", "the pier was unsafe, with the harbour board saying it was sound")]
