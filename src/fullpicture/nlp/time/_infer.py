"""Reference time of a document that carries no publication date.

A first tagging pass (without a DCT) finds the dates the text writes in full. The reference
time is then, in order of preference:

1. a **dateline**: a full date near the top of the text, introduced only by a place name,
   an agency tag or a "Published/Updated/Posted" label ("MOSCOW, March 3, 2021 —");
2. the **latest fully specified date of the narrative** (day, month and year written out),
   leaving out dates in future or modal clauses ("the treaty expires on 5 March 2031");
3. failing both, the latest fully written month ("in March 2021").

A year named alone ("the 1994 ceasefire") never becomes the reference, so a historical aside
cannot pull the document's undated "May 3" into its year. The chosen anchor and its evidence
are returned for the JSON (``document.time_anchor``, ``anchor: inferred``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from fullpicture.models import Timex
from fullpicture.nlp.time._calendar import Ref, parse_ref

_DATELINE_WINDOW = 250
# what may stand before a dateline's date on its line: a place in capitals, an agency tag,
# a label; nothing that reads like a sentence
_DATELINE_PREFIX = re.compile(
    r"^\s*(?:(?i:published|updated|posted|date|dated|last updated|first published)\s*(?:on|:)?\s*"
    r"|[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?(?:\s*\([A-Za-z .]{2,20}\))?\s*[,:—–-]?\s*"
    r"|\([A-Za-z .]{2,20}\)\s*[,:—–-]?\s*)?$"
)


@dataclass(frozen=True)
class InferredAnchor:
    """The inferred reference time and the text that gave it."""

    ref: Ref
    value: str
    reason: str  # dateline | latest date | latest month
    start: int
    end: int
    text: str


def _is_dateline(text: str, tx: Timex) -> bool:
    if tx.start > _DATELINE_WINDOW:
        return False
    line_start = text.rfind("\n", 0, tx.start) + 1
    return bool(_DATELINE_PREFIX.match(text[line_start : tx.start]))


def infer_anchor(timexes: list[Timex], text: str, tense_at: Callable[[int], str | None]) -> InferredAnchor | None:
    """The reference time of an undated document from its first-pass ``timexes``.

    ``tense_at(char)`` gives the tense of the clause at ``char`` (PAST, PRESENT, FUTURE,
    MODAL or None)."""
    days: list[tuple[Ref, Timex]] = []
    months: list[tuple[Ref, Timex]] = []
    for tx in timexes:
        if tx.type not in ("DATE", "TIME") or tx.anchor != "explicit" or "X" in tx.value[:10]:
            continue
        ref = parse_ref(tx.value[:10])
        if ref is None or ref.gran not in ("D", "M"):
            continue
        if ref.gran == "D" and _is_dateline(text, tx):
            return InferredAnchor(ref, ref.day.isoformat(), "dateline", tx.start, tx.end, tx.text)
        if tense_at(tx.start) in ("FUTURE", "MODAL"):
            continue
        (days if ref.gran == "D" else months).append((ref, tx))
    for pool, reason in ((days, "latest date"), (months, "latest month")):
        if pool:
            ref, tx = max(pool, key=lambda p: (p[0].day, -p[1].start))
            value = ref.day.isoformat() if ref.gran == "D" else ref.day.isoformat()[:7]
            return InferredAnchor(ref, value, reason, tx.start, tx.end, tx.text)
    return None


def latest_day(timexes: list[Timex], tense_at: Callable[[int], str | None]) -> tuple[Ref, Timex] | None:
    """The latest day-level date of a tagged text outside future/modal clauses."""
    best: tuple[Ref, Timex] | None = None
    for tx in timexes:
        if tx.type not in ("DATE", "TIME") or tx.anchor == "none" or "X" in tx.value[:10]:
            continue
        ref = parse_ref(tx.value[:10])
        if ref is None or ref.gran != "D" or tense_at(tx.start) in ("FUTURE", "MODAL"):
            continue
        if best is None or ref.day > best[0].day:
            best = (ref, tx)
    return best
