"""Handlers for calendar points: explicit dates, months, years, weekdays, relative days."""

from __future__ import annotations

import re
from datetime import date, timedelta

from fullpicture.nlp.time._calendar import (
    Ref,
    fmt,
    nth_weekday,
    shift,
    unit_gran,
    valid_day,
    weekday_near,
)
from fullpicture.nlp.time._grammar import PRE_MODS, Candidate
from fullpicture.nlp.time._holidays import holiday_country
from fullpicture.nlp.time._resolve import (
    ANAPHORIC,
    Context,
    Result,
    day_value,
    forward_signal,
    infer_year,
    rel_offset,
)


def _g(c: Candidate, name: str) -> str:
    try:
        return (c.match.group(name) or "").strip()
    except IndexError:
        return ""


def _pre_mod(c: Candidate) -> str | None:
    pre = " ".join(_g(c, "pre").lower().split())
    return PRE_MODS.get(pre)


def _day_num(c: Candidate, ctx: Context) -> int | None:
    d = _g(c, "d").lower()
    if d in ctx.lex.ordinals:
        return ctx.lex.ordinals[d]
    m = re.match(r"\d+", d)
    return int(m.group(0)) if m else None


def _year_of(text: str, ctx: Context) -> tuple[int | None, str]:
    """A written year ("1998", "this year", "last year") -> (year, anchor)."""
    t = " ".join(text.lower().split())
    if t[:4].isdigit():
        return int(t[:4]), "explicit"
    base, anchor = ctx.deictic()
    if base is None:
        return None, "none"
    off = rel_offset(t.split()[0]) if t else None
    return base.year + (off or 0), anchor


def h_iso(c: Candidate, ctx: Context) -> Result | None:
    y, m, d = int(_g(c, "y")), int(_g(c, "m")), int(_g(c, "d"))
    if not valid_day(y, m, d):
        return None
    if _g(c, "h"):
        return "TIME", f"{y:04d}-{m:02d}-{d:02d}T{_g(c, 'h')}:{_g(c, 'mi')}", None, "explicit"
    return "DATE", f"{y:04d}-{m:02d}-{d:02d}", None, "explicit"


def h_slash(c: Candidate, ctx: Context) -> Result | None:
    m, d, ys = int(_g(c, "m")), int(_g(c, "d")), _g(c, "y")
    y = int(ys) if len(ys) == 4 else (1900 + int(ys) if int(ys) >= 30 else 2000 + int(ys))
    if not valid_day(y, m, d):
        return None
    return "DATE", f"{y:04d}-{m:02d}-{d:02d}", None, "explicit"


def h_month_day(c: Candidate, ctx: Context) -> Result | None:
    month = ctx.lex.months[_g(c, "mon").lower()]
    day = _day_num(c, ctx)
    if day is None:
        return None
    if _g(c, "y") or _g(c, "py"):  # "March 9, 2021", "March 9 (2021)"
        year: int | None = int(_g(c, "y") or _g(c, "py"))
        anchor = "explicit"
    else:
        year, anchor = infer_year(ctx, month, day)
        wd = ctx.lex.weekdays.get(_g(c, "wd").lower().rstrip("."))
        if year is not None and wd is not None:  # "Saturday, April 25": the year where it is a Saturday
            for y in (year, year - 1, year + 1):
                if valid_day(y, month, day) and date(y, month, day).isoweekday() == wd:
                    year = y
                    break
    value = day_value(year, month, day)
    return ("DATE", value, _pre_mod(c), anchor) if value else None


def h_month(c: Candidate, ctx: Context) -> Result | None:
    month = ctx.lex.months[_g(c, "mon").lower()]
    mod = _pre_mod(c)
    rel = _g(c, "rel").lower()
    if _g(c, "y"):
        year, anchor = _year_of(_g(c, "y"), ctx)
    elif rel in ("last", "past", "next", "coming"):
        base, anchor = ctx.deictic()
        if base is None:
            return "DATE", f"XXXX-{month:02d}", mod, "none"
        year = base.year
        if rel in ("last", "past") and month >= base.day.month - 1:  # the month just gone is "last month"
            year -= 1
        if rel in ("next", "coming") and month <= base.day.month:
            year += 1
    elif rel == "that":
        base, anchor = ctx.anaphoric()
        year = base.year if base else None
    elif rel == "this":
        base, anchor = ctx.deictic()
        year = base.year if base else None
    else:
        year, anchor = infer_year(ctx, month, None)
    if year is None:
        return "DATE", f"XXXX-{month:02d}", mod, "none"
    return "DATE", f"{year:04d}-{month:02d}", mod, anchor


