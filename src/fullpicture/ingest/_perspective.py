"""The declared perspective: user option, metadata, or the publisher's words in the text."""

from __future__ import annotations

from fullpicture.ingest._cues import load_cues
from fullpicture.models import Offsets, Perspective, Zone

# Declared statements are trusted only in these zones or near the start of the text.
_TRUSTED = ("editorial_note", "heading")
_LEAD_CHARS = 1500


def _label(raw: str) -> str:
    return " ".join(raw.split()).casefold()


def find_perspective(
    text: str, zones: list[Zone], user: str | None, metadata: str | None
) -> Perspective | None:
    """User option first, then metadata (both kept as given), then a statement such as
    "We present an X perspective" (label lower-cased: "armenian")."""
    if user and user.strip():
        return Perspective(label=" ".join(user.split()), origin="user")
    if metadata and metadata.strip():
        return Perspective(label=" ".join(metadata.split()), origin="metadata")
    regions = [(z.start, z.end) for z in zones if z.kind in _TRUSTED]
    regions.append((0, min(len(text), _LEAD_CHARS)))
    best = None
    for start, end in sorted(regions):
        for pattern in load_cues().perspective:
            m = pattern.search(text, start, end)
            if m and (best is None or m.start() < best.start()):
                best = m
    if best is None:
        return None
    return Perspective(
        label=_label(best.group("label")), origin="declared",
        evidence=Offsets(start=best.start(), end=best.end()),
    )
