"""Handlers for times of day, parts of day, weekends and years written in words."""

from __future__ import annotations

from datetime import timedelta

from fullpicture.nlp.time._calendar import fmt
from fullpicture.nlp.time._grammar import Candidate
from fullpicture.nlp.time._points import _g, _pre_mod, h_month_day, h_relday, h_weekday
from fullpicture.nlp.time._resolve import Context, Result


def h_pod(c: Candidate, ctx: Context) -> Result | None:
    rel = " ".join(_g(c, "rel").lower().split())
    pod = _g(c, "pod").lower()
    if rel in ("this", "last"):
        base, anchor = ctx.deictic()
    else:
        base, anchor = ctx.anaphoric()
    if base is None or base.gran != "D":
        return None
    d = base.day
    if rel == "last":
        d -= timedelta(days=1) if pod in ("night", "evening") else timedelta(days=0)
        if pod not in ("night", "evening"):
            return None
    elif rel in ("the next", "the following"):
        d += timedelta(days=1)
    return "TIME", f"{d.isoformat()}T{ctx.lex.parts_of_day[pod]}", _pre_mod(c), anchor


def h_time(c: Candidate, ctx: Context) -> Result | None:
    from fullpicture.nlp.time._spans import APPROX_OF

    word = _g(c, "word").lower()
    if word:
        hh, mi = (24, 0) if word == "midnight" else (12, 0)
    else:
        h = _g(c, "h") or _g(c, "h2")
        if not h:
            n = ctx.lex.number(_g(c, "h3"))
            if n is None or not 1 <= n <= 12:
                return None
            h = str(int(n))
        hh, mi = int(h), int(_g(c, "mi") or _g(c, "mi2") or 0)
        ap = _g(c, "ap").lower().replace(" ", "")
        if ap.startswith("p") and hh < 12:
            hh += 12
        elif ap.startswith("a") and hh == 12:
            hh = 0
        if hh > 24:
            return None
    clock = f"T{hh:02d}:{mi:02d}"
    dpart = _g(c, "dpart")
    day: str | None = None
    anchor = "none"
    if dpart:
        day, anchor = _resolve_dpart(dpart, c, ctx)
    if day is None:
        base, anchor = ctx.anaphoric() if ctx.narr and ctx.narr.gran == "D" else ctx.deictic()
        day = base.day.isoformat() if base is not None and base.gran == "D" else "XXXX-XX-XX"
    return "TIME", f"{day}{clock}", APPROX_OF(_g(c, "mod")), anchor


def _resolve_dpart(text: str, c: Candidate, ctx: Context) -> tuple[str | None, str]:
    """Resolve the date written next to a clock time by re-running the grammar on it."""
    from fullpicture.nlp.time._grammar import compiled_rules

    for name, rx in compiled_rules():
        if name in ("mdy", "weekday", "relday"):
            m = rx.fullmatch(text)
            if m:
                sub = Candidate(c.start, c.start + len(text), name, m)  # its left context is the time's
                res = {"mdy": h_month_day, "weekday": h_weekday, "relday": h_relday}[name](sub, ctx)
                if res and res[1][:1] in "0123456789X":
                    return res[1][:10], res[3]
    return None, "none"


def h_weekend(c: Candidate, ctx: Context) -> Result | None:
    """"the weekend": the one just past (past tense, or on a weekday) or the coming one."""
    base, anchor = ctx.deictic()
    if base is None or base.gran != "D":
        return None
    d = base.day
    if ctx.tense == "PAST" and d.isoweekday() < 6:
        d -= timedelta(days=7)
    return "DATE", fmt(d, "WE"), None, anchor


def h_spelled(c: Candidate, ctx: Context) -> Result | None:
    """Years written in words: "nineteen ninety-six", "the year two thousand"."""
    if _g(c, "k"):
        rest = _g(c, "r2")
        n = ctx.lex.number(rest) if rest else 0
        return ("DATE", f"{2000 + int(n):04d}", None, "explicit") if n is not None else None
    r = _g(c, "r").lower()
    if r == "hundred":
        return "DATE", "1900", None, "explicit"
    n = ctx.lex.number(r)
    if n is None or not 10 <= n <= 99:
        return None
    return "DATE", f"19{int(n):02d}", None, "explicit"
