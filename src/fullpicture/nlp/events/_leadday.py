"""A report's lead told before any day: its act takes the day the report states for that act.

A report opens with its act told with no day ("Gunmen killed dozens in the village", "Russia
denied any role in the strike"); the day comes later ("The attack began on Friday evening").
Before any date is written the lead's mentions had the publication day (source ``published``),
the day most reports were written, not the act's: one happening split into the row of its stated
day and the row of the reports' days. A lead mention of a kind of act (``[events]
lead_act_types``) now takes the first day the same document states for the same act (its type
and its word: "the attack ... The attack began on Friday"), when that day lies from
``lead_act_min_days_before`` to ``lead_act_days_before`` days before the report's (older days are
recalled happenings; the day before the report is within the alignment's slack of the report's
day already); the date is approximate (source ``narrative``), never a stated one.
"""

from __future__ import annotations

from datetime import date, timedelta

from fullpicture.models import Event


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def lead_days(events: list[Event], report: str | None, types: frozenset[str], max_days: int,
              min_days: int = 1) -> list[Event]:
    """``events`` with each publication-dated act of ``types`` given the first day its document
    states for the same act (type and word; up to the ``report`` day, at most ``max_days`` before it), when
    that day lies ``min_days`` or more before the report's (``max_days`` 0: off)."""
    ref = _day(report)
    if ref is None or max_days <= 0 or not types:
        return events
    first: dict[tuple[str, str], date] = {}  # the first day stated for each act, up to the report's
    for ev in sorted(events, key=lambda e: e.trigger.start):
        day = _day(ev.date) if ev.date_source == "sentence" and ev.type in types else None
        if day is not None and ref - timedelta(days=max_days) <= day <= ref:
            first.setdefault(_act(ev), day)
    # a story set on the report's day or the day before is within the alignment's slack of it
    first = {k: d for k, d in first.items() if d <= ref - timedelta(days=max(min_days, 1))}
    if not first:
        return events
    return [ev.model_copy(update={"date": first[_act(ev)].isoformat(), "date_source": "narrative"})
            if ev.date_source == "published" and _act(ev) in first else ev for ev in events]


def _act(ev: Event) -> tuple[str, str]:
    """The act a mention names: its type and its word ("the attack ... the attack began on")."""
    return ev.type, (ev.trigger.lemma or ev.trigger.text).lower()
