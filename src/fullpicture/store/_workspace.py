"""The workspace tables beside the corpus: stories, each document's story, and full-text
search (SQLite FTS5 over ``documents``; PostgreSQL: a GIN index on ``to_tsvector``).

Created idempotently on first writable open (own ``IF NOT EXISTS`` DDL under the same
write lock as the schema, no schema version of their own), filled from the documents
already stored, then kept up to date by :func:`index_document` inside each document's
insert transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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
    bindparam,
    func,
    inspect,
    or_,
    select,
    text,
)
from sqlalchemy.exc import IntegrityError

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


@dataclass
class Indexed:
    """What the story index needs of one stored document (its row's columns and its
    entities' JSON, in their stored order)."""

    id: str
    title: str | None
    published: str | None
    perspective_label: str | None
    site: str | None
    entities: list[dict[str, Any]]


def index_document(conn: Connection, doc_id: str, settings: dict[str, Any]) -> str:
    """Index one stored document for search and put it in its story; returns the story id."""
    row = conn.execute(select(S.documents.c.title, S.documents.c.published, S.documents.c.perspective_label,
                              S.documents.c.site).where(S.documents.c.id == doc_id)).first()
    if row is None:
        raise KeyError(doc_id)
    ents = [r[0] for r in conn.execute(select(S.entities.c.data).where(S.entities.c.document_id == doc_id)
                                       .order_by(S.entities.c.seq))]
    return index_documents(conn, [Indexed(doc_id, row.title, row.published, row.perspective_label, row.site, ents)],
                           settings)[0]


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _span(day: str, window: timedelta) -> tuple[str, str]:
    """The days of the stories a document dated ``day`` may join."""
    return (_day(day) - window).isoformat(), (_day(day) + window).isoformat()


def _merged(spans: Iterable[tuple[str, str] | None]) -> list[tuple[str, str]]:
    """Overlapping spans joined (ISO days compare as strings)."""
    out: list[tuple[str, str]] = []
    for lo, hi in sorted(s for s in spans if s):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _in_window(story: dict[str, Any], lo: str, hi: str) -> bool:
    """The story query's date filter, on a story held in memory."""
    first, last = story["first_date"], story["last_date"]
    return first is None or (first <= hi and last is not None and last >= lo)


def index_documents(conn: Connection, docs: Sequence[Indexed], settings: dict[str, Any]) -> list[str]:
    """Index stored documents for search and put each in its story, in order, as
    :func:`index_document` one by one would; returns their story ids.

    A few statements for the whole batch, not about ten per document (each a round trip to a
    PostgreSQL server): the key counts and the stories any of the documents may meet are read
    once, each document is matched against them in memory as they stand after the documents
    before it, and what changed is written at the end."""
    if not docs:
        return []
    if conn.dialect.name == "sqlite":
        for part in _chunks([d.id for d in docs]):
            conn.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, title, text) SELECT rowid, coalesce(title, ''), text "
                              "FROM documents WHERE id IN :ids").bindparams(bindparam("ids", expanding=True)),
                         {"ids": part})
    keyed = [st.doc_keys(d.id, d.title, d.published, st.side_of(d.perspective_label, d.site), d.entities) for d in docs]
    every_key = sorted({k for doc in keyed for k in doc.keys})
    df: dict[str, int] = {}
    for part in _chunks(every_key):
        df.update(conn.execute(select(key_counts.c.key, key_counts.c.documents).where(key_counts.c.key.in_(part))).all())
    known_before = set(df)
    n_docs = _indexed_count(conn)
    window = timedelta(days=int(settings.get("window_days", 10)))
    spans = [_span(doc.date, window) if doc.date else None for doc in keyed]
    q = select(stories)
    if all(spans):  # every document dated: the stories any of their windows meets
        q = q.where(or_(stories.c.first_date.is_(None),
                        *((stories.c.first_date <= hi) & (stories.c.last_date >= lo) for lo, hi in _merged(spans))))
    held: dict[str, dict[str, Any]] = {s["id"]: dict(s) for s in conn.execute(q).mappings()}
    created: list[str] = []
    changed: set[str] = set()
    links: list[dict[str, Any]] = []
    max_keys = int(settings.get("max_keys", 60))
    min_sim = float(settings.get("min_similarity", 0.18))
    out: list[str] = []
    for doc, span in zip(keyed, spans, strict=True):
        doc_keys = list(doc.keys)
        idf = st.rarity(n_docs, df, doc_keys)
        best, best_sim = None, 0.0
        for s in held.values():
            if span is not None and not _in_window(s, *span):
                continue
            sim = st.similarity(doc, s["keys"], settings, idf)
            if sim > best_sim or (sim == best_sim and best is not None and s["id"] < best["id"]):
                best, best_sim = s, sim
        now = datetime.now(UTC)
        if best is not None and best_sim >= min_sim:
            keys = st.merge_keys(best["keys"], doc, max_keys)
            sides = dict(best["sides"])
            sides[doc.side] = sides.get(doc.side, 0) + 1
            dates = [d for d in (best["first_date"], best["last_date"], doc.date) if d]
            best.update(title=st.story_title(keys, settings), keys=keys, sides=sides,
                        n_documents=best["n_documents"] + 1, first_date=min(dates) if dates else None,
                        last_date=max(dates) if dates else None, updated_at=now)
            sid = best["id"]
            if sid not in created:
                changed.add(sid)
        else:
            sid = st.story_id(doc.id)
            if sid in held:  # as the insert of a second story with this id would
                raise IntegrityError("INSERT INTO stories", {"id": sid}, Exception("story id taken"))
            keys = st.merge_keys({}, doc, max_keys)
            held[sid] = {"id": sid, "title": st.story_title(keys, settings), "keys": keys, "sides": {doc.side: 1},
                         "n_documents": 1, "first_date": doc.date, "last_date": doc.date, "updated_at": now}
            created.append(sid)
        for k in doc_keys:
            df[k] = df.get(k, 0) + 1
        n_docs += 1
        links.append({"document_id": doc.id, "story_id": sid, "date": doc.date, "side": doc.side,
                      "similarity": round(best_sim, 4)})
        out.append(sid)
    _write_stories(conn, [held[s] for s in created], [held[s] for s in sorted(changed)])
    _write_key_counts(conn, {k: df[k] for k in every_key if k not in known_before}, known_before, keyed)
    conn.execute(story_documents.insert(), links)
    conn.execute(key_counts.update().where(key_counts.c.key == DOCUMENT_COUNT)
                 .values(documents=key_counts.c.documents + len(docs)))
    return out


