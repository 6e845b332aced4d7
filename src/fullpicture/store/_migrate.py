"""Schema versions and the migration path: ``MIGRATIONS[v]`` takes a database from v-1 to v.

* v1: the tables of :mod:`fullpicture.store._schema` (documents, zones, entities, mentions,
  timexes, events, figures, claims, framing_cues) and ``schema_version``.
* v2: the ``framing_counts`` view and an index on ``mentions.entity_key``.
* v3: the ``embeddings`` table (sentence vectors by model and text sha256).

:func:`ensure_schema` is safe when several processes open a new database at once: SQLite
migrates inside one ``BEGIN IMMEDIATE`` transaction (writers queue behind it, busy timeout),
PostgreSQL under a transaction-scoped advisory lock; every ``CREATE`` also says
``IF NOT EXISTS``, and the version is re-read once the lock is held.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.schema import CreateIndex, CreateTable

from fullpicture._errors import StoreError
from fullpicture.store import _schema

SCHEMA_VERSION = 3

#: Key of the PostgreSQL advisory lock taken while migrating ("fullpict" in ASCII).
PG_LOCK_KEY = 0x66756C6C70696374 & 0x7FFFFFFFFFFFFFFF


def _v1(conn: Connection) -> None:
    for table in _schema.metadata.sorted_tables:
        conn.execute(CreateTable(table, if_not_exists=True))
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            conn.execute(CreateIndex(index, if_not_exists=True))


def _v2(conn: Connection) -> None:
    conn.execute(text("DROP VIEW IF EXISTS framing_counts"))
    conn.execute(text(_schema.FRAMING_COUNTS_VIEW))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_mentions_entity ON mentions (document_id, entity_key)"))


def _v3(conn: Connection) -> None:
    conn.execute(CreateTable(_schema.embeddings, if_not_exists=True))


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1, 2: _v2, 3: _v3}


def current_version(conn: Connection) -> int:
    """The version recorded in the database (0 for an empty one)."""
    tables = set(inspect(conn).get_table_names())  # one read: a consistent snapshot
    if "schema_version" not in tables:
        if "documents" in tables:
            raise StoreError("database has a documents table but no schema_version: not a fullpicture store")
        return 0
    value = conn.execute(text("SELECT MAX(version) FROM schema_version")).scalar()
    return int(value or 0)


def migrate(conn: Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply every migration above the current version, up to ``target``; returns the new version.

    Runs in the caller's transaction; use :func:`ensure_schema` when other processes may
    open the same database concurrently."""
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(f"database schema v{version} is newer than this fullpicture (v{SCHEMA_VERSION}); upgrade fullpicture")
    for v in range(version + 1, target + 1):
        MIGRATIONS[v](conn)
        conn.execute(_schema.schema_version.insert().values(version=v))
    return max(version, target)


def ensure_schema(engine: Engine, target: int = SCHEMA_VERSION) -> int:
    """Create or upgrade the schema, idempotently and safely under concurrency.

    A database already at ``target`` is only read (no write lock is taken)."""
    with engine.connect() as conn:
        version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(f"database schema v{version} is newer than this fullpicture (v{SCHEMA_VERSION}); upgrade fullpicture")
    if version >= target:
        return version
    dialect = engine.dialect.name
    with engine.connect() as conn:
        if dialect == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock first; others wait (busy timeout)
        elif dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
        version = migrate(conn, target)  # re-reads the version under the lock
        conn.commit()
    return version
