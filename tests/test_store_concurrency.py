"""The store under concurrency and crashes: a schema race on a new file, kill -9 and resume."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from sqlalchemy import text

from fullpicture.store import SCHEMA_VERSION, open_store

# A child that opens the store (racing the others on a new file) and adds N small analyses.
_WRITER = textwrap.dedent("""
    import sys, time
    from fullpicture.ingest import load_text
    from fullpicture.models import Analysis, Entity, Mention
    from fullpicture.store import open_store

    db, start_at, first, n = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    while time.time() < start_at:
        time.sleep(0.001)
    store = open_store(db)
    for i in range(first, first + n):
        doc = load_text(f"Illustrative text number {i}: the council of district {i} met on Monday.", source=f"<{i}>")
        j = doc.text.index("council")
        store.add(Analysis(document=doc.info, text=doc.text, zones=list(doc.zones),
                           entities=[Entity(id="e1", name="council", type="ORG",
                                            mentions=[Mention(start=j, end=j + 7, text="council")])]))
        print(i, flush=True)
    store.close()
""")


def _spawn(db, start_at, first, n):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    return subprocess.Popen([sys.executable, "-c", _WRITER, str(db), str(start_at), str(first), str(n)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _check(db, expected: int) -> None:
    store = open_store(db)
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert conn.execute(text("SELECT COUNT(*) FROM documents")).scalar() == expected
        assert conn.execute(text("SELECT COUNT(DISTINCT id) FROM documents")).scalar() == expected
        versions = [r[0] for r in conn.execute(text("SELECT version FROM schema_version ORDER BY version"))]
        assert versions == list(range(1, SCHEMA_VERSION + 1))
        # every document is whole: its zone and its entity with its mention
        assert conn.execute(text("SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
                                 "(SELECT 1 FROM mentions m WHERE m.document_id = d.id)")).scalar() == 0
    store.close()


def test_concurrent_open_of_a_new_database(tmp_path):
    """Six processes open (and write to) the same new SQLite file at the same instant."""
    db = tmp_path / "new.db"
    start_at = time.time() + 3.0
    procs = [_spawn(db, start_at, k * 100, 3) for k in range(6)]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err[-2000:]
    _check(db, 18)


def test_kill_9_then_resume_loses_and_duplicates_nothing(tmp_path):
    db = tmp_path / "c.db"
    total = 40
    for delay in (0.0, 0.4, 1.1):  # killed while opening, while writing, later
        p = _spawn(db, 0, 0, total)
        time.sleep(delay + 1.0)
        p.send_signal(signal.SIGKILL)
        p.communicate(timeout=60)
    resumed = _spawn(db, 0, 0, total)  # resume: re-adds everything, the stored ones are skipped
    _, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, err[-2000:]
    _check(db, total)


def test_open_retries_while_sqlite_says_locked_without_waiting(tmp_path, monkeypatch):
    """SQLite answers "database is locked" at once, without its busy timeout, where waiting
    could deadlock (a CI run lost one of two ingests started together on a new file this way):
    opening a store retries, and still reports any other error at once."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from fullpicture import StoreError
    from fullpicture.store import _store

    real = _store.ensure_schema
    calls = []

    def flaky(engine, *args):
        calls.append(1)
        if len(calls) <= 2:
            raise OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked"))
        return real(engine, *args)

    monkeypatch.setattr(_store, "ensure_schema", flaky)
    store = open_store(tmp_path / "new.db")
    assert len(calls) == 3 and store.count() == 0
    store.close()

    def broken(engine, *args):
        calls.append(1)
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("disk I/O error"))

    calls.clear()
    monkeypatch.setattr(_store, "ensure_schema", broken)
    try:
        open_store(tmp_path / "other.db")
    except StoreError as exc:
        assert "disk I/O error" in str(exc) and len(calls) == 1
    else:
        raise AssertionError("a store that cannot be opened must raise StoreError")
