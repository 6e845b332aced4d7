"""A worker that dies (a crash in native code) costs only the document it was analysing:
the pool starts again and every other document of the batch is analysed, in input order."""

from __future__ import annotations

import os
import signal

from fullpicture.batch import Failure, run_pool
from fullpicture.ingest import load_text
from fullpicture.models import Analysis

TEXT = "Officials in Northbridge said on Monday that {n} homes were damaged by shelling overnight."


def die_on_marked(analysis: Analysis) -> str:
    """A ``finish`` run in the worker: the marked document kills its process, as a segfault in
    a native library would."""
    if "crash" in (analysis.document.source or ""):
        os.kill(os.getpid(), signal.SIGSEGV)
    return analysis.document.source or ""


def test_only_the_document_that_kills_its_worker_fails(tmp_path):
    from fullpicture import load_settings

    settings = load_settings()
    names = ["a", "b", "crash", "d", "e", "f", "g"]
    docs = [load_text(TEXT.format(n=10 + i), source=name, settings=settings) for i, name in enumerate(names)]
    out = list(run_pool(docs, settings, workers=2, chunk=2, finish=die_on_marked))
    assert len(out) == len(names)
    failed = [r for r in out if isinstance(r, Failure)]
    assert [f.source for f in failed] == ["crash"]
    assert "process died" in failed[0].message and "report" in failed[0].message
    assert [r for r in out if not isinstance(r, Failure)] == [n for n in names if n != "crash"]
