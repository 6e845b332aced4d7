"""Plain-text and Markdown readers."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from fullpicture.ingest._raw import Block, RawDocument

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REFLINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_EMPH = re.compile(r"(?<!\w)(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_CODE = re.compile(r"`([^`]+)`")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_REFDEF = re.compile(r"^\s*\[[^\]]+\]:\s+\S+.*$")
_WHOLE_EMPH = re.compile(r"\A(\*\*|__|\*|_)(?=\S)(.+)(?<=\S)\1\Z", re.S)


def read_text(path: Path, text: str) -> list[RawDocument]:
    """A plain-text file is one block; the zoner splits it."""
    return [RawDocument(blocks=[Block(text)], format="text")]


def _inline(line: str) -> str:
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _REFLINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    line = _HTML_TAG.sub("", line)
    for _ in range(2):
        line = _EMPH.sub(r"\2", line)
    return line


def _front_matter(text: str) -> tuple[dict, str]:
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}, text
    return (meta if isinstance(meta, dict) else {}), text[m.end():]


def read_markdown(path: Path, text: str) -> list[RawDocument]:
    """Markdown to plain blocks: markup removed, headings / emphasis / quotes kept as hints."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, text = _front_matter(text)
    blocks: list[Block] = []
    para: list[str] = []
    kind: str | None = None
    in_code = False

    def flush() -> None:
        nonlocal para, kind
        if para:
            raw = "\n".join(para)
            hint = kind
            whole = _WHOLE_EMPH.match(raw.strip())
            if hint is None and whole and "\n\n" not in raw:
                hint = "emphasis"
            blocks.append(Block("\n".join(_inline(p) for p in para), hint))
        para, kind = [], None

    for line in text.split("\n"):
        if line.strip().startswith(("```", "~~~")):
            flush()
            in_code = not in_code
            continue
        if in_code:
            para.append(line)
            continue
        if not line.strip() or _REFDEF.match(line) or re.fullmatch(r"\s*([-*_])(\s*\1){2,}\s*", line):
            flush()
            continue
        atx = _ATX.match(line)
        if atx:
            flush()
            blocks.append(Block(_inline(atx.group(2)), "heading"))
            continue
        if _SETEXT.match(line) and len(para) == 1:
            kind = "heading"
            flush()
            continue
        stripped = line.lstrip()
        if stripped.startswith(">"):
            if kind not in (None, "quote"):
                flush()
            kind = "quote"
            para.append(stripped.lstrip(">").strip())
            continue
        if re.match(r"([-*+]|\d+[.)])\s+", stripped):
            if para and kind != "list":
                flush()
            kind = "list"
        para.append(line)
    flush()
    doc = RawDocument(blocks=blocks, format="markdown")
    if meta:
        doc.title = _str(meta.get("title"))
        doc.published = _str(meta.get("date") or meta.get("published"))
        doc.site = _str(meta.get("site"))
        doc.url = _str(meta.get("url"))
        doc.perspective = _str(meta.get("perspective"))
        authors = meta.get("authors") or meta.get("author")
        doc.authors = [str(a) for a in authors] if isinstance(authors, list) else ([str(authors)] if authors else [])
    return [doc]


def _str(value: object) -> str | None:
    return None if value is None else str(value)
