"""Date conflicts: sides whose stated days of one happening cannot be the same day."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from fullpicture.align._dates import interval
from fullpicture.align._incident_lex import setting_lemmas
from fullpicture.align._rowmembers import _UNREAL, Member
from fullpicture.align._util import claim_by_id, published_day
from fullpicture.models import Analysis, Event
from fullpicture.models.comparison import Conflict, ConflictValue


def _sides_clash(
    values: dict[str, list[ConflictValue]],
    differ: Callable[[list[ConflictValue], list[ConflictValue]], bool],
) -> bool:
    sides = list(values)
    return any(differ(values[s], values[t]) for i, s in enumerate(sides) for t in sides[i + 1 :])


@functools.lru_cache(maxsize=1)
def _told_about_types() -> frozenset[str]:
    from fullpicture._data import data_toml

    data = data_toml("events", "incidents.toml").get("told_about", {})
    return frozenset(t.upper() for t in data.get("types", []))


# words that open the content of a reported claim ("said that", "a indiqué que", "заявил, что")
_CONTENT_OPENER = re.compile(r"(?i)\b(?:that|que|qu['’]|что)\b|[:«“\"]")


def _reporting_day(a: Analysis, ev: Event, tx_start: int, tx_end: int) -> bool:
    """The day belongs to the reporting clause of the claim the mention sits in, not to the
    happening: outside the claim's content, or between the speaker's verb and its content ("X
    said Wednesday that three were killed", "Mercredi, la présidence a indiqué que ...")."""
    if ev.source is None:
        return False
    claim = claim_by_id(a, ev.source)
    if claim is None or not (claim.start <= ev.trigger.start < claim.end):
        return False
    cue = claim.cue
    if cue is None:
        return False
    if not (claim.start <= tx_start < claim.end):  # the speaker's verb between the day and the content
        lo, hi = (tx_end, claim.start) if tx_end <= claim.start else (claim.end, tx_start)
        return lo <= cue.start and cue.end <= hi and not re.search(r"[.!?]\s", a.text[lo:hi])
    if ev.trigger.start < cue.end:
        return False  # the content comes first ("Three died on Monday, police said")
    if tx_start >= cue.end:  # "said Wednesday that": the day right after the verb
        between = a.text[cue.end : tx_start]
        return tx_end <= ev.trigger.start and len(between) <= 20 and not _CONTENT_OPENER.search(between)
    between = a.text[tx_end : cue.start]  # "On Wednesday, the ministry said that ..."
    return not _CONTENT_OPENER.search(between) and not re.search(r"[.!?]\s", between)


def _date_conflict(members: Sequence[Member], slack_days: int = 0, max_days: int = 0,
                   denied_chars: int = 0) -> Conflict | None:
    """Sides whose stated days of the happening cannot be the same day. Two dates more than
    ``max_days`` apart (0: no limit) are two happenings told in one row (a sinking "in April"
    recalled in the report of a January strike), not a disagreement on when: such a pair neither
    clashes nor agrees. A happening told as staged or fake (a word of ``[denied]`` of
    ``data/align/recall.toml`` at most ``denied_chars`` characters from its trigger) on its
    report's day or the day before gives no value: that day is the denial's."""
    per_side: dict[str, list[ConflictValue]] = {}
    report_day: dict[int, int] = {}
    for m in members:
        if not m.event.date or interval(m.event.date) is None:
            continue
        if (m.event.trigger.lemma or "").lower() in setting_lemmas():
            continue  # a war lasts: the day it began and a later day are both its days
        if m.event.date_source not in (None, "sentence"):
            continue  # inherited dates (narrative, publication) are not the side's statement
        if m.event.modality in _UNREAL:
            continue  # "if the police do not leave by Wednesday": no happening whose day is told
        if (m.event.type or "").upper() in _told_about_types():
            continue  # an accusation's, a denial's or a statement's day is its own, not the happening's
        if denied_chars > 0 and _denial_day(m, denied_chars):
            continue  # "the attack on Marlow, staged, the ministry said on Monday": the denial's day
        tx = next((t for t in m.analysis.timexes if t.value == m.event.date
                   and m.event.evidence.start <= t.start < m.event.evidence.end), None)
        if tx is not None and _reporting_day(m.analysis, m.event, tx.start, tx.end):
            continue  # "Algeria said Wednesday that three were killed": the day of the saying
        cv = ConflictValue(
            side=m.side,
            value=m.event.date,
            document=m.analysis.document.id,
            claim=m.event.source,
            start=tx.start if tx else m.event.trigger.start,
            end=tx.end if tx else m.event.trigger.end,
        )
        pub = interval(published_day(m.analysis))
        if pub:
            report_day[id(cv)] = pub[0]
        per_side.setdefault(m.side, []).append(cv)

    def differ(a: list[ConflictValue], b: list[ConflictValue]) -> bool:
        # sides clash when no date of one is compatible with any date of the other
        near = False
        for x in a:
            ix = interval(x.value)
            for y in b:
                iy = interval(y.value)
                if ix and iy and ix[0] <= iy[1] and iy[0] <= ix[1]:
                    return False
                if ix and iy and (_report_day_after(x, ix, iy) or _report_day_after(y, iy, ix)):
                    return False
                near = near or not (max_days > 0 and ix and iy and max(ix[0] - iy[1], iy[0] - ix[1]) > max_days)
        return near

    def _report_day_after(x: ConflictValue, ix: tuple[int, int], iy: tuple[int, int]) -> bool:
        # a day on (or the day before) its article's publication and at most ``slack_days`` after
        # the other date: the report's own day told with the happening ("said on Wednesday")
        pub = report_day.get(id(x))
        return pub is not None and ix[0] == ix[1] and pub - 1 <= ix[0] <= pub and 0 < ix[0] - iy[1] <= slack_days

    if len(per_side) > 1 and _sides_clash(per_side, differ):
        return Conflict(field="date", values=[v for vs in per_side.values() for v in vs])
    return None


def _denial_day(m: Member, reach: int) -> bool:
    """Whether ``m`` is a happening told as staged or fake whose day is its report's day or the
    day before (the denial's day, not the happening's)."""
    from fullpicture.align._recallmark import recall_marker

    ev, a = m.event, m.analysis
    own, pub = interval(ev.date or ""), interval(published_day(a))
    if own is None or pub is None or not (pub[0] - 1 <= own[0] and own[1] <= pub[1]):
        return False
    sent = a.text[ev.evidence.start : ev.evidence.end]
    at = (ev.trigger.start - ev.evidence.start, ev.trigger.end - ev.evidence.start)
    return recall_marker(sent, at, a.document.language, reach) == "denied"
