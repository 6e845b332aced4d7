"""In-process and process-pool runners: streaming, bounded in flight, failures isolated."""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from threading import Thread
from typing import Any

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
#: A picklable function applied to each analysis where it was made (a pool's worker), so
#: the main process receives what it needs (e.g. the JSON text) instead of the model.
Finish = Callable[[Analysis], Any]


@dataclass(frozen=True)
class Encoded:
    """An analysis as the JSON text of one line (:func:`encode_json`), with what a caller
    reports besides it. ``text`` is None when the analysis could not be converted (``problem``
    says why)."""

    source: str
    notice: str | None
    text: str | None
    problem: str | None = None


def encode_json(analysis: Analysis) -> Encoded:
    """``analysis`` as one line of JSON (``to_json_dict``, then :func:`~fullpicture._safetext.json_text`):
    a :data:`Finish` for ``--jsonl`` output, run by the worker that made the analysis."""
    from fullpicture._safetext import json_text

    source, notice = analysis.document.source, analysis.document.notice
    try:
        return Encoded(source, notice, json_text(analysis.to_json_dict()))
    except Exception as exc:  # the error boundary of one document's output
        return Encoded(source, notice, None, f"{type(exc).__name__}: {str(exc)[:120]}")


def _finished(results: list[Result], finish: Finish | None) -> list[Any]:
    if finish is None:
        return results
    return [r if isinstance(r, Failure) else finish(r) for r in results]


def analyze_safe(document: Document, settings: Settings) -> Result:
    """Analyse one document; any exception becomes a :class:`Failure` (picklable)."""
    from fullpicture.nlp import pipeline

    try:
        return pipeline.analyze_document(document, settings)
    except Exception as exc:  # isolate one bad document from the batch
        return Failure(document.info.source, document.id, f"{type(exc).__name__}: {str(exc)[:200]}")


def run_serial(documents: Iterable[Document], settings: Settings, batch_size: int = 16,
               finish: Finish | None = None) -> Iterator[Any]:
    """One process: spaCy's ``nlp.pipe`` over chunks; a failing chunk is redone one by one.
    ``finish``, when given, is applied to each analysis (failures pass as they are)."""
    from fullpicture.nlp import pipeline

    chunk: list[Document] = []

    def flush() -> Iterator[Result]:
        results: list[Result]
        try:
            results = list(pipeline.analyze_documents(chunk, settings))
        except Exception:
            results = [analyze_safe(d, settings) for d in chunk]
        chunk.clear()
        yield from _finished(results, finish)

    for doc in documents:
        chunk.append(doc)
        if len(chunk) >= batch_size:
            yield from flush()
    if chunk:
        yield from flush()


_WORKER: dict[str, Any] = {}


def _warm(settings: Settings, finish: Finish | None = None) -> None:
    """Pool initializer: keep the settings and ``finish`` (tasks then carry documents only)
    and build the pipeline before the first task arrives."""
    from fullpicture.nlp.pipeline import get_pipeline

    _WORKER.update(settings=settings, finish=finish)
    get_pipeline(settings)


def _analyze_chunk(documents: list[Document]) -> list[Any]:
    """Worker task: one ``nlp.pipe`` over a chunk of documents (failures isolated)."""
    return list(run_serial(documents, _WORKER["settings"], max(1, len(documents)), _WORKER["finish"]))


