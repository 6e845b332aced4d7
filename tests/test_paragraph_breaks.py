"""``fp_paragraphs`` sets the sentence starts its token-by-token form set (read from arrays now)."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from fullpicture.nlp.lang.compat import ParagraphBreaks


def _by_tokens(doc: Doc, min_newlines: int) -> Doc:
    """The component's earlier form, one ``Token`` per token: the reference."""
    starts = [0] if len(doc) else []
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= min_newlines:
            nxt = doc[tok.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
                starts.append(nxt.i)
    for i in starts:
        if i + 1 < len(doc) and doc[i].like_num and doc[i + 1].is_alpha and doc[i + 1].is_lower:
            doc[i + 1].is_sent_start = False
    return doc


def test_same_sentence_starts_as_token_by_token():
    nlp = spacy.blank("en")
    texts = ["", "One", "\n\n", "Title\n\nBody text here.\nWrapped line.\n\n\nTwelve people died.",
             "A heading\n\n12 people were hurt\n\n  \n\nlast", "ends with a break\n\n"]
    docs = [(lambda t=t: nlp.make_doc(t)) for t in texts]
    # two whitespace tokens in a row, and a break before a number word and a lower-case word
    docs.append(lambda: Doc(nlp.vocab, words=["Intro", "\n\n", "\n", "twelve", "men", "\n\n", "12", "died"],
                            spaces=[False] * 8))
    for make in docs:
        for min_newlines in (1, 2, 3):
            want, got = _by_tokens(make(), min_newlines), ParagraphBreaks(min_newlines)(make())
            assert got.to_array([SENT_START]).tolist() == want.to_array([SENT_START]).tolist()
            assert [t.is_sent_start for t in got] == [t.is_sent_start for t in want]
            assert got.has_annotation("SENT_START") == want.has_annotation("SENT_START")


def test_a_parsed_document_is_refused_as_before():
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Title", "\n\n", "Body"], spaces=[False] * 3, heads=[0, 0, 0], deps=["ROOT", "dep", "dep"])
    with pytest.raises(ValueError):
        ParagraphBreaks(1)(doc)
