"""The main job as one function: :func:`compare` reads, analyses, assigns sides and aligns.

One data function serves the command line, the JSON API, the HTML pages of ``serve`` and a
notebook::

    >>> import fullpicture as fp                                          # doctest: +SKIP
    >>> c = fp.compare(sides={"armenian": "a.md", "azerbaijani": "b.html"})  # doctest: +SKIP
    >>> c.tables()["events"][:1], fp.render_html(c)[:15]                  # doctest: +SKIP
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from fullpicture._errors import InputError, UsageError
from fullpicture.ingest import Document
from fullpicture.models import Analysis
from fullpicture.models.comparison import Comparison
from fullpicture.settings import Settings, load_settings

#: ``on_error(source, problem)``: called once per input that could not be used.
ErrorSink = Callable[[str, str], None]
#: ``progress(stage, done, total)``: called as each stage advances (``total`` may be None).
Progress = Callable[[str, int, int | None], None]
PathLike = str | Path
T = TypeVar("T")
#: The stages of :func:`compare` before the alignment's (``fullpicture.align.STAGES``).
READING, ANALYSING, READING_STORE = "reading", "analysing", "reading the store"


class NoDocumentsError(UsageError, LookupError):
    """Nothing to compare: no readable documents, or none about the topic."""


class InputWarning(UserWarning):
    """An input that could not be read (when no ``on_error`` is given)."""


def _warn(source: str, problem: str) -> None:
    warnings.warn(f"{source}: {problem}", InputWarning, stacklevel=3)


def _as_list(value: PathLike | Iterable[Any] | None) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str | Path | Document | Analysis):
        return [value]
    return list(value)


def collect_documents(paths: Iterable[PathLike], settings: Settings, perspective: str | None = None,
                      on_item: Callable[[Document | InputError], None] | None = None,
                      ) -> tuple[list[Document], list[InputError]]:
    """Read every path (files, directories, feeds, JSON Lines) into documents and input errors.

    Errors are returned, not raised; duplicates collapse by content id. ``on_item`` is called
    with each document or error as it is read.
    """
    from fullpicture.ingest import iter_documents

    docs: list[Document] = []
    errors: list[InputError] = []
    for item in iter_documents(paths, settings, perspective):
        (errors if isinstance(item, InputError) else docs).append(item)  # type: ignore[arg-type]
        if on_item is not None:
            on_item(item)
    return docs, errors


def progress_units() -> dict[str, str]:
    """Every stage :func:`compare` and ``render_html`` report to ``progress``, with what
    each counts (for progress bars and summary lines)."""
    from fullpicture.align import STAGES
    from fullpicture.report import STAGES as REPORT_STAGES

    return {READING: "documents", ANALYSING: "documents", READING_STORE: "documents", **STAGES,
            **REPORT_STAGES}


def _read(items: list[tuple[str | None, Any]], settings: Settings, on_error: ErrorSink,
          progress: Progress | None = None) -> tuple[list[Document], list[Analysis], dict[str, str]]:
    """Documents to analyse, analyses given ready-made, and the user's side per document id."""
    read = [0]

    def tick(item: Document | InputError) -> None:
        # the stage counts documents: an unreadable file has its own error line
        if progress is not None and isinstance(item, Document):
            read[0] += 1
            progress(READING, read[0], None)

    docs: list[Document] = []
    ready: list[Analysis] = []
    user_sides: dict[str, str] = {}
    seen: set[str] = set()

    def keep(doc_id: str, label: str | None) -> bool:
        if doc_id in seen:
            return False
        seen.add(doc_id)
        if label:
            user_sides[doc_id] = label
        return True

    for label, item in items:
        if isinstance(item, Analysis):
            if keep(item.document.id, label):
                ready.append(item)
            continue
        if isinstance(item, Document):
            if keep(item.id, label):
                docs.append(item)
            continue
        root = Path(item)
        if not root.exists():
            on_error(str(root), "no such file or directory")
            continue
        try:
            found, errors = collect_documents([root], settings, label, tick)
        except (OSError, UnicodeError, ValueError) as exc:
            on_error(str(root), str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            continue
        for err in errors:
            on_error(err.source, err.problem + (f" ({err.hint})" if err.hint else ""))
        docs.extend(d for d in found if keep(d.id, label))
    return docs, ready, user_sides


def _counted(items: Iterable[T], stage: str, total: int | None, progress: Progress | None) -> Iterator[T]:
    if progress is None:
        yield from items
        return
    progress(stage, 0, total)
    for n, item in enumerate(items, 1):
        yield item
        progress(stage, n, total)


def _analyse(docs: list[Document], settings: Settings, workers: int, dask: bool | str | None,
             progress: Progress | None, on_error: ErrorSink) -> list[Analysis]:
    from fullpicture.batch import Failure, analyze_many

    out: list[Analysis] = []
    results = analyze_many(docs, settings, workers=min(workers, max(len(docs), 1)), dask=dask or False)
    for result in _counted(results, ANALYSING, len(docs), progress):
        if isinstance(result, Failure):
            on_error(result.source, f"analysis failed ({result.message})")
        else:
            out.append(result)
    return out


def _store_items(store: Any, topic: str | list[str] | None, progress: Progress | None = None) -> list[Analysis]:
    items: Iterable[Any] = store.iter_analyses(topic=topic) if topic else store.iter_analyses()
    return [a if isinstance(a, Analysis) else Analysis.model_validate(a)
            for a in _counted(items, READING_STORE, None, progress)]


def store_analyses(db: PathLike, topic: str | None = None, settings: Settings | None = None) -> list[Analysis]:
    """Analyses from a store (SQLite path or SQLAlchemy URL), optionally only about ``topic``."""
    from fullpicture.store import open_store

    store = open_store(str(db))
    try:
        return _store_items(store, topic_terms(topic, settings) if topic else None)
    finally:
        store.close()


def topic_terms(topic: str, settings: Settings | None = None) -> list[str]:
    """A topic with its alias and counter-term family ("Khankendi" also finds "Stepanakert"
    documents; ``data/lexicons`` and the user's lexicon files)."""
    from fullpicture.nlp.framing import lexicon_files, topic_family

    return topic_family(topic, lexicon_files((settings or load_settings()).data))


def one_side_notice(comparison: Comparison, topic: str, terms: list[str]) -> Comparison:
    """``comparison`` with a notice on top when the topic matched one side's documents only."""
    with_docs = [s.label for s in comparison.sides if s.documents]
    if len(with_docs) >= 2:
        return comparison
    also = [t for t in terms if t.casefold() != topic.casefold()]
    searched = f" (also searched as {', '.join(repr(t) for t in also[:6])})" if also else ""
    who = f"one side only ({with_docs[0]})" if with_docs else "no side"
    note = (f"Only one side matched: the topic {topic!r}{searched} found documents of {who}. "
            "This is one side's account, not a comparison; add the other sides' documents or widen the topic.")
    return comparison.model_copy(update={"notices": [*comparison.notices, note]})


def vector_cache(settings: Settings, store: Any = None) -> Any:
    """Where a comparison finds and keeps sentence vectors (``[align] vector_cache``): the
    store's ``embeddings`` table when ``store`` is given, then ``embeddings.sqlite`` in the
    cache directory; None when switched off."""
    if not settings.get("align", "vector_cache", True):
        return store
    from fullpicture._data import cache_dir
    from fullpicture.store import FileVectorCache, VectorChain

    return VectorChain(store, FileVectorCache(cache_dir() / "embeddings.sqlite"))


def build_comparison(analyses: list[Analysis], user_sides: Mapping[str, str] | None = None,
                     settings: Settings | None = None, vectors: Any = None,
                     progress: Progress | None = None) -> Comparison:
    """Assign sides (the user's labels first, then declared perspectives) and align;
    ``vectors``: a vector cache (default: :func:`vector_cache` of the settings);
    ``progress(stage, done, total)`` follows the alignment's long stages."""
    from fullpicture.align import assign_sides
    from fullpicture.align import compare as align

    settings = settings or load_settings()
    if vectors is None:
        vectors = vector_cache(settings)
    return align(analyses, sides=assign_sides(analyses, dict(user_sides or {})), settings=settings,
                 vectors=vectors, progress=progress)


def precompute_vectors(analyses: Iterable[Analysis], settings: Settings | None = None, vectors: Any = None) -> int:
    """Embed, and keep in ``vectors`` (a store or a vector cache), every text a comparison of
    these analyses embeds with MiniLM (event sentences, triggers, claims), so that a later
    comparison embeds nothing; texts of a use set to the static vectors (``[align]
    embed_model`` / ``claim_embed_model``) are left out: those are computed, never stored.
    Returns how many texts the model encoded now."""
    from fullpicture.align import embedding_texts
    from fullpicture.align._embed import CachedEncoder, embedder_for

    settings = settings or load_settings()
    cfg = settings.section("align")
    if not cfg.get("embeddings", True):
        return 0
    ev_emb, cl_emb = embedder_for(cfg, "events"), embedder_for(cfg, "claims")
    ev, cl = isinstance(ev_emb, CachedEncoder), isinstance(cl_emb, CachedEncoder)
    if not ev and not cl:
        return 0
    emb = ev_emb if ev else cl_emb
    texts = [t for a in analyses for t in embedding_texts(a, events=ev, claims=cl)]
    if not texts:
        return 0
    before = emb.encoded
    emb.embed(texts, vectors if vectors is not None else vector_cache(settings))
    return int(emb.encoded - before)


def compare(
    inputs: PathLike | Iterable[PathLike | Document | Analysis] | None = None,
    *,
    sides: Mapping[str, PathLike | Iterable[PathLike | Document | Analysis]] | None = None,
    db: PathLike | None = None,
    topic: str | None = None,
    settings: Settings | PathLike | None = None,
    workers: int = 1,
    dask: bool | str | None = None,
    progress: Progress | None = None,
    on_error: ErrorSink | None = None,
    vectors: Any = None,
) -> Comparison:
    """Compare how several sides tell one story.

    ``inputs``: files or folders (any format ingest reads), :class:`Document` or
    :class:`Analysis` objects; their sides come from declared perspectives or metadata.
    ``sides``: ``{label: paths}`` for inputs whose side you assign. ``db`` (with an optional
    ``topic``) compares analyses from a store instead. ``settings`` is a :class:`Settings` or a
    TOML file. ``workers`` > 1 analyses in a process pool; ``dask`` is ``True`` for a local
    cluster or a scheduler address. ``progress(stage, done, total)`` follows long work: the
    stages and what each counts are :func:`progress_units`.
    Unreadable inputs go to ``on_error(source, problem)`` (default: an :class:`InputWarning`);
    the rest is compared. Raises :class:`NoDocumentsError` when nothing is left to compare.
    Sentence vectors are looked up before embedding and kept: in the store with ``db``, in
    ``vectors`` (an open store or any object with ``get_vectors``/``put_vectors``) when given,
    else in the cache directory's ``embeddings.sqlite`` (``[align] vector_cache``).

    >>> c = compare(["examples/"])                     # doctest: +SKIP
    >>> len(c.events), c.tables()["conflicts"][:1]      # doctest: +SKIP
    """
    if not isinstance(settings, Settings):
        settings = load_settings(settings)
    sink = on_error or _warn
    labelled = [(str(label), item) for label, paths in (sides or {}).items() for item in _as_list(paths)]
    unlabelled: list[tuple[str | None, Any]] = [(None, item) for item in _as_list(inputs)]
    if db is not None:
        if labelled or unlabelled:
            raise UsageError("give either inputs/sides or db, not both")
        from fullpicture.store import open_store

        store = open_store(str(db), settings)
        try:
            analyses = _store_items(store, topic_terms(topic, settings) if topic else None, progress)
            if not analyses:
                raise NoDocumentsError(f"{Path(str(db)).name}: no documents" + (f" about {topic!r}" if topic else ""))
            comparison = build_comparison(analyses, {}, settings, vector_cache(settings, vectors or store), progress)
        finally:
            store.close()
        return one_side_notice(comparison, topic, topic_terms(topic, settings)) if topic else comparison
    if topic:
        raise UsageError("topic selection needs a store (db=...)")
    if not labelled and not unlabelled:
        raise UsageError("nothing to compare: give inputs, sides or db")
    docs, ready, user_sides = _read(labelled + unlabelled, settings, sink, progress)
    analyses = ready + _analyse(docs, settings, workers, dask, progress, sink)
    if not analyses:
        raise NoDocumentsError("no readable documents to compare")
    return build_comparison(analyses, user_sides, settings, vector_cache(settings, vectors), progress)
