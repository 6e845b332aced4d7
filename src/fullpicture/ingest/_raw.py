"""What a reader returns: blocks of text with layout hints, and metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fullpicture.ingest._detect import normalize

#: Layout hints a reader may attach to a block (the zoner treats them as signals).
HINTS = ("heading", "emphasis", "quote", "list", "byline")


@dataclass
class Block:
    """A paragraph-like piece of text, optionally with a layout hint."""

    text: str
    hint: str | None = None


@dataclass
class RawDocument:
    """One document as a reader sees it, before zoning and language id."""

    blocks: list[Block]
    format: str
    source_suffix: str = ""
    title: str | None = None
    published: str | None = None
    site: str | None = None
    url: str | None = None
    authors: list[Any] = field(default_factory=list)  # names, or models.Author
    perspective: str | None = None
    source: str | None = None

    def assemble(self) -> tuple[str, list[tuple[int, int, str]]]:
        """Normalized text (blocks joined by blank lines) and hint spans over it."""
        parts: list[str] = []
        hints: list[tuple[int, int, str]] = []
        pos = 0
        for block in self.blocks:
            text = normalize(block.text)
            if not text:
                continue
            if parts:
                pos += 2
            if block.hint:
                hints.append((pos, pos + len(text), block.hint))
            parts.append(text)
            pos += len(text)
        return "\n\n".join(parts), hints
