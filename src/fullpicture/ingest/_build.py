"""From a reader's RawDocument to a zoned, language-tagged :class:`Document`."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from fullpicture._errors import EmptyInputError, TooLargeError
from fullpicture.ingest._authors import byline_date, find_authors
from fullpicture.ingest._document import Document, content_id
from fullpicture.ingest._lang import detect_language
from fullpicture.ingest._perspective import find_perspective
from fullpicture.ingest._raw import RawDocument
from fullpicture.ingest._safe import clean, sanitize
from fullpicture.ingest._zones import build_zones
from fullpicture.models import Author, DocumentInfo
from fullpicture.settings import Settings

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$")


def iso_date(value: str | None) -> str | None:
    """An ISO 8601 date/datetime string, or None when the value cannot be read as one."""
    if not value:
        return None
    v = str(value).strip()
    if _ISO.match(v):
        return v.replace(" ", "T")
    try:
        return datetime.fromisoformat(v).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(v).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _sanitise(raw: RawDocument) -> list[str]:
    """Replace lone surrogates in the blocks and metadata of ``raw``; notes saying so."""
    n_text = 0
    for block in raw.blocks:
        block.text, n = sanitize(block.text)
        n_text += n
    n_meta = 0
    for attr in ("title", "published", "site", "url", "perspective", "source"):
        value = getattr(raw, attr)
        if isinstance(value, str):
            value, n = sanitize(value)
            setattr(raw, attr, value)
            n_meta += n
    authors: list[Any] = []
    for a in raw.authors:
        if isinstance(a, str):
            a, n = sanitize(a)
            n_meta += n
        elif isinstance(a, Author):
            name, n1 = sanitize(a.name)
            aff, n2 = sanitize(a.affiliation) if a.affiliation else (None, 0)
            if n1 or n2:
                a = a.model_copy(update={"name": name, "affiliation": aff})
            n_meta += n1 + n2
        authors.append(a)
    raw.authors = authors
    notes = []
    if n_text:
        notes.append(f"replaced {n_text} lone surrogate code point(s) in the text with U+FFFD (invalid Unicode)")
    if n_meta:
        notes.append(f"replaced {n_meta} lone surrogate code point(s) in the metadata with U+FFFD (invalid Unicode)")
    return notes


def to_document(
    raw: RawDocument,
    source: str,
    settings: Settings,
    perspective: str | None = None,
    *,
    min_chars: int | None = None,
) -> Document:
    """Assemble, zone and describe one document. Raises InputError subclasses on bad input.

    Text and metadata are sanitised first: lone surrogates (not encodable as UTF-8) become
    U+FFFD, and the document's ``notes`` say how many were replaced."""
    notes = _sanitise(raw)
    source = clean(source)
    text, hints = raw.assemble()
    need = int(settings.get("ingest", "min_chars", 20)) if min_chars is None else min_chars
    if not text.strip() or len(text) < need:
        raise EmptyInputError(source, f"no usable text ({len(text)} characters)", f"a document needs at least {max(need, 1)} characters of text")
    limit = int(settings.get("pipeline", "max_chars", 1_000_000))
    if len(text) > limit:
        raise TooLargeError(source, f"text is {len(text):,} characters, over the limit of {limit:,}", "split it, or raise [pipeline] max_chars in a --settings file")
    zones, units = build_zones(text, hints, raw.title)
    title = raw.title
    if not title:
        first = next((u for u in units[:3] if u.kind == "heading" and not u.byline), None)
        if first is not None:
            title = first.text.strip()
    codes = settings.get("ingest", "languages", None)
    info = DocumentInfo(
        id=content_id(text),
        source=source,
        url=raw.url or None,
        title=title or None,
        language=detect_language(text, tuple(codes) if codes else None),
        published=iso_date(raw.published) or byline_date(units),
        authors=find_authors(units, raw.authors),
        perspective=find_perspective(text, zones, perspective, raw.perspective),
        site=raw.site,
        format=raw.format,
        notes=notes,
    )
    return Document(text=text, info=info, zones=tuple(zones))