_STORY_COLUMNS = ("title", "keys", "sides", "n_documents", "first_date", "last_date", "updated_at")


def _write_stories(conn: Connection, created: list[dict[str, Any]], changed: list[dict[str, Any]]) -> None:
    if created:
        conn.execute(stories.insert(), created)
    if changed:
        conn.execute(stories.update().where(stories.c.id == bindparam("b_id"))
                     .values({c: bindparam("b_" + c) for c in _STORY_COLUMNS}),
                     [{"b_id": s["id"], **{"b_" + c: s[c] for c in _STORY_COLUMNS}} for s in changed])


def _write_key_counts(conn: Connection, new_keys: dict[str, int], known_before: set[str], keyed: list[Any]) -> None:
    """Counts of keys stored before go up by how many of the documents have them (an
    increment, as other writers may have raised them too); new keys are inserted."""
    added: dict[str, int] = {}
    for doc in keyed:
        for k in doc.keys:
            if k in known_before:
                added[k] = added.get(k, 0) + 1
    by_step: dict[int, list[str]] = {}
    for k, step in added.items():
        by_step.setdefault(step, []).append(k)
    for step, ks in sorted(by_step.items()):
        for part in _chunks(sorted(ks)):
            conn.execute(key_counts.update().where(key_counts.c.key.in_(part))
                         .values(documents=key_counts.c.documents + step))
    new = [{"key": k, "documents": n} for k, n in new_keys.items()]
    if new:
        conn.execute(key_counts.insert(), new)


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
