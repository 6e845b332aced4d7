"""Helpers for the claims/figures/events tests: analyse a text, optionally with explicit zones."""

from __future__ import annotations

from typing import Any

from fullpicture.models import Analysis, Figure
from fullpicture.models.comparison import Comparison, Conflict


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


def compare_groups(settings: Any, groups: list[tuple[str, list[tuple[str, str]]]]) -> Comparison:
    """Compare texts grouped by side: ``groups`` is ``[(label, [(published, text), ...]), ...]``;
    each document's source starts with its side's label."""
    from fullpicture import analyze_documents
    from fullpicture.align import compare
    from fullpicture.ingest import load_text
    from fullpicture.models.comparison import Side

    docs = [load_text(t, source=f"{side}{i}", published=d)
            for side, texts in groups for i, (d, t) in enumerate(texts)]
    analyses = list(analyze_documents(docs, settings))
    sides = [Side(label=label, origin="user",
                  documents=[a.document.id for a in analyses if a.document.source.startswith(label)])
             for label, _ in groups]
    return compare(analyses, sides, settings=settings)


def killed_conflicts(comparison: Comparison) -> list[Conflict]:
    """The comparison's conflicts over the killed count."""
    return [c for e in comparison.events for c in e.conflicts if c.field == "figure:killed"]


def trigger_places(text: str, trigger: str, published: str = "2022-06-27") -> list[str | None]:
    """The place names of the events whose trigger is ``trigger`` in ``text`` (None where none)."""
    from tests.helpers import analyze_text

    a = analyze_text(text, published=published)
    return [entity_name(a, e.place) for e in a.events if e.trigger.text == trigger]


def figure_valued(a: Analysis, value: float) -> Figure:
    """The first figure of ``a`` whose value is ``value``."""
    return next(f for f in a.figures if f.value == value)
