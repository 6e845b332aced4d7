"""HTML reader: trafilatura finds the main text and metadata; a plain fallback for the rest."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from fullpicture._errors import MalformedInputError
from fullpicture.ingest._raw import Block, RawDocument

_WS = re.compile(r"\s+")
_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head", "form", "button", "select", "textarea")
_BLOCK_TAGS = {
    "p": None, "div": None, "li": "list", "blockquote": "quote", "pre": None, "td": None, "dd": None, "dt": None,
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
    "section": None, "article": None, "header": None, "footer": None, "figcaption": None, "address": None,
}


def _clean(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def _xml_blocks(xml: str) -> list[Block]:
    """Blocks from trafilatura's XML output (``head`` = heading, all-``hi`` paragraph = emphasis)."""
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(recover=True, huge_tree=False))
    main = root.find("main")
    if main is None:
        main = root
    blocks: list[Block] = []
    for el in main.iter("head", "p", "item", "quote", "cell", "code"):
        if el.tag in ("quote",) and el.find("p") is not None:
            continue
        if el.tag == "p" and el.getparent() is not None and el.getparent().tag == "item":
            continue
        text = _clean("".join(el.itertext()))
        if not text:
            continue
        hint: str | None = {"head": "heading", "item": "list", "quote": "quote"}.get(el.tag)
        if hint is None and len(el) == 1 and el[0].tag == "hi" and not _clean(el.text) and not _clean(el[0].tail):
            hint = "emphasis"
        blocks.append(Block(text, hint))
    return blocks


def html_fragment_blocks(html: str) -> list[Block]:
    """A fallback that keeps every visible text block, dropping scripts, styles and handlers."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return [Block(_clean(re.sub(r"<[^>]*>", " ", html)))] if html.strip() else []
    for bad in root.xpath("//" + " | //".join(_DROP)):
        bad.drop_tree()
    for comment in root.xpath("//comment()"):
        comment.drop_tree()
    blocks: list[Block] = []
    buf: list[str] = []

    def walk(el: etree._Element, hint: str | None) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        is_block = tag in _BLOCK_TAGS or tag == "br"
        if is_block:
            _flush(buf, blocks, hint)
        if el.text and tag not in ("br",):
            buf.append(el.text)
        for child in el:
            walk(child, _BLOCK_TAGS.get(child.tag if isinstance(child.tag, str) else "") or hint)
            if child.tail:
                buf.append(child.tail)
        if is_block:
            _flush(buf, blocks, _BLOCK_TAGS.get(tag) or hint)

    walk(root, None)
    _flush(buf, blocks, None)
    return blocks


def _flush(buf: list[str], blocks: list[Block], hint: str | None) -> None:
    text = _clean("".join(buf))
    buf.clear()
    if text:
        blocks.append(Block(text, hint))


def read_html(path: Path, text: str) -> list[RawDocument]:
    """Main text and metadata (title, author, date, site) with trafilatura."""
    import trafilatura

    if "<" not in text:
        raise MalformedInputError(str(path), "HTML file holds no markup", "rename it to .txt if it is plain text")
    blocks: list[Block] = []
    meta = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            xml = trafilatura.extract(text, output_format="xml", favor_recall=True, include_formatting=True,
                                      include_comments=False, include_tables=True, with_metadata=False)
            if xml:
                blocks = _xml_blocks(xml)
            meta = trafilatura.extract_metadata(text)
        except Exception:  # trafilatura raises many kinds on broken markup
            blocks, meta = [], None
    if not blocks:
        blocks = html_fragment_blocks(text)
    if not blocks:
        raise MalformedInputError(str(path), "no readable text found in the HTML", "check that the page is not empty or script-only")
    doc = RawDocument(blocks=blocks, format="html")
    if meta is not None:
        doc.title = _clean(meta.title) or None
        doc.published = meta.date or None
        doc.site = _clean(meta.sitename) or None
        doc.url = meta.url or None
        if meta.author:
            doc.authors = [a.strip() for a in re.split(r";|\|", meta.author) if a.strip()]
    doc.perspective = _meta_perspective(text)
    if doc.title and not any(b.hint == "heading" and b.text == doc.title for b in blocks[:3]):
        blocks.insert(0, Block(doc.title, "heading"))
    byline = _dropped_byline(text, blocks)
    if byline is not None:
        at = 1 if blocks and blocks[0].hint == "heading" else 0
        blocks.insert(at, Block(byline, "byline"))
    return [doc]


def _dropped_byline(html: str, kept: list[Block]) -> str | None:
    """A "By Jane Doe" line that main-text extraction dropped (found by its words, not markup)."""
    from fullpicture.ingest._cues import load_cues

    if any(load_cues().byline.match(b.text) for b in kept[:4]):
        return None
    for block in html_fragment_blocks(html[:200_000])[:60]:
        t = block.text
        if len(t) < 120 and not t.endswith(".") and load_cues().byline.match(t):
            return t
    return None


_PERSPECTIVE_META = re.compile(
    r"<meta\s+[^>]*(?:name|property)\s*=\s*[\"'](?:fullpicture:)?perspective[\"'][^>]*>", re.I
)
_CONTENT = re.compile(r"content\s*=\s*[\"']([^\"']+)[\"']", re.I)


def _meta_perspective(html: str) -> str | None:
    """``<meta name="perspective" content="...">`` (or ``fullpicture:perspective``)."""
    m = _PERSPECTIVE_META.search(html[:100_000])
    if m:
        c = _CONTENT.search(m.group(0))
        if c:
            return c.group(1).strip() or None
    return None
