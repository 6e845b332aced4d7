"""Each side's standing values of one count (what :mod:`._figureclash` compares): no running
total, part or stray; no value the side itself later raised (:func:`superseded`); no earlier stage
of a toll another side relays (:func:`relayed_stages`, :func:`early_relays`); no other side's
account a wire relays (:func:`without_relayed`); and the spans of each side's update series
(:func:`series_spans`). The values come from :mod:`._figureitems`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fullpicture.align._agents import side_state
from fullpicture.align._dates import interval
from fullpicture.align._figureitems import FigureItem, implied_zero
from fullpicture.align._figurevalues import (
    _NEVER,
    comparable,
    figure_range,
    is_closed,
    ranges_clash,
    same_object,
    stray_free,
)
from fullpicture.models import Figure
from fullpicture.models.comparison import ConflictValue


def _same_thing(fa: Figure, fb: Figure, counts: str, cfg: dict[str, Any]) -> bool:
    """Whether two figures can measure one thing: measured quantities have a spread beyond which
    two values are two things (``figure_same_thing_max_gap``: agencies differ on a quake's
    magnitude by a few tenths; a 6.1 and a 7.6 are two quakes). Counts of things
    (``figure_object_counts``: destroyed, damaged) measure one thing only where their nouns are one
    (:func:`same_object`)."""
    if counts in (cfg.get("figure_object_counts") or ()) and not same_object(fa, fb):
        return False  # "four schools" and "seven houses" damaged: two things counted
    gap = (cfg.get("figure_same_thing_max_gap") or {}).get(counts)
    ra, rb = figure_range(fa), figure_range(fb)
    if gap is None or ra is None or rb is None:
        return True
    return max(ra[0], rb[0]) - min(ra[1], rb[1]) <= float(gap)


def _subsume(items: list[FigureItem], cfg: dict[str, Any]) -> list[FigureItem]:
    """A side's figures without the open bounds its own closed figures satisfy."""
    closed = [f for f, _ in items if is_closed(f)]
    return [(f, v) for f, v in items
            if is_closed(f) or not any(not ranges_clash(f, c, cfg) for c in closed)]


def _compared(items: list[FigureItem], cfg: dict[str, Any]) -> list[FigureItem]:
    """The values of one side that take part in a comparison: no running total, part or count
    of things (``_NEVER``), no stray (``stray_free``), no bound its own closed values satisfy, and
    no vague number ("dozens") where the side also states a number (``figure_precise_over_vague``)."""
    kept = _subsume(stray_free([x for x in items if x[1].population not in _NEVER], cfg), cfg)
    if cfg.get("figure_precise_over_vague", True):
        precise = [x for x in kept if not x[0].vague]
        kept = precise or kept  # "dozens" beside the side's own "fewer than ten": the number says which
    return kept


def series_spans(per_side: dict[str, list[FigureItem]]) -> list[tuple[float, float]]:
    """The spans of the update series of one count: for each side of a state whose closed values
    from different documents differ (a toll that rose from 5 to 13 over the day), the lowest and
    the highest of them (no parts, totals or subgroups: "38 adults and 4 children" is no series
    from 4). A side of no state (wires, outlets) is left out:
    its values may be two states' accounts it relays, not one series."""
    out = []
    for side, items in per_side.items():
        if side_state(side) is None:
            continue
        vals = [(f.value, v.document) for f, v in items
                if is_closed(f) and f.value is not None and comparable(v.population or "people", "people")
                and not implied_zero((f, v))]
        if len({d for _, d in vals}) >= 2 and len({x for x, _ in vals}) >= 2:
            out.append((min(x for x, _ in vals), max(x for x, _ in vals)))
    return out


def rising_spans(per_side: dict[str, list[FigureItem]]) -> list[tuple[float, float]]:
    """The spans of the rising tolls that sides of no state relay: a wire whose values of one
    count, day by day, never fall (each day's highest lower end at least the day before's) and
    rise over at least two days ("at least 5" the first day, 14 the third, "at least 40" the
    fourth) relays one toll as it rose, not rival accounts; the span runs from its lowest lower
    end to its highest. Closed values and lower bounds count ("at least 40" rose to at least 40);
    no parts, totals, subgroups, vague numbers or implied zeros."""
    out = []
    for side, items in per_side.items():
        if side_state(side) is not None:
            continue
        by_day: dict[str, float] = {}
        lows = []
        for f, v in items:
            low = _lower_end(f)
            if low is None or not v.date or not comparable(v.population or "people", "people") \
                    or implied_zero((f, v)):
                continue
            lows.append(low)
            by_day[v.date] = max(by_day.get(v.date, low), low)
        peaks = [by_day[d] for d in sorted(by_day)]
        if len(peaks) >= 2 and peaks[-1] > peaks[0] and all(b >= a for a, b in zip(peaks, peaks[1:], strict=False)) \
                and not _two_accounts(per_side, side, min(lows), max(lows)):
            out.append((min(lows), max(lows)))
    return out


