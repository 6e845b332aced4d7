"""Who, where, when: entities with their mentions, places and time expressions."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Model):
    """One occurrence of an entity, with the exact surface text the author chose."""

    start: int
    end: int
    text: str
    actor: bool = Field(default=False, description="used metonymically as a political actor")
    embedded: bool = Field(default=False, description="a place name inside a larger name (\"Washington\" in \"Washington Post\")")
    base: str | None = Field(
        default=None,
        description="dictionary form of an inflected mention (Russian: 'Азербайджана' -> 'Азербайджан'); "
                    "None when it is the text itself",
    )


class Geo(_Model):
    """Gazetteer link of a place."""

    lat: float
    lon: float
    geonames_id: int | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    source: str | None = Field(default=None, description="geonames|pycountry|user:<file>")


class Entity(_Model):
    """An entity: all its mentions in one document clustered together."""

    id: str
    name: str
    type: str = Field(description="PERSON|ORG|GPE|LOC|GROUP|NORP|FAC|...")
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    refers_to: str | None = Field(default=None, description="entity id this one stands for (metonymy)")
    geo: Geo | None = None
    mentions: list[Mention] = Field(default_factory=list)

    def written_name(self) -> str:
        """The name this document itself uses most (dictionary form of inflected mentions; the
        first used on a tie), so a view of one side's text names a place in that side's words
        ("Stepanakert" in a text that says so, though the record is "Khankendi"). ``name``,
        the record's or the cluster's name, where no mention stands on its own."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            if not m.embedded:
                form = m.base or m.text
                counts[form] = counts.get(form, 0) + 1
        return max(counts, key=counts.__getitem__) if counts else self.name


class Timex(_Model):
    """A TimeML-style time expression, normalized (TIMEX3 value)."""

    id: str
    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str = Field(description="TIMEX3 value: 2023-09-19, 2023-09, XXXX-07-14, P6M, PT48H, PRESENT_REF...")
    anchor: str | None = Field(default=None, description="what the value was resolved against: explicit|narrative|published|none")
    mod: str | None = Field(default=None, description="TIMEX3 mod: BEFORE, AFTER, APPROX, START, ...")
