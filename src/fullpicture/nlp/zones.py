"""``fp_zones``: project the ingest zones onto tokens (``token._.fp_zone``)."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from fullpicture.nlp._doctext import token_starts
from fullpicture.nlp.extensions import plain_token_extension, synced

#: Zones that are not the story: events and figures are never taken from them, so they
#: never enter alignment or omissions (a comment form's "leave", a bio's "covered the war").
NON_STORY_ZONES = frozenset({"editorial_note", "inline_note", "author_bio", "boilerplate"})


def in_story(token: Token) -> bool:
    """Whether a token lies in the story itself (heading or body; unzoned text counts)."""
    if plain_token_extension("fp_zone"):
        data: dict[Any, Any] = token.doc.user_data
        return data.get(("._.", "fp_zone", token.idx, None)) not in NON_STORY_ZONES
    return token._.fp_zone not in NON_STORY_ZONES


def zone_kind_at(doc: Doc, char: int) -> str:
    """The zone kind at a character offset (``body`` when no zone covers it)."""
    zones = doc._.fp_zones or []
    starts = [z.start for z in zones]
    i = bisect_right(starts, char) - 1
    if i >= 0 and zones[i].start <= char < zones[i].end:
        return str(zones[i].kind)
    return "body"


class ZoneProjector:
    """Marks each token with the kind of the zone it lies in."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings

    @synced
    def __call__(self, doc: Doc) -> Doc:
        zones = sorted(doc._.fp_zones or [], key=lambda z: z.start)
        doc._.fp_zones = zones
        zi = 0
        if not plain_token_extension("fp_zone"):
            for tok in doc:
                while zi < len(zones) and zones[zi].end <= tok.idx:
                    zi += 1
                if zi < len(zones) and zones[zi].start <= tok.idx < zones[zi].end:
                    tok._.fp_zone = zones[zi].kind
                else:
                    tok._.fp_zone = "body"
            return doc
        data: dict[Any, Any] = doc.user_data
        for idx in token_starts(doc):  # the same values, stored under Underscore's keys
            while zi < len(zones) and zones[zi].end <= idx:
                zi += 1
            if zi < len(zones) and zones[zi].start <= idx < zones[zi].end:
                data[("._.", "fp_zone", idx, None)] = zones[zi].kind
            else:
                data[("._.", "fp_zone", idx, None)] = "body"
        return doc


@Language.factory("fp_zones", default_config={"settings": {}})
def make_zone_projector(nlp: Language, name: str, settings: dict[str, Any]) -> ZoneProjector:
    """Factory for ``fp_zones``."""
    return ZoneProjector(settings)