def _two_accounts(per_side: dict[str, list[FigureItem]], wire: str, low: float, high: float) -> bool:
    """The wire's lowest and highest values are each another side's own and no side states both
    (one side's 5, another's 60): the wire relays two accounts, not one toll as it rose."""
    def holders(value: float) -> set[str]:
        return {s for s, items in per_side.items() if s != wire and any(_lower_end(f) == value for f, _ in items)}
    at_low, at_high = holders(low), holders(high)
    return bool(at_low and at_high and not at_low & at_high)


def _lower_end(f: Figure) -> float | None:
    """The lower end of a closed value or a lower bound ("at least 40": 40), None for others."""
    r = figure_range(f)
    if r is None or f.vague or (f.high is not None and f.low is None):
        return None
    return r[0]


def in_rise(fa: Figure, fb: Figure, spans: Sequence[tuple[float, float]]) -> bool:
    """Both values' lower ends (closed values or lower bounds) lie within the span of one rising
    toll a wire relays (:func:`rising_spans`): two stages of that toll, not two accounts."""
    la, lb = _lower_end(fa), _lower_end(fb)
    return la is not None and lb is not None and any(lo <= la <= hi and lo <= lb <= hi for lo, hi in spans)


def _in_series(fa: Figure, fb: Figure, spans: Sequence[tuple[float, float]]) -> bool:
    """Both closed values lie within the span of one side's update series: two stages of one
    rising (or corrected) toll relayed at different times, not two accounts."""
    if not (is_closed(fa) and is_closed(fb)) or fa.value is None or fb.value is None:
        return False
    return any(lo <= fa.value <= hi and lo <= fb.value <= hi for lo, hi in spans)


def superseded(per_side: dict[str, list[FigureItem]], cfg: dict[str, Any]) -> dict[str, list[FigureItem]]:
    """Each side's standing values: a closed value of a side of a state that the same side
    raised on a later day, within ``figure_superseded_days`` ("30 dead" on the day of the strike,
    57 two days later), is an earlier stage of its own toll, not its account any more: it
    neither agrees nor clashes with another side. A side of no state (wires, outlets) keeps all
    its values (they may be several states' accounts), and so does a side whose later value is
    farther off (a retrospective's count years later may count more: several attacks)."""
    days = int(cfg.get("figure_superseded_days", 0))
    if days <= 0:
        return per_side
    out = {}
    for side, items in per_side.items():
        if side_state(side) is None:
            out[side] = items
            continue
        out[side] = [x for x in items if not any(_raised(x, y, days, cfg) for y in items)]
    return out


def _raised(x: FigureItem, y: FigureItem, days: int, cfg: dict[str, Any]) -> bool:
    """``y`` raises ``x``: stated 1 to ``days`` days later, of a comparable population, with a
    lower end above ``x``'s closed value and beyond the tolerance."""
    (fx, vx), (fy, vy) = x, y
    dx, dy = interval(vx.date), interval(vy.date)
    if not (is_closed(fx) and dx and dy and 0 < dy[0] - dx[0] <= days):
        return False
    rx, ry = figure_range(fx), figure_range(fy)
    return (rx is not None and ry is not None and ry[0] > rx[1] and not fy.vague
            and comparable(vx.population or "people", vy.population or "people") and ranges_clash(fx, fy, cfg))


def relayed_stages(mine: dict[str, list[FigureItem]], stages: dict[str, list[FigureItem]],
                   cfg: dict[str, Any], counts: str = "") -> dict[str, list[FigureItem]]:
    """Each side's compared values without those equal to a closed stage that another side has
    since left behind (``stages``: the values :func:`superseded` dropped): a report of the next
    day that still says 12 dead, when that side said 12 and then 21, relays its earlier stage;
    it is no rival count (a side left with none states no count of its own)."""
    def relayed(x: FigureItem, side: str) -> bool:
        return is_closed(x[0]) and any(is_closed(y[0]) and _agree(x, y, cfg, counts)
                                       for t, ys in stages.items() if t != side for y in ys)
    return {s: [x for x in items if not relayed(x, s)] for s, items in mine.items()}


def _day_usable(f: Figure, v: ConflictValue) -> bool:
    """A value that can be a stage of a toll's rise through one day (:mod:`._daystages`): closed,
    of comparable people, no part, total or subgroup, no zero a broader count implies."""
    return (is_closed(f) and v.population not in _NEVER and not implied_zero((f, v))
            and comparable(v.population or "people", "people"))


