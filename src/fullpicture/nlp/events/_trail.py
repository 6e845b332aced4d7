"""The narrative's reference times that a sentence without a date of its own inherits, and the
report's own day: the time layer's narrative dates without those of recalled or background
happenings (see :func:`narrative_trail`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from fullpicture.models import Timex
from fullpicture.nlp.events._args import token_positions
from fullpicture.nlp.events._asof import asof_date
from fullpicture.nlp.events._data import event_lexicon
from fullpicture.nlp.events._sentunits import _birth_date, _since_spans, _units, deadline_date


@lru_cache(maxsize=1)
def _reference_date_at() -> Callable[[Doc, int], Any] | None:
    try:
        from fullpicture.nlp.time import component as time_layer
    except Exception:  # noqa: BLE001 - the time layer may be mid-rewrite
        return None
    fn = getattr(time_layer, "reference_date_at", None)
    return fn if callable(fn) else None


def timex_positions(doc: Doc) -> list[tuple[int, str]]:
    """(token, TIMEX3 value) of the dates and times of a document (``*_REF`` values left out)."""
    items = [(t.start, t.end, str(t.value)) for t in (doc._.fp_timexes or [])
             if t.type in ("DATE", "TIME") and not str(t.value).endswith("_REF") and not _bare_clock(t)]
    return token_positions(doc, items)


_CLOCK = re.compile(r"^(?:(?:at|about|around|shortly|just|before|after|by)\s+)*(?:\d{1,2}(?:[:.]\d\d)?\s*"
                    r"(?:[ap]\.?\s?m\.?)?|noon|midnight|midday|\w+ o'clock)(?:\s+(?:local time|gmt|utc|[a-z]{3,4}))?$", re.I)


def _bare_clock(t: Timex) -> bool:
    """A time of day that names no day ("at midday", "at 4:43 a.m. local time"): its day is the
    time layer's guess from the reference date, which may be a reporting clause's ("said on
    Wednesday"), so it does not date an event."""
    return t.type == "TIME" and t.anchor != "explicit" and bool(_CLOCK.match(t.text.strip()))


def report_day(doc: Doc) -> str | None:
    """The reference time of a document (the time layer's: its publication date, or the one
    inferred for an undated text), else its publication date."""
    fn = _reference_date_at()
    if fn is not None:
        try:
            ref = fn(doc, -1)
            if ref:
                return str(ref)
        except Exception:  # noqa: BLE001
            pass
    info = doc._.fp_info
    pub = getattr(info, "published", None) if info is not None else None
    return str(pub)[:10] if pub else None


_LABEL_DEPS = frozenset({"nmod", "compound", "npadvmod", "amod", "nummod", "poss"})


def _names_a_happening(tok: Token) -> bool:
    """The date whose first token is ``tok`` is written before a happening's noun as its label
    ("Hamas' Oct. 7 attack", "the 2020 war"): it names a recalled happening, told by that noun,
    and is no time of the story the next sentences inherit."""
    root = tok
    for _ in range(4):  # the date's own head inside its words ("Oct." of "Oct. 7")
        if root.dep_ in _LABEL_DEPS and root.head.i > root.i and root.head.pos_ in ("NUM", "PROPN") \
                and root.head.i - tok.i <= 3:
            root = root.head
        else:
            break
    noun = root.head
    return (root.dep_ in _LABEL_DEPS and noun.i > root.i and noun.pos_ == "NOUN"
            and noun.lemma_.lower() in event_lexicon(tok.doc.lang_ or "en").nouns)


def narrative_trail(doc: Doc, future: bool = True, labels: bool = True,
                    label_days: int = 0, recall_days: int = -1, list_days: int = 0,
                    deadlines: bool = False, asofs: bool = False) -> list[tuple[int, str]]:
    """The time layer's narrative reference times without those set inside a "since ..." phrase,
    a relative clause or an "after/before ..." unit: such a date belongs to a recalled or
    background happening ("a claim Biden echoed in his meeting on Wednesday", "since the war
    began in February 2022") and does not move the story's time for the sentences after it.
    ``future`` False: also without the days after the report's day (:func:`report_day`) told by
    a weekday or a relative day: "the council will meet on Wednesday" tells a happening still to
    come, and the sentences after it tell the story's own time, not that day's. ``labels`` False:
    also without the dates written before a happening's noun as its label ("launched in response
    to the Oct. 7 attack": :func:`_names_a_happening`) that end at least ``label_days`` days
    before the report's day (a recalled happening; "the Nov. 8 election" in a report of Nov. 10
    still sets the story's time). ``recall_days`` >= 0: also without a date that ends at least
    that many days before the report's day in a text whose first date does not: a recalled
    happening told in passing ("the four, freed on Saturday, had been abducted on 9 November.
    They were found in two flats.") dates its own sentence, and the next sentences go on in the
    story's time; a retrospective (its first date an old one) keeps them all (:func:`_recalled`).
    ``list_days`` > 0: also without the dates of a sentence whose stated days lie at least that many
    days apart, each ``recall_days`` or more before the report's day: a list of several past happenings ("the first on 3 May 2019, the last on 9 June
    2020") dates each item by its own date, and the sentences after the list tell no item's day
    (:func:`_list_sentences`). ``deadlines``: also without a date right after a word that ends
    a span or sets a deadline ("held until 25 January": :func:`deadline_date`). ``asofs``: also
    without a date that dates a count ("as of 9 March, 4,200 had fled": :func:`asof_date`)."""
    day = None if future else report_day(doc)
    lists = _list_sentences(doc, list_days, max(recall_days, 0)) if list_days > 0 else set()
    ref = report_day(doc) if not labels else None
    recall_ref = report_day(doc) if recall_days >= 0 else None
    first: str | None = None  # the text's first date: an old one makes a retrospective
    # the timexes that name no day number ("Wednesday", "tomorrow"): resolved after the report's
    # day, they are scheduled; a written date after it ("on September 13" in a report dated the
    # 12th, a time zone apart) stays
    named = {t.start for t in (doc._.fp_timexes or []) if not any(ch.isdigit() for ch in t.text)} if day else set()
    # a clock time with no day of its own ("at 9:37 pm") took its day from the time layer's
    # narrative: a day left out below is none of its own either
    clocks = {t.start for t in (doc._.fp_timexes or []) if t.type == "TIME" and t.anchor == "narrative"}
    dropped: set[str] = set()
    out = []
    for off, value in doc._.fp_narrative or []:
        if off in clocks and str(value)[:10] in dropped:
            continue
        if recall_ref is not None:
            first = first or str(value)
            if _recalled(str(value), first, recall_ref, recall_days):
                continue
        if day is not None and off in named and _after(str(value), day):
            continue
        span = doc.char_span(off, off + 1, alignment_mode="expand")
        if span is None or not len(span):
            out.append((off, value))
            continue
        tok = span[0]
        if _birth_date(doc, tok.i):
            continue
        if tok.sent.start in lists or (deadlines and deadline_date(doc, tok.i)) or (asofs and asof_date(doc, tok.i)):
            dropped.add(str(value)[:10])
            continue
        if ref is not None and _before(str(value), ref, label_days) and _names_a_happening(tok):
            continue
        sent = tok.sent
        spans = [(a, b) for a, b, _ in _units(sent)] + _since_spans(sent, None)
        if not any(a <= tok.i < b for a, b in spans):
            out.append((off, value))
        else:
            dropped.add(str(value)[:10])
    return out


def _day_of(value: str) -> Any:
    """The first day of a TIMEX3 value naming a day or a month (None for anything else)."""
    from datetime import date

    try:
        if len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
            return date.fromisoformat(value[:10])
        if len(value) >= 7 and value[4:5] == "-" and value[5:7].isdigit():
            return date(int(value[:4]), int(value[5:7]), 1)
    except ValueError:
        return None
    return None


def _list_sentences(doc: Doc, days: int, old: int) -> set[int]:
    """The first tokens of the sentences whose stated days (or months) lie at least ``days`` days
    apart, each at least ``old`` days before the report's day: such a sentence lists several past
    happenings, none of whose days is the story's ("a note of last week says that on 2 March
    ..." names a recent day: no list)."""
    ref = report_day(doc)
    by_sent: dict[int, list[Any]] = {}
    for i, value in timex_positions(doc):
        d = _day_of(value)
        by_sent.setdefault(doc[i].sent.start, []).append(d if d is None or ref is None or _before(value, ref, old) else None)
    return {s for s, ds in by_sent.items()
            if len(ds) > 1 and None not in ds and (max(ds) - min(ds)).days >= days}


def _recalled(value: str, first: str, day: str, days: int) -> bool:
    """A narrative date ``value`` ends at least ``days`` days before the report's ``day`` while
    the text's first date ``first`` does not: a happening recalled in passing."""
    return _before(value, day, days) and not _before(first, day, days)


def _after(value: str, day: str) -> bool:
    """A narrative value (a day or a month) lies wholly after the day ``day`` (both ISO)."""
    n = 10 if len(value) >= 10 and value[7:8] == "-" else 7
    if len(value) < n or len(day) < n or not value[:4].isdigit():
        return False
    return value[:n] > day[:n]


def _before(value: str, day: str, days: int) -> bool:
    """A narrative value (a day, a month or a year) ends at least ``days`` days before the day
    ``day`` (ISO)."""
    from datetime import date, timedelta

    try:
        ref = date.fromisoformat(day[:10])
    except ValueError:
        return False
    cut = (ref - timedelta(days=days)).isoformat()
    if len(value) >= 10 and value[7:8] == "-":
        return value[:10] <= cut
    if len(value) >= 7 and value[4:5] == "-" and value[5:7].isdigit():
        return value[:7] < cut[:7]
    return value[:4].isdigit() and value[:4] < cut[:4]
