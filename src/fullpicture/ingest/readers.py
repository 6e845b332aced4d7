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
from fullpicture.ingest._detect import decode_bytes, guess_format
from fullpicture.ingest._document import Document
from fullpicture.ingest._feed import read_feed
from fullpicture.ingest._html import read_html
from fullpicture.ingest._jsonl import read_jsonl
from fullpicture.ingest._meta import MetaChecker
from fullpicture.ingest._raw import Block, RawDocument
from fullpicture.ingest._safe import check_link, clean, display_name, read_capped, sidecar_path
from fullpicture.ingest._seen import SeenIds
from fullpicture.ingest._text import read_markdown, read_text
from fullpicture.settings import Settings, load_settings

Reader = Callable[[Path, bytes, Settings], list[Any]]


def _decoding(fn: Callable[[Path, str], list[Any]]) -> Reader:
    def read(path: Path, raw: bytes, settings: Settings) -> list[Any]:
        return fn(path, decode_bytes(raw, display_name(path), settings))

    read.__doc__ = fn.__doc__
    read.__name__ = fn.__name__
    return read


def _read_feed(path: Path, raw: bytes, settings: Settings) -> list[Any]:
    decode_bytes(raw, display_name(path), settings)  # empty / binary checks
    return read_feed(path, raw)


def _read_markdown(path: Path, raw: bytes, settings: Settings) -> list[Any]:
    return read_markdown(path, decode_bytes(raw, display_name(path), settings), settings)


def _read_jsonl(path: Path, raw: bytes, settings: Settings) -> list[Any]:
    return read_jsonl(path, decode_bytes(raw, display_name(path), settings), settings)


