"""Omissions (blindspots): events some sides report and others leave out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fullpicture.align._conflicts import Member
from fullpicture.models.comparison import Omission


def salience(members: Sequence[Member], cfg: dict[str, Any]) -> float:
    """How much the reporting sides make of an event.

    ``mentions + evidence characters / salience_chars_per_unit``, summed over the
    reporting documents (each distinct evidence sentence counted once per document), so
    an event described at length, or in many places, ranks high.
    """
    unit = float(cfg.get("salience_chars_per_unit", 250)) or 250.0
    spans: dict[str, set[tuple[int, int]]] = {}
    for m in members:
        spans.setdefault(m.analysis.document.id, set()).add(
            (m.event.evidence.start, m.event.evidence.end)
        )
    chars = sum(e - s for doc in spans.values() for s, e in doc)
    return round(len(members) + chars / unit, 3)


def find_omissions(
    event_id: str, members: Sequence[Member], side_labels: Sequence[str], cfg: dict[str, Any]
) -> Omission | None:
    """The omission record of one aligned event, or None when every side reports it."""
    reported = [s for s in side_labels if any(m.side == s for m in members)]
    missing = [s for s in side_labels if s not in reported]
    if not reported or not missing:
        return None
    return Omission(
        event=event_id, reported_by=reported, missing_from=missing, salience=salience(members, cfg)
    )
