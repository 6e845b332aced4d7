"""The date of a happening recalled by the time elapsed since it: "One year has passed since the
attack on the depot" in a report of 12 May 2021 tells an attack of 12 May 2020; "quatre ans se
sont écoulés depuis la frappe", "прошло два года с момента удара" likewise. The words are
language data (``[elapsed]`` of ``data/events/background*.toml``); a day stated beside the phrase
("Today, four years have passed since ...") dates the anniversary, not the happening.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from fullpicture._data import data_toml_lang


@lru_cache(maxsize=8)
def _patterns(language: str) -> tuple[list[re.Pattern[str]], dict[str, int], dict[str, str]]:
    """``(patterns, number word -> value, unit word -> unit)`` of ``language``."""
    data = data_toml_lang("events", "background.toml", language or "en").get("elapsed", {})
    numbers: dict[str, int] = {}
    for value, words in enumerate(data.get("numbers", [])):
        for w in str(words).split("|"):
            numbers[w.lower()] = value
    units = {w.lower(): unit for unit, words in data.get("units", {}).items() for w in words}
    if not units:
        return [], numbers, units

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    n = rf"(?P<n>\d{{1,3}}|{alt(list(numbers))})"
    u = rf"(?P<u>{alt(list(units))})\b"
    pats = [re.compile(p.replace("{n}", n).replace("{u}", u), re.I) for p in data.get("patterns", [])]
    return pats, numbers, units


def _back(day: dt.date, count: int, unit: str) -> dt.date:
    """``day`` minus ``count`` units (the same day of the month, or the month's last)."""
    if unit == "day":
        return day - dt.timedelta(days=count)
    if unit == "week":
        return day - dt.timedelta(weeks=count)
    months = day.year * 12 + day.month - 1 - (count * 12 if unit == "year" else count)
    y, m = divmod(months, 12)
    return dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


def elapsed_date(doc: Doc, trig: Token, sent: Span, reference: str | None) -> str | None:
    """The day of a happening told after "N units have passed since" in its sentence, counted
    back from ``reference`` (the report's day, ``YYYY-MM-DD``), or ``None``."""
    if not reference:
        return None
    pats, numbers, units = _patterns(doc.lang_ or "en")
    if not pats:
        return None
    text = sent.text
    at = trig.idx - sent.start_char
    best: re.Match[str] | None = None
    for pat in pats:
        for m in pat.finditer(text, 0, at):
            if m.end() <= at and (best is None or m.end() > best.end()):
                best = m
    if best is None:
        return None
    word = (best.groupdict().get("n") or "").lower()
    count = int(word) if word.isdigit() else numbers.get(word, 1) if word else 1
    unit = units.get(best.group("u").lower())
    try:
        day = dt.date.fromisoformat(reference[:10])
    except ValueError:
        return None
    if unit is None or count <= 0:
        return None
    return _back(day, count, unit).isoformat()
