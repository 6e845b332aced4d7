"""The time grammar for languages other than English, driven by ``data/time/<lang>.toml``.

Each language file lists its calendar words (months in every case form news uses, weekdays,
number words, units, relative days and periods, parts of the day) and a list of rules:
regular expressions with ``{placeholders}`` for those word lists and named groups that this
module interprets by the rule's ``kind`` (the file is loaded by :mod:`._intl_grammar`).
Values follow TIMEX3; expressions relative to the time of writing resolve against the
publication date, anaphoric ones ("le lendemain", "на следующий день", "через два дня")
against the story's current date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from fullpicture.models import Timex
from fullpicture.nlp.time._calendar import (
    Ref,
    day_list,
    fmt,
    parse_ref,
    shift,
    valid_day,
    weekday_near,
    year_near,
)
from fullpicture.nlp.time._intl_grammar import IntlGrammar
from fullpicture.nlp.time._intl_grammar import load_grammar as load_grammar  # re-exported
from fullpicture.nlp.time._recall import load_recall, recall_years


@dataclass
class _State:
    dct: Ref | None
    narr: Ref | None = None
    narr_written: bool = False  # ``narr``'s year was written (or taken from a written one)
    told: Ref | None = None  # the last time the text named, of any granularity ("в 1991 году")
    full: Ref | None = None  # the last full date written, if no year was written since
    full_days: int = 0  # a bare "10 octobre" this close to ``full`` takes its year (0: off)
    past_days: int = 31  # a bare date further than this after publication is last year's (< 0: off)
    text: str = ""
    future: re.Pattern[str] | None = None
    until: re.Pattern[str] | None = None
    pos: int = 0  # offset of the expression being resolved


Result = tuple[str, str, str, str | None]  # type, value, anchor, mod


def _num(g: IntlGrammar, text: str | None) -> int | None:
    if not text:
        return 1
    if text.isdigit():
        return int(text)
    v = g.get("numbers", text)
    return None if v is None or v < 0 else int(v)


def _base(st: _State, narrative: bool) -> tuple[date | None, str]:
    if narrative and st.narr is not None:
        return st.narr.day, "narrative"
    if st.dct is not None:
        return st.dct.day, "published"
    if st.narr is not None:
        return st.narr.day, "narrative"
    return None, "none"


def _year_for(st: _State, month: int, day: int = 1) -> tuple[int | None, str]:
    """The year of a date written without one: that of the last full date written when it
    falls within ``full_days`` of it, else the story's year, else the publication's; in the
    last two cases the year before when the date would lie more than ``past_days`` after the
    publication day and its sentence tells nothing to come (:func:`_tells_future`): a report
    of June that recalls "le 9 novembre" with no year and no full date before it means last
    November, whatever day of this June its story is set on."""
    near = year_near(st.full, month, day, st.full_days)
    if near is not None:
        return near, "narrative"
    if st.narr is not None and st.narr_written:
        y = st.narr.year
        # the story's year is the publication's only by its days (a weekday, "hier", a bare
        # date): it says nothing of a date months after them
        if st.dct is not None and y == st.dct.year and st.narr.day <= st.dct.day + timedelta(days=max(st.past_days, 0)) \
                and _after_publication(st, y, month, day):
            y -= 1
        return y, "narrative"
    if st.dct is None:
        return None, "none"
    y = st.dct.year
    if _after_publication(st, y, month, day):
        y -= 1
    return y, "published"


def _after_publication(st: _State, year: int, month: int, day: int) -> bool:
    """``year-month-day`` lies more than ``past_days`` after the publication day, in a sentence
    that tells nothing to come."""
    if st.dct is None or st.past_days < 0:
        return False
    try:
        if date(year, month, day) <= st.dct.day + timedelta(days=st.past_days):
            return False
    except ValueError:
        return False
    return not _tells_future(st) and not _is_term(st)


def _is_term(st: _State) -> bool:
    """The expression at ``st.pos`` follows a word that makes it a term ("до", "jusqu'au")."""
    return st.until is not None and st.until.search(st.text, max(0, st.pos - 24), st.pos) is not None


_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”)]*\s+|\n")


def _tells_future(st: _State) -> bool:
    """The sentence holding the expression at ``st.pos`` has a word of something to come
    (the language's ``[future] words``: "prévu", "aura lieu", "состоится", "планируется")."""
    if st.future is None or not st.text:
        return False
    text, pos = st.text, st.pos
    start = 0
    for m in _SENTENCE_END.finditer(text, max(0, pos - 400), pos):
        start = m.end()
    end_m = _SENTENCE_END.search(text, pos)
    end = end_m.start() if end_m is not None else len(text)
    return st.future.search(text, start, end) is not None


def _mod(g: IntlGrammar, m: re.Match[str]) -> str | None:
    raw = (m.groupdict().get("mod") or "").lower().strip()
    if not raw:
        return None
    for key, code in (("start", "START"), ("end", "END"), ("mid", "MID")):
        if re.fullmatch(g.words.get("_frag", {}).get(key, "$^"), raw):
            return code
    return None


def _h_date(g: IntlGrammar, m: re.Match[str], st: _State, kind: str) -> Result | None:
    gd = m.groupdict()
    month = int(gd["mon"]) if gd.get("mon") else int(g.get("months", gd["month"]))
    if kind == "month":
        if gd.get("year"):
            return "DATE", f"{int(gd['year']):04d}-{month:02d}", "explicit", _mod(g, m)
        y, anchor = _year_for(st, month)
        return "DATE", (f"{y:04d}" if y else "XXXX") + f"-{month:02d}", anchor, _mod(g, m)
    day = 1 if gd["day"].lower() == "1er" else int(gd["day"])
    if gd.get("year"):
        y, anchor = int(gd["year"]), "explicit"
    else:
        yy, anchor = _year_for(st, month, day)
        if yy is None:
            return ("DATE", f"XXXX-{month:02d}-{day:02d}", "none", None) if 1 <= day <= 31 else None
        y = yy
    if not valid_day(y, month, day):
        return None
    return "DATE", f"{y:04d}-{month:02d}-{day:02d}", anchor, None


def _h_relative(g: IntlGrammar, m: re.Match[str], st: _State, kind: str) -> Result | None:
    gd = m.groupdict()
    if kind == "year":
        return "DATE", f"{int(gd['year']):04d}", "explicit", None
    if kind in ("relday", "thispod"):
        offset = 0 if kind == "thispod" else int(g.get("relative_days", gd["rel"]))
        pod = g.get("this_pod", gd["phrase"]) if kind == "thispod" else (g.get("parts_of_day", gd["pod"]) if gd.get("pod") else None)
        base, anchor = _base(st, narrative=False)
        if base is None:
            return None
        d = base + timedelta(days=offset)
        return ("TIME", f"{d.isoformat()}T{pod}", anchor, None) if pod else ("DATE", d.isoformat(), anchor, None)
    if kind == "relperiod":
        code = str(g.get("relative_periods", gd["phrase"]))
        unit, n = re.fullmatch(r"([A-Z]+)(-?\d+)", code).groups()  # type: ignore[union-attr]
        base, anchor = _base(st, narrative=False)
        if base is None:
            return None
        return "DATE", fmt(shift(base, unit, int(n)), unit), anchor, None
    if kind == "narrday":
        base, anchor = _base(st, narrative=True)
        if base is None:
            return None
        return "DATE", (base + timedelta(days=int(g.get("narrative_days", gd["phrase"])))).isoformat(), anchor, None
    if kind == "weekday":
        if g.habitual and not gd.get("next") and not gd.get("last") and _habitual(g, m):
            return None  # "le vendredi, jour de foire": on Fridays, no day
        wd = int(g.get("weekdays", gd["wd"]))
        base, anchor = _base(st, narrative=False)
        pod = g.get("parts_of_day", gd["pod"]) if gd.get("pod") else None
        if base is None:  # no date to count from: the weekday alone, as the English grammar gives it
            return ("TIME", f"XXXX-WXX-{wd}T{pod}", "none", None) if pod else ("DATE", f"XXXX-WXX-{wd}", "none", None)
        if gd.get("next"):
            d = weekday_near(base + timedelta(days=1), wd, 1)
        elif gd.get("last"):
            d = weekday_near(base - timedelta(days=1), wd, -1)
        elif g.forward is not None and g.forward.search(m.string[max(0, m.start() - 16) : m.start()]) \
                and _tells_future(st):
            d = weekday_near(base, wd, 1)  # "seront ouverts à partir de lundi": the next Monday
        elif _story_today(st, base, wd):
            d = base + timedelta(days=1)  # "un deuil samedi" after a story told of this Friday
        else:  # news tells the past: the last such day on or before publication
            d = weekday_near(base, wd, -1)
        return ("TIME", f"{d.isoformat()}T{pod}", anchor, None) if pod else ("DATE", d.isoformat(), anchor, None)
    return None


def _story_today(st: _State, base: date, wd: int) -> bool:
    """The text has set its story on the publication day ``base`` (its last day told is that
    day: "tuées vendredi" in a Friday report) and the weekday ``wd`` is the next day's: read
    back, it would lie six days before the story, which a report of the day names with a word
    of the past ("samedi dernier"); alone it is the coming day (a day of mourning, a funeral)."""
    return st.narr is not None and st.narr.gran == "D" and st.narr.day == base \
        and (base + timedelta(days=1)).isoweekday() == wd


def _abbreviation_dot(g: IntlGrammar, m: re.Match[str], end: int) -> int:
    """``end`` without the dot after a month written in full ("le 9 juin."): only an abbreviated
    month ("janv.", a strict beginning of another name of that month) keeps its dot."""
    gd = m.groupdict()
    word = (gd.get("month") or "").lower()
    if not word or m.end("month") != end - 1 or m.string[end - 1] != ".":
        return end
    months = g.words["months"]
    short = any(k != word and k.startswith(word) and months[k] == months.get(word) for k in months)
    return end if short else end - 1


def _habitual(g: IntlGrammar, m: re.Match[str]) -> bool:
    """The weekday of ``m`` follows a word of a habit (French "le": "le vendredi", on Fridays)."""
    before = re.search(r"(\w+)\s+$", m.string[max(0, m.start() - 12) : m.start()])
    return before is not None and before.group(1).lower() in g.habitual


def _h_span(g: IntlGrammar, m: re.Match[str], st: _State, kind: str) -> Result | None:
    gd = m.groupdict()
    n = _num(g, gd.get("num"))
    unit = g.get("units", gd["unit"])
    if n is None or unit is None:
        return None
    if kind == "duration":
        return "DURATION", (f"PT{n}H" if unit == "H" else f"P{n}{unit}"), "none", None
    if unit == "H":
        return None
    text = m.group(0).lower()
    back = kind == "ago" or any(w in text for w in ("auparavant", "plus tôt"))
    gran = unit
    base: date | None
    if kind == "later_told" and st.told is not None:
        # "в 1991 году ... Спустя три года": counted from the time last named, known no finer
        # than it is ("1994", not a day of it)
        base, anchor = st.told.day, "narrative"
        gran = min(unit, st.told.gran, key=_GRANS.index) if unit in _GRANS and st.told.gran in _GRANS else unit
    else:
        base, anchor = _base(st, narrative=kind in ("later", "later_told"))
    if base is None:
        return None
    d = shift(base, unit, -n if back else n)
    return "DATE", fmt(d, gran), anchor, None


_GRANS = ("Y", "H", "Q", "S", "M", "W", "D")  # coarse to fine


_KINDS: dict[str, Callable[[IntlGrammar, re.Match[str], _State, str], Result | None]] = {
    "numeric": _h_date, "dmy": _h_date, "month": _h_date,
    "year": _h_relative, "relday": _h_relative, "thispod": _h_relative, "relperiod": _h_relative,
    "narrday": _h_relative, "weekday": _h_relative,
    "ago": _h_span, "later": _h_span, "later_told": _h_span, "future": _h_span, "duration": _h_span,
}


def _candidates(g: IntlGrammar, text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pat, need in g.rules:
        for m in pat.finditer(text):
            if m.end() == m.start():
                continue
            if need == "year_or_prefix" and not m.groupdict().get("year") and m.group(0).lower().startswith(m.group("month").lower()):
                continue
            found.append((m.start(), m.end(), kind, m))
    found.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    chosen: list[tuple[int, int, str, re.Match[str]]] = []
    end = -1
    for c in found:
        if c[0] >= end:
            chosen.append(c)
            end = c[1]
    return chosen


def tag_intl(g: IntlGrammar, text: str, dct: Ref | None, full_date_days: int = 0,
             past_days: int = 31, recalled_days: int = 0, year_after: bool = True,
             recalled_previous: bool = False, year_before: bool = False) -> tuple[list[Timex], list[tuple[int, str]]]:
    """Timexes of ``text`` and the narrative trail (offset, reference date); ``full_date_days``
    as the ``[time]`` setting of that name (0: a bare day-month ignores the last full date),
    ``past_days`` as ``yearless_past_days`` (< 0: a date without a year after publication
    keeps the story's year), ``recalled_days``, ``recalled_previous``, ``year_after`` and
    ``year_before`` as ``recalled_ahead_days`` (< 0: off), ``recalled_previous_year``,
    ``year_after_date`` and ``year_before_date``."""
    st = _State(dct, full_days=full_date_days, past_days=past_days, text=text, future=g.future, until=g.until)
    timexes: list[Timex] = []
    narrative: list[tuple[int, str]] = []
    for start, end, kind, m in _candidates(g, text):
        st.pos = start
        res = _KINDS[kind](g, m, st, kind)
        if res is None:
            continue
        typ, value, anchor, mod = res
        end = _abbreviation_dot(g, m, end)
        listed = day_list(text, start, end, value, g.joiners) if g.joiners and kind == "dmy" else None
        if listed is not None:  # "7, 8 и 9 апреля": one expression, its first day, no story day
            start, end, value = listed
        # the expression's own text, without a leading article/preposition the rule allowed
        timexes.append(Timex(id=f"t{len(timexes) + 1}", start=start, end=end, text=text[start:end],
                             type=typ, value=value, anchor=anchor, mod=mod))  # type: ignore[arg-type]
        ref = parse_ref(value) if typ in ("DATE", "TIME") and "X" not in value[:10] else None
        if ref is not None:
            st.told = ref
        if anchor == "explicit" and typ in ("DATE", "TIME"):
            st.full = ref if ref is not None and ref.gran == "D" else None
        if ref is not None and listed is None and (ref.gran == "D" or (ref.gran == "M" and anchor == "explicit")):
            st.narr_written = anchor == "explicit" or (anchor == "narrative" and st.narr_written)
            st.narr = ref
            narrative.append((start, value[:10]))
    recall_years(load_recall(g.language), text, timexes, dct.day if dct is not None else None, narrative, recalled_days,
                 year_after, recalled_previous, year_before)
    return timexes, narrative
