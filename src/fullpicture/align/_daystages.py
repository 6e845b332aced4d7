"""A toll's stages through one day: another side's value inside a state's own counts of that day.

A state's side that states a count rising through one day (3 dead in the first report, 14 by the
evening; 8 hurt in the morning, 51 later) has itself said every value between its lowest and its
highest of that day. Another side's value stated that day inside that span (an outlet's 9 dead,
an agency's 30 hurt) agrees with one of the toll's stages: it is an earlier stage relayed, no
rival count, whether that side is a state's or not. A value outside the span stays compared (the
other side's lower or higher count is its account).

Across days (:func:`later_stage`): a wire's or an outlet's value below another side's value of a
later day, where that later side had itself stated the count at or below it before, is a stage
the later side's toll has passed (an agency's first-day 20 hurt against a state's 33 two days later, after
the state's own 19 on the first day): no rival count. Two values of one day are still compared.
"""

from __future__ import annotations

from collections.abc import Callable

from fullpicture.align._agents import side_state
from fullpicture.align._dates import interval
from fullpicture.align._figurevalues import figure_range
from fullpicture.models import Figure
from fullpicture.models.comparison import ConflictValue

FigureItem = tuple[Figure, ConflictValue]


def day_spans(stated: dict[str, list[FigureItem]],
              usable: Callable[[Figure, ConflictValue], bool]) -> list[tuple[str, str, float, float]]:
    """``(side, day, lowest, highest)`` for each side of a state and each day on which it states
    differing closed values of the count (``usable``: closed, of comparable people, its own
    earlier stages included) in two documents or more, or in one that tells the lower one as
    earlier ("at first three were reported dead"). A side of no state (wires, outlets) has none: its values may be several
    states' accounts, not one toll."""
    out = []
    for side, items in stated.items():
        if side_state(side) is None:
            continue
        by_day: dict[str, list[tuple[float, str, bool]]] = {}
        for f, v in items:
            if v.date and f.value is not None and usable(f, v):
                by_day.setdefault(v.date, []).append((f.value, v.document, v.population == "earlier"))
        for day, vals in sorted(by_day.items()):
            told_rise = len({d for _, d, _ in vals}) >= 2 or any(e for _, _, e in vals)
            if told_rise and len({x for x, _, _ in vals}) >= 2:
                out.append((side, day, min(x for x, _, _ in vals), max(x for x, _, _ in vals)))
    return out


def day_stages(mine: dict[str, list[FigureItem]], stated: dict[str, list[FigureItem]],
               usable: Callable[[Figure, ConflictValue], bool],
               own_stage: Callable[[Figure, ConflictValue], bool]) -> dict[str, list[FigureItem]]:
    """Each side's compared values (``mine``; ``usable``: closed, of comparable people) without
    those stated on a day inside another side's same-day span of the count (:func:`day_spans`,
    read on ``stated``: every value each side states, with ``own_stage`` its own earlier stages
    included)."""
    spans = day_spans(stated, own_stage)
    if not spans:
        return mine

    def stage(side: str, f: Figure, v: ConflictValue) -> bool:
        return f.value is not None and usable(f, v) and any(
            t != side and v.date == day and lo <= f.value <= hi for t, day, lo, hi in spans)

    return {s: [x for x in items if not stage(s, *x)] for s, items in mine.items()}


def later_stage(x: FigureItem, y: FigureItem, stated: dict[str, list[FigureItem]],
                usable: Callable[[Figure, ConflictValue], bool]) -> bool:
    """Whether of two sides' values the one stated on a later day is higher, the earlier one is a
    side of no state's (a wire's, an outlet's: it relays accounts) and the later side had itself
    stated, on an earlier day than that, a value of the count at or below it (``stated``: every
    value each side states; ``usable``: closed, comparable people, its own earlier stages
    included): the lower value is a stage of the later side's rising toll. A state's own lower
    count stays its account ("30, then 36" against the other side's 57 two days on)."""
    (fe, ve), (fl, vl) = sorted((x, y), key=lambda i: i[1].date or "")
    if not (ve.date and vl.date and ve.date < vl.date and ve.side != vl.side and side_state(ve.side) is None):
        return False
    early, late = figure_range(fe), figure_range(fl)
    if early is None or late is None or not early[1] < late[0]:
        return False
    return any(g.value is not None and w.date and w.date < vl.date and g.value <= early[1] and usable(g, w)
               for g, w in stated.get(vl.side, ()))


