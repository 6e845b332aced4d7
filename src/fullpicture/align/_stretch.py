"""A stretch of days stated around a date keys the mentions it dates.

"The army said it had killed the fighters between May 4 and 9", "l'opération qui a eu lieu du 4
au 9 mai", "с 4 по 9 мая": the time layer reads one day of such a stretch (the last in "du 4 au 9
mai", the first in "between May 4 and 9"), and the mentions dated by it (in its sentence, or
after it by the narrative's reference time) take that one day. A report of the operation's first
day and one of its last then hold days apart, and one happening becomes two rows. Here such a
mention is keyed by the whole stretch: its interval runs from the stretch's first day to its last,
so that it meets a mention of any of its days. The day shown and the date conflicts read the
mention's own date, unchanged.

A stretch is one of (the phrases of ``data/align/stretch.toml``, per language):

* an opener just before a date, holding the first day: "du 4 au [9 mai]", "from 4 to [9 May]",
  "4-[9 мая]" (a dash: French, Russian and Ukrainian);
* a lead just before a date and a closer just after it, holding the last day: "between [May 4]
  and 9";
* a lead, a date, a joiner and a second date: "from [May 4] to [May 9]".

Its days run forward and over at most ``incident_stretch_max_days`` days (0: off). Words only,
both sides alike.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from fullpicture._data import data_toml
from fullpicture.align._dates import interval
from fullpicture.models import Analysis, Event

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# characters read before a date for an opener or a lead, after it for a closer
_BEFORE_CHARS = 40
_AFTER_CHARS = 24


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, re.Pattern[str]]]:
    data = data_toml("align", "stretch.toml")
    return {name: {lang: re.compile(p, re.I) for lang, p in data.get(name, {}).items()}
            for name in ("opener", "dash", "lead", "closer", "joiner")}


def _with_day(day: int, value: str) -> int | None:
    """The ordinal of day ``day`` of the month of the day value ``value`` (None: no such day)."""
    m = _DAY.match(value)
    if m is None:
        return None
    iv = interval(f"{m[1]}-{m[2]}-{day:02d}") if 1 <= day <= 31 else None
    return iv[0] if iv else None


def stretches(a: Analysis, max_days: int) -> dict[int, tuple[int, int]]:
    """``timex start -> (first day, last day)`` of each day date of ``a`` told as a day of a
    stated stretch (module docstring); empty when ``max_days`` is 0 or the language has no
    phrases."""
    if max_days <= 0:
        return {}
    lang = (a.document.language or "en").split("-")[0].lower()
    tabs = {name: tab.get(lang) for name, tab in _tables().items()}
    if not any(tabs.values()):
        return {}
    text = a.text
    days = sorted((t for t in a.timexes if t.type == "DATE" and _DAY.match(t.value)), key=lambda t: t.start)
    out: dict[int, tuple[int, int]] = {}

    def keep(starts: tuple[int, ...], first: int | None, last: int | None) -> None:
        if first is not None and last is not None and 0 < last - first <= max_days:
            for s in starts:
                out[s] = (first, last)

    openers = [p for p in (tabs["opener"], tabs["dash"]) if p is not None]
    lead, closer, joiner = tabs["lead"], tabs["closer"], tabs["joiner"]
    for k, t in enumerate(days):
        own = interval(t.value)
        if own is None:
            continue
        before = text[max(0, t.start - _BEFORE_CHARS):t.start]
        m = next((m for p in openers if (m := p.search(before))), None)
        if m is not None:
            keep((t.start,), _with_day(int(m["first"]), t.value), own[0])
            continue
        if lead is None or not lead.search(before):
            continue
        nxt = days[k + 1] if k + 1 < len(days) else None
        if nxt is not None and joiner is not None and joiner.match(text[t.end:nxt.start]):
            other = interval(nxt.value)
            keep((t.start, nxt.start), own[0], other[0] if other else None)
            continue
        m = closer.match(text[t.end:t.end + _AFTER_CHARS]) if closer is not None else None
        # (a date of its own after the closer's day: two dates, not a closer)
        if m is not None and (nxt is None or nxt.start >= t.end + m.end()):
            keep((t.start,), own[0], _with_day(int(m["last"]), t.value))
    return out


def stretch_of(a: Analysis, ev: Event, found: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    """The stretch that dates ``ev`` (``found``: :func:`stretches` of ``a``): a stretch's date of
    its own sentence that holds its date,
    else, when its date is the narrative's, the last date before its sentence, if that date holds
    its date and is a stretch's. None: none."""
    if not found or not ev.date or ev.date_source not in ("sentence", "narrative"):
        return None
    if ev.date_source == "sentence":
        for t in a.timexes:
            if ev.evidence.start <= t.start < ev.evidence.end and t.value == ev.date and t.start in found:
                return found[t.start]
        return None
    tx = sorted((t for t in a.timexes if t.type == "DATE" and _DAY.match(t.value)), key=lambda t: t.start)
    k = bisect_left([t.start for t in tx], ev.evidence.start) - 1
    return found.get(tx[k].start) if k >= 0 and tx[k].value == ev.date else None
