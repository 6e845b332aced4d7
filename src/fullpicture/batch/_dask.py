"""A Dask runner: a LocalCluster (or a given scheduler), results streamed in input order."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from fullpicture._errors import UsageError
from fullpicture.batch._local import Failure, Result, analyze_safe
from fullpicture.ingest import Document
from fullpicture.settings import Settings


def run_dask(
    documents: Iterable[Document], settings: Settings, workers: int = 1, address: str | None = None,
    max_in_flight: int | None = None,
) -> Iterator[Result]:
    """Analyse on Dask workers, ``max_in_flight`` futures at a time (memory stays flat)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise UsageError("--dask needs dask[distributed]: pip install 'fullpicture[dask]'") from exc
    cluster: Any = None
    if address:
        client = Client(address)
    else:
        cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    limit = max_in_flight or max(workers, 1) * 4
    try:
        settings_f = client.scatter(settings, broadcast=True)
        pending: deque[tuple[Document, Any]] = deque()
        for doc in documents:
            pending.append((doc, client.submit(analyze_safe, doc, settings_f, pure=False)))
            while len(pending) >= limit:
                yield _take(*pending.popleft())
        while pending:
            yield _take(*pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _take(doc: Document, fut: Any) -> Result:
    try:
        result = fut.result()
        fut.release()
        return result
    except Exception as exc:
        return Failure(doc.info.source, doc.id, f"{type(exc).__name__}: {str(exc)[:200]}")
