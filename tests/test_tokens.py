"""The token arrays of nlp/_tokens hold what spaCy's Token and Span objects give, token by token."""

from __future__ import annotations

import gc

import pytest
import spacy
from spacy.tokens import Doc, Span

from fullpicture.nlp._tokens import _CACHE, Ent, token_arrays
from fullpicture.settings import load_settings

from .conftest import ROOT

_ODD = ("I'm gonna tell y'all: it ain't over.  \n\nWASHINGTON (AP) — The U.S.-backed forces took "
        "Kherson Oblast on Sept. 5, killing 12 people.\n  \n“They lied,” said Ms. O'Neil-Smith. "
        "L'Arménie et Ольха 3,000 km²… ")


def _texts() -> list[str]:
    files = sorted((ROOT / "examples").glob("*.md")) + sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files][:6] + [_ODD]


def _same(doc: Doc) -> None:
    toks = token_arrays(doc)
    assert toks.n == len(doc)
    rows = [(t.text, t.lower_, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.idx, t.whitespace_, t.is_sent_start,
             t.is_alpha, t.is_upper, t.is_lower, t.is_title, t.is_space, t.is_punct, t.is_digit, t.like_num,
             t.ent_type_) for t in doc]
    cols = list(zip(toks.text, toks.lower, toks.lemma, toks.pos, toks.tag, toks.dep, toks.head, toks.idx,
                    toks.whitespace, toks.sent_start, toks.is_alpha, toks.is_upper, toks.is_lower, toks.is_title,
                    toks.is_space, toks.is_punct, toks.is_digit, toks.like_num, toks.ent_type, strict=True))
    assert cols == rows
    assert toks.space == [bool(t.whitespace_) for t in doc]
    assert toks.is_quote == [t.is_quote for t in doc]
    if doc.has_annotation("SENT_START"):
        assert toks.sents == [(s.start, s.end) for s in doc.sents]
    else:
        with pytest.raises(ValueError):
            list(doc.sents)
        with pytest.raises(ValueError):
            toks.sents  # noqa: B018  (raises as doc.sents does)
    assert [(e.start, e.end, e.label_, e.text, len(e)) for e in toks.ents] == \
           [(e.start, e.end, e.label_, e.text, len(e)) for e in doc.ents]
    for start, end in [(0, 1), (0, len(doc)), (2, 9), (len(doc) - 3, len(doc)), (4, 4)]:
        assert toks.span_text(start, end) == doc[start:end].text


def test_arrays_match_spacy_on_the_shipped_model() -> None:
    nlp = spacy.load(load_settings().get("pipeline", "model"))
    for doc in nlp.pipe(_texts()):
        _same(doc)


def test_arrays_of_a_blank_pipeline_and_of_an_empty_doc() -> None:
    nlp = spacy.blank("ru")
    _same(nlp("Командование «Юг» сообщило:\n\n«мы отошли»."))
    empty = nlp("")
    toks = token_arrays(empty)
    assert toks.text == [] and toks.head == [] and toks.ents == () and toks.ent_type == [] and toks.span_text(0, 0) == ""


def test_built_once_per_doc_and_reachable_as_an_extension() -> None:
    import fullpicture.nlp.extensions  # noqa: F401  (declares doc._.fp_tokens)

    gc.collect()
    before = len(_CACHE)
    doc = spacy.blank("en")("Kyiv and Lviv.")
    toks = token_arrays(doc)
    assert len(_CACHE) == before + 1
    assert toks is token_arrays(doc) and doc._.fp_tokens is toks
    assert toks.text is toks.text
    assert not any(isinstance(k, str) and "token" in k for k in doc.user_data)  # nothing to serialise
    del doc, toks
    gc.collect()
    assert len(_CACHE) == before  # the arrays go with their Doc


def test_entities_are_read_again_after_doc_ents_changed() -> None:
    doc = spacy.blank("en")("Troops left Kherson Oblast for Mykolaiv on Monday.")
    toks = token_arrays(doc)
    assert toks.ents == ()
    doc.ents = [Span(doc, 2, 4, label="GPE"), Span(doc, 5, 6, label="GPE")]
    assert [(e.start, e.end, e.label_, e.text) for e in toks.ents] == [(2, 4, "GPE", "Kherson Oblast"), (5, 6, "GPE", "Mykolaiv")]
    assert toks.ent_type[2:7] == ["GPE", "GPE", "", "GPE", ""]
    doc.ents = [Span(doc, 2, 3, label="LOC")]
    assert [(e.start, e.end, e.label_) for e in toks.ents] == [(2, 3, "LOC")]
    assert toks.ent_type == [t.ent_type_ for t in doc]
    assert isinstance(toks.ents[0], Ent) and len(toks.ents[0]) == 1


def test_sentences_are_read_again_after_their_starts_changed() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Kyiv fell. Lviv held. Odesa waited.")
    toks = token_arrays(doc)
    assert toks.sents == [(s.start, s.end) for s in doc.sents] == [(0, 3), (3, 6), (6, 9)]
    assert toks.sents is toks.sents  # one list while the starts stay
    doc[3].is_sent_start = False
    doc[1].is_sent_start = True
    assert toks.sents == [(s.start, s.end) for s in doc.sents] == [(0, 1), (1, 6), (6, 9)]


def test_entity_spans_of_random_layouts_match_doc_ents() -> None:
    """Adjacent names, names at the first and last token, one-token names: the spans read from
    the IOB columns are spaCy's, whatever the layout."""
    import random

    nlp = spacy.blank("en")
    rng = random.Random(3)
    for _ in range(300):
        doc = nlp(" ".join(rng.choice(["Kyiv", "Lviv", "and", "the", "army", ",", "Oblast"]) for _ in range(rng.randint(1, 14))))
        spans, k = [], 0
        while k < len(doc):
            if rng.random() < 0.4:
                end = min(len(doc), k + rng.randint(1, 3))
                spans.append(Span(doc, k, end, label=rng.choice(["GPE", "ORG", "PERSON"])))
                k = end
            else:
                k += 1
        doc.ents = spans
        toks = token_arrays(doc)
        assert [(e.start, e.end, e.label_, e.text) for e in toks.ents] == [(e.start, e.end, e.label_, e.text) for e in doc.ents]
        assert toks.ent_type == [t.ent_type_ for t in doc]
