"""A batch of documents is indexed into its stories in one pass (issue 14): the same stories,
links and key counts as one document at a time, a few statements per batch, and a kill inside
a batch's transaction loses only that batch, which the resumed ingest writes once."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from datetime import date, timedelta

from sqlalchemy import event, text

from fullpicture.models import Analysis, DocumentInfo, Entity
from fullpicture.store import open_store
from tests.helpers import write_corpus

PLACES = [("Harbourtown", 901), ("Eastvale", 902), ("Northgate", 903), ("Westmoor", None), ("River Cross", None)]
NAMES = [("the council", "ORG"), ("Mara Dent", "PERSON"), ("the guard", "ORG"), ("Lena Park", "PERSON")]
WORDS = ["flood", "bridge", "council", "strike", "protest", "harbour", "convoy", "storm", "talks"]


def _analyses(n: int, seed: int = 3) -> list[Analysis]:
    """Invented documents over a few months (some undated), sharing places, names and title words."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        day = None if rng.random() < 0.15 else (date(2024, 3, 1) + timedelta(days=rng.randint(0, 90))).isoformat()
        info = DocumentInfo(id=f"{i:064x}", source=f"<{i}>", title=" ".join(rng.sample(WORDS, 2)).capitalize(),
                            published=day, site=rng.choice(["a.example", "b.example", None]), language="en")
        ents = []
        for j, (name, gid) in enumerate(rng.sample(PLACES, rng.randint(0, 2))):
            geo = {"lat": 1.0, "lon": 2.0, "geonames_id": gid} if gid else None
            ents.append(Entity.model_validate({"id": f"p{j}", "name": name, "type": "GPE", "geo": geo,
                                               "mentions": [{"start": 0, "end": 4, "text": name}]}))
        for j, (name, kind) in enumerate(rng.sample(NAMES, rng.randint(0, 2))):
            ents.append(Entity.model_validate({"id": f"e{j}", "name": name, "type": kind,
                                               "mentions": [{"start": 0, "end": 4, "text": name.upper()}]}))
        out.append(Analysis(document=info, text=f"Invented note {i}.", entities=ents))
    return out


def _tables(store) -> dict[str, list[tuple]]:
    with store.engine.connect() as conn:
        return {
            "stories": conn.execute(text("SELECT id, title, first_date, last_date, n_documents, sides, keys "
                                         "FROM stories ORDER BY id")).all(),
            "links": conn.execute(text("SELECT document_id, story_id, date, side, similarity FROM story_documents "
                                       "ORDER BY document_id")).all(),
            "keys": conn.execute(text("SELECT key, documents FROM story_key_counts ORDER BY key")).all(),
            "fts": conn.execute(text("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'invented' "
                                     "ORDER BY rowid")).all(),
        }


def test_batches_index_as_one_document_at_a_time(tmp_path):
    analyses = _analyses(120)
    one = open_store(tmp_path / "one.db")
    for a in analyses:
        assert one.add(a)
    many = open_store(tmp_path / "many.db")
    statements: list[str] = []
    event.listen(many.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    for i in range(0, len(analyses), 13):
        assert many.add_many(analyses[i : i + 13]) == [True] * len(analyses[i : i + 13])
    expected, got = _tables(one), _tables(many)
    assert len({row[1] for row in expected["links"]}) > 5  # several stories, joined and started
    assert got == expected
    assert len(statements) / len(analyses) < 2  # one document at a time: about ten each
    one.close()
    many.close()


TEMPLATE = ("Illustrative text written for the fullpicture project, number {n}.\n\n"
            "The council of district {n} met on Monday in Harbourtown.")

# the ingest command with an analysis that keeps only what the store needs (no spaCy: fast),
# killed (no cleanup, as kill -9) inside the transaction of the second batch, after its rows
# and before its commit
_DIE_IN_SECOND_BATCH = (
    "import os\n"
    "import fullpicture.batch as _b\n"
    "from fullpicture.models import Analysis as _A\n"
    "def _stub(documents, settings=None, *, workers=1, dask=False):\n"
    "    for d in documents:\n"
    "        yield _A(document=d.info, text=d.text, zones=list(d.zones))\n"
    "_b.analyze_many = _stub\n"
    "import fullpicture.store._store as _s\n"
    "_real = _s.index_documents\n"
    "_calls = []\n"
    "def _index(conn, docs, settings):\n"
    "    out = _real(conn, docs, settings)\n"
    "    _calls.append(1)\n"
    "    if len(_calls) == 2 and os.environ.get('DIE'):\n"
    "        os._exit(86)\n"
    "    return out\n"
    "_s.index_documents = _index\n"
    "from fullpicture.cli import main; main()\n"
)


def test_kill_inside_a_batch_then_resume(tmp_path):
    corpus = write_corpus(tmp_path, TEMPLATE, 10, first=1)
    db = tmp_path / "c.db"
    conf = tmp_path / "s.toml"
    conf.write_text("[store]\nwrite_documents = 4\ncheck_documents = 3\n")
    cmd = [sys.executable, "-c", _DIE_IN_SECOND_BATCH, "ingest", str(corpus), "--db", str(db),
           "--settings", str(conf), "--no-embed"]
    env = {**os.environ, "DIE": "1", "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    died = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert died.returncode == 86, died.stderr[-2000:]
    store = open_store(db)
    assert store.count() == 4  # the first batch, whole; nothing of the second
    store.close()
    env.pop("DIE")
    resumed = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert "added 6, skipped 4, failed 0" in resumed.stdout
    store = open_store(db)
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert conn.execute(text("SELECT COUNT(DISTINCT id), COUNT(*) FROM documents")).one() == (10, 10)
        assert conn.execute(text("SELECT COUNT(*) FROM story_documents")).scalar() == 10
        assert conn.execute(text("SELECT documents FROM story_key_counts WHERE key = '#documents'")).scalar() == 10
        assert conn.execute(text("SELECT COUNT(*) FROM (SELECT document_id, seq FROM zones "
                                 "GROUP BY document_id, seq HAVING COUNT(*) > 1)")).scalar() == 0
    store.close()
