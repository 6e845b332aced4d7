"""``fp_ud_compat``: make a French or Russian parse readable by the English-shaped layers.

The layers were written against spaCy's English labels (ClearNLP dependencies, OntoNotes
entity types). The French and Russian models speak Universal Dependencies and the
WikiNER/Slovnet PER/LOC/ORG/MISC types. This component renames the labels that have a direct
English counterpart (the tree itself is untouched); the table is
``[pipeline.ud_compat]`` in ``settings/pipeline.toml``.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

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
        for ent in doc.ents:
            label = self.ents.get(ent.label_)
            if label:
                ents.append(Span(doc, ent.start, ent.end, label=label))
        doc.ents = ents
        return doc


@Language.factory("fp_ud_compat", default_config={"settings": {}})
def make_component(nlp: Language, name: str, settings: dict[str, Any]) -> UDCompat:
    """Factory for ``fp_ud_compat``."""
    return UDCompat(settings)


class ParagraphBreaks:
    """``fp_paragraphs``: a blank line ends a sentence (set before the parser, which keeps it).

    The French model's parser joins a heading or a paragraph's last sentence with the next
    paragraph's first; the layers then read dates and figures across the break.
    """

    def __init__(self, newlines: int = 1) -> None:
        self.newlines = newlines

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[:-1]:
            if tok.is_space and tok.text.count("\n") >= self.newlines:
                nxt = doc[tok.i + 1]
                if not nxt.is_space:
                    nxt.is_sent_start = True
        return doc


@Language.factory("fp_paragraphs", default_config={"settings": {}})
def make_paragraphs(nlp: Language, name: str, settings: dict[str, Any]) -> ParagraphBreaks:
    """Factory for ``fp_paragraphs``: English breaks at a blank line (``[pipeline]
    paragraph_break_newlines``; its parser keeps a line-wrapped paragraph's sentences), the other
    languages at any line break."""
    pipe = settings.get("pipeline", {}) if isinstance(settings.get("pipeline"), dict) else {}
    default = 1 if pipe.get("language", "en") != "en" else int(pipe.get("paragraph_break_newlines", 2))
    return ParagraphBreaks(default)
