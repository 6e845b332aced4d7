"""What happened and who says so: events, figures and attributed claims."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Trigger(_Model):
    """The word(s) that evoke an event."""

    start: int
    end: int
    text: str
    lemma: str | None = None


class Evidence(_Model):
    """The offsets of the words behind an item (usually its sentence)."""

    start: int
    end: int


class Target(_Model):
    """What an attack hit, in the document's own words ("a shopping centre", "a command post")."""

    start: int
    end: int
    text: str = Field(description="the words as written")
    category: str = Field(description="the class of the words: hotel, residence, depot, command_post...")
    kind: Literal["civilian", "military", "infrastructure", "unspecified"] = Field(
        description="the kind of the class (data/events/targets.toml)")


class Event(_Model):
    """An event mention, typed with the PLOVER-mapped taxonomy."""

    id: str
    type: str
    trigger: Trigger
    date: str | None = Field(default=None, description="TIMEX3 value of the event's time")
    date_source: Literal["sentence", "narrative", "published"] | None = Field(
        default=None,
        description="where the date comes from: a timex in the event's own clause/sentence, the "
        "narrative reference time carried from earlier sentences, or the publication date",
    )
    place: str | None = Field(default=None, description="entity id")
    agents: list[str] = Field(default_factory=list, description="entity ids")
    patients: list[str] = Field(default_factory=list, description="entity ids")
    blamed: list[str] = Field(
        default_factory=list,
        description="entity ids a claim of responsibility, an accusation or a cause around the mention names as "
        "its doer ('X claimed the attack', 'Y accused X of the attack'), as that claim's source tells it; "
        "empty when the parse gives the mention agents of its own",
    )
    modality: Literal["asserted", "reported", "planned", "expected", "hypothetical", "negated"] = "asserted"
    source: str | None = Field(default=None, description="claim id when reported")
    figures: list[str] = Field(default_factory=list, description="figure ids")
    target: Target | None = Field(default=None, description="what an attack hit, as the document words it")
    evidence: Evidence


class Figure(_Model):
    """A quantity with what it counts."""

    id: str
    start: int
    end: int
    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    counts: str | None = Field(default=None, description="what is counted: killed, displaced, residents...")
    approximate: bool = False
    vague: bool = False
    event: str | None = None
    claim: str | None = None


class ClaimCue(_Model):
    """The cue that introduces a claim (said, according to, ...)."""

    start: int
    end: int
    text: str
    lemma: str | None = None


class ClaimSource(_Model):
    """Who a claim is attributed to."""

    entity: str | None = None
    text: str
    start: int | None = None
    end: int | None = None


class Claim(_Model):
    """An attributed assertion."""

    id: str
    start: int
    end: int
    text: str
    kind: Literal["direct", "indirect", "according_to", "naming", "unsourced", "author", "editor"]
    cue: ClaimCue | None = None
    source: ClaimSource | None = None
    hedged: bool = False
    hedges: list[str] = Field(default_factory=list)
    confidence: float | None = Field(
        default=None, description="probability from the learned attribution tagger (0-1); null for rule-only claims"
    )
