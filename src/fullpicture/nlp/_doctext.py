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


def seeded_text(doc: Doc) -> str:
    """``doc.text``, from :func:`doc_text`'s cache where it holds the text, else built, but never
    cached: for a component that also runs on a long text's pieces, whose user data
    ``Doc.from_docs`` would warn about (W102) when it merges them."""
    text = doc.user_data.get(text_key(doc))
    return text if isinstance(text, str) else doc.text


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token (``[t.idx for t in doc]``), built once per document:
    walking the ``Doc`` builds a ``Token`` object per token on each pass."""
    key = f"fp_idx:{len(doc)}"
    starts = doc.user_data.get(key)
    if not isinstance(starts, list):
        from spacy.attrs import IDX

        starts = doc.to_array([IDX]).tolist() if len(doc) else []
        doc.user_data[key] = starts
    return starts
