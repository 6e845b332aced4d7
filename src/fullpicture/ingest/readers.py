"""Readers by file type, and the functions that turn paths and texts into Documents.

A reader is ``read(path, raw_bytes, settings) -> list[RawDocument | InputError]``;
plugins add readers through the ``fullpicture_readers`` hook (and win over built-ins
for the same suffix). Files whose suffix no reader claims are sniffed (HTML, feed,
JSON Lines, else plain text) when named explicitly, and skipped when met while
walking a directory; so are ``.json`` files, README/LICENSE files, hidden files and
``<name>.meta.json`` sidecars (which add metadata to ``<name>.*``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from fullpicture._errors import EmptyInputError, FullpictureError, InputError, MalformedInputError
from fullpicture.ingest._build import to_document
from fullpicture.ingest._detect import check_size, decode_bytes, guess_format
from fullpicture.ingest._document import Document
from fullpicture.ingest._feed import read_feed
from fullpicture.ingest._html import read_html
from fullpicture.ingest._jsonl import read_jsonl
from fullpicture.ingest._raw import Block, RawDocument
from fullpicture.ingest._text import read_markdown, read_text
from fullpicture.settings import Settings, load_settings

Reader = Callable[[Path, bytes, Settings], list[Any]]


def _decoding(fn: Callable[[Path, str], list[Any]]) -> Reader:
    def read(path: Path, raw: bytes, settings: Settings) -> list[Any]:
        return fn(path, decode_bytes(raw, str(path), settings))

    read.__doc__ = fn.__doc__
    read.__name__ = fn.__name__
    return read


def _read_feed(path: Path, raw: bytes, settings: Settings) -> list[Any]:
    decode_bytes(raw, str(path), settings)  # empty / binary checks
    return read_feed(path, raw)


BY_FORMAT: dict[str, Reader] = {
    "text": _decoding(read_text),
    "markdown": _decoding(read_markdown),
    "html": _decoding(read_html),
    "jsonl": _decoding(read_jsonl),
    "feed": _read_feed,
}

BUILTIN_READERS: list[tuple[tuple[str, ...], Reader]] = [
    ((".txt", ".text"), BY_FORMAT["text"]),
    ((".md", ".markdown"), BY_FORMAT["markdown"]),
    ((".html", ".htm", ".xhtml"), BY_FORMAT["html"]),
    ((".jsonl", ".ndjson", ".json"), BY_FORMAT["jsonl"]),
    ((".rss", ".atom", ".xml", ".feed"), BY_FORMAT["feed"]),
]

_SKIP_NAMES = ("readme", "license", "licence", "changelog", "notice")
# Read when named explicitly, skipped in directory walks (too often configuration, not articles).
_EXPLICIT_ONLY = (".json",)


def reader_table() -> dict[str, Reader]:
    """Suffix -> reader, plugins first (so they override built-ins)."""
    from fullpicture.plugins import collect

    table: dict[str, Reader] = {}
    for suffixes, reader in collect("fullpicture_readers"):
        for suffix in suffixes:
            table.setdefault(suffix.lower(), reader)
    return table


def _sidecar(path: Path) -> dict[str, Any]:
    """Metadata from ``<name>.meta.json`` next to a file (title, published, perspective, ...)."""
    side = path.with_name(path.stem + ".meta.json")
    if not side.is_file():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _read_file(path: Path, settings: Settings, perspective: str | None, table: dict[str, Reader]) -> Iterator[Document | InputError]:
    source = str(path)
    try:
        check_size(path, settings)
        raw = path.read_bytes()
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(source, f"cannot read the file ({exc.strerror or exc})", "check the path and its permissions")
        return
    try:
        reader = table.get(path.suffix.lower())
        if reader is None:
            reader = BY_FORMAT[guess_format(path, decode_bytes(raw, source, settings)) or "text"]
        items = reader(path, raw, settings)
    except InputError as exc:
        yield exc
        return
    except FullpictureError as exc:
        yield MalformedInputError(source, str(exc))
        return
    except Exception as exc:  # a reader library failing on broken input
        yield MalformedInputError(source, f"could not be parsed ({type(exc).__name__}: {str(exc)[:120]})", "check that the file is complete")
        return
    side = _sidecar(path)
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        if side:
            item.title = item.title or side.get("title")
            item.published = item.published or side.get("published") or side.get("date")
            item.perspective = item.perspective or side.get("perspective")
            item.site = item.site or side.get("site")
            if not item.authors and isinstance(side.get("authors"), list):
                item.authors = [str(a) for a in side["authors"]]
        src = item.source or (item.url if item.format in ("feed", "jsonl") else None) or source + item.source_suffix
        try:
            yield to_document(item, src, settings, perspective)
        except InputError as exc:
            yield exc


def _walk(root: Path, table: dict[str, Reader]) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__pycache__")
        for name in sorted(filenames):
            low = name.lower()
            if name.startswith(".") or low.endswith(".meta.json") or low.startswith(_SKIP_NAMES):
                continue
            p = Path(dirpath) / name
            if p.suffix.lower() in table and p.suffix.lower() not in _EXPLICIT_ONLY:
                yield p


def iter_documents(
    paths: Iterable[str | Path], settings: Settings | None = None, perspective: str | None = None
) -> Iterator[Document | InputError]:
    """Every document under ``paths`` (directories walked recursively, hidden files skipped),
    or an InputError per file or entry that cannot be read. Duplicates (same content) collapse."""
    settings = settings or load_settings()
    table = reader_table()
    seen: set[str] = set()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files: Iterable[Path] = _walk(path, table)
        elif path.exists():
            files = [path]
        else:
            yield InputError(str(path), "no such file or directory", "check the path")
            continue
        for f in files:
            for item in _read_file(f, settings, perspective, table):
                if isinstance(item, Document):
                    if item.id in seen:
                        continue
                    seen.add(item.id)
                yield item


def read_path(path: str | Path, *, settings: Settings | None = None, perspective: str | None = None) -> list[Document]:
    """All documents in one file or directory; raises the first InputError if none could be read."""
    docs: list[Document] = []
    first_error: InputError | None = None
    for item in iter_documents([path], settings, perspective):
        if isinstance(item, Document):
            docs.append(item)
        elif first_error is None:
            first_error = item
    if not docs:
        raise first_error or EmptyInputError(str(path), "no readable documents found", "give .txt, .md, .html, .jsonl or feed files")
    return docs


def load_text(
    text: str,
    *,
    source: str,
    settings: Settings | None = None,
    perspective: str | None = None,
    published: str | None = None,
    title: str | None = None,
) -> Document:
    """A Document from a string of plain text (normalized, zoned, language-tagged)."""
    raw = RawDocument(blocks=[Block(text)], format="text", title=title, published=published)
    return to_document(raw, source, settings or load_settings(), perspective, min_chars=1)
