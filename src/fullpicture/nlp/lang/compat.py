"""``fp_ud_compat``: make a French or Russian parse readable by the English-shaped layers.

The layers were written against spaCy's English labels (ClearNLP dependencies, OntoNotes
entity types). The French and Russian models speak Universal Dependencies and the
WikiNER/Slovnet PER/LOC/ORG/MISC types. This component renames the labels that have a direct
English counterpart (the tree itself is untouched); the table is
``[pipeline.ud_compat]`` in ``settings/pipeline.toml``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from fullpicture.nlp._datelines import dateline_spans
from fullpicture.nlp._doctext import seeded_text

_DEPS = {
    "obj": "dobj", "nsubj:pass": "nsubjpass", "aux:pass": "auxpass", "csubj:pass": "csubjpass",
    "nmod:poss": "poss", "acl:relcl": "relcl", "expl:pass": "expl",
}
_ENTS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}


class UDCompat:
    """Renames UD dependency labels and PER/LOC/ORG entity labels; drops MISC entities."""

    def __init__(self, settings: dict[str, Any]) -> None:
        cfg = dict(settings.get("pipeline", {}).get("ud_compat", {})) if isinstance(settings, dict) else {}
        self.deps = {**_DEPS, **dict(cfg.get("deps", {}))}
        self.ents = {**_ENTS, **dict(cfg.get("ents", {}))}

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            new = self.deps.get(tok.dep_)
            if new:
                tok.dep_ = new
        ents = []
        titles = _honorifics().get(doc.lang_, frozenset())
        for ent in doc.ents:
            label = self.ents.get(ent.label_)
            if label and ent.start > 0 and doc[ent.start - 1].text in titles:
                label = "PERSON"  # "M. Al-Qedra", tagged a place
            if label:
                ents.append(Span(doc, ent.start, ent.end, label=label))
        if doc.lang_ == "fr":
            from fullpicture.nlp.lang.french_ents import refine_french

            ents = refine_french(doc, ents)
        doc.ents = ents
        return doc


@lru_cache(maxsize=1)
def _honorifics() -> dict[str, frozenset[str]]:
    """Titles before a person's name, per language (``data/lang/honorifics.toml``)."""
    from fullpicture._data import data_toml

    return {lang: frozenset(words) for lang, words in data_toml("lang", "honorifics.toml").items()}


@Language.factory("fp_ud_compat", default_config={"settings": {}})
def make_component(nlp: Language, name: str, settings: dict[str, Any]) -> UDCompat:
    """Factory for ``fp_ud_compat``."""
    return UDCompat(settings)


class ParagraphBreaks:
    """``fp_paragraphs``: a paragraph break ends a sentence (set before the parser, which keeps it).

    Parsers join a heading, or a paragraph's last sentence, with the next paragraph's first
    (spaCy's English model does so for about one sentence in eleven of the PolNeAR dev texts);
    the layers then read claims, dates and figures across the break. A break is a whitespace
    token holding at least ``min_newlines`` line breaks (``[pipeline.paragraph_newlines]``: 2,
    a blank line, for English, whose plain texts are often hard-wrapped; 1 for French). A
    dateline opening a line ("EASTCITY – Rockets hit ...", ``nlp._datelines``) starts a sentence
    after one line break too: the lead never runs into the headline above it.
    """

    def __init__(self, min_newlines: int = 1) -> None:
        self.min_newlines = max(1, min_newlines)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        starts = [0] if n else []
        # whitespace tokens read from one array: a Token is made only at a space token's break
        space = doc.to_array([IS_SPACE]).tolist() if n > 1 else []
        for i in range(n - 1):
            if space[i] and not space[i + 1] and doc[i].text.count("\n") >= self.min_newlines:
                starts.append(i + 1)
        if self.min_newlines > 1 and n > 1:
            starts = sorted({*starts, *_dateline_starts(doc, space)})
        marks = [(i, True) for i in starts[1:]]
        for i in starts:
            # a paragraph that opens with a number word ("Douze personnes ont été tuées"): the
            # parser may end a sentence after the number; the noun after it continues the sentence
            if i + 1 < n and doc[i].like_num and doc[i + 1].is_alpha and doc[i + 1].is_lower:
                marks.append((i + 1, False))
        if marks:
            _set_sent_starts(doc, marks)
        return doc


def _dateline_starts(doc: Doc, space: list[int]) -> list[int]:
    """Tokens that open a dateline at a line start after a line break (``space``: whether
    each token is whitespace). Nothing is cached on the ``Doc``: a long text's chunks are merged
    after this component, and merged documents keep no user data."""
    out = []
    for a, b in dateline_spans(seeded_text(doc)):
        span = doc.char_span(a, b, alignment_mode="expand")
        i = span.start if span is not None else 0
        if 0 < i < len(doc) and doc[i].idx == a and space[i - 1] and "\n" in doc[i - 1].text:
            out.append(i)
    return out


def _set_sent_starts(doc: Doc, marks: list[tuple[int, bool]]) -> None:
    """``doc[i].is_sent_start = value`` for each mark, in order, written with one ``from_array``:
    the setter checks the whole document's parse on each call (quadratic in a long text). A
    parsed document goes through the setter, which refuses it as before."""
    if doc.has_annotation("DEP"):
        for i, value in marks:
            doc[i].is_sent_start = value
        return
    starts = doc.to_array([SENT_START]).astype(np.int64)
    for i, value in marks:
        starts[i] = 1 if value else -1
    doc.from_array([SENT_START], starts.astype(np.uint64))  # type: ignore[arg-type]


@Language.factory("fp_paragraphs", default_config={"settings": {}})
def make_paragraphs(nlp: Language, name: str, settings: dict[str, Any]) -> ParagraphBreaks:
    """Factory for ``fp_paragraphs``."""
    pipeline = settings.get("pipeline", {})
    by_language = pipeline.get("paragraph_newlines", {}) or {}
    language = pipeline.get("language", "en")
    return ParagraphBreaks(int(by_language.get(language, by_language.get("default", 1))))
