"""Claim extraction on hand-built parses: shapes the shipped parser gives only now and then."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from fullpicture.nlp.claims._extract import ClaimExtractor


def _doc(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A parsed doc from (word, head index, dep, lemma, pos) rows, one sentence."""
    words, heads, deps, lemmas, pos = (list(col) for col in zip(*rows, strict=True))
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, lemmas=lemmas, pos=pos,
               sent_starts=[True] + [False] * (len(rows) - 1))


def test_naming_relative_clause_before_its_noun_is_cut_from_the_name():
    # the parse hangs "calls" as a relative clause on the noun after it, so the noun's subtree
    # holds the cue; the name is what follows the clause (the check compared Tokens with `is`
    # and never held, so the name came out as "what Eastland calls the zone")
    doc = _doc([
        ("Troops", 1, "nsubj", "troop", "NOUN"), ("entered", 1, "ROOT", "enter", "VERB"),
        ("what", 4, "dobj", "what", "PRON"), ("Eastland", 4, "nsubj", "Eastland", "PROPN"),
        ("calls", 6, "relcl", "call", "VERB"), ("the", 6, "det", "the", "DET"),
        ("zone", 1, "dobj", "zone", "NOUN"), (".", 1, "punct", ".", "PUNCT"),
    ])
    claim = ClaimExtractor()._naming(doc, doc[4], [])
    assert claim is not None and claim.kind == "naming"
    assert doc.text[claim.content[0]:claim.content[1]] == "the zone"
    assert doc.text[claim.source[0]:claim.source[1]] == "Eastland"