def h_year(c: Candidate, ctx: Context) -> Result | None:
    y = int(_g(c, "y"))
    y2s = _g(c, "y2")
    if y2s:
        y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
        if y2 <= y or y2 - y > 10:
            return None
        return "DATE", f"{y:04d}/{y2:04d}", _pre_mod(c), "explicit"
    return "DATE", f"{y:04d}", _pre_mod(c), "explicit"


_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")


def h_decade(c: Candidate, ctx: Context) -> Result | None:
    dec = _g(c, "dec")
    word = _g(c, "decw").lower()
    if word:  # "the nineties": the decade of the century in force
        d2 = str(_DECADE_WORDS.index(word) + 2)
        base, _ = ctx.deictic()
        century = (base.year // 100) if base else 19
        if base and int(d2 + "0") > base.year % 100 + 10:  # the coming decade is still this century
            century -= 1
        return "DATE", f"{century}{d2}", _pre_mod(c), "explicit"
    if not dec:
        d2 = _g(c, "dec2")
        base, _ = ctx.deictic()
        century = (base.year // 100) if base else 19
        if base and int(d2) > base.year % 100:
            century -= 1
        dec = f"{century}{d2}"
    return "DATE", dec[:3], _pre_mod(c), "explicit"  # TIMEX3: "199" is the 1990s


def h_century(c: Candidate, ctx: Context) -> Result | None:
    n = _g(c, "n").lower()
    num = ctx.lex.ordinals.get(n) or (int(re.match(r"\d+", n).group(0)) if re.match(r"\d+", n) else 0)  # type: ignore[union-attr]
    if not 1 <= num <= 30:
        return None
    return "DATE", f"{num - 1:02d}", _pre_mod(c), "explicit"


def _relative_point(ctx: Context, rel: str, unit: str, gran: str) -> tuple[str | None, str]:
    off = rel_offset(rel)
    if off is None:
        return None, "none"
    anaphoric = " ".join(rel.lower().split()) in ANAPHORIC
    base, anchor = ctx.anaphoric() if anaphoric else ctx.deictic()
    if anaphoric and unit == "Y" and ctx.narr_year is not None and ctx.narr_year_pos >= 0:
        # "that year", "the following year": the year the story last named
        base, anchor = Ref(date(ctx.narr_year, 1, 1), "Y"), "narrative"
    if base is None:
        return None, "none"
    return fmt(shift(base.day, unit, off), gran), anchor


def h_quarter(c: Candidate, ctx: Context) -> Result | None:
    qs = _g(c, "q").lower()
    rel = " ".join(_g(c, "rel").lower().split())
    y0, ys = _g(c, "y0"), _g(c, "y")
    mod = _pre_mod(c)
    base, anchor = ctx.deictic()
    if qs:
        q = ctx.lex.quarters[qs]
        if ys or y0:
            year, anchor = _year_of(ys or y0, ctx)
        elif rel in ("year-earlier", "year-ago"):
            year = base.year - 1 if base else None
        elif base is not None:
            year = base.year
            cur = (base.day.month - 1) // 3 + 1
            if rel in ("last", "past", "previous") and q >= cur:
                year -= 1
        else:
            year = None
        if year is None:
            return "DATE", f"XXXX-Q{q}", mod, "none"
        return "DATE", f"{year:04d}-Q{q}", mod, anchor
    if (y0 or ys) and ctx.last_quarter is not None:  # "the 1988 quarter": the quarter under discussion
        year, anchor = _year_of(y0 or ys, ctx)
        if year is not None:
            return "DATE", f"{year:04d}-Q{(ctx.last_quarter.day.month - 1) // 3 + 1}", mod, "narrative"
    if rel in ("year-earlier", "year-ago"):
        ref = ctx.last_quarter or (Ref(shift(base.day, "Q", -1), "Q") if base else None)
        if ref is None:
            return None
        return "DATE", fmt(shift(ref.day, "Y", -1), "Q"), mod, "narrative"
    off = rel_offset(rel) if rel else None
    if off == 0 or rel in ("current", "this"):
        return ("DATE", fmt(base.day, "Q"), mod, anchor) if base else None
    if off == 1:
        return ("DATE", fmt(shift(base.day, "Q", 1), "Q"), mod, anchor) if base else None
    # "the latest quarter": the last completed one; "the quarter": the quarter under
    # discussion, else the last completed one.
    if rel in ("latest", "the latest", "most recent", "the most recent") and base is not None and anchor == "published":
        return "DATE", fmt(shift(base.day, "Q", -1), "Q"), mod, anchor
    if ctx.last_quarter is not None:
        return "DATE", fmt(ctx.last_quarter.day, "Q"), mod, "narrative"
    if base is None:
        return None
    return "DATE", fmt(shift(base.day, "Q", -1), "Q"), mod, anchor


def h_half(c: Candidate, ctx: Context) -> Result | None:
    h = 1 if _g(c, "h").lower() == "first" else 2
    if _g(c, "y"):
        year, anchor = _year_of(_g(c, "y"), ctx)
    else:
        base, anchor = ctx.deictic()
        year = base.year if base else None
    return "DATE", f"{year:04d}-H{h}" if year else f"XXXX-H{h}", None, anchor


def h_season(c: Candidate, ctx: Context) -> Result | None:
    code = ctx.lex.seasons[_g(c, "s").lower()]
    mod = _pre_mod(c)
    if _g(c, "y"):
        return "DATE", f"{_g(c, 'y')}-{code}", mod, "explicit"
    base, anchor = ctx.deictic()
    if base is None:
        return "DATE", f"XXXX-{code}", mod, "none"
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    year, rel = base.year, _g(c, "rel").lower()
    back = rel in ("last", "past") or (rel in ("the", "") and ctx.tense == "PAST")
    ahead = rel in ("next", "coming") or (rel in ("the", "") and ctx.tense == "FUTURE")
    if back and start + 2 >= base.day.month:
        year -= 1
    elif ahead and start <= base.day.month:
        year += 1
    return "DATE", f"{year:04d}-{code}", mod, anchor


def h_holiday(c: Candidate, ctx: Context) -> Result | None:
    name = " ".join(_g(c, "hol").lower().split())
    fixed = ctx.lex.holidays.get(name)
    if name in ctx.lex.national:  # "Independence Day": the day of the story's country, or none
        days = ctx.lex.national[name]
        cc = holiday_country(str(ctx.extra.get("text", "")), c.start, c.end, frozenset(days))
        if cc is None:
            return None
        fixed = days[cc]
    if _g(c, "y"):
        year: int | None = int(_g(c, "y"))
        anchor = "explicit"
    else:
        base, anchor = ctx.deictic()
        rel = _g(c, "rel").lower()
        if fixed is not None:
            mm, dd = (int(x) for x in fixed.split("-"))
        else:
            mm, dd = ctx.lex.floating[name][0], 15
        year, anchor = infer_year(ctx, mm, dd) if base is not None else (None, "none")
        if year is not None and base is not None and rel == "last":
            year = base.year - 1 if (mm, dd) >= (base.day.month, base.day.day) else base.year
        elif year is not None and base is not None and rel == "next":
            year = base.year + 1 if (mm, dd) <= (base.day.month, base.day.day) else base.year
    if fixed is not None:
        mm, dd = (int(x) for x in fixed.split("-"))
        if year is None:
            return "DATE", f"XXXX-{mm:02d}-{dd:02d}", None, "none"
        return "DATE", f"{year:04d}-{mm:02d}-{dd:02d}", None, anchor
    month, wd, n = ctx.lex.floating[name]
    if year is None:
        return "DATE", f"XXXX-{month:02d}", None, "none"
    d = nth_weekday(year, month, wd, n)
    return ("DATE", d.isoformat(), None, anchor) if d else None


def _pod_value(day: str, pod: str, ctx: Context) -> tuple[str, str]:
    if pod:
        return "TIME", f"{day}T{ctx.lex.parts_of_day[pod.lower()]}"
    return "DATE", day


def h_weekday(c: Candidate, ctx: Context) -> Result | None:
    wd = ctx.lex.weekdays[_g(c, "wd").lower()]
    rel = " ".join(_g(c, "rel").lower().split())
    pod = _g(c, "pod")
    base, anchor = ctx.deictic()
    if base is None or base.gran != "D":
        nbase, nanchor = ctx.anaphoric()
        if nbase is not None and nbase.gran == "D":
            base, anchor = nbase, nanchor
        else:
            return _pod_value(f"XXXX-WXX-{wd}", pod, ctx) + (None, "none")
    ref = base.day
    if rel in ("the previous", "the following", "the next"):
        nb, nanchor = ctx.anaphoric()
        if nb is not None and nb.gran == "D":
            ref, anchor = nb.day, nanchor
        rel = "last" if rel == "the previous" else "next"
    if rel in ("last", "past", "previous", "this past"):
        d = weekday_near(ref - timedelta(days=1), wd, -1)
    elif not rel and ctx.tense in ("FUTURE", "MODAL") and _possessive(c, ctx):
        # "will discuss Tuesday's strikes" written on a Tuesday is about today's strikes
        d = weekday_near(ref, wd, 1)
    elif not rel and ctx.tense in ("FUTURE", "MODAL") and _g(c, "pre").lower() in ("later", "earlier"):
        # "the talks are set to resume later Wednesday" written on a Wednesday: later today
        d = weekday_near(ref, wd, 1)
    elif rel in ("next", "coming", "this coming") or ctx.tense in ("FUTURE", "MODAL"):
        d = weekday_near(ref + timedelta(days=1), wd, 1)
    elif not rel and forward_signal(ctx):  # "until Tuesday", "as early as Tuesday"
        d = weekday_near(ref, wd, 1)
    elif not rel and anchor == "published" and ctx.narr is not None and ctx.narr.gran == "D" \
            and ctx.narr.day == ref and (ref + timedelta(days=1)).isoweekday() == wd:
        # the story is set on the report's day (its last day told) and the weekday is the next
        # day's: read back it would lie six days before the story ("Saturday was declared a
        # day of mourning" after a strike told of this Friday)
        d = ref + timedelta(days=1)
    else:  # news reports past days far more often than coming ones
        d = weekday_near(ref, wd, -1)
    typ, value = _pod_value(d.isoformat(), pod, ctx)
    return typ, value, _pre_mod(c), anchor


def _possessive(c: Candidate, ctx: Context) -> bool:
    """The expression is a possessive ("Tuesday's strikes")."""
    text = str(ctx.extra.get("text", ""))
    return text[c.end : c.end + 2] in ("'s", "’s")


def h_relday(c: Candidate, ctx: Context) -> Result | None:
    w = " ".join(_g(c, "w").lower().split())
    pod = _g(c, "pod") or _g(c, "pod0")  # "yesterday afternoon", "mid-afternoon yesterday"
    base, anchor = ctx.deictic()
    if base is None or base.gran != "D":
        if w in ("today", "tonight"):
            return "DATE", "PRESENT_REF", None, "none"
        return None
    off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}[w]
    d = base.day + timedelta(days=off)
    if w == "tonight":
        return "TIME", f"{d.isoformat()}TNI", None, anchor
    typ, value = _pod_value(d.isoformat(), pod, ctx)
    return typ, value, _pre_mod(c), anchor


def h_relunit(c: Candidate, ctx: Context) -> Result | None:
    rel = " ".join(_g(c, "rel").lower().split())
    unit = _g(c, "unit").lower()
    code = {"day": "D", "week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "E", "century": "C"}[unit]
    pre = " ".join(_g(c, "pre").lower().split())
    if unit == "day" and rel not in ANAPHORIC and rel not in ("the next", "the previous"):
        return None
    if code in ("E", "C") and rel_offset(rel) == -1:
        return "DURATION", "P10Y" if code == "E" else "P100Y", None, "none"
    value, anchor = _relative_point(ctx, rel, "Y" if code in ("E", "C") else ("W" if code == "WE" else code), unit_gran(code))
    if value is None:
        return None
    mod = PRE_MODS.get(pre)
    if pre in ("the first half of", "the second half of") and code == "Y":
        value = f"{value}-H{1 if 'first' in pre else 2}"
        mod = None
    return "DATE", value, mod, anchor
