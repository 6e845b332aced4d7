"""A document's token attributes as plain lists, read once per ``Doc``.

Walking a ``Doc`` builds Python objects each time: ``for t in doc`` and ``doc[i]`` a ``Token``
per token, ``span.text`` a ``Token`` per token of the span, ``doc.ents`` a ``Span`` per entity,
and ``doc.text`` a ``Token`` per token of the document. The layers walk every document many
times; :func:`token_arrays` reads each attribute they loop over from ``doc.to_array`` once,
as a list indexed like the ``Doc`` (``toks.text[i] == doc[i].text``, ``toks.head[i] ==
doc[i].head.i``), built on first use of that attribute and kept while the ``Doc`` lives (a
weak per-``Doc`` cache, also reachable as ``doc._.fp_tokens``; nothing goes into
``doc.user_data``, so serialised docs carry none of it).

Token attributes do not change once spaCy's components have run (fullpicture's layers change
only ``doc.ents``). The entity spans (:attr:`TokenArrays.ents`, :attr:`TokenArrays.ent_type`)
are read again whenever the document's entity annotation (``ENT_IOB``, ``ENT_TYPE``) differs
from the one they were read from.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary, ref

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_ALPHA,
    IS_DIGIT,
    IS_LOWER,
    IS_PUNCT,
    IS_QUOTE,
    IS_SPACE,
    IS_TITLE,
    IS_UPPER,
    LEMMA,
    LIKE_NUM,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.parts_of_speech import NAMES as _POS_NAMES
from spacy.tokens import Doc

__all__ = ["Ent", "TokenArrays", "token_arrays"]


class Ent:
    """One entity span, as ``doc.ents`` gives it: token ``start``/``end``, ``label_`` and
    ``text`` (the span's ``text``); ``len(ent)`` is its number of tokens."""

    __slots__ = ("end", "label_", "start", "text")

    def __init__(self, start: int, end: int, label_: str, text: str) -> None:
        self.start = start
        self.end = end
        self.label_ = label_
        self.text = text

    def __len__(self) -> int:
        return self.end - self.start

    def __repr__(self) -> str:
        return f"Ent({self.start}, {self.end}, {self.label_!r}, {self.text!r})"


class TokenArrays:
    """The token attributes of one ``Doc``, each a list built on first use (see the module)."""

    def __init__(self, doc: Doc) -> None:
        self._doc = ref(doc)
        self.n = len(doc)
        self._cols: dict[str, list[Any]] = {}
        self._ents: tuple[bytes, tuple[Ent, ...], list[str]] | None = None
        self._sents: tuple[bytes, list[tuple[int, int]]] | None = None

    def doc(self) -> Doc:
        """The ``Doc`` these arrays were read from."""
        doc = self._doc()
        if doc is None:  # pragma: no cover - the arrays live in a cache keyed by their Doc
            raise ReferenceError("the Doc of these token arrays is gone")
        return doc

    def _ints(self, attr: int) -> list[int]:
        return self.doc().to_array([attr]).tolist() if self.n else []

    def _strings(self, name: str, attr: int) -> list[str]:
        col = self._cols.get(name)
        if col is None:
            hashes = self._ints(attr)
            strings = self.doc().vocab.strings
            table = {h: strings[h] for h in set(hashes)}
            col = self._cols[name] = [table[h] for h in hashes]
        return col

    def _flags(self, name: str, attr: int) -> list[bool]:
        col = self._cols.get(name)
        if col is None:
            col = self._cols[name] = self.doc().to_array([attr]).astype(bool).tolist() if self.n else []
        return col

    @property
    def text(self) -> list[str]:
        """``t.text`` of every token."""
        return self._strings("text", ORTH)

    @property
    def lower(self) -> list[str]:
        """``t.lower_``."""
        return self._strings("lower", LOWER)

    @property
    def lemma(self) -> list[str]:
        """``t.lemma_``."""
        return self._strings("lemma", LEMMA)

    @property
    def tag(self) -> list[str]:
        """``t.tag_``."""
        return self._strings("tag", TAG)

    @property
    def dep(self) -> list[str]:
        """``t.dep_``."""
        return self._strings("dep", DEP)

    @property
    def pos(self) -> list[str]:
        """``t.pos_``."""
        col = self._cols.get("pos")
        if col is None:
            col = self._cols["pos"] = [_POS_NAMES[v] for v in self._ints(POS)]
        return col

    @property
    def head(self) -> list[int]:
        """``t.head.i``."""
        col = self._cols.get("head")
        if col is None:
            # to_array gives the offset to the head as an unsigned 64-bit number
            col = self._cols["head"] = [i + (v - (1 << 64) if v >= 1 << 63 else v) for i, v in enumerate(self._ints(HEAD))]
        return col

    @property
    def idx(self) -> list[int]:
        """``t.idx``: the character offset of every token."""
        col = self._cols.get("idx")
        if col is None:
            col = self._cols["idx"] = self._ints(IDX)
        return col

    @property
    def space(self) -> list[bool]:
        """Whether ``t.whitespace_`` is a space."""
        return self._flags("space", SPACY)

    @property
    def whitespace(self) -> list[str]:
        """``t.whitespace_``."""
        col = self._cols.get("whitespace")
        if col is None:
            col = self._cols["whitespace"] = [" " if s else "" for s in self.space]
        return col

    @property
    def sent_start(self) -> list[bool | None]:
        """``t.is_sent_start``: True, False, or None where unknown."""
        col = self._cols.get("sent_start")
        if col is None:
            col = self._cols["sent_start"] = [None if v == 0 else v == 1 for v in self._ints(SENT_START)]
        return col

    @property
    def is_alpha(self) -> list[bool]:
        """``t.is_alpha``."""
        return self._flags("is_alpha", IS_ALPHA)

    @property
    def is_upper(self) -> list[bool]:
        """``t.is_upper``."""
        return self._flags("is_upper", IS_UPPER)

    @property
    def is_lower(self) -> list[bool]:
        """``t.is_lower``."""
        return self._flags("is_lower", IS_LOWER)

    @property
    def is_title(self) -> list[bool]:
        """``t.is_title``."""
        return self._flags("is_title", IS_TITLE)

    @property
    def is_space(self) -> list[bool]:
        """``t.is_space``."""
        return self._flags("is_space", IS_SPACE)

    @property
    def is_punct(self) -> list[bool]:
        """``t.is_punct``."""
        return self._flags("is_punct", IS_PUNCT)

    @property
    def is_quote(self) -> list[bool]:
        """``t.is_quote``."""
        return self._flags("is_quote", IS_QUOTE)

    @property
    def is_digit(self) -> list[bool]:
        """``t.is_digit``."""
        return self._flags("is_digit", IS_DIGIT)

    @property
    def like_num(self) -> list[bool]:
        """``t.like_num``."""
        return self._flags("like_num", LIKE_NUM)

    @property
    def sents(self) -> list[tuple[int, int]]:
        """Token bounds ``(sent.start, sent.end)`` of every sentence of ``doc.sents``, in order.

        Read from the sentence starts (as spaCy's ``Doc.sents`` reads them), and read again
        whenever they changed since (a component before the parser sets some); a document
        without sentence boundaries raises ``doc.sents``'s ``ValueError``. The list is shared:
        callers must not change it."""
        doc = self.doc()
        if not self.n or "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
            return [(s.start, s.end) for s in doc.sents]
        arr = doc.to_array([SENT_START])
        key = arr.tobytes()
        if self._sents is not None and self._sents[0] == key:
            return self._sents[1]
        flags = arr.tolist()
        starts = [0, *(i for i in range(1, self.n) if flags[i] == 1)]
        bounds = list(zip(starts, [*starts[1:], self.n], strict=True))
        self._sents = (key, bounds)
        return bounds

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        if end - start <= 1:
            return self.text[start] if end > start else ""
        text, ws = self.text, self.whitespace
        return "".join([text[k] + ws[k] for k in range(start, end - 1)]) + text[end - 1]

    def _entities(self) -> tuple[tuple[Ent, ...], list[str]]:
        doc = self.doc()
        arr = doc.to_array([ENT_IOB, ENT_TYPE]) if self.n else None
        key = b"" if arr is None else arr.tobytes()
        if self._ents is not None and self._ents[0] == key:
            return self._ents[1], self._ents[2]
        if arr is None:
            self._ents = (key, (), [])
            return (), []
        iob, typ = arr[:, 0], arr[:, 1]
        strings = doc.vocab.strings
        codes = typ.tolist()
        labels = {t: strings[t] for t in set(codes)}
        ent_type = list(map(labels.__getitem__, codes))
        # spaCy's Doc.ents: B (3) with a type opens a span, I (1) continues it, anything else
        # (O, no tag, B without a type) closes it; read with numpy, as that loop reads them
        opens = (iob == 3) & (typ != 0)
        closers = np.flatnonzero(iob != 1)  # where a span ends (and where one may begin)
        inside = np.flatnonzero(iob == 1)
        if len(inside):
            last = np.searchsorted(closers, inside, side="right") - 1
            if (last < 0).any() or not opens[closers[np.maximum(last, 0)]].all():
                raise ValueError("an entity continues (I) where none began")
        starts = np.flatnonzero(opens)
        nxt = np.searchsorted(closers, starts, side="right")
        ends = np.append(closers, self.n)[nxt]
        out = [Ent(a, b, labels[codes[a]], "") for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
        ents = tuple(e for e in out if e.label_ != "")
        for e in ents:
            e.text = self.span_text(e.start, e.end)
        self._ents = (key, ents, ent_type)
        return ents, ent_type

    @property
    def ents(self) -> tuple[Ent, ...]:
        """``doc.ents`` as :class:`Ent` (start, end, label_, text), read again when the
        document's entities changed."""
        return self._entities()[0]

    @property
    def ent_type(self) -> list[str]:
        """``t.ent_type_``, read again when the document's entities changed."""
        return self._entities()[1]


_CACHE: WeakKeyDictionary[Doc, TokenArrays] = WeakKeyDictionary()


def token_arrays(doc: Doc) -> TokenArrays:
    """The :class:`TokenArrays` of ``doc``, built once per ``Doc`` (``doc._.fp_tokens``)."""
    arrays = _CACHE.get(doc)
    if arrays is None or arrays.n != len(doc):
        arrays = _CACHE[doc] = TokenArrays(doc)
    return arrays
