"""Handlers for durations, offsets ("two days later"), sets and *_REF words."""

from __future__ import annotations

import re

from fullpicture.nlp.time._calendar import Ref, fmt, shift, unit_gran
from fullpicture.nlp.time._grammar import APPROX_MODS, Candidate
from fullpicture.nlp.time._resolve import Context, Result

_CODE_RE = re.compile(r"^(\d*)(T?)([A-Z]+)$")
# Smaller unit to express fractions in: (unit letter, factor).
_FINER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60), "Q": ("M", 3)}


def APPROX_OF(text: str) -> str | None:  # noqa: N802  (used like a mapping)
    """TIMEX3 mod for an approximation phrase ("about", "more than")."""
    return APPROX_MODS.get(" ".join(text.lower().split())) if text else None


def _g(c: Candidate, name: str) -> str:
    try:
        return (c.match.group(name) or "").strip()
    except IndexError:
        return ""


def unit_parts(ctx: Context, word: str) -> tuple[int, bool, str] | None:
    """(multiplier, is clock unit, letter) for a unit word: "decade" -> (10, False, "Y")."""
    unit = ctx.lex.unit_of(word)
    if unit is None:
        return None
    m = _CODE_RE.match(ctx.lex.units[unit])
    if not m:
        return None
    mult = int(m.group(1) or 1)
    letter = m.group(3)
    if letter == "WE":
        return 2 * mult, False, "D"
    return mult, bool(m.group(2)), letter


def _fraction(n: float, letter: str, clock: bool) -> str | None:
    """A fractional duration as TIMEX3 writes it: whole units plus the finer unit ("2 1/2
    years" P2Y6M, "5 1/2 hours" PT5H30M, "a minute and a half" PT1M30S); weeks and quarters
    are converted whole (P10D, P6M... when that is exact)."""
    whole, frac = int(n), n - int(n)
    if letter in ("W", "Q"):
        fl, factor = _FINER[letter]
        total = n * factor
        return f"P{int(total)}{fl}" if total == int(total) else f"P{n:g}{letter}"  # ISO decimal: P3.5W
    finer = {("H", True): ("M", 60, "T"), ("M", True): ("S", 60, "T"), ("D", False): ("H", 24, "T"),
             ("Y", False): ("M", 12, ""), ("M", False): ("D", 30, "")}.get((letter, clock))
    if finer is None:
        return None
    fl, factor, ft = finer
    rest = frac * factor
    if rest != int(rest):
        return None
    head = ("PT" if clock else "P") + (f"{whole}{letter}" if whole else "")
    if ft and not clock:
        head += "T"
    return f"{head}{int(rest)}{fl}"


def duration_value(ctx: Context, qty: str, unit_word: str, half: float = 0.0) -> str | None:
    """TIMEX3 duration for "three years", "48 hour", "a few days" (PXD); ``half``: 0.5 for
    "... and a half"."""
    parts = unit_parts(ctx, unit_word)
    if parts is None:
        return None
    mult, clock, letter = parts
    q = " ".join(qty.lower().split())
    t = "T" if clock else ""
    if q in ctx.lex.vague or q == "":
        if mult == 10:
            return "PXE"
        if mult == 100:
            return "PXC"
        return f"P{t}X{letter}"
    n = ctx.lex.number(q)
    if n is None or n <= 0:
        return None
    n = (n + half) * mult
    if n != int(n):
        return _fraction(n, letter, clock)
    return f"P{t}{int(n)}{letter}"


def h_duration(c: Candidate, ctx: Context) -> Result | None:
    q, unit = _g(c, "q"), _g(c, "unit")
    if _g(c, "q2") or _g(c, "q3"):  # a range: "12 to 18 months", "two or three days"
        if ctx.lex.number(_g(c, "q2") or _g(c, "q3")) is None:
            return None
        q = "few"
    value = duration_value(ctx, q, unit, 0.5 if _g(c, "half") else 0.0)
    if value is None:
        return None
    if _g(c, "long") == "-old":
        return "DURATION", value, None, "none"
    return "DURATION", value, APPROX_OF(_g(c, "mod")), "none"


def h_unitlong(c: Candidate, ctx: Context) -> Result | None:
    unit = _g(c, "unit")
    plural = unit.lower() in ctx.lex.plurals
    value = duration_value(ctx, "few" if plural else "one", unit)
    return ("DURATION", value, None, "none") if value else None


def h_vague(c: Candidate, ctx: Context) -> Result | None:
    value = duration_value(ctx, "few", _g(c, "units"))
    return ("DURATION", value, None, "none") if value else None


