"""The Store: add, look up and iterate analyses. One transaction per document or batch of documents."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import numpy as np
from sqlalchemy import Engine, create_engine, event, func, or_, select, text
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from fullpicture._errors import StoreError
from fullpicture._safetext import fold_marks
from fullpicture.models import Analysis, DocumentInfo, FramingProfile
from fullpicture.settings import Settings, load_settings
from fullpicture.store import _schema as S
from fullpicture.store import _vectors
from fullpicture.store._migrate import current_version, ensure_schema
from fullpicture.store._views import WorkspaceViews
from fullpicture.store._workspace import (
    FTS_TABLE,
    PG_FTS,
    Indexed,
    _chunks,
    ensure_workspace,
    has_workspace,
    index_documents,
)

_ITEM_LISTS = (
    ("timexes", S.timexes), ("events", S.events), ("figures", S.figures),
    ("claims", S.claims), ("framing", S.framing_cues),
)
_FIELDS = ("zones", "entities", *(attr for attr, _ in _ITEM_LISTS))
_LOAD_CHUNK = 200  # documents loaded per round of queries
_WORD = re.compile(r"\w+")


def _url(url_or_path: str | Path) -> str:
    s = str(url_or_path)
    if "://" in s:
        return s
    return f"sqlite:///{Path(s).expanduser().resolve()}"


def _readonly_url(url: str) -> str:
    """A SQLite URL that opens the file read-only (never creates it, never writes)."""
    path = url.removeprefix("sqlite:///")
    return f"sqlite:///file:{quote(path)}?mode=ro&uri=true"


def _sqlite_readonly(options: dict[str, Any]) -> Any:
    timeout = int(options.get("sqlite_busy_timeout_ms", 10000))

    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA query_only=ON")
        cur.execute(f"PRAGMA busy_timeout={timeout}")
        cur.close()

    return on_connect


def _sqlite_pragmas(options: dict[str, Any]) -> Any:
    sync = str(options.get("sqlite_synchronous", "NORMAL")).upper()
    if sync not in ("OFF", "NORMAL", "FULL", "EXTRA"):
        raise StoreError(f"[store] sqlite_synchronous must be OFF, NORMAL, FULL or EXTRA, not {sync!r}")
    timeout = int(options.get("sqlite_busy_timeout_ms", 10000))

    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={timeout}")  # first: switching to WAL may wait for a lock
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA synchronous={sync}")
        cur.close()

    return on_connect


def _retry_locked(opening: Callable[[], None], options: dict[str, Any]) -> None:
    """Run ``opening`` again while SQLite answers "database is locked", for up to
    ``sqlite_open_retry_s`` seconds. SQLite skips its busy handler where waiting could
    deadlock (a reader upgrading to a writer, as when processes open a new file together), so
    the busy timeout alone does not cover several processes opening one store at once."""
    deadline = time.monotonic() + float(options.get("sqlite_open_retry_s", 60))
    pause = 0.02
    while True:
        try:
            opening()
            return
        except OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause + random.uniform(0, pause))  # jitter: two openers do not retry in step
        pause = min(pause * 2, 0.5)


def _item_row(table_name: str, doc_id: str, seq: int, item: Any) -> dict[str, Any]:
    d = item.model_dump(mode="json")
    row: dict[str, Any] = {"document_id": doc_id, "seq": seq, "item_key": d.get("id"), "data": d}
    if table_name == "events":
        trig = d.get("trigger") or {}
        row.update(start=trig.get("start"), end=trig.get("end"), type=d.get("type"), trigger=trig.get("text"),
                   date=d.get("date"), modality=d.get("modality"))
    else:
        row.update(start=d.get("start"), end=d.get("end"))
    if table_name == "timexes":
        row.update(text=d.get("text"), type=d.get("type"), value=d.get("value"))
    elif table_name == "figures":
        row.update(text=d.get("text"), value=d.get("value"), counts=d.get("counts"))
    elif table_name == "claims":
        row.update(kind=d.get("kind"), text=d.get("text"), source_text=(d.get("source") or {}).get("text"))
    elif table_name == "framing_cues":
        row.update(text=d.get("text"), category=d.get("category"), subcategory=d.get("subcategory"))
    return row


def _rows(analysis: Analysis) -> dict[str, list[dict[str, Any]]]:
    """The rows of one analysis, by table name."""
    info = analysis.document
    p = info.perspective
    out: dict[str, list[dict[str, Any]]] = {"documents": [{
        "id": info.id, "source": info.source, "title": info.title, "language": info.language,
        "published": info.published, "site": info.site, "format": info.format,
        "perspective_label": p.label if p else None, "perspective_origin": p.origin if p else None,
        "authors": [a.model_dump(mode="json") for a in info.authors], "text": analysis.text,
        "framing_profile": analysis.framing_profile.model_dump(mode="json") if analysis.framing_profile else None,
        "data": info.model_dump(mode="json"), "ingested_at": datetime.now(UTC),
    }]}
    out["zones"] = [{"document_id": info.id, "seq": i, "kind": z.kind, "start": z.start, "end": z.end,
                     "data": z.model_dump(mode="json")} for i, z in enumerate(analysis.zones)]
    ents: list[dict[str, Any]] = []
    ments: list[dict[str, Any]] = []
    for i, e in enumerate(analysis.entities):
        d = e.model_dump(mode="json")
        geo = d.get("geo") or {}
        ents.append({"document_id": info.id, "seq": i, "entity_key": e.id, "name": e.name, "type": e.type,
                     "lat": geo.get("lat"), "lon": geo.get("lon"), "country": geo.get("country"), "data": d})
        ments.extend({"document_id": info.id, "entity_key": e.id, "start": m.start, "end": m.end,
                      "text": m.text, "data": m.model_dump(mode="json")} for m in e.mentions)
    out["entities"], out["mentions"] = ents, ments
    for attr, table in _ITEM_LISTS:
        out[table.name] = [_item_row(table.name, info.id, i, it) for i, it in enumerate(getattr(analysis, attr))]
    return out


class Store(WorkspaceViews):
    """A corpus of analyses in SQLite (default) or any SQLAlchemy URL (PostgreSQL too)."""

    def __init__(self, url: str, settings: Settings | None = None, *, read_only: bool = False) -> None:
        self.url = url
        self.read_only = read_only
        settings = settings or load_settings()
        options = settings.section("store")
        self._story_settings = settings.section("stories")
        try:
            if read_only and url.startswith("sqlite:///"):
                self.engine: Engine = create_engine(_readonly_url(url), future=True)
                event.listen(self.engine, "connect", _sqlite_readonly(options))
            else:
                self.engine = create_engine(url, future=True)
                if self.engine.dialect.name == "sqlite":
                    event.listen(self.engine, "connect", _sqlite_pragmas(options))
            _retry_locked(lambda: self._open(read_only), options)
        except StoreError:
            raise
        except (SQLAlchemyError, ImportError, OSError) as exc:
            raise StoreError(f"cannot open store {url}: {str(exc).splitlines()[0]}") from exc

    def _open(self, read_only: bool) -> None:
        if read_only:
            with self.engine.connect() as conn:
                if current_version(conn) == 0:
                    raise StoreError("not a fullpicture store (no schema): run `fullpicture ingest` first")
        else:
            ensure_schema(self.engine)
            ensure_workspace(self.engine, self._story_settings)

    # -- writing -----------------------------------------------------------------------
    def add(self, analysis: Analysis) -> bool:
        """Insert one analysis in a single transaction; False if its document is already there."""
        info = analysis.document
        if self.has(info.id):
            return False
        try:
            with self.engine.begin() as conn:
                self._write(conn, [analysis])
        except IntegrityError:
            if self.has(info.id):  # another writer got there first
                return False
            raise StoreError(f"{info.source}: could not store the analysis (integrity error)") from None
        except SQLAlchemyError as exc:
            raise StoreError(f"{info.source}: could not store the analysis ({str(exc).splitlines()[0]})") from exc
        return True

    def add_many(self, analyses: Sequence[Analysis]) -> list[bool | Exception]:
        """Insert several analyses in one transaction, one statement per table for all of them
        (a PostgreSQL server is waited on per statement, not per row). Per analysis: True if
        added, False if its document was already stored (or came earlier in ``analyses``), or
        the exception of a document that could not be stored (a :class:`StoreError` for the
        database's refusals). When the batch cannot be written as a whole, each document is
        written alone, so one bad document costs only itself."""
        ids = [a.document.id for a in analyses]
        with self.engine.connect() as conn:
            stored = {r[0] for r in conn.execute(select(S.documents.c.id).where(S.documents.c.id.in_(ids)))}
        fresh: list[Analysis] = []
        out: list[bool | Exception] = []
        for a in analyses:
            new = a.document.id not in stored
            stored.add(a.document.id)
            out.append(new)
            if new:
                fresh.append(a)
        if not fresh:
            return out
        try:
            with self.engine.begin() as conn:
                self._write(conn, fresh)
            return out
        except Exception:  # one document spoilt the batch, or another writer stored one
            pass
        for k, a in enumerate(analyses):  # each alone
            if out[k] is True:
                try:
                    out[k] = self.add(a)
                except Exception as exc:  # the caller reports it per document
                    out[k] = exc
        return out

    def _write(self, conn: Any, analyses: Sequence[Analysis]) -> None:
        """The rows of ``analyses`` (not stored yet), then each one's search and story index."""
        rows: dict[str, list[dict[str, Any]]] = {}
        indexed: list[Indexed] = []
        for analysis in analyses:
            mine = _rows(analysis)
            for name, table_rows in mine.items():
                rows.setdefault(name, []).extend(table_rows)
            d = mine["documents"][0]  # what the story index would read back from the rows just written
            indexed.append(Indexed(d["id"], d["title"], d["published"], d["perspective_label"], d["site"],
                                   [e["data"] for e in mine["entities"]]))
        for table in (S.documents, S.zones, S.entities, S.mentions, *(t for _, t in _ITEM_LISTS)):
            if rows.get(table.name):
                conn.execute(table.insert(), rows[table.name])
        index_documents(conn, indexed, self._story_settings)  # search and stories, same transaction, in order

    # -- reading -----------------------------------------------------------------------
    def has(self, doc_id: str) -> bool:
        """Whether a document with this id is stored."""
        with self.engine.connect() as conn:
            return conn.execute(select(S.documents.c.id).where(S.documents.c.id == doc_id)).first() is not None

    def stored(self, doc_ids: Sequence[str]) -> set[str]:
        """Which of ``doc_ids`` are stored (one query per 500 ids, not one per id)."""
        out: set[str] = set()
        with self.engine.connect() as conn:
            for part in _chunks(list(doc_ids)):
                out.update(r[0] for r in conn.execute(select(S.documents.c.id).where(S.documents.c.id.in_(part))))
        return out

    def count(self) -> int:
        """Number of stored documents."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(S.documents)).scalar() or 0)

    def ids(self) -> list[str]:
        """All stored document ids."""
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(select(S.documents.c.id).order_by(S.documents.c.ingested_at, S.documents.c.id))]

    def get(self, doc_id: str) -> Analysis:
        """The stored analysis of one document (KeyError if absent)."""
        found = self.get_many([doc_id])
        if not found:
            raise KeyError(doc_id)
        return found[0]

    def get_many(self, doc_ids: Sequence[str]) -> list[Analysis]:
        """The stored analyses of ``doc_ids`` (those stored, in the given order): one query
        per table for a chunk of documents, not one per table per document."""
        out: list[Analysis] = []
        with self.engine.connect() as conn:
            for i in range(0, len(doc_ids), _LOAD_CHUNK):
                out += self._load_many(conn, list(doc_ids[i : i + _LOAD_CHUNK]))
        return out

    def _load_many(self, conn: Any, ids: list[str]) -> list[Analysis]:
        rows = {r["id"]: r for r in conn.execute(select(S.documents).where(S.documents.c.id.in_(ids))).mappings()}
        per: dict[str, dict[str, list[Any]]] = {d: {} for d in rows}
        for attr, table in (("zones", S.zones), ("entities", S.entities), *_ITEM_LISTS):
            q = (select(table.c.document_id, table.c.data).where(table.c.document_id.in_(list(rows)))
                 .order_by(table.c.document_id, table.c.seq))
            for doc_id, data in conn.execute(q):
                per[doc_id].setdefault(attr, []).append(data)
        out = []
        for doc_id in ids:
            row = rows.get(doc_id)
            if row is None:
                continue
            fields: dict[str, Any] = {attr: per[doc_id].get(attr, []) for attr in _FIELDS}
            profile = row["framing_profile"]
            out.append(Analysis(
                document=DocumentInfo.model_validate(row["data"]), text=row["text"],
                framing_profile=FramingProfile.model_validate(profile) if profile else None, **fields,
            ))
        return out

    def topic_ids(self, topic: str) -> list[str]:
        """Ids of the documents whose title or text contains ``topic`` (without case or diacritics), in
        ingest order. The full-text index (SQLite FTS5, PostgreSQL's GIN index) finds the
        candidates holding its words (the last one as a prefix); the substring check then
        keeps the documents the plain scan keeps. Without an index, or for a topic without
        a word character, every document is scanned."""
        words = _WORD.findall(topic)
        d = S.documents.c
        q = select(d.id, d.title, d.text).order_by(d.ingested_at, d.id)
        with self.engine.connect() as conn:
            if words and self.engine.dialect.name == "sqlite" and has_workspace(conn):
                match = " ".join('"' + w.replace('"', '""') + '"' for w in words) + "*"
                q = q.where(text(f"documents.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :m)")
                            ).params(m=match)
            elif words and self.engine.dialect.name == "postgresql":
                tsq = " & ".join(w.lower() for w in words) + ":*"
                q = q.where(text(f"{PG_FTS} @@ to_tsquery('simple', :m)")).params(m=tsq)
            else:
                pat = f"%{topic}%"
                q = q.where(or_(d.title.ilike(pat), d.text.ilike(pat)))
            needle = fold_marks(topic)  # as the full-text index: "Zvecan" finds "Zvečan"
            return [r.id for r in conn.execute(q) if needle in fold_marks(r.title or "") or needle in fold_marks(r.text)]

    def iter_analyses(self, topic: str | Sequence[str] | None = None) -> Iterator[Analysis]:
        """Stored analyses in ingest order; ``topic`` keeps those whose title or text contains it
        (case-insensitive; see :meth:`topic_ids`), or any of several terms (a topic with its
        alias and counter-term family). Loaded ``_LOAD_CHUNK`` documents at a time."""
        terms = [topic] if isinstance(topic, str) else [t for t in (topic or []) if t]
        if len(terms) == 1:
            ids = self.topic_ids(terms[0])
        elif terms:
            found = {d for t in terms for d in self.topic_ids(t)}
            ids = [d for d in self.ids() if d in found]
        else:
            ids = self.ids()
        for i in range(0, len(ids), _LOAD_CHUNK):
            yield from self.get_many(ids[i : i + _LOAD_CHUNK])

    # -- sentence vectors (the VectorCache protocol of align._embed) -------------------------
    def get_vectors(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Stored vectors of ``model`` among ``keys`` (sha256 of the texts)."""
        try:
            return _vectors.get_vectors(self.engine, model, keys)
        except SQLAlchemyError as exc:
            if self.read_only:  # a store of an older schema, opened without migrating
                return {}
            raise StoreError(f"cannot read stored vectors: {str(exc).splitlines()[0]}") from exc

    def put_vectors(self, model: str, vectors: Mapping[str, np.ndarray]) -> None:
        """Keep vectors (ignored on a read-only store; keys already stored are left alone)."""
        if self.read_only:
            return
        try:
            _vectors.put_vectors(self.engine, model, vectors)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot store vectors: {str(exc).splitlines()[0]}") from exc

    def close(self) -> None:
        """Release connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(url_or_path: str | Path, settings: Settings | None = None, *, read_only: bool = False) -> Store:
    """Open (creating and migrating as needed) a store: a file path means SQLite.

    ``read_only=True`` opens an existing store without creating or migrating anything
    (SQLite: ``mode=ro``); a missing or empty database is a StoreError.
    """
    return Store(_url(url_or_path), settings, read_only=read_only)
