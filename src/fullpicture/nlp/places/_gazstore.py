"""The gazetteer on disk: one SQLite file, built once, opened read-only by every process.

Tables: ``places`` (one row per record, ``idx`` = record id), and two name indexes
``exact`` and ``skel`` (key -> comma-separated record ids), both ``WITHOUT ROWID`` so a
look-up is one B-tree search. Rows a process reads are kept in small LRU caches; nothing
else is held in memory, so start-up costs a file open instead of loading ~1M dict entries.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

_COLUMNS = ("gid", "name", "lat", "lon", "pop", "cc", "kind", "admin1")
_CACHE_ROWS = 1 << 16


def ensure_file(folder: Path, version: str, build: Callable[[], dict[str, Any]]) -> Path:
    """The gazetteer file for ``version`` in ``folder``, built with ``build()`` if missing.

    The file is written under a temporary name and renamed, so concurrent builders never
    see half a file. A folder that cannot be written falls back to the system temp folder.
    """
    name = f"gazetteer-{version}.sqlite"
    for base in (folder, Path(tempfile.gettempdir()) / "fullpicture"):
        path = base / name
        if _valid(path):
            return path
    data = build()
    for base in (folder, Path(tempfile.gettempdir()) / "fullpicture"):
        try:
            base.mkdir(parents=True, exist_ok=True)
            path = base / name
            write_file(data, path)
            return path
        except OSError:
            continue
    raise OSError(f"cannot write the gazetteer index to {folder} or the temp folder")


def _valid(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return con.execute("SELECT value FROM meta WHERE key = 'complete'").fetchone() == ("1",)
        finally:
            con.close()
    except sqlite3.Error:
        return False


def _ids_text(v: Any) -> str:
    return str(v) if isinstance(v, int) else ",".join(map(str, v))


def write_file(data: dict[str, Any], path: Path) -> None:
    """Write the index ``data`` (as :func:`build_index` returns it) to ``path`` atomically."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode=OFF")
            con.execute("PRAGMA synchronous=OFF")
            con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
            con.execute("CREATE TABLE places (idx INTEGER PRIMARY KEY, gid INTEGER, name TEXT, lat REAL, "
                        "lon REAL, pop INTEGER, cc TEXT, kind TEXT, admin1 TEXT)")
            cols = data["cols"]
            con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)",
                            zip(range(len(cols["gid"])), *(cols[c] for c in _COLUMNS), strict=True))
            for table in ("exact", "skel"):
                con.execute(f"CREATE TABLE {table} (key TEXT PRIMARY KEY, ids TEXT NOT NULL) WITHOUT ROWID")
                con.executemany(f"INSERT INTO {table} VALUES (?, ?)",
                                ((k, _ids_text(v)) for k, v in sorted(data[table].items())))
            con.execute("CREATE INDEX places_kind ON places (kind)")
            con.execute("INSERT INTO meta VALUES ('complete', '1')")
            con.commit()
        finally:
            con.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class GazetteerFile:
    """Read-only queries on the gazetteer file; one connection per process (fork safe)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pid = -1
        self._con: sqlite3.Connection | None = None
        self.size = int(self._query("SELECT COUNT(*) FROM places")[0][0])
        self.row = lru_cache(maxsize=_CACHE_ROWS)(self._row)
        self._ids = lru_cache(maxsize=_CACHE_ROWS)(self._ids_uncached)

    def _connection(self) -> sqlite3.Connection:
        if self._con is None or self._pid != os.getpid():
            # immutable: the file is never modified once written (a rebuild replaces it)
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True,
                                        check_same_thread=False)
            self._pid = os.getpid()
        return self._con

    def _query(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        return self._connection().execute(sql, args).fetchall()

    def _row(self, idx: int) -> tuple[Any, ...]:
        rows = self._query("SELECT gid, name, lat, lon, pop, cc, kind, admin1 FROM places WHERE idx = ?", (idx,))
        if not rows:
            raise IndexError(idx)
        return rows[0]

    def _ids_uncached(self, table: str, key: str) -> tuple[int, ...]:
        rows = self._query(f"SELECT ids FROM {table} WHERE key = ?", (key,))
        return tuple(int(x) for x in rows[0][0].split(",")) if rows else ()

    def ids(self, table: str, key: str) -> tuple[int, ...]:
        """Record ids under ``key`` in the name index ``table`` (``exact`` or ``skel``)."""
        return self._ids(table, key)

    def countries_and_capitals(self) -> tuple[dict[str, int], dict[str, int]]:
        """Country code -> record id of the country, and of its capital."""
        out: dict[str, dict[str, int]] = {"country": {}, "capital": {}}
        for idx, kind, cc in self._query("SELECT idx, kind, cc FROM places WHERE kind IN ('country', 'capital') ORDER BY idx"):
            out[kind][cc] = idx
        return out["country"], out["capital"]

    def kind_rows(self, kinds: tuple[str, ...]) -> list[tuple[int, str, str, str]]:
        """``(idx, name, country, admin1 code)`` of every record of these kinds."""
        marks = ",".join("?" * len(kinds))
        rows = self._query(f"SELECT idx, name, cc, admin1 FROM places WHERE kind IN ({marks}) ORDER BY idx", kinds)
        return [(int(i), str(n), str(c), str(a)) for i, n, c, a in rows]

    def columns(self) -> dict[str, Column]:
        """Column views: ``cols["kind"][i]``, ``len(cols["gid"])``, iteration."""
        return {c: Column(self, i, c) for i, c in enumerate(_COLUMNS)}

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]


class Column:
    """One column of the places table, read on demand."""

    def __init__(self, file: GazetteerFile, pos: int, name: str) -> None:
        self._file, self._pos, self._name = file, pos, name

    def __len__(self) -> int:
        return self._file.size

    def __getitem__(self, idx: int) -> Any:
        return self._file.row(idx)[self._pos]

    def __iter__(self) -> Iterator[Any]:
        for (v,) in self._file._query(f"SELECT {self._name} FROM places ORDER BY idx"):
            yield v
