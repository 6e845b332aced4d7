"""Bytes to text: size limit, binary sniffing, encoding detection, normalization, format."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from fullpicture._errors import BinaryInputError, DecodeError, EmptyInputError, TooLargeError
from fullpicture.settings import Settings

# Magic numbers of common binary formats (a cheap, certain signal).
_MAGIC = (
    b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"BZh",
    b"\x7fELF", b"MZ", b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf", b"OggS", b"ID3", b"fLaC",
    b"SQLite format 3",
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Control bytes that never occur in text (keeps \t \n \v \f \r and ESC-free text).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_CTRL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\ufeff]")
_SUFFIX_FORMATS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed", ".feed": "feed",
}


def check_size(path: Path, settings: Settings) -> None:
    """Refuse files over ``[ingest] max_bytes`` before reading them."""
    limit = int(settings.get("ingest", "max_bytes", 5_000_000))
    size = path.stat().st_size
    if size > limit:
        raise TooLargeError(
            str(path), f"file is {size:,} bytes, over the limit of {limit:,}",
            "split it, or raise [ingest] max_bytes in a --settings file",
        )


def decode_bytes(raw: bytes, source: str, settings: Settings) -> str:
    """Decode raw bytes: BOM, then strict UTF-8, then charset-normalizer's best guess."""
    if not raw.strip():
        raise EmptyInputError(source, "file is empty", "give a file that holds text")
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(source, f"bytes are not valid {codec} despite the BOM", "re-save the file as UTF-8") from exc
    if raw.startswith(_MAGIC):
        raise BinaryInputError(source, "file is binary (a PDF, archive, image or executable)", "convert it to text or HTML first")
    head = raw[:65536]
    ratio = float(settings.get("ingest", "binary_ratio", 0.05))
    ctrl = sum(head.count(bytes([b])) for b in _CONTROL)
    if ctrl / max(len(head), 1) > ratio:
        raise BinaryInputError(source, "file looks binary, not text", "convert it to text, HTML or a feed first")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(raw)
    best = matches.best()
    if best is None:
        raise DecodeError(source, "could not detect the text encoding", "re-save the file as UTF-8")
    # Short Western text scores alike in several single-byte codecs; the web's usual one wins a tie.
    for match in matches:
        if match.encoding == "cp1252" and (match.chaos, match.coherence) == (best.chaos, best.coherence):
            return str(match)
    return str(best)


def normalize(text: str) -> str:
    """NFC, Unix newlines, no stray control characters, no trailing spaces on lines, stripped."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CTRL_CHARS.sub("", text).replace("\xa0", " ")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def guess_format(path: Path, text: str | None = None) -> str | None:
    """The reader format for a path: by suffix, else by sniffing the first characters."""
    fmt = _SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt is not None and fmt != "feed":
        return fmt
    if text is None:
        return fmt
    head = text.lstrip()[:2000].lower()
    if fmt == "feed" or head.startswith("<?xml"):
        if "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
            return "feed"
        if "<html" in head:
            return "html"
        return fmt
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "<p" in head):
        return "html"
    if head.startswith("{"):
        return "jsonl"
    return "text"
