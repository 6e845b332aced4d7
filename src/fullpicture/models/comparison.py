"""The full picture: the comparison of several sides (``fullpicture/comparison/v2``).

v2 (from v1): an aligned event is an *incident* (the happening with its consequences: a blast,
its dead, its wounded), with ``figures`` (every typed figure of the incident with its words) and
``updates`` (one side's changing figures, dated, which are not conflicts); a conflict value
carries the ``population`` it counts and its ``date``. See ``docs/schema/MIGRATION.md``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from fullpicture.models._base import Analysis

COMPARISON_SCHEMA_ID: Literal["fullpicture/comparison/v2"] = "fullpicture/comparison/v2"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Side(_Model):
    """One perspective and the documents that speak for it."""

    label: str
    origin: Literal["declared", "metadata", "user", "inferred"]
    documents: list[str] = Field(default_factory=list)


class EventRef(_Model):
    """An event mention in one document."""

    document: str
    event: str


class ConflictValue(_Model):
    """One side's value for a conflicting field, with the claim that carries it."""

    side: str
    value: str
    document: str
    claim: str | None = None
    start: int | None = None
    end: int | None = None
    field: str | None = Field(default=None, description="figure:<counts> for a figure (v2)")
    population: str | None = Field(
        default=None, description="who a figure counts: people, civilians, servicemen, police, mixed"
    )
    date: str | None = Field(default=None, description="when the value was stated (publication date)")
    victims: str | None = Field(
        default=None,
        description="whose people a figure counts, when its words name a state (ISO code): "
                    "'120 French soldiers' FR, '18 of its soldiers' the speaker's state",
    )
    reported_by: str | None = Field(
        default=None,
        description="the side whose document reports a value quoted from another side's source (the value's side)",
    )
    category: str | None = Field(
        default=None, description="for what was hit (field target): the class of the words (hotel, depot, residence)",
    )
    kind: str | None = Field(
        default=None, description="for what was hit (field target): civilian, military, infrastructure or unspecified",
    )


class FigureSeries(_Model):
    """One side's values of one count that change over time: an update series, not a conflict."""

    field: str
    side: str
    values: list[ConflictValue] = Field(description="in order of date")


class Conflict(_Model):
    """Sides disagree on one field (figure, date, agent, place) of the same event."""

    field: str
    values: list[ConflictValue]


class SideWording(_Model):
    """How one side words an aligned event."""

    side: str
    document: str
    triggers: list[str] = Field(default_factory=list)
    framing: list[str] = Field(default_factory=list)
    language: str | None = Field(default=None, description="ISO 639-1 code of the document")
    glosses: list[str] = Field(
        default_factory=list,
        description="English gloss of each trigger (same order; empty string where none is known), "
                    "for documents not in English",
    )


class AlignedEvent(_Model):
    """An incident (a happening with its consequences) aligned across documents and sides."""

    id: str
    type: str
    date: str | None = None
    place: str | None = Field(default=None, description="display name of the place")
    mentions: list[EventRef]
    sides: list[str]
    conflicts: list[Conflict] = Field(default_factory=list)
    wording: list[SideWording] = Field(default_factory=list)
    label: str | None = Field(default=None, description="short human-readable description")
    figures: list[ConflictValue] = Field(
        default_factory=list,
        description="every typed figure of the incident (field figure:<counts>), with its words",
    )
    updates: list[FigureSeries] = Field(default_factory=list)
    targets: list[ConflictValue] = Field(
        default_factory=list,
        description="what was hit, in each side's own words (field target), with its class and kind",
    )


class Omission(_Model):
    """An event some sides report and others leave out."""

    event: str
    reported_by: list[str]
    missing_from: list[str]
    salience: float


class ClaimMember(_Model):
    """A claim in one document, as a member of a cross-document claim group."""

    document: str
    claim: str
    side: str


class ClaimGroup(_Model):
    """Claims across documents: agreement, contradiction, or only one side."""

    id: str
    relation: Literal["agree", "contradict", "only"]
    members: list[ClaimMember]
    reason: str | None = None


class NameVariant(_Model):
    """One name a side uses for an entity."""

    side: str
    name: str
    count: int


class NamingRow(_Model):
    """An entity named differently by different sides."""

    entity: str
    variants: list[NameVariant]
    geo: dict | None = None


class FramingContrast(_Model):
    """A term or category that sets a side apart (log-odds z-score)."""

    side: str
    term: str
    category: str
    score: float
    kind: Literal["term", "category", "word"] | None = Field(
        default=None, description="framing-cue term, framing category, or content word"
    )


class Comparison(_Model):
    """The comparison of several sides: ``fullpicture/comparison/v2``."""

    schema_: Literal["fullpicture/comparison/v2"] = Field(
        default=COMPARISON_SCHEMA_ID, alias="schema", serialization_alias="schema"
    )
    sides: list[Side]
    documents: list[Analysis]
    events: list[AlignedEvent] = Field(default_factory=list)
    omissions: list[Omission] = Field(default_factory=list)
    claims: list[ClaimGroup] = Field(default_factory=list)
    naming: list[NamingRow] = Field(default_factory=list)
    framing: list[FramingContrast] = Field(default_factory=list)
    tone: dict[str, dict[str, float]] = Field(
        default_factory=dict, description="side -> entity name -> mean tone"
    )
    notices: list[str] = Field(
        default_factory=list,
        description="what a reader must know first, e.g. that a topic matched one side's documents only (v2)",
    )

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json_dict(self) -> dict:
        """The JSON-ready dict."""
        return self.model_dump(mode="json", by_alias=True)

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        """Flat records for pandas (``pd.DataFrame(c.tables()["events"])``): one row per
        aligned event, conflict value, omission, naming variant, claim-group member and
        framing contrast."""
        events = [{"event": e.id, "type": e.type, "label": e.label, "date": e.date, "place": e.place,
                   "sides": ", ".join(e.sides), "mentions": len(e.mentions),
                   "conflicts": len(e.conflicts)} for e in self.events]
        conflicts = [{"event": e.id, "field": c.field, "side": v.side, "value": v.value,
                      "document": v.document, "claim": v.claim, "start": v.start, "end": v.end}
                     for e in self.events for c in e.conflicts for v in c.values]
        omissions = [{"event": o.event, "reported_by": ", ".join(o.reported_by),
                      "missing_from": ", ".join(o.missing_from), "salience": o.salience}
                     for o in self.omissions]
        naming = [{"entity": r.entity, "side": v.side, "name": v.name, "count": v.count}
                  for r in self.naming for v in r.variants]
        claims = [{"group": g.id, "relation": g.relation, "side": m.side, "document": m.document,
                   "claim": m.claim} for g in self.claims for m in g.members]
        framing = [f.model_dump() for f in self.framing]
        return {"events": events, "conflicts": conflicts, "omissions": omissions, "naming": naming,
                "claims": claims, "framing": framing}