def early_relays(mine: dict[str, list[FigureItem]], stated: dict[str, list[FigureItem]]) -> dict[str, list[FigureItem]]:
    """Each side's compared values without the earlier stages a side of no state (wires, outlets)
    relays of a toll that rose through one day: where a side of a state states differing closed
    values of the count in two documents or more, its lowest and its highest on the same day (6
    hurt in the morning, 21 by the evening), a closed value of a side of no state stated that day
    below the lowest (a quote of the first count, "so far four were injured") is an earlier stage of that
    toll, no rival count; a side of a state keeps its values (its lower count is its account).
    ``stated``: every value each side states (the rise is read there: a morning's count that the
    side's later reports outnumber is a stray of its compared values, yet a stage of its toll)."""
    floors: list[tuple[float, str]] = []  # (the lowest stage, its day) of each same-day rise
    for side, items in stated.items():
        if side_state(side) is None:
            continue
        vals = [(f.value, v.document, v.date) for f, v in items
                if f.value is not None and v.date and _day_usable(f, v)]
        if len({d for _, d, _ in vals}) < 2 or len({x for x, _, _ in vals}) < 2:
            continue
        lo, hi = min(x for x, _, _ in vals), max(x for x, _, _ in vals)
        days = {t for x, _, t in vals if x in (lo, hi)}
        if len(days) == 1:
            floors.append((lo, days.pop()))

    def stage(f: Figure, v: ConflictValue) -> bool:
        return (is_closed(f) and f.value is not None and not implied_zero((f, v))
                and comparable(v.population or "people", "people")
                and any(f.value < lo and v.date == day for lo, day in floors))

    if not floors:
        return mine
    return {s: items if side_state(s) is not None else [x for x in items if not stage(*x)]
            for s, items in mine.items()}


def _day_stage(f: Figure, v: ConflictValue) -> bool:
    """A value of a side's own rise through one day: :func:`_day_usable`, or a stage the side
    itself tells as earlier ("at first two were reported dead")."""
    return _day_usable(f, v.model_copy(update={"population": None}) if v.population == "earlier" else v)


def _agree(x: FigureItem, y: FigureItem, cfg: dict[str, Any], counts: str) -> bool:
    """Two values of one count that can both be right of comparable people."""
    return comparable(x[1].population or "people", y[1].population or "people") \
        and _same_thing(x[0], y[0], counts, cfg) and not ranges_clash(x[0], y[0], cfg)


def _rise(x: FigureItem, y: FigureItem) -> bool:
    """The value stated on a later day is the higher one: a toll that rose (an update)."""
    (fx, vx), (fy, vy) = sorted((x, y), key=lambda i: i[1].date or "")
    if not (vx.date and vy.date and vx.date < vy.date):
        return False
    rx, ry = figure_range(fx), figure_range(fy)
    return rx is not None and ry is not None and rx[1] < ry[0]


def without_relayed(mine: dict[str, list[FigureItem]], cfg: dict[str, Any], counts: str = "",
                    spans: Sequence[tuple[float, float]] = ()) -> dict[str, list[FigureItem]]:
    """Each side's compared values, where a side of no state (wires, outlets) whose documents
    clash among themselves on the count relays several accounts: its values that a side of a
    state also states (a peace force's 12 in one wire, a president's 19 in another, the 19 also in that
    state's press) are that state's account relayed, and only the others stand for the side's
    own (:func:`_relays`: a value above a state's open bound is no relay of it). (Two values of
    one document that clash are more often two things counted; a value higher on a later day is
    the side's update, not another account.)"""
    states = [s for s in mine if side_state(s) is not None and mine[s]]
    if not states:
        return mine
    out = dict(mine)
    for w, items in mine.items():
        if side_state(w) is not None:
            continue
        torn = any(va.document != vb.document and ranges_clash(fa, fb, cfg) and not _in_series(fa, fb, spans)
                   and comparable(va.population or "people", vb.population or "people")
                   and _same_thing(fa, fb, counts, cfg) and not _rise((fa, va), (fb, vb))
                   for k, (fa, va) in enumerate(items) for fb, vb in items[k + 1 :])
        if torn:
            out[w] = [x for x in items if not any(_relays(x, y, cfg, counts) for s in states for y in mine[s])]
    return out


def _relays(x: FigureItem, y: FigureItem, cfg: dict[str, Any], counts: str) -> bool:
    """``x`` can be a relay of ``y``: they agree, and ``y`` is a closed value or ``x`` starts at
    ``y``'s own number (a wire's 86 is no relay of a state's "at least 70", though both can be
    right: it is the wire's own count above that floor; its "70" is one)."""
    if not _agree(x, y, cfg, counts):
        return False
    rx, ry = figure_range(x[0]), figure_range(y[0])
    return is_closed(y[0]) or (rx is not None and ry is not None and rx[0] == ry[0])


def rival_bounds(mine: dict[str, list[FigureItem]], reach: float) -> dict[str, list[FigureItem]]:
    """A side's lower bound ("more than 15 injured") stated in a document that also relays another
    side's value of the count more than ``reach`` times higher (that side's "about 300") is a rival
    count set against it, not a floor under it: it reaches at most ``reach`` times its bound."""
    out = {}
    for s, items in mine.items():
        kept = []
        for f, v in items:
            if f.low is not None and f.high is None and not f.vague and f.low > 0 and any(
                    vy.document == v.document and vy.reported_by == s and is_closed(fy) and fy.value is not None
                    and fy.value > reach * f.low for t, ys in mine.items() if t != s for fy, vy in ys):
                f = f.model_copy(update={"high": reach * f.low})
            kept.append((f, v))
        out[s] = kept
    return out