BY_FORMAT: dict[str, Reader] = {
    "text": _decoding(read_text),
    "markdown": _read_markdown,
    "html": _decoding(read_html),
    "jsonl": _read_jsonl,
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


def _sidecar(path: Path, settings: Settings) -> dict[str, Any]:
    """Metadata from ``<name>.meta.json`` next to a file (title, published, perspective, ...),
    checked by type and size; an unreadable or ill-typed side-car is the document's error."""
    side = sidecar_path(path)
    try:
        if side is None or not side.is_file():
            return {}
    except OSError:
        return {}
    where = display_name(side)
    raw = read_capped(side, int(settings.get("ingest", "max_meta_bytes", 65536)), "side-car file")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        raise MalformedInputError(where, "side-car metadata is not valid UTF-8 JSON", "fix or remove the .meta.json file") from None
    if not isinstance(data, dict):
        raise MalformedInputError(where, "side-car metadata is not a JSON object", 'write {"title": "...", "published": "..."}')
    return MetaChecker(where, settings).record(data)


def _read_items(path: Path, settings: Settings, table: dict[str, Reader], root: Path | None) -> list[Any]:
    source = display_name(path)
    check_link(path, root, str(settings.get("ingest", "symlinks", "inside")))
    raw = read_capped(path, int(settings.get("ingest", "max_bytes", 5_000_000)))
    reader = table.get(path.suffix.lower())
    if reader is None:
        reader = BY_FORMAT[guess_format(path, decode_bytes(raw, source, settings)) or "text"]
    try:
        return reader(path, raw, settings)
    except InputError:
        raise
    except FullpictureError as exc:
        raise MalformedInputError(source, str(exc)) from None
    except RecursionError:
        raise MalformedInputError(source, "could not be parsed (nested too deeply)", "check that the file is well-formed") from None
    except MemoryError:
        raise MalformedInputError(source, "could not be parsed within the memory available", "split the file") from None
    except Exception as exc:  # a reader library failing on broken input
        raise MalformedInputError(source, f"could not be parsed ({type(exc).__name__}: {clean(str(exc))[:120]})", "check that the file is complete") from None


def _read_file(path: Path, settings: Settings, perspective: str | None, table: dict[str, Reader],
               root: Path | None = None) -> Iterator[Document | InputError]:
    """Every document of one file, or one error line per bad file or entry. No exception
    escapes: whatever goes wrong with this file stays this file's error."""
    source = display_name(path)
    try:
        items = _read_items(path, settings, table, root)
        side = _sidecar(path, settings)
    except InputError as exc:
        yield exc
        return
    except Exception as exc:  # the error boundary of one file
        yield InputError(source, f"could not be read ({type(exc).__name__}: {clean(str(exc))[:120]})", "please report this as a bug")
        return
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            if side:
                item.title = item.title or side["title"]
                item.published = item.published or side["published"]
                item.perspective = item.perspective or side["perspective"]
                item.site = item.site or side["site"]
                item.url = item.url or side.get("url")
                if not item.authors and side["authors"]:
                    item.authors = list(side["authors"])
            src = item.source or (item.url if item.format in ("feed", "jsonl") else None) or source + item.source_suffix
            yield to_document(item, clean(src), settings, perspective)
        except InputError as exc:
            yield exc
        except Exception as exc:  # the error boundary of one document
            where = source + item.source_suffix
            yield InputError(where, f"could not be read ({type(exc).__name__}: {clean(str(exc))[:120]})", "please report this as a bug")


def _walk(root: Path, table: dict[str, Reader], unread: list[Path] | None = None) -> Iterator[Path]:
    """The files of a folder that a reader takes; ``unread`` collects the others (a PDF, an
    image, a file without a suffix), so that none is skipped without a word."""
    for dirpath, dirnames, filenames in os.walk(root, onerror=None):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__pycache__")
        for name in sorted(filenames):
            low = name.lower()
            if name.startswith(".") or low.endswith(".meta.json") or low.startswith(_SKIP_NAMES):
                continue
            p = Path(dirpath) / name
            if p.suffix.lower() in table and p.suffix.lower() not in _EXPLICIT_ONLY:
                yield p
            elif unread is not None and p.suffix.lower() not in _EXPLICIT_ONLY:
                unread.append(p)


def _unread_error(path: Path) -> InputError:
    kind = f"{path.suffix.lower()} files are" if path.suffix else "a file without a suffix is"
    return InputError(display_name(path), f"skipped: {kind} not read in folders",
                      "convert it to text, Markdown, HTML, a feed or JSON Lines, or name the file "
                      "itself to read it as text")


def iter_documents(
    paths: Iterable[str | Path], settings: Settings | None = None, perspective: str | None = None
) -> Iterator[Document | InputError]:
    """Every document under ``paths`` (directories walked recursively, hidden files skipped),
    or an InputError per file or entry that cannot be read. Duplicates (same content) collapse.

    The ids already yielded are kept in 16 bytes each (:class:`~fullpicture.ingest._seen.SeenIds`:
    the first half of the sha256 id in sorted arrays), so reading 100,000 documents holds
    1.6 MB of them, not the 7.5 MB of a set of digests."""
    settings = settings or load_settings()
    table = reader_table()
    seen = SeenIds(int(settings.get("ingest", "seen_buffer", 4096)))
    for p in paths:
        path = Path(p)
        root: Path | None = None
        unread: list[Path] = []
        try:
            if path.is_dir():
                files: Iterable[Path] = _walk(path, table, unread)
                root = path
            elif path.exists() or path.is_symlink():
                files = [path]
            else:
                yield InputError(display_name(path), "no such file or directory", "check the path")
                continue
        except OSError as exc:
            yield InputError(display_name(path), f"cannot read ({exc.strerror or exc})", "check the path")
            continue
        for f in files:
            for item in _read_file(f, settings, perspective, table, root):
                if isinstance(item, Document) and not seen.add(item.id):
                    continue
                yield item
        for f in unread:
            yield _unread_error(f)


def count_documents(paths: Iterable[str | Path], settings: Settings | None = None) -> int:
    """About how many documents :func:`iter_documents` will yield, found cheaply (for a
    progress bar's total and time left): one per file, one per non-blank line of JSON
    Lines, one per ``<item``/``<entry`` of a feed. Files that cannot be read count one."""
    settings = settings or load_settings()
    table = reader_table()
    limit = int(settings.get("ingest", "max_bytes", 5_000_000))
    n = 0
    for p in paths:
        path = Path(p)
        try:
            files: Iterable[Path] = _walk(path, table) if path.is_dir() else [path]
            for f in files:
                n += _count_in(f, limit)
        except OSError:
            n += 1
    return n


def _count_in(path: Path, limit: int) -> int:
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".ndjson", ".json", ".xml", ".rss", ".atom", ".feed"):
        return 1
    try:
        raw = read_capped(path, limit)
    except FullpictureError:
        return 1
    if suffix in (".jsonl", ".ndjson", ".json"):
        return max(1, sum(1 for line in raw.split(b"\n") if line.strip()))
    return max(1, raw.count(b"<item") + raw.count(b"<entry"))


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
