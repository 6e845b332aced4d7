"""Analyse many documents: in process, in a process pool, or on Dask. Streaming, memory flat.

>>> from fullpicture.batch import analyze_many
>>> for result in analyze_many(documents, settings, workers=4):   # doctest: +SKIP
...     print(result)  # an Analysis, or a Failure naming the document
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from fullpicture.batch._dask import run_dask
from fullpicture.batch._local import (
    Encoded,
    Failure,
    Finish,
    Result,
    analyze_safe,
    encode_json,
    run_pool,
    run_serial,
)
from fullpicture.ingest import Document
from fullpicture.settings import Settings, load_settings


def analyze_many(
    documents: Iterable[Document],
    settings: Settings | None = None,
    *,
    workers: int = 1,
    dask: bool | str = False,
    finish: Finish | None = None,
) -> Iterator[Any]:
    """Analyse documents in input order. ``workers`` > 1 uses a process pool; ``dask=True``
    a LocalCluster of ``workers`` processes, ``dask="tcp://host:8786"`` a running scheduler.

    ``finish`` (a picklable, module-level function such as :func:`encode_json`) is applied to
    each :class:`~fullpicture.models.Analysis` where it was made (in a pool's worker) and its
    result is yielded instead; failures are yielded as they are."""
    settings = settings or load_settings()
    if dask:
        results = run_dask(documents, settings, workers, dask if isinstance(dask, str) else None)
        return results if finish is None else (r if isinstance(r, Failure) else finish(r) for r in results)
    if workers > 1:
        return run_pool(documents, settings, workers, finish=finish)
    return run_serial(documents, settings, int(settings.get("pipeline", "batch_size", 16)), finish)


__all__ = ["Encoded", "Failure", "Finish", "Result", "analyze_many", "analyze_safe", "encode_json", "run_dask", "run_pool",
           "run_serial"]
