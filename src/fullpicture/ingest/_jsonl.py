"""JSON Lines: one article per line, ``text`` plus optional metadata fields."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fullpicture._errors import EmptyInputError, InputError, MalformedInputError
from fullpicture.ingest._html import html_fragment_blocks
from fullpicture.ingest._meta import MetaChecker
from fullpicture.ingest._raw import Block, RawDocument
from fullpicture.ingest._safe import display_name
from fullpicture.settings import Settings


def _records(text: str) -> Iterator[tuple[int, Any, str | None]]:
    """(line number, object, error): JSON Lines, or one JSON array / object spanning the file."""
    stripped = text.strip()
    if stripped[:1] == "[" or (stripped[:1] == "{" and "\n" in stripped and not stripped.split("\n", 1)[0].rstrip().endswith("}")):
        try:
            whole = json.loads(stripped)
        except (ValueError, RecursionError):
            whole = None
        if isinstance(whole, list):
            yield from ((i, obj, None) for i, obj in enumerate(whole, 1))
            return
        if isinstance(whole, dict):
            yield 1, whole, None
            return
    for n, line in enumerate(text.split("\n"), 1):  # JSON Lines: "\n" only (U+2028 may sit inside a string)
        if not line.strip():
            continue
        try:
            yield n, json.loads(line), None
        except json.JSONDecodeError as exc:
            yield n, None, f"line is not valid JSON ({exc.msg} at column {exc.colno})"
        except (ValueError, RecursionError) as exc:  # nesting too deep, integer too long
            yield n, None, f"line is not usable JSON ({type(exc).__name__})"


def read_jsonl(path: Path, text: str, settings: Settings | None = None) -> list[RawDocument | InputError]:
    """Each non-empty line: an object with ``text`` (or ``html``); bad lines become errors.
    Metadata fields are checked by type and size (:class:`~fullpicture.ingest._meta.MetaChecker`)."""
    out: list[RawDocument | InputError] = []
    name = display_name(path)
    for n, obj, err in _records(text):
        where = f"{name}:{n}"
        if err is not None:
            out.append(MalformedInputError(where, err, "each line must be one JSON object"))
            continue
        if not isinstance(obj, dict):
            out.append(MalformedInputError(where, "line is not a JSON object", 'write {"text": "...", "title": "..."}'))
            continue
        body = obj.get("text")
        html = obj.get("html")
        check = MetaChecker(where, settings)
        bad = next((k for k in ("text", "html") if obj.get(k) is not None and not isinstance(obj.get(k), str)), None)
        if bad is not None:
            out.append(check.refuse(bad, f"must be a string, not {type(obj[bad]).__name__}"))
            continue
        if isinstance(body, str) and body.strip():
            blocks = [Block(body)]
        elif isinstance(html, str) and html.strip():
            blocks = html_fragment_blocks(html)
        else:
            out.append(EmptyInputError(where, 'line has no "text" string', 'add a non-empty "text" field'))
            continue
        try:
            meta = check.record(obj)
        except InputError as exc:
            out.append(exc)
            continue
        out.append(RawDocument(
            blocks=blocks, format="jsonl", source_suffix=f":{n}",
            title=meta["title"], published=meta["published"], site=meta["site"], url=meta["url"],
            authors=meta["authors"], perspective=meta["perspective"], source=meta["source"],
        ))
    if not out:
        raise EmptyInputError(name, "JSON Lines file has no lines", "write one JSON object per line")
    return out