def h_ref(c: Candidate, ctx: Context) -> Result | None:
    return "DATE", ctx.lex.ref_words[" ".join(_g(c, "r").lower().split())], None, "none"


def h_ago(c: Candidate, ctx: Context) -> Result | None:
    q, unit = _g(c, "q"), _g(c, "unit")
    direction = " ".join(_g(c, "dir").lower().split())
    sign = -1 if direction in ("ago", "earlier", "previously", "beforehand", "before") else 1
    mod = APPROX_OF(_g(c, "mod"))
    parts = unit_parts(ctx, unit)
    if parts is None:
        return None
    mult, clock, letter = parts
    qty = q
    if qty.lower() in ctx.lex.vague:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, "none"
    n = ctx.lex.number(qty)
    if n is None:
        return None
    if direction in ("ago", "from now", "hence"):
        base, anchor = ctx.deictic()
    else:
        base, anchor = ctx.anaphoric()
    if base is None:
        value = duration_value(ctx, qty, unit)
        return ("DURATION", value, mod, "none") if value else None
    if clock:
        return "DATE", base.day.isoformat() if base.gran == "D" else fmt(base.day, base.gran), mod, anchor
    n *= mult
    if n != int(n) and letter in ("Y", "M"):
        n, letter = n * (12 if letter == "Y" else 1), "M"
    if n != int(n):
        return None
    cal = {"Y": "Y", "M": "M", "W": "W", "D": "D", "Q": "Q"}.get(letter, "D")
    gran = unit_gran(cal)
    if mult >= 10:
        gran = "Y"
    if cal == "Y" and int(n) == 1 and ctx.last_quarter is not None and direction in ("earlier", "before", "ago"):
        base, gran, anchor = ctx.last_quarter, "Q", "narrative"
    if cal in ("D",) and base.gran != "D" or cal == "W" and base.gran not in ("D", "W"):
        return None
    return "DATE", fmt(shift(base.day, cal, sign * int(n)), gran), mod, anchor


def h_yearago(c: Candidate, ctx: Context) -> Result | None:
    what = _g(c, "what").lower()
    unit = _g(c, "dir").lower()
    cal = {"year": "Y", "month": "M", "week": "W", "quarter": "Q"}[unit]
    base: Ref | None
    if cal == "Y" and ctx.last_quarter is not None and what in ("quarter", "period", ""):
        base, gran, anchor = ctx.last_quarter, "Q", "narrative"
    else:
        base, anchor = ctx.deictic()
        gran = unit_gran(cal)
    if base is None:
        return None
    return "DATE", fmt(shift(base.day, cal, -1), gran), None, anchor


def h_bare(c: Candidate, ctx: Context) -> Result | None:
    value = duration_value(ctx, "few", _g(c, "units"))
    return ("DURATION", value, None, "none") if value else None


def h_set(c: Candidate, ctx: Context) -> Result | None:
    what = _g(c, "what").lower()
    step = 2 if _g(c, "other") else 1
    if _g(c, "q"):
        n = ctx.lex.number(_g(c, "q"))
        if n is None:
            return None
        step = int(n)
    if what in ctx.lex.weekdays:
        return "SET", f"XXXX-WXX-{ctx.lex.weekdays[what]}", None, "none"
    if what in ctx.lex.months:
        return "SET", f"XXXX-{ctx.lex.months[what]:02d}", None, "none"
    if what in ctx.lex.seasons:
        return "SET", f"XXXX-{ctx.lex.seasons[what]}", None, "none"
    if what in ("morning", "afternoon", "evening", "night"):
        return "SET", f"XXXX-XX-XXT{ctx.lex.parts_of_day[what]}", None, "none"
    value = duration_value(ctx, str(step), what)
    return ("SET", value, None, "none") if value else None


def h_times(c: Candidate, ctx: Context) -> Result | None:
    parts = unit_parts(ctx, _g(c, "unit"))
    if parts is None:
        return None
    mult, clock, letter = parts
    return "SET", f"P{'T' if clock else ''}{mult}{letter}", None, "none"


def h_setword(c: Candidate, ctx: Context) -> Result | None:
    return "SET", ctx.lex.set_words[_g(c, "sw").lower()], None, "none"


def h_plwd(c: Candidate, ctx: Context) -> Result | None:
    return "SET", f"XXXX-WXX-{ctx.lex.weekdays[_g(c, 'wd').lower()]}", None, "none"