def run_pool(documents: Iterable[Document], settings: Settings, workers: int, max_in_flight: int | None = None,
             chunk: int | None = None, finish: Finish | None = None) -> Iterator[Any]:
    """A process pool of ``workers``; results come back in input order. Documents travel in
    chunks of ``chunk`` (``[pipeline] pool_chunk``: one ``nlp.pipe`` batch per task, one
    round trip per chunk); at most ``max_in_flight`` chunks are pending (``[pipeline]
    pool_in_flight`` per worker), so memory stays flat. ``finish`` (picklable: a module-level
    function) runs in the worker on each analysis, and its result comes back instead."""
    size = max(1, chunk or int(settings.get("pipeline", "pool_chunk", 4)))
    limit = max_in_flight or workers * max(1, int(settings.get("pipeline", "pool_in_flight", 4)))
    ahead = max(0, int(settings.get("pipeline", "pool_read_ahead", 256)))
    ctx: BaseContext
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        # workers fork from a server that has imported spaCy and the pipeline code once, so
        # each worker only builds its pipeline (no effect once the server runs; a failed
        # import there is ignored and the worker imports as usual)
        mp.get_context("forkserver").set_forkserver_preload(["fullpicture.nlp.pipeline"])
    else:
        ctx = mp.get_context("spawn")
    pending: deque[tuple[list[Document], Future[list[Any]], int]] = deque()
    pool = _Pool(workers, ctx, settings, finish)
    try:
        starting: _Start | None = None  # no document, no worker
        held: list[list[Document]] = []  # chunks read while the first worker starts
        batch: list[Document] = []
        for doc in documents:
            starting = starting or _Start(pool.executor)
            batch.append(doc)
            if len(batch) >= size:
                held.append(batch)
                batch = []
            if held and not (starting.waiting() and len(held) * size < ahead):
                starting.join()
                pending.extend(pool.submit(b) for b in held)
                held.clear()
            while len(pending) >= limit:
                yield from pool.results(*pending.popleft())
        if starting is not None:
            starting.join()
        pending.extend(pool.submit(b) for b in [*held, *([batch] if batch else [])])
        while pending:
            yield from pool.results(*pending.popleft())
    finally:
        pool.close()


def _noop() -> None:
    """The first task: it makes the pool start its first worker."""


class _Start:
    """Start a pool's first worker in a thread. With the fork server, submitting a task waits
    until the server has imported spaCy and forked the worker (about a second and a half);
    meanwhile the caller reads the next documents (at most ``pool_read_ahead``) on the core
    that would sit idle, instead of reading them only after it."""

    def __init__(self, pool: ProcessPoolExecutor) -> None:
        self._thread = Thread(target=self._submit, args=(pool,), name="fullpicture-pool-start", daemon=True)
        self._thread.start()

    @staticmethod
    def _submit(pool: ProcessPoolExecutor) -> None:
        with suppress(Exception):  # a broken pool: the next submission raises it to the caller
            pool.submit(_noop)

    def waiting(self) -> bool:
        """Whether the first worker is still starting."""
        return self._thread.is_alive()

    def join(self) -> None:
        """Wait until the first worker has started."""
        self._thread.join()


#: What a document's failure says when the process analysing it died.
CRASHED = ("the analysis process died (a crash in native code); the other documents were analysed. "
           "This is a bug in fullpicture or a library it uses: please report it with this document")


class _Pool:
    """The process pool of :func:`run_pool`, started anew when a worker dies. A crash in native
    code kills its process and breaks every task in flight; their documents are then analysed
    again one per task in a fresh pool, so only the document that kills a worker fails."""

    def __init__(self, workers: int, ctx: BaseContext, settings: Settings, finish: Finish | None) -> None:
        self._args: dict[str, Any] = {"max_workers": workers, "mp_context": ctx, "initializer": _warm,
                                      "initargs": (settings, finish)}
        self.executor = ProcessPoolExecutor(**self._args)
        self.generation = 0

    def submit(self, docs: list[Document]) -> tuple[list[Document], Future[list[Any]], int]:
        """A chunk's task, with the pool generation it runs in."""
        return docs, self.executor.submit(_analyze_chunk, docs), self.generation

    def _renew(self, generation: int) -> None:
        if generation == self.generation:  # tasks of an older pool fail after it was renewed
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = ProcessPoolExecutor(**self._args)
            self.generation += 1

    def results(self, docs: list[Document], fut: Future[list[Any]], generation: int) -> list[Any]:
        """A chunk's results; after a worker died, its documents one by one in a fresh pool."""
        try:
            return fut.result()
        except (BrokenProcessPool, CancelledError):
            self._renew(generation)
        except Exception as exc:  # pickling and the like
            return [Failure(d.info.source, d.id, f"{type(exc).__name__}: {str(exc)[:200]}") for d in docs]
        out: list[Any] = []
        for doc in docs:
            _, one, gen = self.submit([doc])
            try:
                out += one.result()
            except BrokenProcessPool:
                self._renew(gen)
                out.append(Failure(doc.info.source, doc.id, CRASHED))
            except Exception as exc:
                out.append(Failure(doc.info.source, doc.id, f"{type(exc).__name__}: {str(exc)[:200]}"))
        return out

    def close(self) -> None:
        """Shut the pool down, waiting for its workers."""
        self.executor.shutdown(wait=True, cancel_futures=True)
