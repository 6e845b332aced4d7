"""``nlp._shared.climb``: up the heads while the dependency is one of those given (invented words)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from fullpicture.nlp._shared import climb


def _doc() -> Doc:
    # a hand-made tree: "Eastland" -> "Ministry" -> "officials" (compounds), "Zorvik" a conjunct of "Ministry"
    words = ["Eastland", "Ministry", "and", "Zorvik", "officials", "left"]
    heads = [1, 4, 1, 1, 5, 5]
    deps = ["compound", "compound", "cc", "conj", "nsubj", "ROOT"]
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_climb_goes_up_through_the_given_dependencies_only():
    doc = _doc()
    assert climb(doc[0], ("compound",)).text == "officials"  # compound -> compound -> the noun
    assert climb(doc[3], ("conj",)).text == "Ministry"  # a conjunct up to its first conjunct
    assert climb(doc[3], ("conj", "compound")).text == "officials"
    assert climb(doc[4], ("compound",)).text == "officials"  # not a compound: stays
    assert climb(doc[4], ("nsubj", "ROOT")).text == "left"  # stops at the sentence root
