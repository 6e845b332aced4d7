"""Calendar arithmetic on TIMEX3 values: parse a reference, shift it, format it."""

from __future__ import annotations

import calendar
import itertools
import re
from dataclasses import dataclass
from datetime import date, timedelta

# Granularities, coarse to fine: C (century), E (decade), Y, H (half), Q, S (season), M, W, D.
_REF_RE = re.compile(r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])|W(\d{1,2})|(SP|SU|FA|WI)))?(?:T.*)?$")
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


@dataclass(frozen=True)
class Ref:
    """A resolved point in time with the granularity it is known to."""

    day: date
    gran: str  # Y, H, Q, S, M, W or D

    @property
    def year(self) -> int:
        """Calendar year."""
        return self.day.year


_NUM = r"[0-3]?\d(?:st|nd|rd|th)?"  # a day number of a list ("7", "8th")


def parse_ref(value: str | None) -> Ref | None:
    """Parse a TIMEX3 / ISO value into a :class:`Ref` (None when not a calendar point)."""
    if not value:
        return None
    m = _REF_RE.match(value.strip())
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            return Ref(date(y, int(m.group(2)), int(m.group(3))), "D")
        if m.group(2):
            return Ref(date(y, int(m.group(2)), 1), "M")
        if m.group(4):
            return Ref(date(y, 3 * int(m.group(4)) - 2, 1), "Q")
        if m.group(5):
            return Ref(date(y, 1 if m.group(5) == "1" else 7, 1), "H")
        if m.group(6):
            return Ref(date.fromisocalendar(y, max(1, int(m.group(6))), 1), "W")
        if m.group(7):
            return Ref(date(y, _SEASON_MONTH[m.group(7)], 1), "S")
    except ValueError:
        return None
    return Ref(date(y, 1, 1), "Y")


def fmt(d: date, gran: str) -> str:
    """Format ``d`` as a TIMEX3 value at granularity ``gran``."""
    if gran == "D":
        return d.isoformat()
    if gran == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "W":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if gran == "WE":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}-WE"
    if gran == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "H":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if gran == "E":
        return f"{d.year // 10:03d}"
    if gran == "C":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` months, the day clamped to the month's length."""
    total = d.year * 12 + (d.month - 1) + n
    y, m = divmod(total, 12)
    if y < 1 or y > 9999:
        return d
    last = calendar.monthrange(y, m + 1)[1]
    return date(y, m + 1, min(d.day, last))


def shift(d: date, unit: str, n: int) -> date:
    """Move ``d`` by ``n`` units (D, W, M, Q, Y, E=decade, C=century)."""
    try:
        if unit == "D":
            return d + timedelta(days=n)
        if unit in ("W", "WE"):
            return d + timedelta(weeks=n)
        if unit == "M":
            return add_months(d, n)
        if unit == "Q":
            return add_months(d, 3 * n)
        if unit == "H":
            return add_months(d, 6 * n)
        if unit == "Y":
            return add_months(d, 12 * n)
        if unit == "E":
            return add_months(d, 120 * n)
        if unit == "C":
            return add_months(d, 1200 * n)
    except OverflowError:
        return d
    return d


def weekday_near(ref: date, weekday: int, direction: int) -> date:
    """The ``weekday`` (1=Mon) on or before ``ref`` (direction<0), on or after (>0), or nearest (0)."""
    delta = weekday - ref.isoweekday()
    if direction < 0:
        return ref + timedelta(days=delta - 7 if delta > 0 else delta)
    if direction > 0:
        return ref + timedelta(days=delta + 7 if delta < 0 else delta)
    if delta > 3:
        delta -= 7
    elif delta < -3:
        delta += 7
    return ref + timedelta(days=delta)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The ``n``-th ``weekday`` (1=Mon) of a month; ``n=-1`` is the last one."""
    days = [
        date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, d).isoweekday() == weekday
    ]
    if not days:
        return None
    try:
        return days[n - 1] if n > 0 else days[n]
    except IndexError:
        return None


def valid_day(year: int, month: int, day: int) -> bool:
    """True when year-month-day is a real calendar date."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def unit_gran(unit: str) -> str:
    """Granularity of a point named by a calendar unit (for "last month" -> M)."""
    return {"D": "D", "W": "W", "WE": "WE", "M": "M", "Q": "Q", "H": "H", "Y": "Y", "E": "E", "C": "C"}.get(unit, "D")


def year_near(full: Ref | None, month: int, day: int, days: int) -> int | None:
    """The year that puts a day-month written without a year within ``days`` days of the
    full date ``full`` the text last wrote (the year before or after it across New Year);
    None when ``full`` is None, ``days`` is 0 or no year puts it that close."""
    if full is None or days <= 0 or full.gran != "D":
        return None
    best: tuple[int, int] | None = None
    for y in (full.year, full.year - 1, full.year + 1):
        if valid_day(y, month, day):
            gap = abs((date(y, month, day) - full.day).days)
            if gap <= days and (best is None or gap < best[0]):
                best = (gap, y)
    return best[1] if best is not None else None


def day_list(text: str, start: int, end: int, value: str, joiners: str) -> tuple[int, int, str] | None:
    """A date written as the last of a list of days ("7, 8 and 9 May": the match "9 May" at
    ``start``) or the first ("May 7, 8 and 9": the match "May 7" ending at ``end``): the span
    of the expression and the value of the list's first day; None when no list is written there
    or the days do not rise. The span takes in the days written before the date; those after
    it stay out, as TimeML annotates "April 24 and 25" (its "April 24" alone). ``joiners``: the language's words that join the last two days
    ("and", "et", "и"; a regex alternation). A list names several days, no one of them the
    story's: the caller keeps it out of the narrative."""
    ref = parse_ref(value)
    if ref is None or ref.gran != "D":
        return None
    s0 = max(0, start - 48)
    before = re.search(rf"(?<![\w.,])((?:{_NUM}\s*,\s*)*{_NUM})\s*(?:,\s*(?:(?:{joiners})\s+)?|(?:{joiners})\s+)$",
                       text[s0:start], re.IGNORECASE)
    after = None if before is not None else re.match(
        rf"((?:\s*,\s*{_NUM})*\s*(?:,\s*)?(?:{joiners})\s+{_NUM})(?![\w,.]\d)\b", text[end : end + 48], re.IGNORECASE)
    found = before or after
    if found is None:
        return None
    days = [int(d) for d in re.findall(r"\d+", found.group(1))]
    seq = [*days, ref.day.day] if before is not None else [ref.day.day, *days]
    if any(b <= a for a, b in itertools.pairwise(seq)) or not valid_day(ref.day.year, ref.day.month, seq[0]):
        return None
    if before is not None:
        return s0 + before.start(1), end, f"{value[:8]}{seq[0]:02d}{value[10:]}"
    return start, end, value
