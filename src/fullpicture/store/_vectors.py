"""Sentence vectors kept across runs: in the store (table ``embeddings``, schema v3) and in a
file of the cache directory for comparisons made from files.

Both answer ``get_vectors(model, keys)`` and ``put_vectors(model, {key: vector})`` (the
``VectorCache`` protocol of ``align._embed``); keys are sha256 hex digests of the texts, the
model string names the model and its file's sha256. A cache that cannot be written (a
read-only store, a full disk, a locked file) is read where it can be and otherwise ignored:
it only ever saves work, it never changes a result.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.exc import SQLAlchemyError

from fullpicture.store._schema import embeddings

log = logging.getLogger("fullpicture.store")

_CHUNK = 500  # keys per IN (...) look-up: under SQLite's variable limit


def _decode(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<f4").astype(np.float32)


def get_vectors(engine: Engine, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
    """Vectors of ``model`` stored under ``keys`` (those found)."""
    out: dict[str, np.ndarray] = {}
    uniq = list(dict.fromkeys(keys))
    with engine.connect() as conn:
        for i in range(0, len(uniq), _CHUNK):
            q = select(embeddings.c.text_sha, embeddings.c.vector).where(
                embeddings.c.model == model, embeddings.c.text_sha.in_(uniq[i : i + _CHUNK]))
            out.update((k, _decode(v)) for k, v in conn.execute(q))
    return out


def put_vectors(engine: Engine, model: str, vectors: Mapping[str, np.ndarray]) -> None:
    """Insert vectors, leaving keys already stored untouched (concurrent writers are fine)."""
    if not vectors:
        return
    rows = [{"model": model, "text_sha": k, "vector": np.asarray(v, dtype="<f4").tobytes()}
            for k, v in vectors.items()]
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        stmt: Any = pg_insert(embeddings).on_conflict_do_nothing()
    elif engine.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(embeddings).on_conflict_do_nothing()
    else:  # pragma: no cover - other databases: skip keys already there
        have = set(get_vectors(engine, model, list(vectors)))
        rows = [r for r in rows if r["text_sha"] not in have]
        stmt = embeddings.insert()
    with engine.begin() as conn:
        for i in range(0, len(rows), _CHUNK):
            conn.execute(stmt, rows[i : i + _CHUNK])


class FileVectorCache:
    """The vector cache of comparisons made from files: one SQLite file (WAL, shared by
    processes). Errors disable it for the rest of the process with one log line."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._engine: Engine | None = None
        self._broken = False

    def _open(self) -> Engine | None:
        if self._engine is None and not self._broken:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                engine = create_engine(f"sqlite:///{self.path}", future=True)

                def on_connect(dbapi_conn: Any, _record: Any) -> None:
                    cur = dbapi_conn.cursor()
                    cur.execute("PRAGMA busy_timeout=10000")
                    cur.execute("PRAGMA journal_mode=WAL")
                    cur.execute("PRAGMA synchronous=NORMAL")
                    cur.close()

                event.listen(engine, "connect", on_connect)
                embeddings.create(engine, checkfirst=True)
                self._engine = engine
            except (SQLAlchemyError, OSError) as exc:
                self._fail(exc)
        return self._engine

    def _fail(self, exc: Exception) -> None:
        log.warning("vector cache %s not used (%s)", self.path.name, str(exc).splitlines()[0][:200])
        self._broken = True
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None

    def get_vectors(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Stored vectors among ``keys``."""
        engine = self._open()
        if engine is None:
            return {}
        try:
            return get_vectors(engine, model, keys)
        except SQLAlchemyError as exc:
            self._fail(exc)
            return {}

    def put_vectors(self, model: str, vectors: Mapping[str, np.ndarray]) -> None:
        """Keep new vectors."""
        engine = self._open()
        if engine is None:
            return
        try:
            put_vectors(engine, model, vectors)
        except SQLAlchemyError as exc:
            self._fail(exc)

    def close(self) -> None:
        """Release the file."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


class VectorChain:
    """Several caches as one: look-ups ask each in turn, new vectors go to the first that is
    not read-only (a store opened read-only passes them on to the file cache). Vectors found
    in a later cache are copied into the first writable one before it (the file cache fills a
    store, so the store alone serves the next comparison)."""

    def __init__(self, *caches: Any) -> None:
        self.caches = [c for c in caches if c is not None]

    def get_vectors(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Vectors found in any cache."""
        found: dict[str, np.ndarray] = {}
        rest = list(keys)
        for k, c in enumerate(self.caches):
            if not rest:
                break
            got = c.get_vectors(model, rest)
            found.update(got)
            rest = [key for key in rest if key not in got]
            first = next((w for w in self.caches[:k] if not getattr(w, "read_only", False)), None)
            if got and first is not None:
                first.put_vectors(model, got)
        return found

    def put_vectors(self, model: str, vectors: Mapping[str, np.ndarray]) -> None:
        """Keep new vectors in the first writable cache."""
        for c in self.caches:
            if not getattr(c, "read_only", False):
                c.put_vectors(model, vectors)
                return
