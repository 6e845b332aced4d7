"""Scare quotes: short quoted terms the writer distances from, not quotations with a speaker."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from fullpicture.models import Claim, FramingCue
from fullpicture.nlp._doctext import doc_text

# Paired quotation marks; straight single quotes are skipped (apostrophes).
_QUOTE_RE = re.compile(r"“([^“”\n]{1,80})”|\"([^\"\n]{1,80})\"|‘([^‘’\n]{1,60})’|«([^«»\n]{1,80})»")
_TRAIL = ".,;:!?…"


class ScareQuoteFinder:
    """Finds scare quotes with the settings and word lists given once."""

    def __init__(self, speech_verbs: Iterable[str], markers: Iterable[str], max_words: int, window: int) -> None:
        self.speech = frozenset(v.lower() for v in speech_verbs)
        self.markers = tuple(m.lower() for m in markers)
        self.max_words = max_words
        self.window = window

    def _attached_to_speech(self, doc: Doc, span: Span) -> Token | None:
        """A speech verb that governs the quote or sits right next to it."""
        for tok in span:
            for anc in tok.ancestors:
                if anc.lemma_.lower() in self.speech and not (span.start <= anc.i < span.end):
                    return anc
        s_lo, s_hi = (span.sent.start, span.sent.end) if doc.has_annotation("SENT_START") else (0, len(doc))
        lo = max(s_lo, span.start - self.window)
        hi = min(s_hi, span.end + self.window)
        for tok in list(doc[lo : span.start]) + list(doc[span.end : hi]):
            if tok.lemma_.lower() in self.speech and tok.pos_ in ("VERB", "AUX"):
                return tok
        return None

    def _marker_before(self, doc: Doc, start_char: int) -> str | None:
        before = doc_text(doc)[max(0, start_char - 20) : start_char].lower().rstrip(" “\"‘«")
        for m in self.markers:
            if before.endswith(m):
                return m
        return None

    def find(self, doc: Doc, claims: list[Claim], names: list[tuple[int, int]] | None = None) -> list[FramingCue]:
        """Scare-quote cues of ``doc``; spans covered by direct-quote claims, and quotation
        marks around a name (``names``: entity mention spans; see
        :func:`fullpicture.nlp.lang.quotes.name_quote`), are skipped."""
        from fullpicture.nlp.lang.quotes import name_quote

        direct = [(c.start, c.end) for c in claims if c.kind == "direct" and c.source is not None]
        out: list[FramingCue] = []
        text = doc_text(doc)
        for m in _QUOTE_RE.finditer(text):
            g = next(i for i in range(1, 5) if m.group(i) is not None)
            inner_s, inner_e = m.start(g), m.end(g)
            content = text[inner_s:inner_e]
            stripped = content.rstrip(_TRAIL + " ")
            if not stripped.strip() or content.strip() != content:
                continue
            span = doc.char_span(inner_s, inner_s + len(stripped), alignment_mode="expand")
            if span is None:
                continue
            words = [t for t in span if not t.is_punct and not t.is_space]
            if not 1 <= len(words) <= self.max_words:
                continue
            marker = self._marker_before(doc, m.start())
            if marker is None:
                # a real quotation: a direct-quote claim, a sentence of its own, or a speech verb
                if any(s < m.end() and m.start() < e for s, e in direct):
                    continue
                if content != stripped and content[len(stripped) :].strip()[:1] in ".!?" and len(words) > 2:
                    continue
                verb = self._attached_to_speech(doc, span)
                if verb is not None:
                    continue
                if len(words) > 1 and all(w.is_title for w in words):
                    continue  # a title or a name in quotes
                if name_quote(doc, m.start(), m.end(), names or ()):
                    continue  # "компания «Укргидроэнерго»", "командование «Юг»"
            out.append(
                FramingCue(
                    start=m.start(),
                    end=m.end(),
                    text=m.group(0),
                    category="scare_quote",
                    subcategory="so_called" if marker else "unattributed",
                    note=f"marker: {marker}" if marker else "short quoted term with no speaker",
                )
            )
        return out
