"""Text that is always valid UTF-8: lone surrogates replaced, file names shown escaped.

Cross-cutting (every layer may use it): ingest sanitises text and names with it, the
command line cleans every line and JSON document it prints."""

from __future__ import annotations

import os
import re
import unicodedata

#: Lone UTF-16 surrogates: not encodable as UTF-8 (JSON ``"\\ud800"``, undecodable file names).
_SURROGATE = re.compile("[\ud800-\udfff]")


def display_name(path: str | os.PathLike[str]) -> str:
    """A path as printable, valid UTF-8 text: undecodable bytes shown as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def sanitize(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate replaced by U+FFFD, and how many were replaced."""
    if not _SURROGATE.search(text):
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


def clean(text: str) -> str:
    """``text`` made encodable (lone surrogates replaced)."""
    return sanitize(text)[0]


def json_text(obj: object, *, indent: int | None = None) -> str:
    """JSON text that is always valid UTF-8 (any lone surrogate left is replaced)."""
    import json

    return clean(json.dumps(obj, ensure_ascii=False, indent=indent))


def printable(text: str) -> str:
    """A name or message made valid UTF-8: bytes smuggled in by ``surrogateescape`` (undecodable
    file names) shown as ``\\xNN``, any other lone surrogate replaced by U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return clean(text)


def fold_marks(text: str) -> str:
    """``text`` case-folded without diacritics ("Zvečan" -> "zvecan"), as the full-text index
    matches: topics typed as English wires write them find the names written with marks."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch))
