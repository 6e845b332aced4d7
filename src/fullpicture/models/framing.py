"""How it is told: framing cues and the per-document framing profile."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# Word-choice categories scored against BASIL's lexical bias (eval/basil.py; the shipped
# ``[framing] bias_categories``) plus the learned detector's: loaded language in profiles
# and reports, kept apart from naming choices and agentless harm.
LOADED_LANGUAGE = frozenset(
    {"loaded", "delegitimizing", "dehumanizing", "victimhood", "triumph", "euphemism", "propaganda",
     "scare_quote", "loaded_language"}
)


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
        description="loaded-language terms (the word-choice categories scored against BASIL lexical bias, and "
        "learned cues above the confidence threshold): term, count, category, confidence (learned only)",
    )
    loaded_language_rate: float | None = Field(default=None, description="loaded-language cues per 1,000 tokens")
    naming_choices: int = Field(default=0, description="naming cues (contested or alternative names chosen)")
