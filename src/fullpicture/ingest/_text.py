"""Plain-text and Markdown readers.

Markdown is parsed by markdown-it-py (CommonMark, linear time on any input: no regular
expression here can backtrack); YAML front matter by a safe loader that refuses aliases,
within ``[ingest] max_front_matter_bytes``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from fullpicture._errors import MalformedInputError
from fullpicture.ingest._meta import MetaChecker
from fullpicture.ingest._raw import Block, RawDocument
from fullpicture.ingest._safe import display_name
from fullpicture.settings import Settings, load_settings

# Anchored at both ends and with one greedy group: at most one backtracking pass (linear).
_WHOLE_EMPH = re.compile(r"\A(\*\*|__|\*|_)(?=\S)(.+)(?<=\S)\1\Z", re.S)


def read_text(path: Path, text: str) -> list[RawDocument]:
    """A plain-text file is one block; the zoner splits it."""
    return [RawDocument(blocks=[Block(text)], format="text")]


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing aliases (no "billion laughs" expansion)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("YAML aliases (*name) are not allowed in front matter")
        return super().compose_node(parent, index)


def _front_matter(text: str, source: str, limit: int) -> tuple[dict[str, Any], str]:
    """(metadata, rest of the text) of a ``---`` fenced YAML header, if there is one."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 3, limit + 8)
    if end < 0:
        if text.find("\n---\n", 3) >= 0:
            raise MalformedInputError(source, f"YAML front matter is over {limit:,} bytes",
                                      "shorten it, or raise [ingest] max_front_matter_bytes")
        return {}, text
    body = text[4:end]
    try:
        meta = yaml.load(body, Loader=_NoAliasLoader)  # noqa: S506  (a SafeLoader subclass)
    except RecursionError:
        raise MalformedInputError(source, "YAML front matter is nested too deeply", "simplify it") from None
    except yaml.YAMLError as exc:
        if "aliases" in str(exc):
            raise MalformedInputError(source, "YAML front matter uses aliases (*name), which are not allowed",
                                      "write each value out") from None
        return {}, text  # not YAML after all: keep the text as it is
    return (meta if isinstance(meta, dict) else {}), text[end + 5:]


def strip_tags(html: str) -> str:
    """Drop ``<tag ...>`` markup from a string, in one linear pass."""
    out: list[str] = []
    i, n = 0, len(html)
    while i < n:
        j = html.find("<", i)
        if j < 0:
            out.append(html[i:])
            break
        out.append(html[i:j])
        nxt = html[j + 1 : j + 2]
        if nxt.isalpha() or nxt in ("/", "!", "?"):
            k = html.find(">", j + 1)
            if k < 0:  # no '>' anywhere after: the rest is text
                out.append(html[j:])
                break
            i = k + 1
        else:
            out.append("<")
            i = j + 1
    return "".join(out)


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


def _inline_text(token: Any) -> str:
    parts: list[str] = []
    for child in token.children or []:
        t = child.type
        if t in ("text", "code_inline"):
            parts.append(child.content)
        elif t in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif t == "image":
            parts.append(_inline_text(child))
    return "".join(parts)


def _blocks(tokens: list[Any]) -> list[Block]:
    blocks: list[Block] = []
    containers: list[str] = []  # "quote" / "list" stack
    heading = False
    list_lines: list[str] = []
    item_marks: list[str] = []
    table_rows: list[list[str]] | None = None

    def emit(text: str, hint: str | None) -> None:
        if text.strip():
            blocks.append(Block(text, hint))

    for tok in tokens:
        t = tok.type
        if t == "blockquote_open":
            containers.append("quote")
        elif t == "blockquote_close":
            containers.pop()
        elif t in ("bullet_list_open", "ordered_list_open"):
            if "list" not in containers:
                list_lines = []
            containers.append("list")
        elif t in ("bullet_list_close", "ordered_list_close"):
            containers.pop()
            if "list" not in containers:
                emit("\n".join(list_lines), "list")
                list_lines = []
        elif t == "list_item_open":
            item_marks.append(f"{tok.info}{tok.markup} " if tok.info else f"{tok.markup} ")
        elif t == "list_item_close":
            item_marks.pop()
        elif t == "heading_open":
            heading = True
        elif t == "heading_close":
            heading = False
        elif t == "table_open":
            table_rows = []
        elif t == "table_close":
            emit("\n".join(" | ".join(r) for r in table_rows or []), None)
            table_rows = None
        elif t == "tr_open" and table_rows is not None:
            table_rows.append([])
        elif t == "inline":
            text = _inline_text(tok)
            if table_rows is not None:
                if table_rows:
                    table_rows[-1].append(text.strip())
            elif heading:
                emit(text, "heading")
            elif "list" in containers:
                mark = item_marks[-1] if item_marks else ""
                indent = "  " * max(0, len(item_marks) - 1)
                list_lines.append(indent + mark + text.replace("\n", " "))
                if item_marks:
                    item_marks[-1] = " " * len(item_marks[-1])  # later paragraphs of the item
            elif containers and containers[-1] == "quote":
                emit(text, "quote")
            else:
                whole = _WHOLE_EMPH.match(tok.content.strip())
                emit(text, "emphasis" if whole else None)
        elif t in ("fence", "code_block"):
            (list_lines.append if "list" in containers else lambda s: emit(s, None))(tok.content.rstrip("\n"))
        elif t == "html_block":
            emit(strip_tags(tok.content), None)
    return blocks


def read_markdown(path: Path, text: str, settings: Settings | None = None) -> list[RawDocument]:
    """Markdown to plain blocks: markup removed, headings / emphasis / quotes / lists kept as hints."""
    settings = settings or load_settings()
    source = display_name(path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    limit = int(settings.get("ingest", "max_front_matter_bytes", 16384))
    meta, text = _front_matter(text, source, limit)
    doc = RawDocument(blocks=_blocks(_parser().parse(text)), format="markdown")
    if meta:
        m = MetaChecker(f"{source} (front matter)", settings).record(meta)
        doc.title, doc.published, doc.site = m["title"], m["published"], m["site"]
        doc.url, doc.perspective, doc.authors = m["url"], m["perspective"], m["authors"]
    return [doc]
