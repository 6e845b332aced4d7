"""``seeded_text``: the document's text from ``doc_text``'s cache, never cached on the Doc itself
(a long text's pieces are merged by ``Doc.from_docs``, which warns about user data it skips)."""

from __future__ import annotations

import warnings

import spacy
from spacy.tokens import Doc

from fullpicture.nlp._doctext import doc_text, seeded_text, text_key


def test_unseeded_piece_builds_the_text_and_stores_nothing() -> None:
    nlp = spacy.blank("en")
    piece = nlp.make_doc("Rainfall closed the Varnel pass on a Tuesday.\n")
    assert seeded_text(piece) == piece.text
    assert piece.user_data == {}
    other = nlp.make_doc("Two ferries ran late.")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # W102 would be raised here
        merged = Doc.from_docs([piece, other], ensure_whitespace=False)
    assert merged.text == piece.text + other.text


def test_seeded_document_reads_the_cached_text() -> None:
    nlp = spacy.blank("en")
    doc = nlp.make_doc("The Orlan dam held overnight.")
    doc_text(doc)  # seeds the cache
    assert text_key(doc) in doc.user_data
    assert seeded_text(doc) is doc.user_data[text_key(doc)]
    assert seeded_text(doc) == doc.text
