"""Reference time of a document that carries no publication date.

A first tagging pass (without a DCT) finds the dates the text writes in full. A careful reader
takes the document's own "now" only from evidence that names it; in order of preference:

1. a **dateline**: a full date near the top of the text, introduced only by a place name,
   an agency tag or a "Published/Updated/Posted" label ("MOSCOW, March 3, 2021 —");
   then the **web address** the text came from, when its path carries a date
   (``https://example.com/2016/10/12/slug``, ``/2016-10-12-slug``, ``/2016/oct/12/slug``, a
   slug ending in ``-2016-10-12/``; ``/2016/10/slug`` gives the month): news sites write the
   publication day there;
2. a **publication label** anywhere ("Correction: October 2, 2016", "A version of this
   article appears in print on October 12, 2012", "Updated: ...");
3. a full date given **with its weekday**, the weekday agreeing with the date ("on Sunday,
   June 12, 2016"): news names weekdays only for days of the current week; or a full date
   called **today** ("Today, 3 March 2021"); the latest such outside future/modal clauses.

The latest fully written date of the narrative ("latest date") and the latest fully written
month ("latest month") are *not* used by default: on real dated news with the date withheld
(``eval/time_anchor.py``: PolNeAR dev, BASIL, TempEval-3) they were weeks to decades off in
most documents (historical asides, "Sept. 11, 2001", maturity dates). They stay available
through the ``[time] infer_from`` setting. Without an anchor, dates without a year still
follow the narrative (the story's last day or month; a year written just before), and
expressions relative to the time of writing resolve against the narrative or stay
underspecified (``XXXX-WXX-5``).

A year named alone ("the 1994 ceasefire") never becomes the reference. The chosen anchor and
its evidence are returned for the JSON (``document.time_anchor``, ``anchor: inferred``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
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
# a publication label right before a full date, anywhere in the text
_LABEL = re.compile(
    r"(?i)(?:\bcorrection|\bpublished|\bupdated|\bposted|\bappears?\s+in\s+print(?:\s+on)?|\bprinted(?:\s+on)?"
    r"|\bthis\s+(?:article|story|post)\s+was\s+(?:published|updated|posted)(?:\s+on)?)\s*(?:on|at)?\s*[:—–-]?\s*$"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_BEFORE = re.compile(r"(?i)\b(" + "|".join(_WEEKDAYS) + r")\s*,?\s*(?:the\s+)?$")
_WEEKDAY_AFTER = re.compile(r"(?i)^\s*[,(]?\s*(" + "|".join(_WEEKDAYS) + r")\b")
_TODAY_BEFORE = re.compile(r"(?i)\btoday\s*[,(—–-]?\s*(?:is\s+|,\s*)?$")

# a date in a web address's path: "/2016/10/12/", "/2016-10-12-slug", "/2016/oct/12/",
# a slug ending in its date ("/talks-collapse-2016-10-12/"); "/2016/10/slug" (month)
_URL_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_URL_DAY = re.compile(
    r"/((?:19|20)\d\d)([/-])(0?[1-9]|1[0-2]|" + "|".join(_URL_MONTHS) + r")\2(0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
    r"|[-_]((?:19|20)\d\d)-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])/?$", re.I)
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2]|" + "|".join(_URL_MONTHS) + r")/", re.I)
_URL = re.compile(r"(?i)^https?://[^/\s]+(/[^?#\s]*)")

DEFAULT_SOURCES = ("dateline", "url", "label", "weekday date", "today")


@dataclass(frozen=True)
class InferredAnchor:
    """The inferred reference time and the text that gave it."""

    ref: Ref
    value: str
    reason: str  # dateline | url | label | weekday date | today | latest date | latest month
    start: int | None  # offsets of the evidence in the text (None for a web address)
    end: int | None
    text: str


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else _URL_MONTHS.index(text.lower()) + 1


def url_anchor(source: str | None) -> InferredAnchor | None:
    """The day (or month) that the path of a web address ``source`` carries, if any.

    Only an http(s) address counts (a file name or corpus id with digits does not), and
    only a date between path separators ("/2016/10/12/", "/2016-10-12-slug", "/2016/oct/12/"),
    at the end of the last slug ("/talks-collapse-2016-10-12/"), or a year and month
    ("/2016/10/slug") for a month anchor."""
    m = _URL.match((source or "").strip())
    if m is None:
        return None
    path = m.group(1)
    day = _URL_DAY.search(path)
    value = None
    if day is not None:
        y, mo, d = (day.group(1), day.group(3), day.group(4)) if day.group(1) else (day.group(5), day.group(6), day.group(7))
        value = f"{y}-{_month_number(mo):02d}-{int(d):02d}"
    else:
        month = _URL_MONTH.search(path)
        if month is not None:
            value = f"{month.group(1)}-{_month_number(month.group(2)):02d}"
    ref = parse_ref(value) if value else None
    if ref is None or value is None:
        return None
    return InferredAnchor(ref, value, "url", None, None, source.strip() if source else "")


def _is_dateline(text: str, tx: Timex) -> bool:
    if tx.start > _DATELINE_WINDOW:
        return False
    line_start = text.rfind("\n", 0, tx.start) + 1
    return bool(_DATELINE_PREFIX.match(text[line_start : tx.start]))


def _weekday_agrees(text: str, tx: Timex, ref: Ref) -> bool:
    """The date is written with its own weekday ("Sunday, June 12, 2016", "June 12, 2016, Sunday")."""
    m = (_WEEKDAY_AFTER.match(tx.text) or _WEEKDAY_BEFORE.search(text[max(0, tx.start - 14) : tx.start])
         or _WEEKDAY_AFTER.match(text[tx.end : tx.end + 14]))
    return m is not None and _WEEKDAYS.index(m.group(1).lower()) == ref.day.weekday()


def infer_anchor(
    timexes: list[Timex], text: str, tense_at: Callable[[int], str | None],
    sources: Iterable[str] = DEFAULT_SOURCES, source: str | None = None,
) -> InferredAnchor | None:
    """The reference time of an undated document from its first-pass ``timexes``.

    ``tense_at(char)`` gives the tense of the clause at ``char`` (PAST, PRESENT, FUTURE,
    MODAL or None); ``sources`` names the kinds of evidence allowed (``DEFAULT_SOURCES``, plus
    "latest date" and "latest month"); ``source`` is where the text came from (a web address
    whose path carries a date is evidence "url")."""
    allowed = set(sources)
    from_url = url_anchor(source) if "url" in allowed else None
    pools: dict[str, list[tuple[Ref, Timex]]] = {k: [] for k in ("label", "weekday date", "today", "latest date", "latest month")}
    for tx in timexes:
        if tx.type not in ("DATE", "TIME") or tx.anchor != "explicit" or "X" in tx.value[:10]:
            continue
        ref = parse_ref(tx.value[:10])
        if ref is None or ref.gran not in ("D", "M"):
            continue
        if ref.gran == "D":
            if "dateline" in allowed and _is_dateline(text, tx):
                return InferredAnchor(ref, ref.day.isoformat(), "dateline", tx.start, tx.end, tx.text)
            if _LABEL.search(text[max(0, tx.start - 60) : tx.start]):
                pools["label"].append((ref, tx))
                continue
        if tense_at(tx.start) in ("FUTURE", "MODAL"):
            continue
        if ref.gran == "D" and _weekday_agrees(text, tx, ref):
            pools["weekday date"].append((ref, tx))
        elif ref.gran == "D" and _TODAY_BEFORE.search(text[max(0, tx.start - 12) : tx.start]):
            pools["today"].append((ref, tx))
        pools["latest date" if ref.gran == "D" else "latest month"].append((ref, tx))
    if from_url is not None:
        return from_url
    for reason in ("label", "weekday date", "today", "latest date", "latest month"):
        pool = pools[reason]
        if reason in allowed and pool:
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
