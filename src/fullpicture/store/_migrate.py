"""Schema versions and the migration path: ``MIGRATIONS[v]`` takes a database from v-1 to v.

* v1: the tables of :mod:`fullpicture.store._schema` (documents, zones, entities, mentions,
  timexes, events, figures, claims, framing_cues) and ``schema_version``.
* v2: the ``framing_counts`` view and an index on ``mentions.entity_key``.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, inspect, text

from fullpicture._errors import StoreError
from fullpicture.store import _schema

SCHEMA_VERSION = 2


def _v1(conn: Connection) -> None:
    _schema.metadata.create_all(conn)


def _v2(conn: Connection) -> None:
    conn.execute(text("DROP VIEW IF EXISTS framing_counts"))
    conn.execute(text(_schema.FRAMING_COUNTS_VIEW))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_mentions_entity ON mentions (document_id, entity_key)"))


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1, 2: _v2}


def current_version(conn: Connection) -> int:
    """The version recorded in the database (0 for an empty one)."""
    if not inspect(conn).has_table("schema_version"):
        if inspect(conn).has_table("documents"):
            raise StoreError("database has a documents table but no schema_version: not a fullpicture store")
        return 0
    value = conn.execute(text("SELECT MAX(version) FROM schema_version")).scalar()
    return int(value or 0)


def migrate(conn: Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply every migration above the current version, up to ``target``; returns the new version."""
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(f"database schema v{version} is newer than this fullpicture (v{SCHEMA_VERSION}); upgrade fullpicture")
    for v in range(version + 1, target + 1):
        MIGRATIONS[v](conn)
        conn.execute(_schema.schema_version.insert().values(version=v))
    return max(version, target)
