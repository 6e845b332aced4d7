"""Granularity-aware date intervals from TIMEX3 values.

``"2023-09"`` covers the whole month, so it is compatible with ``"2023-09-19"``;
``"2023-09-19"`` and ``"2023-09-21"`` are not. Values that cannot be placed on the
calendar (``XXXX-07-14``, ``PRESENT_REF``, durations) give ``None`` (unknown).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def _ordinal(y: int, m: int, d: int) -> int:
    while m > 12:
        y, m = y + 1, m - 12
    return dt.date(y, m, d).toordinal()


def _month_end(y: int, m: int) -> int:
    while m > 12:
        y, m = y + 1, m - 12
    return dt.date(y, m, calendar.monthrange(y, m)[1]).toordinal()


@functools.lru_cache(maxsize=65536)
def interval(value: str | None) -> tuple[int, int] | None:
    """Closed day-ordinal interval ``(first, last)`` a TIMEX3 value covers, or ``None``."""
    if not value:
        return None
    v = value.strip().upper()
    try:
        if m := _DAY.match(v):
            o = _ordinal(int(m[1]), int(m[2]), int(m[3]))
            return (o, o)
        if m := _MONTH.match(v):
            y, mo = int(m[1]), int(m[2])
            return (_ordinal(y, mo, 1), _month_end(y, mo))
        if m := _WEEK.match(v):
            first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1).toordinal()
            return (first, first + 6)
        if m := _SEASON.match(v):
            y = int(m[1])
            a, b = _SEASONS[m[2]]
            return (_ordinal(y, a, 1), _month_end(y, b))
        if m := _QUARTER.match(v):
            y, q = int(m[1]), int(m[2])
            return (_ordinal(y, 3 * q - 2, 1), _month_end(y, 3 * q))
        if m := _HALF.match(v):
            y, h = int(m[1]), int(m[2])
            return (_ordinal(y, 6 * h - 5, 1), _month_end(y, 6 * h))
        if m := _YEAR.match(v):
            y = int(m[1])
            return (_ordinal(y, 1, 1), _ordinal(y, 12, 31))
        if m := _DECADE.match(v):
            y = int(m[1]) * 10
            return (_ordinal(y, 1, 1), _ordinal(y + 9, 12, 31))
    except ValueError:
        return None
    return None


def compatible(a: str | None, b: str | None) -> bool | None:
    """True when the two values can denote the same time, False when they cannot, None if unknown."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return None
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def gap_days(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int | None:
    """Days between two intervals (0 when they overlap), None if either is unknown."""
    if a is None or b is None:
        return None
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def granularity(value: str | None) -> int:
    """Width of the interval in days (smaller = more specific); a large number if unknown."""
    iv = interval(value)
    return 10**9 if iv is None else iv[1] - iv[0] + 1
