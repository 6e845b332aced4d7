"""JSON Lines: one article per line, ``text`` plus optional metadata fields."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fullpicture._errors import EmptyInputError, InputError, MalformedInputError
from fullpicture.ingest._html import html_fragment_blocks
from fullpicture.ingest._raw import Block, RawDocument
from fullpicture.models import Author

FIELDS = ("text", "html", "title", "published", "date", "source", "authors", "author", "perspective", "site", "url")


def _authors(value: object) -> list[str | Author]:
    if isinstance(value, str):
        return [value]
    out: list[str | Author] = []
    for a in value if isinstance(value, list) else []:
        if isinstance(a, str):
            out.append(a)
        elif isinstance(a, dict) and a.get("name"):
            aff = a.get("affiliation")
            out.append(Author(name=str(a["name"]), affiliation=str(aff) if aff else None))
    return out


def _records(text: str) -> Iterator[tuple[int, Any, str | None]]:
    """(line number, object, error): JSON Lines, or one JSON array / object spanning the file."""
    stripped = text.strip()
    if stripped[:1] == "[" or (stripped[:1] == "{" and "\n" in stripped and not stripped.split("\n", 1)[0].rstrip().endswith("}")):
        try:
            whole = json.loads(stripped)
        except json.JSONDecodeError:
            whole = None
        if isinstance(whole, list):
            yield from ((i, obj, None) for i, obj in enumerate(whole, 1))
            return
        if isinstance(whole, dict):
            yield 1, whole, None
            return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line), None
        except json.JSONDecodeError as exc:
            yield n, None, f"line is not valid JSON ({exc.msg} at column {exc.colno})"


def read_jsonl(path: Path, text: str) -> list[RawDocument | InputError]:
    """Each non-empty line: an object with ``text`` (or ``html``); bad lines become errors."""
    out: list[RawDocument | InputError] = []
    for n, obj, err in _records(text):
        where = f"{path}:{n}"
        if err is not None:
            out.append(MalformedInputError(where, err, "each line must be one JSON object"))
            continue
        if not isinstance(obj, dict):
            out.append(MalformedInputError(where, "line is not a JSON object", 'write {"text": "...", "title": "..."}'))
            continue
        body = obj.get("text")
        html = obj.get("html")
        if isinstance(body, str) and body.strip():
            blocks = [Block(body)]
        elif isinstance(html, str) and html.strip():
            blocks = html_fragment_blocks(html)
        else:
            out.append(EmptyInputError(where, 'line has no "text" string', 'add a non-empty "text" field'))
            continue
        meta = {k: obj.get(k) for k in FIELDS}
        published = meta["published"] or meta["date"]
        persp = meta["perspective"]
        if isinstance(persp, dict):
            persp = persp.get("label")
        out.append(RawDocument(
            blocks=blocks, format="jsonl", source_suffix=f":{n}",
            title=_s(meta["title"]), published=_s(published), site=_s(meta["site"]), url=_s(meta["url"]),
            authors=_authors(meta["authors"] or meta["author"]), perspective=_s(persp), source=_s(meta["source"]),
        ))
    if not out:
        raise EmptyInputError(str(path), "JSON Lines file has no lines", "write one JSON object per line")
    return out


def _s(value: object) -> str | None:
    return None if value is None or value == "" else str(value)
