"""Helpers for the claims/figures/events tests: analyse a text, optionally with explicit zones."""

from __future__ import annotations

from fullpicture.models import Analysis


def analyze_zoned(text: str, zones: list[tuple[str, int, int]], published: str | None = None) -> Analysis:
    """Analyse ``text`` with the given ``(kind, start, end)`` zones instead of detected ones."""
    from fullpicture import analyze_document, load_settings
    from fullpicture.ingest import Document
    from fullpicture.ingest._document import content_id
    from fullpicture.models import DocumentInfo, Zone

    info = DocumentInfo(id=content_id(text), source="<test>", published=published, format="text")
    doc = Document(text=text, info=info, zones=tuple(Zone(kind=k, start=s, end=e) for k, s, e in zones))  # type: ignore[arg-type]
    return analyze_document(doc, load_settings())


def entity_name(a: Analysis, eid: str | None) -> str | None:
    """The name of an entity id in an analysis."""
    for e in a.entities:
        if e.id == eid:
            return e.name
    return None
