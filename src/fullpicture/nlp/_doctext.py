"""The text of a ``Doc``, built once (the lowest nlp helper: every layer may use it)."""

from __future__ import annotations

from spacy.tokens import Doc


def text_key(doc: Doc) -> str:
    """The ``doc.user_data`` key under which the text is kept."""
    return f"fp_text:{len(doc)}"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document (spaCy joins every token on each access)."""
    key = text_key(doc)
    text = doc.user_data.get(key)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[key] = text
    return text
