"""The corpus store: round trip, idempotence, topics, the framing view, migrations."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, inspect, text

from fullpicture.ingest import load_text
from fullpicture.models import Analysis, Entity, FramingCue, Mention, Timex
from fullpicture.store import SCHEMA_VERSION, migrate, open_store

TEXTS = [
    "Illustrative text written for the fullpicture project. The council in Kyiv met on Monday to discuss the gate.",
    "Illustrative text written for the fullpicture project. The council in Belgrade said the talks would resume in April.",
]


def _analysis(text: str) -> Analysis:
    doc = load_text(text, source="<t>", title="Gate talks" if "Kyiv" in text else None)
    i = text.index("council")
    return Analysis(
        document=doc.info, text=doc.text, zones=list(doc.zones),
        entities=[Entity(id="e1", name="council", type="ORG", mentions=[Mention(start=i, end=i + 7, text="council")])],
        timexes=[Timex(id="t1", start=0, end=3, text=text[:3], type="DATE", value="XXXX")],
        framing=[FramingCue(start=i, end=i + 7, text="council", category="actor"),
                 FramingCue(start=0, end=3, text=text[:3], category="actor")],
    )


def test_round_trip_and_idempotent_add(tmp_path):
    store = open_store(tmp_path / "c.db")
    a = _analysis(TEXTS[0])
    assert store.add(a) is True
    assert store.add(a) is False
    assert store.count() == 1 and store.has(a.document.id)
    assert store.get(a.document.id) == a
    with pytest.raises(KeyError):
        store.get("0" * 64)
    store.close()


def test_topic_filter_case_insensitive(tmp_path):
    store = open_store(tmp_path / "c.db")
    for t in TEXTS:
        store.add(_analysis(t))
    assert len(list(store.iter_analyses())) == 2
    assert [a.document.title for a in store.iter_analyses("GATE TALKS")] == ["Gate talks"]
    assert len(list(store.iter_analyses("belgrade"))) == 1
    assert list(store.iter_analyses("nowhere-at-all")) == []
    store.close()


def test_sqlite_wal_foreign_keys_and_view(tmp_path):
    store = open_store(tmp_path / "c.db")
    a = _analysis(TEXTS[0])
    store.add(a)
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        rows = conn.execute(text("SELECT document_id, category, n FROM framing_counts")).all()
        assert rows == [(a.document.id, "actor", 2)]
        zones = conn.execute(text('SELECT kind, start, "end" FROM zones WHERE document_id = :d'), {"d": a.document.id}).all()
        assert len(zones) == len(a.zones)
    names = set(inspect(store.engine).get_table_names())
    assert {"documents", "zones", "entities", "mentions", "timexes", "events", "figures", "claims", "framing_cues", "schema_version"} <= names
    fks = inspect(store.engine).get_foreign_keys("mentions")
    assert any(fk["referred_table"] == "entities" for fk in fks)
    store.close()


def test_upgrade_from_v1(tmp_path):
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        assert migrate(conn, target=1) == 1
    engine.dispose()
    store = open_store(path)  # upgrades
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT MAX(version) FROM schema_version")).scalar() == SCHEMA_VERSION
        assert conn.execute(text("SELECT COUNT(*) FROM framing_counts")).scalar() == 0
    store.add(_analysis(TEXTS[1]))
    assert store.count() == 1
    store.close()


def test_open_store_bad_location_is_store_error(tmp_path):
    from fullpicture import StoreError

    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError):
        open_store(tmp_path / "file" / "sub" / "c.db")


@pytest.fixture(scope="module")
def pg_url():
    """FULLPICTURE_TEST_POSTGRES, else a throwaway local PostgreSQL cluster when its binaries
    are installed (run as the ``postgres`` user when the tests run as root); else skip."""
    url = os.environ.get("FULLPICTURE_TEST_POSTGRES")
    if url:
        yield url
        return
    import glob
    import pwd
    import shutil
    import socket
    import subprocess
    import tempfile

    # on PATH, else where Debian's postgresql package puts them
    bindirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    initdb = shutil.which("initdb") or next((f"{d}/initdb" for d in bindirs if os.path.exists(f"{d}/initdb")), None)
    pg_ctl = shutil.which("pg_ctl") or next((f"{d}/pg_ctl" for d in bindirs if os.path.exists(f"{d}/pg_ctl")), None)
    if not (initdb and pg_ctl):
        pytest.skip("no PostgreSQL server binaries (set FULLPICTURE_TEST_POSTGRES to use a server)")
    prefix: list[str] = []
    base = tempfile.mkdtemp(prefix="fp-pg-")
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        try:
            pg_user = pwd.getpwnam("postgres")
        except KeyError:
            pg_user = None
        if not runuser or pg_user is None:
            shutil.rmtree(base, ignore_errors=True)
            pytest.skip("running as root without a postgres user to start a test cluster")
        os.chown(base, pg_user.pw_uid, pg_user.pw_gid)
        prefix = [runuser, "-u", "postgres", "--"]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    data = os.path.join(base, "data")
    steps = [
        [initdb, "-D", data, "-A", "trust", "-U", "fp"],
        [pg_ctl, "-D", data, "-o", f"-k {base} -p {port} -c listen_addresses=''", "-l", os.path.join(base, "log"), "-w", "start"],
    ]
    for step in steps:
        res = subprocess.run(prefix + step, capture_output=True, text=True, timeout=120)
        if res.returncode != 0:
            shutil.rmtree(base, ignore_errors=True)
            pytest.skip(f"could not start a test PostgreSQL: {res.stderr.strip()[:200]}")
    try:
        yield f"postgresql+psycopg://fp@/postgres?host={base}&port={port}"
    finally:
        subprocess.run(prefix + [pg_ctl, "-D", data, "-m", "immediate", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


def test_postgres(pg_url):
    pytest.importorskip("psycopg")
    store = open_store(pg_url)
    a = _analysis(TEXTS[0])
    store.add(a)  # True on a fresh database; False when FULLPICTURE_TEST_POSTGRES already holds it
    assert store.add(a) is False
    assert store.get(a.document.id) == a
    assert a.document.id in [x.document.id for x in store.iter_analyses("gate TALKS")]
    with store.engine.connect() as conn:
        n = conn.execute(text("SELECT n FROM framing_counts WHERE document_id = :d"), {"d": a.document.id}).scalar()
        version = conn.execute(text("SELECT MAX(version) FROM schema_version")).scalar()
    assert n == 2 and version == SCHEMA_VERSION
    store.close()


def test_failed_add_leaves_no_half_document(tmp_path):
    from fullpicture import StoreError

    store = open_store(tmp_path / "c.db")
    a = _analysis(TEXTS[0])
    broken = a.model_copy(update={"entities": a.entities * 2})  # duplicate entity id: fails mid-write
    with pytest.raises(StoreError):
        store.add(broken)
    assert not store.has(a.document.id) and store.count() == 0
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM zones")).scalar() == 0
    assert store.add(a) is True
    store.close()
