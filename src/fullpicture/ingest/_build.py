"""From a reader's RawDocument to a zoned, language-tagged :class:`Document`."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

from fullpicture._errors import EmptyInputError, TooLargeError
from fullpicture.ingest._authors import byline_date, find_authors
from fullpicture.ingest._document import Document, content_id
from fullpicture.ingest._lang import detect_language
from fullpicture.ingest._perspective import find_perspective
from fullpicture.ingest._raw import RawDocument
from fullpicture.ingest._zones import build_zones
from fullpicture.models import DocumentInfo
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


def to_document(
    raw: RawDocument,
    source: str,
    settings: Settings,
    perspective: str | None = None,
    *,
    min_chars: int | None = None,
) -> Document:
    """Assemble, zone and describe one document. Raises InputError subclasses on bad input."""
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
        title=title or None,
        language=detect_language(text, tuple(codes) if codes else None),
        published=iso_date(raw.published) or byline_date(units),
        authors=find_authors(units, raw.authors),
        perspective=find_perspective(text, zones, perspective, raw.perspective),
        site=raw.site,
        format=raw.format,
    )
    return Document(text=text, info=info, zones=tuple(zones))
