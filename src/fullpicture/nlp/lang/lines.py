"""Entity spans and line breaks, for the French and Russian corrections."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def split_at_line_breaks(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` cut at whitespace tokens holding a line break (any language)."""
    out: list[Span] = []
    for ent in ents:
        start = ent.start
        for i in range(ent.start, ent.end):
            if "\n" in doc[i].text and not doc[i].text.strip():
                if i > start:
                    out.append(Span(doc, start, i, label=ent.label_))
                start = i + 1
        if start == ent.start:
            out.append(ent)
        elif start < ent.end:
            out.append(Span(doc, start, ent.end, label=ent.label_))
    return out
