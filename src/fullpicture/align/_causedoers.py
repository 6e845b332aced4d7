"""Mentions of a row whose doer is another happening's: the cause a reprisal answers, an act
recalled from days before the row's own.

* **A cause** ("the raids came in response to Westland's ambush", "Eastland shelled the town
  after Westland fighters killed two guards", "en représailles à", "в ответ на"): a mention whose
  trigger lies in a unit of cause (:func:`._causeapart.cause_unit`, table ``conflict_agent_cause_table``
  of ``data/align/cause.toml``) while its sentence tells, outside any such unit, the act the unit
  explains (a mention of the agent types, no sufferer's word). The cause's doer did the earlier
  happening, not the row's act. A bare sequence word ("after", "après", "после") counts only when
  the act outside has a doer of its own, so that "two died after the Freedonian strike" keeps
  the strike's doer.
* **A recalled act** ("Westland's general was killed in a drone strike on 3 May", in the report
  of a reprisal of 8 May): a mention whose own sentence states a day more than
  ``conflict_agent_recalled_days`` before the row's day (the day most of the row's own-sentence
  dates state) tells an earlier happening; its doer is no agent value of the row.

* **An act of another day** (a row that holds a strike and the reprisal told days after it): with
  ``conflict_agent_core_days``, a mention of an act whose date, stated, narrative or its report's,
  lies wholly more than that many days from the row's core day (the day most of the row's acts
  are dated to, whatever the source) tells another happening; its doer is no agent value of the
  row, so that two acts' doers are never set against each other as one act's.

Phrases and days only, never whose words: both sides alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from fullpicture.align._causeapart import cause_unit
from fullpicture.align._dates import interval
from fullpicture.align._util import modal_day
from fullpicture.models import Analysis, Event


def _unit(a: Analysis, ev: Event, table: str) -> tuple[int, int] | None:
    sent = a.text[ev.evidence.start : ev.evidence.end]
    off = ev.evidence.start
    return cause_unit(sent, (ev.trigger.start - off, ev.trigger.end - off), a.document.language, table)


def told_as_cause(a: Analysis, ev: Event, types: set[str], sufferers: set[str], table: str,
                  reprisal_table: str = "reprisal") -> bool:
    """Whether ``ev`` is told as the cause of another act of its sentence (see the module
    docstring): its trigger in a unit of ``table``, an act of ``types`` outside every unit; with
    a unit no phrase of ``reprisal_table`` opens, that act must have a doer of its own that the
    mention does not have ("two died after the strike", "the jet crashed after it was hit": one
    happening)."""
    unit = _unit(a, ev, table)
    if unit is None:
        return False
    reprisal = table == reprisal_table or _unit(a, ev, reprisal_table) is not None
    off = ev.evidence.start
    for o in a.events:
        if o is ev or o.evidence.start != ev.evidence.start or o.type not in types:
            continue
        if (o.trigger.lemma or "").lower() in sufferers or unit[0] <= o.trigger.start - off < unit[1]:
            continue
        if _unit(a, o, table) is not None:
            continue
        if reprisal or set(o.agents) - set(ev.agents):
            return True
    return False


def row_day(members: Sequence[Any]) -> int | None:
    """The day (an ordinal) most of ``members`` state in their own sentence, None when none does."""
    days: Counter[int] = Counter()
    for m in members:
        iv = interval(m.event.date) if m.event.date_source == "sentence" else None
        if iv is not None and iv[0] == iv[1]:
            days[iv[0]] += 1
    return days.most_common(1)[0][0] if days else None


def recalled(ev: Event, day: int | None, gap: int) -> bool:
    """Whether ``ev``'s own sentence states a day ending more than ``gap`` days before ``day``."""
    if day is None or gap <= 0 or ev.date_source != "sentence":
        return False
    iv = interval(ev.date)
    return iv is not None and iv[1] < day - gap


def core_day(members: Sequence[Any], types: set[str]) -> int | None:
    """The day (an ordinal) most of the row's acts (mentions of ``types``) are dated to, by any
    source (ties: the earliest); None when no act has a one-day date."""
    days: Counter[int] = Counter()
    for m in members:
        iv = interval(m.event.date) if m.event.type in types else None
        if iv is not None and iv[0] == iv[1]:
            days[iv[0]] += 1
    return modal_day(days)


def off_core(ev: Event, day: int | None, gap: int) -> bool:
    """Whether ``ev``'s date (any source) lies wholly more than ``gap`` days from ``day``."""
    if day is None or gap <= 0:
        return False
    iv = interval(ev.date)
    return iv is not None and (iv[1] < day - gap or iv[0] > day + gap)
