"""The array attribute ruler sets exactly what spaCy's attribute_ruler sets."""

from __future__ import annotations

import spacy
from spacy.pipeline import AttributeRuler

from fullpicture.nlp._attrs import ArrayAttributeRuler, use_array_attributes
from fullpicture.settings import load_settings

from .conftest import ROOT

_COLS = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START"]


def _texts() -> list[str]:
    files = sorted((ROOT / "examples").glob("*.md")) + sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files][:8]
    # the ruler's exceptions: "gonna", "y'all", "ain't", "let's", pronoun cases, "there is", "but" as adverb
    texts.append("I'm gonna tell y'all: it ain't over, let's go. There is a dog and it saw me. "
                 "It got them, but he gets it. Do you have it? \n\n  Yes.  ")
    return texts


def test_same_attributes_as_spacy_on_the_shipped_model():
    model = load_settings().get("pipeline", "model")
    ref, fast = spacy.load(model), spacy.load(model)
    assert use_array_attributes(fast)
    assert isinstance(fast.get_pipe("attribute_ruler"), ArrayAttributeRuler)
    assert fast.pipe_names == ref.pipe_names and fast.config["components"] == ref.config["components"]
    for a, b in zip(ref.pipe(_texts()), fast.pipe(_texts()), strict=True):
        assert (a.to_array(_COLS) == b.to_array(_COLS)).all()
        assert [(t.lemma_, str(t.morph), t.pos_, t.tag_, t.dep_) for t in a] == \
               [(t.lemma_, str(t.morph), t.pos_, t.tag_, t.dep_) for t in b]


def _rules() -> list[dict]:
    return [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
        {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
        {"patterns": [[{"LOWER": "dogs", "TAG": "NNS"}]], "attrs": {"LEMMA": "hound"}},
        {"patterns": [[{"LOWER": {"IN": ["the", "a"]}}, {"TAG": {"NOT_IN": ["NNS"]}}]],
         "attrs": {"POS": "PROPN"}, "index": -1},
        {"patterns": [[{"LOWER": {"REGEX": "^ca.s?$"}}]], "attrs": {"LEMMA": "feline"}},
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "X"}},  # a later rule overrides
    ]


def _tagged(nlp, text: str, tags: list[str]):
    doc = nlp.make_doc(text)
    for t, tag in zip(doc, tags, strict=True):
        t.tag_ = tag
    return doc


def test_same_attributes_on_hand_written_patterns():
    nlp = spacy.blank("en")
    ref = AttributeRuler(nlp.vocab)
    ref.add_patterns(_rules())
    fast = ArrayAttributeRuler(nlp.vocab)
    fast.add_patterns(_rules())
    assert fast._compiled() is not None
    text, tags = "the cat saw a dog and the dogs saw cats", ["DT", "NN", "VBD", "DT", "NN", "CC", "DT", "NNS", "VBD", "NNS"]
    a, b = ref(_tagged(nlp, text, tags)), fast(_tagged(nlp, text, tags))
    assert [(t.pos_, str(t.morph), t.lemma_) for t in a] == [(t.pos_, str(t.morph), t.lemma_) for t in b]
    assert [t.pos_ for t in b][:2] == ["", "X"] and b[7].lemma_ == "hound" and b[1].lemma_ == "feline"


def test_an_operator_falls_back_to_spacy():
    nlp = spacy.blank("en")
    rules = [{"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"LEMMA": "very"}}]
    fast = ArrayAttributeRuler(nlp.vocab)
    fast.add_patterns(rules)
    assert fast._compiled() is None
    doc = fast(nlp.make_doc("very very good"))
    assert [t.lemma_ for t in doc] == ["very", "very", ""]


def test_a_batch_sets_what_each_document_gets_alone():
    """``pipe`` runs each pattern once over a batch's arrays joined end to end: a two-token match
    never crosses from one document into the next, and each document gets what spaCy's ruler
    gives it alone (a document that ends in "the", the next starting with a verb; an empty one)."""
    nlp = spacy.blank("en")
    ref = AttributeRuler(nlp.vocab)
    ref.add_patterns(_rules())
    fast = ArrayAttributeRuler(nlp.vocab)
    fast.add_patterns(_rules())
    texts = [("we saw the", ["PRP", "VBD", "DT"]), ("saw a dog", ["VBD", "DT", "NN"]), ("", []),
             ("dogs and the", ["NNS", "CC", "DT"]), ("cats", ["NNS"]), ("a", ["DT"]), ("dog", ["NN"])]
    want = [ref(_tagged(nlp, text, tags)) for text, tags in texts]
    for size in (2, 3, 16):
        got = list(fast.pipe((_tagged(nlp, text, tags) for text, tags in texts), batch_size=size))
        assert [d.text for d in got] == [text for text, _ in texts]
        for a, b in zip(want, got, strict=True):
            assert [(t.pos_, str(t.morph), t.lemma_) for t in a] == [(t.pos_, str(t.morph), t.lemma_) for t in b]
    assert got[1][0].pos_ == "" and got[1][2].pos_ == "X"  # "saw" after another document's "the": no PROPN


def test_the_shipped_model_in_batches_as_one_by_one():
    model = load_settings().get("pipeline", "model")
    nlp = spacy.load(model)
    assert use_array_attributes(nlp)
    texts = _texts()
    one = [nlp(t).to_array(_COLS) for t in texts]
    batched = [d.to_array(_COLS) for d in nlp.pipe(texts, batch_size=4)]
    assert all((a == b).all() for a, b in zip(one, batched, strict=True))
