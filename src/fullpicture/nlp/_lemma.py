"""spaCy's lemmatizer read and written through token arrays: the same lemmas, less time.

spaCy's ``lemmatizer`` walks every token in Python, builds its cache key from three token
properties and sets ``token.lemma_`` one token at a time (about 2 ms per news document). Its
rule and lookup modes give a token's lemma from the token's text, POS and morphology only, so
:class:`ArrayLemmatizer` reads those (and the lemmas already set, by the attribute ruler's
exceptions) with one ``doc.to_array``, looks each token's ``(orth, pos, morph)`` up in a
per-process dict, asks spaCy's own ``lemmatize`` only on a miss, and writes all the lemmas with
one ``doc.from_array``:

* on a miss spaCy's own rules run, with the word lists of its ``lemma_index`` table read as sets
  (:func:`_set_lookups`; a linear scan of 57,528 nouns per test otherwise);

* a token whose lemma is set already keeps it (unless the lemmatizer ``overwrite``\\ s), as in
  spaCy's ``__call__``;
* the dict holds lemma *strings*: a lemma first seen inside a memory zone is freed with the
  zone's strings, so each document adds the strings it writes (``vocab.strings.add``, as
  ``token.lemma_ = ...`` does);
* the dict is emptied, like spaCy's own ``cache``, past ``[pipeline] lemma_cache`` entries
  (:func:`fullpicture.nlp._zone.trim_caches`).

Only lemmatizers whose result is known to depend on nothing else are swapped: spaCy's
``Lemmatizer``, ``EnglishLemmatizer`` and ``FrenchLemmatizer`` in ``rule`` or ``lookup`` mode.
The object keeps its class's everything else (name, factory, lookups, ``to_disk``): a saved
pipeline reloads as spaCy's. ``pipeline.parse_pipeline`` swaps it (``[pipeline]
array_lemmas``); ``tests/test_lemma.py`` checks it against spaCy's lemmatizer token by token.
"""

from __future__ import annotations

import importlib
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

_MODES = ("rule", "lookup")
_COLS = [ORTH, POS, MORPH, LEMMA]


class _ArrayLemmas:
    """The array ``__call__`` mixed into a spaCy lemmatizer class (see the module docstring)."""

    array_cache: dict[tuple[int, int, int], str]

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of every token of ``doc`` that has none (every token with ``overwrite``)."""
        me: Any = self
        if not me._validated:
            me._validate_tables(Errors.E1004)
        try:
            return _lemmatize(me, doc)
        except Exception as e:
            me.get_error_handler()(me.name, me, [doc], e)
            return doc


def _lemmatize(lem: Any, doc: Doc) -> Doc:
    if not len(doc):
        return doc
    arr = doc.to_array(_COLS)
    lemmas = arr[:, 3]
    todo = np.arange(len(doc)) if lem.overwrite else np.flatnonzero(lemmas == 0)
    if not len(todo):
        return doc
    cache = lem.__dict__.get("array_cache")
    if cache is None:
        cache = lem.__dict__["array_cache"] = {}
    add = doc.vocab.strings.add
    lemmatize = lem.lemmatize
    written: dict[tuple[int, int, int], int] = {}  # this document's keys -> lemma hash
    out = lemmas.copy()
    rows = arr[todo, :3].tolist()
    own = lem.lookups
    try:
        for i, key in zip(todo.tolist(), map(tuple, rows), strict=True):
            h = written.get(key)
            if h is None:
                lemma = cache.get(key)
                if lemma is None:
                    lem.lookups = _set_lookups(lem, own)  # a miss: spaCy's rules, on set indexes
                    lemma = cache[key] = lemmatize(doc[i])[0]
                h = written[key] = add(lemma)
            out[i] = h
    finally:
        lem.lookups = own
    doc.from_array([LEMMA], out)  # type: ignore[arg-type]
    return doc


def _set_lookups(lem: Any, own: Lookups) -> Lookups:
    """``own`` with each ``lemma_index`` list as a frozenset (made once per lookups object).

    spaCy's rules test ``form in index`` on the word lists of ``lemma_index`` (57,528 English
    nouns: a linear scan per test, about 0.1 ms a word); the index is used for nothing but
    membership and truthiness, which a set answers alike. The other tables are the same objects.
    The sets live only in this copy, which stands in for ``lookups`` during a call: the
    lemmatizer's own tables (what ``to_disk`` writes) stay lists."""
    got = lem.__dict__.get("_fp_set_lookups")
    if got is not None and got[0] is own:
        return got[1]
    shadow = Lookups()
    for name in own.tables:
        table = own.get_table(name)
        if name == "lemma_index":
            sets = Table(name=name)
            for k, v in table.items():
                sets[k] = frozenset(v) if isinstance(v, list) else v
            table = sets
        shadow.set_table(name, table)
    lem.__dict__["_fp_set_lookups"] = (own, shadow)
    return shadow


class ArrayLemmatizer(_ArrayLemmas, Lemmatizer):
    """spaCy's ``Lemmatizer`` with the array ``__call__``."""


class ArrayEnglishLemmatizer(_ArrayLemmas, EnglishLemmatizer):
    """spaCy's ``EnglishLemmatizer`` with the array ``__call__``."""


#: spaCy lemmatizer classes whose ``rule``/``lookup`` lemma is a function of (orth, pos, morph),
#: and their array versions (the French one made when a French pipeline has imported its class:
#: importing ``spacy.lang.fr`` costs about a second of regular-expression compiling).
_ARRAY: dict[type, type] = {Lemmatizer: ArrayLemmatizer, EnglishLemmatizer: ArrayEnglishLemmatizer}
_LAZY = {"ArrayFrenchLemmatizer": ("spacy.lang.fr.lemmatizer", "FrenchLemmatizer")}


def __getattr__(name: str) -> type:
    """The array class of a lemmatizer of a language package, made on first use (so that a
    pickled lemmatizer of that class finds it)."""
    if name not in _LAZY:
        raise AttributeError(name)
    module, base_name = _LAZY[name]
    base = getattr(importlib.import_module(module), base_name)
    cls = type(name, (_ArrayLemmas, base), {"__module__": __name__, "__doc__": f"spaCy's ``{base_name}`` with the array ``__call__``."})
    globals()[name] = cls
    _ARRAY[base] = cls
    return cls


def _array_class(cls: type) -> type | None:
    got = _ARRAY.get(cls)
    if got is None:
        for name, (module, base_name) in _LAZY.items():
            if cls.__module__ == module and cls.__name__ == base_name:
                got = __getattr__(name)
    return got if _ARRAY.get(cls) is got else None


def use_array_lemmas(nlp: Language) -> bool:
    """Make ``nlp``'s ``lemmatizer`` read and write token arrays (same object, lookups, name
    and factory); False (nothing changed) when there is none or it is not one of spaCy's
    known rule/lookup lemmatizers."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lem = nlp.get_pipe("lemmatizer")
    array = _array_class(type(lem))
    if array is None or getattr(lem, "mode", None) not in _MODES:
        return False
    lem.__class__ = array
    return True
