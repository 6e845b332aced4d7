"""Analyses as Parquet files: one row per document, event, figure and claim.

A folder with one sub-folder per table (``documents/``, ``events/``, ``figures/``,
``claims/``), each a set of ``part-NNNNNN.parquet`` files with a fixed schema, readable by
pandas (``pd.read_parquet("out/events")``) and DuckDB (``SELECT * FROM 'out/events/*.parquet'``).
Every row of the other tables names its ``document`` (the id in ``documents``).

Written like the store: streaming (``[store] parquet_documents`` documents per part, memory
bounded by one part), resumable and safe to kill. Each part is written under a hidden
temporary name and renamed into place, the ``documents`` part last: a document is in the
output exactly when its ``documents`` row is. On opening, parts of the other tables left by a
run killed between two renames are removed, the ids of the documents already written are
read, and ``has`` skips them. One writer at a time (a lock file; a second one is refused).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from fullpicture._errors import StoreError
from fullpicture.models import Analysis

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_L = pa.list_(pa.string())
Row = dict[str, Any]

#: table -> (column, type) in order; every table but ``documents`` starts with ``document``
SCHEMAS: dict[str, list[tuple[str, pa.DataType]]] = {
    "documents": [("id", _S), ("source", _S), ("title", _S), ("language", _S), ("published", _S),
                  ("site", _S), ("format", _S), ("perspective", _S), ("authors", _L), ("time_anchor", _S),
                  ("notice", _S), ("chars", _I), ("entities", _I), ("events", _I), ("figures", _I),
                  ("claims", _I), ("text", _S)],
    "events": [("document", _S), ("id", _S), ("type", _S), ("trigger", _S), ("trigger_lemma", _S),
               ("start", _I), ("end", _I), ("date", _S), ("date_source", _S), ("place", _S),
               ("agents", _L), ("patients", _L), ("modality", _S), ("source", _S), ("figures", _L),
               ("sentence_start", _I), ("sentence_end", _I)],
    "figures": [("document", _S), ("id", _S), ("start", _I), ("end", _I), ("text", _S), ("value", _F),
                ("low", _F), ("high", _F), ("unit", _S), ("counts", _S), ("approximate", _B), ("vague", _B),
                ("event", _S), ("claim", _S)],
    "claims": [("document", _S), ("id", _S), ("start", _I), ("end", _I), ("text", _S), ("kind", _S),
               ("cue", _S), ("cue_lemma", _S), ("source", _S), ("source_entity", _S), ("hedged", _B),
               ("hedges", _L), ("confidence", _F)],
}
TABLES = tuple(SCHEMAS)


def _document_row(a: Analysis) -> Row:
    d = a.document
    return {"id": d.id, "source": d.source, "title": d.title, "language": d.language, "published": d.published,
            "site": d.site, "format": d.format, "perspective": d.perspective.label if d.perspective else None,
            "authors": [x.name for x in d.authors],
            "time_anchor": d.time_anchor.value if d.time_anchor else None, "notice": d.notice,
            "chars": len(a.text), "entities": len(a.entities), "events": len(a.events),
            "figures": len(a.figures), "claims": len(a.claims), "text": a.text}


def rows(a: Analysis) -> dict[str, list[Row]]:
    """The rows of one analysis, by table."""
    doc = a.document.id
    events = [{"document": doc, "id": e.id, "type": e.type, "trigger": e.trigger.text,
               "trigger_lemma": e.trigger.lemma, "start": e.trigger.start, "end": e.trigger.end, "date": e.date,
               "date_source": e.date_source, "place": e.place, "agents": e.agents, "patients": e.patients,
               "modality": e.modality, "source": e.source, "figures": e.figures,
               "sentence_start": e.evidence.start, "sentence_end": e.evidence.end} for e in a.events]
    figures = [{"document": doc, **f.model_dump(mode="json")} for f in a.figures]
    claims = [{"document": doc, "id": c.id, "start": c.start, "end": c.end, "text": c.text, "kind": c.kind,
               "cue": c.cue.text if c.cue else None, "cue_lemma": c.cue.lemma if c.cue else None,
               "source": c.source.text if c.source else None, "source_entity": c.source.entity if c.source else None,
               "hedged": c.hedged, "hedges": c.hedges, "confidence": c.confidence} for c in a.claims]
    return {"documents": [_document_row(a)], "events": events, "figures": figures, "claims": claims}


def schema(table: str) -> pa.Schema:
    """The Arrow schema of ``table``."""
    return pa.schema([pa.field(name, typ) for name, typ in SCHEMAS[table]])


def _part_index(path: Path) -> int:
    return int(path.stem.split("-", 1)[1])


def _parts(folder: Path) -> list[Path]:
    return sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []


class ParquetStore:
    """Write analyses as Parquet files (see the module docstring); ``has``/``add``/``count``
    /``close`` like :class:`~fullpicture.store.Store`, so ``ingest`` writes either."""

    def __init__(self, folder: str | Path, documents_per_part: int = 1000) -> None:
        self.folder = Path(folder)
        self.per_part = max(1, documents_per_part)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock: IO[str] | None = open(self.folder / ".lock", "w")  # noqa: SIM115 (held until close)
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise StoreError(f"{self.folder}: another process is writing these Parquet files") from exc
        except OSError as exc:
            raise StoreError(f"{self.folder}: cannot write Parquet files ({exc.strerror or exc})") from exc
        self._buffer: dict[str, list[Row]] = {t: [] for t in TABLES}
        self._pending: set[str] = set()
        self._done: set[bytes] = set()
        self._next = self._recover()

    def _recover(self) -> int:
        """Remove what a killed run left half-written; read the ids already written."""
        for t in TABLES:
            (self.folder / t).mkdir(exist_ok=True)
            for tmp in (self.folder / t).glob(".part-*.tmp"):
                tmp.unlink()
        done = _parts(self.folder / "documents")
        nxt = max((_part_index(p) for p in done), default=-1) + 1
        for t in TABLES[1:]:
            for p in _parts(self.folder / t):
                if _part_index(p) >= nxt:  # its documents part never landed: redone on resume
                    p.unlink()
        for p in done:
            ids = pq.read_table(p, columns=["id"]).column("id").to_pylist()
            self._done.update(_key(i) for i in ids)
        return nxt

    def has(self, doc_id: str) -> bool:
        """Whether the document is written (or waiting in the current part)."""
        return doc_id in self._pending or _key(doc_id) in self._done

    def stored(self, doc_ids: Sequence[str]) -> set[str]:
        """Which of ``doc_ids`` are written (or waiting in the current part)."""
        return {d for d in doc_ids if self.has(d)}

    def add(self, analysis: Analysis) -> bool:
        """Buffer one analysis (False if already there); a full part is written out."""
        if self.has(analysis.document.id):
            return False
        for table, items in rows(analysis).items():
            self._buffer[table].extend(items)
        self._pending.add(analysis.document.id)
        if len(self._pending) >= self.per_part:
            self.flush()
        return True

    def add_many(self, analyses: list[Analysis]) -> list[bool]:
        """:meth:`add` for each analysis (the part buffer already batches the writes)."""
        return [self.add(a) for a in analyses]

    def flush(self) -> None:
        """Write the buffered documents as one part of each table."""
        if not self._pending:
            return
        name = f"part-{self._next:06d}.parquet"
        for table in (*TABLES[1:], "documents"):  # documents last: its rename commits the part
            _write(self.folder / table, name, pa.Table.from_pylist(self._buffer[table], schema=schema(table)))
            self._buffer[table].clear()
        self._done.update(_key(i) for i in self._pending)
        self._pending.clear()
        self._next += 1

    def count(self) -> int:
        """Documents written (and buffered)."""
        return len(self._done) + len(self._pending)

    def close(self) -> None:
        """Write what is buffered and release the lock."""
        try:
            self.flush()
        finally:
            if self._lock is not None:
                self._lock.close()
                self._lock = None


def _key(doc_id: str) -> bytes:
    """16 bytes of a sha256 hex id (the set of written ids stays small), else the id itself."""
    try:
        return bytes.fromhex(doc_id[:32]) if len(doc_id) == 64 else doc_id.encode("utf-8", "surrogatepass")
    except ValueError:
        return doc_id.encode("utf-8", "surrogatepass")


def _write(folder: Path, name: str, table: pa.Table) -> None:
    tmp = folder / f".{name}.tmp"
    pq.write_table(table, tmp, compression="zstd")
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, folder / name)


def describe(folder: str | Path) -> dict[str, int]:
    """Rows per table of a Parquet output folder (for a summary line and tests)."""
    base = Path(folder)
    return {t: sum(pq.ParquetFile(p).metadata.num_rows for p in _parts(base / t)) for t in TABLES}

