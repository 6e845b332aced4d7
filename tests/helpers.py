"""Small helpers for tests."""

from __future__ import annotations


def analyze_text(text: str, published: str | None = None, perspective: str | None = None):
    """Analyse a literal text, optionally with a publication date."""
    from fullpicture import analyze_document, load_settings
    from fullpicture.ingest import load_text

    doc = load_text(text, source="<test>", published=published, perspective=perspective)
    return analyze_document(doc, load_settings())
