"""The raw attribution record the claim extractors share (character offsets, end-exclusive)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawClaim:
    """One attribution found in the text (character offsets, end-exclusive)."""

    kind: str
    content: tuple[int, int]
    cue: tuple[int, int] | None = None
    cue_lemma: str | None = None
    source: tuple[int, int] | None = None
    source_head: int | None = None  # token index of the source's head
    hedges: list[str] = field(default_factory=list)
    confidence: float | None = None  # the tagger's, for learned claims; None for rule-only ones
