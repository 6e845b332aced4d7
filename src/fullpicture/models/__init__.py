"""Typed models of fullpicture's JSON output (pydantic v2).

Every annotation is anchored to ``start``/``end`` character offsets into the
normalized document text (``Analysis.text``).
"""

from fullpicture.models._base import (
    ANALYSIS_SCHEMA_ID,
    Analysis,
    Author,
    DocumentInfo,
    Offsets,
    Perspective,
    TimeAnchor,
    Zone,
    ZoneKind,
)
from fullpicture.models.entities import Entity, Geo, Mention, Timex
from fullpicture.models.events import Claim, ClaimCue, ClaimSource, Event, Figure, Trigger
from fullpicture.models.framing import FramingCue, FramingProfile

__all__ = [
    "ANALYSIS_SCHEMA_ID",
    "Analysis",
    "Author",
    "Claim",
    "ClaimCue",
    "ClaimSource",
    "DocumentInfo",
    "Entity",
    "Event",
    "Figure",
    "FramingCue",
    "FramingProfile",
    "Geo",
    "Mention",
    "Offsets",
    "Perspective",
    "TimeAnchor",
    "Timex",
    "Trigger",
    "Zone",
    "ZoneKind",
]
