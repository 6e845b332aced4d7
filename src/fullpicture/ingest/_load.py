"""Minimal loaders (placeholder: the foundation issue replaces these with full readers and zoning)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from fullpicture._errors import EmptyInputError
from fullpicture.ingest._document import Document, content_id
from fullpicture.models import DocumentInfo, Perspective, Zone
from fullpicture.settings import Settings


def load_text(
    text: str,
    *,
    source: str,
    settings: Settings | None = None,
    perspective: str | None = None,
    published: str | None = None,
    title: str | None = None,
) -> Document:
    """Build a Document from raw text (NFC-normalized, one body zone)."""
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise EmptyInputError(source, "no text")
    info = DocumentInfo(
        id=content_id(text),
        source=source,
        title=title,
        published=published,
        perspective=Perspective(label=perspective, origin="user") if perspective else None,
        format="text",
    )
    return Document(text=text, info=info, zones=(Zone(kind="body", start=0, end=len(text)),))


def read_path(
    path: Path, *, settings: Settings | None = None, perspective: str | None = None
) -> list[Document]:
    """Read one file into documents."""
    return [load_text(path.read_text(encoding="utf-8"), source=str(path), perspective=perspective)]
