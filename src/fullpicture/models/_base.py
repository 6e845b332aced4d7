"""Document-level models: the analysis envelope, document info and zones."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from fullpicture.models.entities import Entity, Timex
from fullpicture.models.events import Claim, Event, Figure
from fullpicture.models.framing import FramingCue, FramingProfile

ANALYSIS_SCHEMA_ID: Literal["fullpicture/analysis/v1"] = "fullpicture/analysis/v1"

ZoneKind = Literal["heading", "body", "editorial_note", "inline_note", "author_bio", "boilerplate"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Offsets(_Model):
    """A half-open character range ``[start, end)`` into the document text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Author(_Model):
    """An author, from a byline, metadata or a bio."""

    name: str
    affiliation: str | None = None
    evidence: Offsets | None = None


class Perspective(_Model):
    """The side a document speaks for, and where that label came from."""

    label: str
    origin: Literal["declared", "metadata", "user", "inferred"]
    evidence: Offsets | None = None


class TimeAnchor(_Model):
    """The reference time that underspecified dates of the document were resolved against."""

    value: str = Field(description="ISO 8601 date (or year-month) of the reference time")
    anchor: Literal["published", "inferred"] = Field(description="the publication date, or inferred from the text")
    reason: str | None = Field(default=None, description="for an inferred anchor: dateline | url | label | weekday date | today (latest date | latest month when configured)")
    evidence: str | None = Field(default=None, description="the text of the date it was inferred from (the web address for url)")
    start: int | None = Field(default=None, ge=0, description="offset of the evidence in the text")
    end: int | None = Field(default=None, ge=0)


class DocumentInfo(_Model):
    """Metadata of one source document."""

    id: str = Field(description="sha256 of the normalized text, hex (content hash)")
    source: str = Field(description="path, URL or feed entry the text came from")
    url: str | None = Field(default=None, description="web address of the original, when the input gave one (feed link, JSONL or side-car \"url\", an HTML page's canonical address)")
    title: str | None = None
    language: str | None = Field(default=None, description="ISO 639-1 code")
    published: str | None = Field(default=None, description="ISO 8601 date or datetime")
    authors: list[Author] = Field(default_factory=list)
    perspective: Perspective | None = None
    site: str | None = None
    format: str | None = Field(default=None, description="text|markdown|html|jsonl|feed")
    time_anchor: TimeAnchor | None = Field(default=None, description="reference time of the time layer (set by analysis)")
    notice: str | None = Field(
        default=None,
        description="Set when the document's language has no full pipeline: what was not analysed",
    )
    notes: list[str] = Field(default_factory=list, description="what ingest changed or dropped, e.g. invalid Unicode replaced")


class Zone(_Model):
    """A contiguous region of the text with one editorial role."""

    kind: ZoneKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Analysis(_Model):
    """The analysis of one document: ``fullpicture/analysis/v1``."""

    schema_: Literal["fullpicture/analysis/v1"] = Field(
        default=ANALYSIS_SCHEMA_ID, alias="schema", serialization_alias="schema"
    )
    document: DocumentInfo
    text: str
    zones: list[Zone] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    framing: list[FramingCue] = Field(default_factory=list)
    framing_profile: FramingProfile | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json_dict(self) -> dict:
        """The JSON-ready dict, with the ``schema`` key first."""
        return self.model_dump(mode="json", by_alias=True)
