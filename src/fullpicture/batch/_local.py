"""In-process and process-pool runners: streaming, bounded in flight, failures isolated."""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.context import BaseContext

from fullpicture.ingest import Document
from fullpicture.models import Analysis
from fullpicture.settings import Settings


@dataclass(frozen=True)
class Failure:
    """A document whose analysis failed; the batch goes on."""

    source: str
    document_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: analysis failed ({self.message})"


Result = Analysis | Failure


def analyze_safe(document: Document, settings: Settings) -> Result:
    """Analyse one document; any exception becomes a :class:`Failure` (picklable)."""
    from fullpicture.nlp import pipeline

    try:
        return pipeline.analyze_document(document, settings)
    except Exception as exc:  # isolate one bad document from the batch
        return Failure(document.info.source, document.id, f"{type(exc).__name__}: {str(exc)[:200]}")


def run_serial(documents: Iterable[Document], settings: Settings, batch_size: int = 16) -> Iterator[Result]:
    """One process: spaCy's ``nlp.pipe`` over chunks; a failing chunk is redone one by one."""
    from fullpicture.nlp import pipeline

    chunk: list[Document] = []

    def flush() -> Iterator[Result]:
        results: list[Result]
        try:
            results = list(pipeline.analyze_documents(chunk, settings))
        except Exception:
            results = [analyze_safe(d, settings) for d in chunk]
        chunk.clear()
        yield from results

    for doc in documents:
        chunk.append(doc)
        if len(chunk) >= batch_size:
            yield from flush()
    if chunk:
        yield from flush()


_WORKER_SETTINGS: list[Settings] = []


def _warm(settings: Settings) -> None:
    """Pool initializer: keep the settings (tasks then carry documents only) and build the
    pipeline before the first task arrives."""
    from fullpicture.nlp.pipeline import get_pipeline

    _WORKER_SETTINGS[:] = [settings]
    get_pipeline(settings)


def _analyze_chunk(documents: list[Document]) -> list[Result]:
    """Worker task: one ``nlp.pipe`` over a chunk of documents (failures isolated)."""
    return list(run_serial(documents, _WORKER_SETTINGS[0], max(1, len(documents))))


def run_pool(documents: Iterable[Document], settings: Settings, workers: int, max_in_flight: int | None = None,
             chunk: int | None = None) -> Iterator[Result]:
    """A process pool of ``workers``; results come back in input order. Documents travel in
    chunks of ``chunk`` (``[pipeline] pool_chunk``: one ``nlp.pipe`` batch per task, one
    round trip per chunk); at most ``max_in_flight`` chunks are pending (``[pipeline]
    pool_in_flight`` per worker), so memory stays flat."""
    size = max(1, chunk or int(settings.get("pipeline", "pool_chunk", 4)))
    limit = max_in_flight or workers * max(1, int(settings.get("pipeline", "pool_in_flight", 4)))
    ctx: BaseContext
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        # workers fork from a server that has imported spaCy and the pipeline code once, so
        # each worker only builds its pipeline (no effect once the server runs; a failed
        # import there is ignored and the worker imports as usual)
        mp.get_context("forkserver").set_forkserver_preload(["fullpicture.nlp.pipeline"])
    else:
        ctx = mp.get_context("spawn")
    pending: deque[tuple[list[Document], Future[list[Result]]]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm, initargs=(settings,)) as pool:
        batch: list[Document] = []
        for doc in documents:
            batch.append(doc)
            if len(batch) >= size:
                pending.append((batch, pool.submit(_analyze_chunk, batch)))
                batch = []
            while len(pending) >= limit:
                yield from _results(*pending.popleft())
        if batch:
            pending.append((batch, pool.submit(_analyze_chunk, batch)))
        while pending:
            yield from _results(*pending.popleft())


def _results(docs: list[Document], fut: Future[list[Result]]) -> list[Result]:
    try:
        return fut.result()
    except Exception as exc:  # a worker died (BrokenProcessPool, pickling...)
        return [Failure(d.info.source, d.id, f"{type(exc).__name__}: {str(exc)[:200]}") for d in docs]
