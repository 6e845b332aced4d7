"""Analyse many documents: in process, in a process pool, or on Dask. Streaming, memory flat.

>>> from fullpicture.batch import analyze_many
>>> for result in analyze_many(documents, settings, workers=4):   # doctest: +SKIP
...     print(result)  # an Analysis, or a Failure naming the document
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from fullpicture.batch._dask import run_dask
from fullpicture.batch._local import Failure, Result, analyze_safe, run_pool, run_serial
from fullpicture.ingest import Document
from fullpicture.settings import Settings, load_settings


def analyze_many(
    documents: Iterable[Document],
    settings: Settings | None = None,
    *,
    workers: int = 1,
    dask: bool | str = False,
) -> Iterator[Result]:
    """Analyse documents in input order. ``workers`` > 1 uses a process pool; ``dask=True``
    a LocalCluster of ``workers`` processes, ``dask="tcp://host:8786"`` a running scheduler."""
    settings = settings or load_settings()
    if dask:
        return run_dask(documents, settings, workers, dask if isinstance(dask, str) else None)
    if workers > 1:
        return run_pool(documents, settings, workers)
    return run_serial(documents, settings, int(settings.get("pipeline", "batch_size", 16)))


__all__ = ["Failure", "Result", "analyze_many", "analyze_safe", "run_dask", "run_pool", "run_serial"]
