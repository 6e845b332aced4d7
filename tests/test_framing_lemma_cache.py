"""The lexicon's lemma patterns are the same whether their lemmas come from the model or from
the cache file (speed only: the file saves running the tagger on every term at start-up)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from fullpicture.nlp.framing._lemmacache import cached_lemmas
from fullpicture.nlp.framing._match import _LEMMA_PIPES, LexiconMatcher

TEXT = (
    "The occupiers shelled the town and the militants were neutralised, officials said. "
    "Separatists claimed they had liberated the villages; the invaders denied it.\n\n"
    "Terrorists attacked, and the regime's forces were described as liberators."
)


def _reference_lemmas(nlp, terms):
    """The lemmas as the matcher computed them before the cache: each term run through the
    tok2vec, tagger, attribute ruler and lemmatizer by hand."""
    procs = [nlp.get_pipe(p) for p in _LEMMA_PIPES if p in nlp.pipe_names]
    out = []
    for term in terms:
        doc = nlp.make_doc(term)
        for proc in procs:
            doc = proc(doc)
        out.append([t.lemma_ for t in doc])
    return out


def _matches(matcher, doc):
    return sorted((doc.vocab.strings[m], s, e) for m, s, e in matcher.lemma(doc))


@pytest.fixture()
def entries():
    from fullpicture.nlp.framing import lexicon_entries

    return lexicon_entries(())


def test_cached_lemmas_match_the_model(nlp, entries, tmp_path, monkeypatch):
    monkeypatch.setenv("FULLPICTURE_CACHE_DIR", str(tmp_path))
    terms = [t for e in entries if e.match == "lemma" for t in e.terms]
    assert terms
    expected = _reference_lemmas(nlp, terms)
    docs = [nlp.make_doc(t) for t in terms]
    words = [([t.text for t in d], [bool(t.whitespace_) for t in d]) for d in docs]
    calls = []

    def compute():
        calls.append(1)
        return _reference_lemmas(nlp, terms)

    assert cached_lemmas(nlp, list(_LEMMA_PIPES), words, compute) == expected
    assert list(tmp_path.glob("lemmas-*.json"))
    assert cached_lemmas(nlp, list(_LEMMA_PIPES), words, compute) == expected
    assert len(calls) == 1  # the second read the file
    # other terms or pipes: another file, computed afresh
    cached_lemmas(nlp, ["lemmatizer"], words, compute)
    assert len(calls) == 2


def test_matcher_from_cache_matches_as_before(nlp, entries, tmp_path, monkeypatch):
    monkeypatch.setenv("FULLPICTURE_CACHE_DIR", str(tmp_path))
    first = LexiconMatcher(nlp, entries)  # computes and writes the file
    second = LexiconMatcher(nlp, entries)  # reads it
    doc = nlp(TEXT)
    # the patterns the matcher had before the cache: Docs processed by the pipes themselves
    reference = type(first.lemma)(nlp.vocab, attr="LEMMA")
    grouped = defaultdict(list)
    terms = [(str(i), t) for i, e in enumerate(entries) if e.match == "lemma" for t in e.terms]
    for (key, _), lemmas in zip(terms, _reference_lemmas(nlp, [t for _, t in terms]), strict=True):
        d = nlp.make_doc(_)
        for tok, lemma in zip(d, lemmas, strict=True):
            tok.lemma_ = lemma
        grouped[key].append(d)
    for key, docs in grouped.items():
        reference.add(key, docs)
    got = _matches(second, doc)
    assert got == _matches(first, doc) == sorted((doc.vocab.strings[m], s, e) for m, s, e in reference(doc))
    assert got  # the text holds lemma-matched terms
    assert len(second.lemma) == len(first.lemma) == len(reference)


def test_unwritable_cache_still_computes(nlp, tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("FULLPICTURE_CACHE_DIR", str(blocked / "sub"))
    words = [(["attacks"], [False])]
    assert cached_lemmas(nlp, ["lemmatizer"], words, lambda: [["attack"]]) == [["attack"]]


def test_a_damaged_file_is_recomputed(nlp, tmp_path, monkeypatch):
    monkeypatch.setenv("FULLPICTURE_CACHE_DIR", str(tmp_path))
    words = [(["attacks"], [False])]
    assert cached_lemmas(nlp, ["lemmatizer"], words, lambda: [["attack"]]) == [["attack"]]
    for p in tmp_path.glob("lemmas-*.json"):
        p.write_text('[["a", "b"]]')  # wrong shape for these words
    assert cached_lemmas(nlp, ["lemmatizer"], words, lambda: [["attack"]]) == [["attack"]]
