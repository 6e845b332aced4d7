"""Cost bounded by size: spaCy's own components see long texts in bounded pieces.

A text longer than ``[pipeline] chunk_above_chars``, or holding a paragraph longer than
``[pipeline] piece_chars``, is cut into pieces of at most ``piece_chars`` characters: whole
paragraphs packed together, and an over-long paragraph cut at its last sentence end (else
its last space, else anywhere) before the limit. The tagger, parser and NER run on the
pieces (a few at a time), :meth:`Doc.from_docs` joins them back into one Doc whose text is
exactly the original, and fullpicture's components then run on that whole Doc. So no
sentence is longer than one piece, and the memory of the neural components is that of one
batch of pieces, whatever the size or shape of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

_PARAGRAPH_END = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?;:\u3002][\"'\u201d\u2019)\]]*\s+|\n\s*")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Chunking:
    """How to cut long texts (from ``[pipeline]``)."""

    chunk_above_chars: int = 50_000
    piece_chars: int = 5_000
    pieces_per_batch: int = 4
    max_tokens: int = 400_000

    @classmethod
    def from_settings(cls, section: dict[str, Any]) -> Chunking:
        """The chunking of a ``[pipeline]`` settings section."""
        return cls(
            chunk_above_chars=int(section.get("chunk_above_chars", cls.chunk_above_chars)),
            piece_chars=max(200, int(section.get("piece_chars", cls.piece_chars))),
            pieces_per_batch=max(1, int(section.get("pieces_per_batch", cls.pieces_per_batch))),
            max_tokens=int(section.get("max_tokens", cls.max_tokens)),
        )

    def needed(self, text: str) -> bool:
        """Whether ``text`` is cut into pieces."""
        if len(text) > self.chunk_above_chars:
            return True
        if len(text) <= self.piece_chars:
            return False
        start = 0
        for m in _PARAGRAPH_END.finditer(text):
            if m.start() - start > self.piece_chars:
                return True
            start = m.end()
        return len(text) - start > self.piece_chars


def _cut(text: str, start: int, limit: int) -> int:
    """The end of the piece starting at ``start``: at most ``limit`` characters, after the last
    paragraph end, else sentence end, else space inside that window (else exactly ``limit``)."""
    end = start + limit
    if end >= len(text):
        return len(text)
    window = text[start:end]
    for pattern in (_PARAGRAPH_END, _SENTENCE_END, _SPACE):
        last = None
        for m in pattern.finditer(window):
            if m.end() < len(window):  # the separator must fit inside the piece
                last = m
        if last is not None and last.end() > limit // 4:
            return start + last.end()
    return end


def pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters; ``"".join`` gives ``text`` back.
    Each piece ends just after whitespace where the text allows it (no word is cut)."""
    out: list[str] = []
    start = 0
    while start < len(text):
        end = _cut(text, start, limit)
        out.append(text[start:end])
        start = end
    return out


#: fullpicture components that read only their piece's tokens and may run among spaCy's.
PIECEWISE = frozenset({"fp_paragraphs"})


def _core_names(nlp: Language) -> list[str]:
    """spaCy's own components (and :data:`PIECEWISE` ones among them): those before
    fullpicture's first whole-document ``fp_*`` component."""
    names: list[str] = []
    for name in nlp.pipe_names:
        if name.startswith("fp_") and name not in PIECEWISE:
            break
        names.append(name)
    return names


def can_chunk(nlp: Language) -> bool:
    """Whether ``nlp`` has spaCy components followed by fullpicture's (``fp_*``) ones: only
    then are the former run piecewise. Other pipelines (the limited one) run whole."""
    core = _core_names(nlp)
    return bool(core) and len(core) < len(nlp.pipe_names)


def run_chunked(nlp: Language, document: Any, chunking: Chunking) -> Doc:
    """Analyse one long document piece by piece (see the module docstring)."""
    text = document.text
    core = _core_names(nlp)
    parts = pieces(text, chunking.piece_chars)
    with nlp.select_pipes(enable=core):
        docs = list(nlp.pipe(parts, batch_size=chunking.pieces_per_batch))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    del docs
    if doc.text != text:  # never expected: from_docs keeps every character
        raise RuntimeError("chunked analysis changed the text")
    doc._.fp_info = document.info
    doc._.fp_zones = list(document.zones)
    for name, proc in nlp.pipeline:
        if name not in core:
            doc = proc(doc)
    return doc


def iter_pieces(text: str, limit: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each piece of :func:`pieces`."""
    start = 0
    for p in pieces(text, limit):
        yield start, start + len(p)
        start += len(p)
