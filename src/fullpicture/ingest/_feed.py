"""RSS / Atom feeds read from files: one document per entry (feedparser)."""

from __future__ import annotations

import time
from pathlib import Path

from fullpicture._errors import EmptyInputError, InputError, MalformedInputError
from fullpicture.ingest._html import html_fragment_blocks
from fullpicture.ingest._raw import Block, RawDocument


def _iso(struct: time.struct_time | None) -> str | None:
    if not struct:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", struct) if (struct.tm_hour or struct.tm_min) else time.strftime("%Y-%m-%d", struct)


def read_feed(path: Path, raw: bytes) -> list[RawDocument | InputError]:
    """Every entry of an RSS or Atom feed, its content (or summary) as HTML to text."""
    import feedparser

    parsed = feedparser.parse(raw)
    entries = list(parsed.get("entries") or [])
    version = parsed.get("version") or ""
    if not entries:
        if parsed.get("bozo") or not version:
            exc = parsed.get("bozo_exception")
            why = f" ({str(exc).splitlines()[0][:120]})" if exc else ""
            raise MalformedInputError(str(path), f"not a readable RSS/Atom feed{why}", "check that the XML is complete and well-formed")
        raise EmptyInputError(str(path), "feed has no entries", "give a feed with at least one <item> or <entry>")
    site = (parsed.get("feed") or {}).get("title")
    out: list[RawDocument | InputError] = []
    for i, entry in enumerate(entries, 1):
        html = ""
        if entry.get("content"):
            html = "\n".join(c.get("value", "") for c in entry["content"])
        if not html.strip():
            html = entry.get("summary") or entry.get("description") or ""
        blocks = html_fragment_blocks(html) if "<" in html else [Block(p) for p in html.split("\n\n")]
        title = entry.get("title")
        if not any(b.text.strip() for b in blocks):
            out.append(EmptyInputError(f"{path}#entry-{i}", "feed entry has no text", "the entry needs <content> or <description>"))
            continue
        if title:
            blocks.insert(0, Block(title, "heading"))
        authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")] or ([entry["author"]] if entry.get("author") else [])
        out.append(RawDocument(
            blocks=blocks, format="feed", source_suffix=f"#entry-{i}", title=title,
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            site=site, url=entry.get("link"), authors=authors,
            perspective=entry.get("perspective") or None,
        ))
    if parsed.get("bozo") and not any(isinstance(x, RawDocument) for x in out):
        exc = parsed.get("bozo_exception")
        why = f" ({str(exc).splitlines()[0][:120]})" if exc else ""
        raise MalformedInputError(str(path), f"not a readable RSS/Atom feed{why}", "check that the XML is complete and well-formed")
    return out
