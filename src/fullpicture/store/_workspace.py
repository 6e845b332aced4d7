"""The workspace tables beside the corpus: stories, each document's story, and full-text
search (SQLite FTS5 over ``documents``; PostgreSQL: a GIN index on ``to_tsvector``).

Created idempotently on first writable open (own ``IF NOT EXISTS`` DDL under the same
write lock as the schema, no schema version of their own), filled from the documents
already stored, then kept up to date by :func:`index_document` inside each document's
insert transaction.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    DateTime,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    inspect,
    select,
    text,
)

from fullpicture.store import _schema as S
from fullpicture.store import _stories as st

metadata = MetaData()

stories = Table(
    "stories", metadata,
    Column("id", String(16), primary_key=True),
    Column("title", Text, nullable=False, comment="the most shared places and names, each side's names"),
    Column("first_date", String(10), comment="earliest published day of its documents"),
    Column("last_date", String(10), comment="latest published day of its documents"),
    Column("n_documents", Integer, nullable=False),
    Column("sides", JSON, nullable=False, comment="documents per side"),
    Column("keys", JSON, nullable=False, comment="{key: [count, names]}"),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

key_counts = Table(
    "story_key_counts", metadata,
    Column("key", String(200), primary_key=True, comment="a place, entity or title-word key"),
    Column("documents", Integer, nullable=False, comment="indexed documents that have it"),
)

#: the ``story_key_counts`` row that holds the number of indexed documents (keys are
#: "p:", "e:" or "w:" + a name, so no key starts with "#")
DOCUMENT_COUNT = "#documents"

story_documents = Table(
    "story_documents", metadata,
    Column("document_id", String(64), primary_key=True),
    Column("story_id", String(16), nullable=False, index=True),
    Column("date", String(10)),
    Column("side", Text, nullable=False),
    Column("similarity", Float, comment="share of the document's keys the story had when it joined"),
)

FTS_TABLE = "documents_fts"
PG_FTS = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"


def has_workspace(conn: Connection) -> bool:
    """Whether the stories and search tables exist."""
    insp = inspect(conn)
    if not insp.has_table("story_documents"):
        return False
    return conn.dialect.name != "sqlite" or insp.has_table(FTS_TABLE)


def _create(conn: Connection) -> None:
    metadata.create_all(conn, checkfirst=True)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(title, text, "
            "content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents USING gin ({PG_FTS})")


def ensure_workspace(engine: Engine, settings: dict[str, Any]) -> None:
    """Create the workspace tables if missing and index every document not yet indexed."""
    with engine.connect() as conn:
        if (has_workspace(conn) and inspect(conn).has_table("story_key_counts") and not _unindexed(conn, limit=1)
                and _count_row(conn) is not None):
            return
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        elif engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": 0x66707773})  # "fpws"
        _create(conn)
        _indexed_count(conn)  # the count row, made here under the lock rather than by racing writers
        for doc_id in _unindexed(conn):
            index_document(conn, doc_id, settings)
        conn.commit()


def _unindexed(conn: Connection, limit: int | None = None) -> list[str]:
    q = (select(S.documents.c.id)
         .where(~S.documents.c.id.in_(select(story_documents.c.document_id)))
         .order_by(S.documents.c.ingested_at, S.documents.c.id))
    if limit:
        q = q.limit(limit)
    return [r[0] for r in conn.execute(q)]


def _day(value: str) -> date:
    return date.fromisoformat(value)


def index_document(conn: Connection, doc_id: str, settings: dict[str, Any]) -> str:
    """Index one stored document for search and put it in its story; returns the story id."""
    row = conn.execute(select(S.documents.c.title, S.documents.c.published, S.documents.c.perspective_label,
                              S.documents.c.site).where(S.documents.c.id == doc_id)).first()
    if row is None:
        raise KeyError(doc_id)
    if conn.dialect.name == "sqlite":
        conn.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, title, text) "
                          "SELECT rowid, coalesce(title, ''), text FROM documents WHERE id = :id"), {"id": doc_id})
    ents = [r[0] for r in conn.execute(select(S.entities.c.data).where(S.entities.c.document_id == doc_id))]
    doc = st.doc_keys(doc_id, row.title, row.published, st.side_of(row.perspective_label, row.site), ents)
    q = select(stories)
    if doc.date:
        window = timedelta(days=int(settings.get("window_days", 10)))
        lo, hi = (_day(doc.date) - window).isoformat(), (_day(doc.date) + window).isoformat()
        q = q.where((stories.c.first_date.is_(None)) | ((stories.c.first_date <= hi) & (stories.c.last_date >= lo)))
    doc_keys = list(doc.keys)
    df = dict(conn.execute(select(key_counts.c.key, key_counts.c.documents)
                           .where(key_counts.c.key.in_(doc_keys))).all()) if doc_keys else {}
    n_docs = _indexed_count(conn)
    idf = st.rarity(n_docs, df, doc_keys)
    best, best_sim = None, 0.0
    for s in conn.execute(q).mappings():
        sim = st.similarity(doc, s["keys"], settings, idf)
        if sim > best_sim or (sim == best_sim and best is not None and s["id"] < best["id"]):
            best, best_sim = s, sim
    now = datetime.now(UTC)
    max_keys = int(settings.get("max_keys", 60))
    if best is not None and best_sim >= float(settings.get("min_similarity", 0.18)):
        keys = st.merge_keys(best["keys"], doc, max_keys)
        sides = dict(best["sides"])
        sides[doc.side] = sides.get(doc.side, 0) + 1
        dates = [d for d in (best["first_date"], best["last_date"], doc.date) if d]
        conn.execute(stories.update().where(stories.c.id == best["id"]).values(
            title=st.story_title(keys, settings), keys=keys, sides=sides, n_documents=best["n_documents"] + 1,
            first_date=min(dates) if dates else None, last_date=max(dates) if dates else None, updated_at=now))
        sid = best["id"]
    else:
        sid = st.story_id(doc_id)
        keys = st.merge_keys({}, doc, max_keys)
        conn.execute(stories.insert().values(
            id=sid, title=st.story_title(keys, settings), keys=keys, sides={doc.side: 1}, n_documents=1,
            first_date=doc.date, last_date=doc.date, updated_at=now))
    # one statement for the keys seen before, one for the new ones (not one per key: each is a
    # round trip to a PostgreSQL server)
    known = [k for k in doc_keys if k in df]
    if known:
        conn.execute(key_counts.update().where(key_counts.c.key.in_(known))
                     .values(documents=key_counts.c.documents + 1))
    new = [{"key": k, "documents": 1} for k in doc_keys if k not in df]
    if new:
        conn.execute(key_counts.insert(), new)
    conn.execute(story_documents.insert().values(document_id=doc_id, story_id=sid, date=doc.date,
                                                 side=doc.side, similarity=round(best_sim, 4)))
    conn.execute(key_counts.update().where(key_counts.c.key == DOCUMENT_COUNT)
                 .values(documents=key_counts.c.documents + 1))
    return sid


def _count_row(conn: Connection) -> int | None:
    row = conn.execute(select(key_counts.c.documents).where(key_counts.c.key == DOCUMENT_COUNT)).first()
    return None if row is None else int(row[0])


def _indexed_count(conn: Connection) -> int:
    """Documents indexed so far, from the :data:`DOCUMENT_COUNT` row (one row read, not a
    count over ``story_documents``, which is a scan on PostgreSQL); a store indexed before
    the row existed gets it from one count."""
    row = _count_row(conn)
    if row is not None:
        return row
    n = int(conn.execute(select(func.count()).select_from(story_documents)).scalar() or 0)
    conn.execute(key_counts.insert().values(key=DOCUMENT_COUNT, documents=n))
    return n
