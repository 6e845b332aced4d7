"""Resolution context and shared helpers for normalizing matches to TIMEX3 values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from fullpicture.nlp.time._calendar import Ref, fmt, parse_ref, shift, valid_day, year_near
from fullpicture.nlp.time._lexicon import Lexicon

_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+[A-Z\"“‘(]")
_CLOCK_TAIL = re.compile(r"(?:\b(?:on|at|noon|midnight)|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?(?:\s+[a-z]{2,3}t)?)\s*$")

# A normalized result: (type, value, mod, anchor).
Result = tuple[str, str, str | None, str]

_REL_OFFSET = {
    "this": 0, "current": 0, "the current": 0, "same": 0, "the same": 0, "that": 0,
    "last": -1, "past": -1, "previous": -1, "the previous": -1, "the past": -1, "the last": -1,
    "the latest": -1, "the prior": -1, "the preceding": -1, "prior": -1, "preceding": -1,
    "latest": -1, "recent": -1, "most recent": -1,
    "next": 1, "coming": 1, "the next": 1, "the coming": 1, "following": 1, "the following": 1,
    "this coming": 1, "this past": -1,
}
# Relative words that point back into the text (narrative) rather than at the time of writing.
ANAPHORIC = {"same", "the same", "that", "following", "the following", "the previous", "the prior", "the preceding", "the next"}


def rel_offset(rel: str) -> int | None:
    """-1/0/+1 for a relative determiner ("last", "this", "next"); None when unknown."""
    return _REL_OFFSET.get(" ".join(rel.lower().split()))


@dataclass
class Context:
    """What the resolver knows at a point of the document."""

    lex: Lexicon
    dct: Ref | None
    narr: Ref | None = None
    narr_year: int | None = None
    last_quarter: Ref | None = None
    tense: str | None = None  # PAST, FUTURE, PRESENT or None
    year_from: str = "published"  # where a bare "March 3" takes its year: narrative|published
    narr_year_pos: int = -1  # offset where the text last wrote a year explicitly
    narrative_window: int = 400  # how far (chars) an explicit year carries to a bare "March 3"
    pos: int = 0  # offset of the expression being resolved
    tense_days: int = 62  # beyond this distance the tense decides between last and next year
    last_full: Ref | None = None  # the last full date (day and year written), if no year was written since
    full_date_days: int = 0  # a bare "March 3" this close to ``last_full`` takes its year (0: off)
    extra: dict[str, object] = field(default_factory=dict)

    def deictic(self) -> tuple[Ref | None, str]:
        """Reference for expressions relative to the time of writing ("yesterday", "last year")."""
        if self.dct is not None:
            return self.dct, "published"
        if self.narr is not None:
            return self.narr, "narrative"
        return None, "none"

    def anaphoric(self) -> tuple[Ref | None, str]:
        """Reference for expressions relative to the story time ("two days later", "that day")."""
        if self.narr is not None and self.narr.gran in ("D", "W", "M"):
            return self.narr, "narrative"
        if self.dct is not None:
            return self.dct, "published"
        if self.narr is not None:
            return self.narr, "narrative"
        return None, "none"

    def year_base(self) -> tuple[int | None, Ref | None, str]:
        """Year for a date written without one, the point it came from, and the anchor name."""
        if self.year_from == "narrative" and self.narr_year is not None:
            near = self.narr_year_pos >= 0 and self.pos - self.narr_year_pos <= self.narrative_window
            if self.dct is None or (near and self.narr_year != self.dct.year):
                return self.narr_year, self.narr, "narrative"
        if self.dct is not None:
            return self.dct.year, self.dct, "published"
        # No reference time at all (issue 11): a year written earlier in the same sentence
        # ("in 1987 prices fell, and on Oct. 12 ..."), else the story's last day or month,
        # else a year written shortly before; a year named in an aside further back ("the
        # 1988 ceasefire") does not date the next bare "Aug. 2".
        near = self.narr_year is not None and self.narr_year_pos >= 0 and self.pos - self.narr_year_pos <= self.narrative_window
        text = str(self.extra.get("text", ""))
        if near and not _SENTENCE_END.search(text[self.narr_year_pos : self.pos]):
            return self.narr_year, self.narr, "narrative"
        if self.narr is not None and self.narr.gran in ("D", "M"):
            return self.narr.year, self.narr, "narrative"
        if near:
            return self.narr_year, self.narr, "narrative"
        return None, None, "none"


def forward_signal(ctx: Context) -> bool:
    """A forward-pointing signal ("until", "effective", "as early as") ends right before the
    expression at ``ctx.pos`` (a clock time may stand between: "until 9 a.m. Tuesday")."""
    text = str(ctx.extra.get("text", ""))
    before = " ".join(text[max(0, ctx.pos - 30) : ctx.pos].lower().split())
    before = _CLOCK_TAIL.sub("", before).strip()
    return any(before == w or before.endswith(" " + w) for w in ctx.lex.forward_signals)


def infer_year(ctx: Context, month: int, day: int | None) -> tuple[int | None, str]:
    """Year of a month(/day) written without a year, keeping past/future with the tense.

    A day-month within ``full_date_days`` of the last full date the text wrote (no other
    year written since) takes that date's year. Otherwise past tense picks the latest
    occurrence on or before the reference, future the first on or after it, otherwise the
    nearest one.
    """
    if day is not None:
        # the story's year (issue: real-text dating): "On 3 May 2027 ... on May 2"
        # in a piece published years later is the day before that full date
        near = year_near(ctx.last_full, month, day, ctx.full_date_days)
        if near is not None:
            return near, "narrative"
    year, base, anchor = ctx.year_base()
    if year is None:
        return None, "none"
    if base is None or base.gran not in ("D", "M", "W") or base.year != year or anchor != "published":
        return year, anchor
    b = base.day
    ref = b.year * 372 + (b.month - 1) * 31 + (b.day - 1 if day else 0)

    def diff(y: int) -> int:
        return y * 372 + (month - 1) * 31 + ((day or 1) - 1 if day else 0) - ref

    years = (year - 1, year, year + 1)
    # The nearest occurrence, ties to the past; the tense overrides it only for dates more than
    # `tense_days` away (news often reports an announced date in the past tense).
    best = min(years, key=lambda y: (abs(diff(y)), y))
    forward = forward_signal(ctx)
    if diff(best) < 0 and forward:  # "effective Feb. 1", "until March 6": on or after
        return min(y for y in years if diff(y) >= 0), anchor
    # "was ordered held until June 14": a term, not last year's day, whatever the tense
    if ctx.tense == "PAST" and diff(best) > ctx.tense_days and not forward:
        return max(y for y in years if diff(y) <= 0), anchor
    if ctx.tense == "FUTURE" and diff(best) < -ctx.tense_days:
        return min(y for y in years if diff(y) >= 0), anchor
    return best, anchor


def day_value(year: int | None, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` (``XXXX-MM-DD`` without a year); None for impossible dates."""
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}" if valid_day(2000, month, day) else None
    return f"{year:04d}-{month:02d}-{day:02d}" if valid_day(year, month, day) else None


def shifted(base: Ref, unit: str, n: int, gran: str) -> str:
    """``base`` moved by ``n`` units and formatted at ``gran``."""
    return fmt(shift(base.day, unit, n), gran)


def point_from_value(value: str) -> Ref | None:
    """The calendar point named by a value (None for durations, *_REF and X-values)."""
    if "X" in value[:10] or value.startswith("P"):
        return None
    return parse_ref(value)


def today_of(ref: Ref) -> date:
    """The day of a reference point."""
    return ref.day