def running_stage(x: FigureItem, y: FigureItem) -> bool:
    """Two sides' values of a running count (:mod:`._runningcount`: the people who fled so far)
    told on different days, the later one the higher (its lower end at or above the earlier one's
    upper end): stages of one growing count, no rival counts. A later value below an earlier one
    and two values of one day are still compared."""
    (fe, ve), (fl, vl) = sorted((x, y), key=lambda i: i[1].date or "")
    if not (ve.date and vl.date and ve.date[:10] < vl.date[:10]):
        return False
    early, late = figure_range(fe), figure_range(fl)
    return early is not None and late is not None and early[1] <= late[0]


def next_day_rise(x: FigureItem, y: FigureItem, days: int, stated: dict[str, list[FigureItem]]) -> bool:
    """Two sides' values of a count told on different days at most ``days`` apart (0: never), the
    later one the higher (its lower end above the earlier one's upper end), the earlier one its
    side's first count (``stated``: every value each side states; no lower value of its own on an
    earlier day): a first report the toll has since passed (20 held on the day, 30 the next), no
    rival count. Two values of one day, a later value below an earlier one, days farther apart (an
    inquiry's count weeks later) and a side's count it had itself raised to (30, then 36, against
    the other side's 57 the next day: the count it stands by) are still compared."""
    if days <= 0 or x[1].side == y[1].side:
        return False
    (fe, ve), (fl, vl) = sorted((x, y), key=lambda i: i[1].date or "")
    de, dl = interval(ve.date), interval(vl.date)
    if de is None or dl is None or not (de[1] == de[0] and dl[1] == dl[0] and 0 < dl[0] - de[0] <= days):
        return False
    early, late = figure_range(fe), figure_range(fl)
    if early is None or late is None or not early[1] < late[0]:
        return False
    return not any(g.value is not None and g.value < early[0] and (dw := interval(w.date)) is not None
                   and dw[1] < de[0] for g, w in stated.get(ve.side, ()) if is_closed_value(g))


def wire_below(x: FigureItem, y: FigureItem) -> bool:
    """Of two values told on one day, one a side of no state's (a wire, an outlet) and one a side
    of a state's, the wire's lies wholly below the state's: an earlier stage of that day's toll the
    wire relays (its 7 hurt at noon against the state's 9 by the evening), no rival count. A wire's
    value above a state's, two states' values and values of two days are still compared."""
    (fw, vw), (fs, vs) = sorted((x, y), key=lambda i: side_state(i[1].side) is not None)
    if side_state(vw.side) is not None or side_state(vs.side) is None:
        return False
    dw, ds = interval(vw.date), interval(vs.date)
    if dw is None or dw != ds or dw[0] != dw[1]:
        return False
    rw, rs = figure_range(fw), figure_range(fs)
    return rw is not None and rs is not None and rw[1] < rs[0]


def revised_to(x: FigureItem, y: FigureItem, stated: dict[str, list[FigureItem]],
               agree: Callable[[FigureItem, FigureItem], bool]) -> bool:
    """Whether ``x``'s side itself states, on a later day than ``x``, a closed value of the count
    that agrees with the other side's ``y`` (``agree``; its own counts told long after, population
    ``later``, included): the side revised its count to the other's ("61 dead" on the first day,
    "all 64 aboard" in its later reports, against the other side's 64), so its first value is
    a stage of its own count, no dispute between the sides."""
    fx, vx = x
    if not vx.date:
        return False
    for g, w in stated.get(vx.side, ()):
        if not (w.date and w.date > vx.date and is_closed_value(g)) or w.population in _NOT_REVISIONS:
            continue
        if agree((g, w.model_copy(update={"population": None}) if w.population == "later" else w), y):
            return True
    return False


def is_closed_value(f: Figure) -> bool:
    """A figure that states one closed number (no bound, no vague word)."""
    r = figure_range(f)
    return r is not None and not f.vague and r[0] == r[1] and (f.low is None) == (f.high is None)


# values that are no count of the happening's people: parts, totals, things, other happenings'
_NOT_REVISIONS = frozenset({"things", "part", "total", "recalled", "denied", "quoted", "mixed"})
