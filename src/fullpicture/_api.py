"""The public analysis functions. Pure: document in, analysis out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from fullpicture.ingest import Document
from fullpicture.models import Analysis
from fullpicture.settings import Settings, load_settings


def analyze_documents(
    documents: Iterable[Document], settings: Settings | None = None
) -> Iterator[Analysis]:
    """Analyse documents in a stream; each with its language's pipeline (loaded once per process)."""
    from fullpicture.nlp import pipeline

    return pipeline.analyze_documents(documents, settings or load_settings())


def analyze_document(document: Document, settings: Settings | None = None) -> Analysis:
    """Analyse one document. A pure, picklable function for process pools and Dask."""
    from fullpicture.nlp import pipeline

    return pipeline.analyze_document(document, settings or load_settings())


def analyze(
    text_or_path: str | Path,
    *,
    perspective: str | None = None,
    settings: Settings | None = None,
) -> Analysis:
    """Analyse a text, or the file at a path (the first document it holds).

    >>> a = analyze("Moscow vetoed the resolution on March 3rd, 2022.")  # doctest: +SKIP
    """
    from fullpicture.ingest import load_text, read_path

    settings = settings or load_settings()
    path = Path(text_or_path) if isinstance(text_or_path, Path) else None
    if path is None and isinstance(text_or_path, str) and "\n" not in text_or_path and len(text_or_path) < 4096:
        candidate = Path(text_or_path)
        try:
            if candidate.is_file():
                path = candidate
        except OSError:
            path = None
    if path is not None:
        docs = read_path(path, settings=settings, perspective=perspective)
        document = docs[0]
    else:
        document = load_text(str(text_or_path), source="<text>", settings=settings, perspective=perspective)
    return analyze_document(document, settings)
