"""How it is told: framing cues and the per-document framing profile."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FramingCue(_Model):
    """One framing cue anchored to its span."""

    start: int
    end: int
    text: str
    category: str
    subcategory: str | None = None
    counter_terms: list[str] = Field(default_factory=list)
    target: str | None = Field(default=None, description="entity id")
    lexicon_entry: str | None = None
    note: str | None = None
    technique: str | None = Field(default=None, description="SemEval-2020 Task 11 technique, when the cue is one")
    confidence: float | None = Field(
        default=None, description="probability from a learned detector (0-1); null for lexicon and rule cues"
    )


class FramingProfile(_Model):
    """Per-document summary of framing, the unit the comparison sets side by side."""

    category_counts: dict[str, int] = Field(default_factory=dict)
    top_terms: list[dict] = Field(default_factory=list)
    names_chosen: list[dict] = Field(default_factory=list)
    tone: dict[str, float] = Field(default_factory=dict, description="entity id -> tone in [-1, 1]")
    harm_with_agent: int = 0
    harm_without_agent: int = 0
    agentless_harm_share: float | None = None
    hedge_rate: float | None = Field(default=None, description="hedges per 1,000 tokens")
    tokens: int = 0
    certainty_rate: float | None = Field(default=None, description="certainty markers per 1,000 tokens")
    techniques: dict[str, int] = Field(default_factory=dict, description="SemEval-2020 Task 11 technique -> count")
    loaded_language: list[dict] = Field(
        default_factory=list,
        description="learned loaded-language terms (BASIL lexical bias) above the confidence threshold: term, count, confidence",
    )
    loaded_language_rate: float | None = Field(default=None, description="learned loaded-language cues per 1,000 tokens")
    naming_choices: int = Field(default=0, description="naming cues (contested or alternative names chosen)")
