"""Batch runners: serial, process pool and Dask give the same analyses, in input order."""

from __future__ import annotations

import pytest

from fullpicture.batch import Failure, analyze_many
from fullpicture.ingest import load_text

TEXTS = [
    f"Illustrative text written for the fullpicture project, number {i}. The council of district {i} "
    f"met in Tbilisi on 3 March 2024 and agreed to reopen the gate."
    for i in range(3)
]


@pytest.fixture(scope="module")
def docs(settings):
    return [load_text(t, source=f"<{i}>", settings=settings) for i, t in enumerate(TEXTS)]


@pytest.fixture(scope="module")
def serial(docs, settings):
    return list(analyze_many(docs, settings))


def test_serial_in_order(docs, serial):
    assert [a.document.id for a in serial] == [d.id for d in docs]
    assert all(not isinstance(a, Failure) for a in serial)


@pytest.mark.slow
def test_process_pool_matches_serial(docs, serial, settings):
    pooled = list(analyze_many(iter(docs), settings, workers=2))
    assert [a.model_dump() for a in pooled] == [a.model_dump() for a in serial]


@pytest.mark.slow
def test_dask_local_cluster_matches_serial(docs, serial, settings):
    pytest.importorskip("dask.distributed")
    out = list(analyze_many(iter(docs), settings, workers=1, dask=True))
    assert [a.model_dump() for a in out] == [a.model_dump() for a in serial]


def test_failure_is_isolated(docs, settings, monkeypatch):
    import fullpicture.nlp.pipeline as api

    real_many = api.analyze_documents
    bad = docs[1].id

    def flaky_many(ds, s=None):
        ds = list(ds)
        if any(d.id == bad for d in ds):
            raise RuntimeError("boom")
        return real_many(ds, s)

    monkeypatch.setattr(api, "analyze_documents", flaky_many)
    monkeypatch.setattr(api, "analyze_document", lambda d, s=None: next(flaky_many([d], s)))
    out = list(analyze_many(docs, settings))
    assert isinstance(out[1], Failure) and "boom" in out[1].message
    assert not isinstance(out[0], Failure) and not isinstance(out[2], Failure)
