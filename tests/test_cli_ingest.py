"""``fullpicture ingest``: counts, idempotent re-ingest, crash-and-resume."""

from __future__ import annotations

import os
import subprocess
import sys

from click.testing import CliRunner
from sqlalchemy import text

from fullpicture.cli import _register, cli
from fullpicture.store import open_store
from tests.conftest import FIXTURES
from tests.helpers import write_corpus

ING = FIXTURES / "ingest"

_register()

TEMPLATE = (
    "Illustrative text written for the fullpicture project, number {n}.\n\n"
    "The council of district {n} met on Monday and agreed to reopen the gate on the upper river. "
    "Officials said {n} villages had been flooded."
)


def _corpus(tmp_path, n=4):
    return write_corpus(tmp_path, TEMPLATE, n, first=1)


def test_ingest_counts_and_idempotent(tmp_path):
    db = tmp_path / "corpus.db"
    runner = CliRunner()
    res = runner.invoke(cli, ["ingest", str(ING / "feed.rss"), str(ING / "declared.txt"), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "added 3, skipped 0, failed 0" in res.stdout
    res = runner.invoke(cli, ["ingest", str(ING / "feed.rss"), str(ING / "declared.txt"), "--db", str(db)])
    assert res.exit_code == 0
    assert "added 0, skipped 3, failed 0" in res.stdout
    store = open_store(db)
    assert store.count() == 3
    a = store.get(next(iter(store.ids())))
    assert a.text and a.zones
    store.close()


def test_ingest_reports_failures_exit_1(tmp_path):
    db = tmp_path / "corpus.db"
    res = CliRunner().invoke(cli, ["ingest", str(ING / "articles.jsonl"), "--db", str(db)])
    assert res.exit_code == 1
    assert "added 3, skipped 0, failed 2" in res.stdout
    assert res.stderr.count("fullpicture: error:") == 2


def test_ingest_bad_db_is_usage_error(tmp_path):
    (tmp_path / "f").write_text("x")
    res = CliRunner().invoke(cli, ["ingest", str(ING / "declared.txt"), "--db", str(tmp_path / "f" / "x" / "c.db")])
    assert res.exit_code == 2 and "fullpicture: error:" in res.stderr


def test_ingest_help_teaches():
    res = CliRunner().invoke(cli, ["ingest", "--help"])
    assert "Examples:" in res.stdout and "--db corpus.db" in res.stdout


def test_crash_and_resume(tmp_path):
    corpus = _corpus(tmp_path, 4)
    db = tmp_path / "corpus.db"
    cmd = [sys.executable, "-c", "from fullpicture.cli import main; main()", "ingest", str(corpus), "--db", str(db)]
    env = {**os.environ, "FULLPICTURE_TEST_CRASH_AFTER": "2"}
    crashed = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert crashed.returncode == 86, crashed.stderr  # killed itself mid-batch, no cleanup
    store = open_store(db)
    assert store.count() == 2
    for doc_id in store.ids():  # every stored document is complete
        a = store.get(doc_id)
        assert a.zones and a.text
    store.close()
    env.pop("FULLPICTURE_TEST_CRASH_AFTER")
    resumed = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert "added 2, skipped 2, failed 0" in resumed.stdout
    store = open_store(db)
    assert store.count() == 4 and len(set(store.ids())) == 4
    store.close()


def test_two_concurrent_ingests_into_a_new_database(tmp_path):
    """Two ``fullpicture ingest`` processes started together on a new SQLite file (the schema
    race of issue 15 ended one with ``table ... already exists``): both succeed, and the store
    holds each document once, whole."""
    corpus = _corpus(tmp_path, 6)
    db = tmp_path / "new.db"
    cmd = [sys.executable, "-c", "from fullpicture.cli import main; main()", "ingest", str(corpus), "--db", str(db)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err[-2000:]
        assert "failed 0" in out and "Traceback" not in err
    added = [int(out.split("added ")[1].split(",")[0]) for out, _ in outs]
    assert sum(added) == 6  # each document added by exactly one of the two
    store = open_store(db)
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert conn.execute(text("SELECT COUNT(*) FROM documents")).scalar() == 6
        assert conn.execute(text("SELECT COUNT(DISTINCT id) FROM documents")).scalar() == 6
    for doc_id in store.ids():
        a = store.get(doc_id)
        assert a.zones and a.text
    store.close()


def test_count_documents_gives_the_progress_bar_a_total(tmp_path):
    from fullpicture import count_documents

    (tmp_path / "a.txt").write_text("One article.")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n')
    (tmp_path / "c.rss").write_text("<rss><channel><item><title>a</title></item><item></item></channel></rss>")
    (tmp_path / ".hidden.txt").write_text("skipped")
    assert count_documents([tmp_path]) == 1 + 3 + 2
    assert count_documents([tmp_path / "missing"]) == 1


def test_ingest_on_a_terminal_shows_a_bar_with_a_total(tmp_path, monkeypatch):
    """On a terminal the bar has a total (so rich shows the time left) and counts the
    documents skipped on a resume."""
    import fullpicture.cli._common as common
    import fullpicture.cli.ingest as ingest_mod

    corpus = _corpus(tmp_path, 3)
    db = tmp_path / "corpus.db"
    updates: list[tuple[int, int | None]] = []

    class Bars(common.ProgressBars):
        def update(self, stage, done, total):
            updates.append((done, total))

    monkeypatch.setattr(ingest_mod, "progress_enabled", lambda: True)
    monkeypatch.setattr(ingest_mod, "ProgressBars", Bars)
    res = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert updates[-1] == (3, 3)
    updates.clear()
    (corpus / "a9.txt").write_text(TEMPLATE.format(n=99))
    res = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(db)])
    assert "added 1, skipped 3" in res.stdout
    assert updates[-1] == (4, 4)
