"""Where a comparison comes from: files, directories or a store. One data function
(:func:`comparison_for`) serves the CLI, the JSON API and the HTML pages of ``serve``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fullpicture._errors import InputError, UsageError
from fullpicture.models import Analysis
from fullpicture.models.comparison import Comparison, Side
from fullpicture.settings import Settings, load_settings

ErrorSink = Callable[[str, str], None]


class NoDocumentsError(UsageError, LookupError):
    """Nothing to compare: no readable documents, or none about the topic."""


@dataclass
class Inputs:
    """What the user asked to compare: ``(side label or None, path)`` pairs."""

    paths: list[tuple[str | None, Path]] = field(default_factory=list)


def _walk(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts):
                if p.name.lower() in ("readme.md", "readme.txt", "readme"):
                    continue
                yield p
    else:
        yield path


def _collect(path: Path, settings: Settings, label: str | None) -> tuple[list[Any], list[InputError]]:
    """Documents under one path via the shared CLI helper (local fallback if absent)."""
    try:
        from fullpicture.cli._common import collect_documents
    except ImportError:
        pass
    else:
        return collect_documents([path], settings, label)
    from fullpicture.ingest import read_path

    docs, errors = [], []
    for f in _walk(path):
        try:
            docs.extend(read_path(f, settings=settings, perspective=label))
        except InputError as exc:
            errors.append(exc)
    return docs, errors


def read_documents(inputs: Inputs, settings: Settings, on_error: ErrorSink) -> tuple[list[Any], dict[str, str]]:
    """Read every input into Documents; returns them and the user's side per document id."""
    docs: list[Any] = []
    user_sides: dict[str, str] = {}
    seen: set[str] = set()
    for label, root in inputs.paths:
        if not root.exists():
            on_error(str(root), "no such file or directory")
            continue
        try:
            found, errors = _collect(root, settings, label)
        except (OSError, UnicodeError, ValueError) as exc:
            on_error(str(root), str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            continue
        for err in errors:
            on_error(err.source, err.problem + (f" ({err.hint})" if err.hint else ""))
        for d in found:
            if d.id in seen:
                continue
            seen.add(d.id)
            docs.append(d)
            if label:
                user_sides[d.id] = label
    return docs, user_sides


Wrap = Callable[[Iterable[Analysis], int], Iterable[Analysis]]


def analyze_all(docs: list[Any], settings: Settings, workers: int = 1, wrap: Wrap | None = None) -> list[Analysis]:
    """Analyse documents, in a process pool when ``workers`` > 1 (order kept).

    ``wrap(iterable, total)`` may wrap the stream of analyses, e.g. in a progress bar.
    """
    from fullpicture._api import analyze_document, analyze_documents

    def stream() -> Iterator[Analysis]:
        if workers > 1 and len(docs) > 1:
            with ProcessPoolExecutor(max_workers=min(workers, len(docs))) as pool:
                yield from pool.map(analyze_document, docs, [settings] * len(docs))
        else:
            yield from analyze_documents(docs, settings)

    items: Iterable[Analysis] = stream()
    if wrap is not None:
        items = wrap(items, len(docs))
    return list(items)


def store_analyses(db: str | Path, topic: str | None = None) -> list[Analysis]:
    """Analyses from a store, optionally only those about ``topic``."""
    try:
        from fullpicture.store import open_store
    except ImportError as exc:
        raise UsageError("the store is not available in this build") from exc
    store = open_store(str(db))
    try:
        items: Iterable[Any] = store.iter_analyses(topic=topic) if topic else store.iter_analyses()
        return [a if isinstance(a, Analysis) else Analysis.model_validate(a) for a in items]
    finally:
        close = getattr(store, "close", None)
        if callable(close):
            close()


def _fallback_sides(analyses: list[Analysis], user_sides: dict[str, str]) -> list[Side]:
    """Sides from user labels, then declared/metadata perspectives, else one per site/source."""
    sides: dict[str, Side] = {}
    for a in analyses:
        info = a.document
        if info.id in user_sides:
            label, origin = user_sides[info.id], "user"
        elif info.perspective is not None:
            label, origin = info.perspective.label, info.perspective.origin
        else:
            label, origin = (info.site or Path(info.source).stem or "unknown"), "inferred"
        side = sides.setdefault(label, Side(label=label, origin=origin))  # type: ignore[arg-type]
        side.documents.append(info.id)
    return list(sides.values())


def build_comparison(analyses: list[Analysis], user_sides: dict[str, str] | None = None,
                     settings: Settings | None = None) -> Comparison:
    """Assign sides and align the analyses (falls back to sides only if alignment is absent)."""
    user_sides = user_sides or {}
    settings = settings or load_settings()
    try:
        from fullpicture.align import assign_sides, compare
    except ImportError:
        return Comparison(sides=_fallback_sides(analyses, user_sides), documents=analyses)
    return compare(analyses, sides=assign_sides(analyses, user_sides), settings=settings)


def comparison_for(*, inputs: Inputs | None = None, db: str | Path | None = None,
                   topic: str | None = None, settings: Settings | None = None, workers: int = 1,
                   on_error: ErrorSink | None = None, wrap: Wrap | None = None) -> Comparison:
    """The one data function: a Comparison from files or from a store."""
    settings = settings or load_settings()
    errors: list[tuple[str, str]] = []
    sink = on_error or (lambda src, problem: errors.append((src, problem)))
    if db is not None:
        analyses = store_analyses(db, topic)
        user: dict[str, str] = {}
        if not analyses:
            raise NoDocumentsError(f"{Path(db).name}: no documents" + (f" about {topic!r}" if topic else ""))
    elif inputs is not None:
        docs, user = read_documents(inputs, settings, sink)
        analyses = analyze_all(docs, settings, workers, wrap)
    else:
        raise UsageError("nothing to compare: give paths, --side, or --db")
    if not analyses:
        raise NoDocumentsError("no readable documents to compare")
    return build_comparison(analyses, user, settings)
