"""Conflicts: figures, dates, agents and places that differ between sides for one event.

The figure part lives here; dates are :mod:`._dateconflict`, agents and places
:mod:`._entityconflicts`; the row's members :mod:`._rowmembers`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from fullpicture.align._agents import (
    account_side,
    claim_state,
    denied_content,
    name_state,
    side_state,
)
from fullpicture.align._dateconflict import _date_conflict as _date_conflict
from fullpicture.align._dates import interval
from fullpicture.align._daystages import day_stages, later_stage
from fullpicture.align._disputes import figure_disputes
from fullpicture.align._entityconflicts import _agent_denial, _entity_conflict
from fullpicture.align._entityconflicts import actor_kind as actor_kind
from fullpicture.align._figurevalues import (
    _NEVER,
    class_exceeds_whole,
    comparable,
    figure_range,
    figure_text,
    is_closed,
    population,
    preliminary,
    ranges_clash,
    relayed_strangers,
    same_object,
    stray_free,
    whole_over_class,
)
from fullpicture.align._innersource import (
    inner_state,
    local_authority,
    pronoun_state,
    row_place_state,
    rubric_speaker,
    speaker_place_state,
)
from fullpicture.align._intlsource import attributed_after, international_side, quoted_from_body
from fullpicture.align._rowmembers import _UNREAL
from fullpicture.align._rowmembers import Member as Member
from fullpicture.align._rowmembers import side_of_state as _side_of_state
from fullpicture.align._subcounts import sub_count_value
from fullpicture.align._targets import target_conflict, target_values
from fullpicture.align._util import EntityIndex, published_day
from fullpicture.align._victims import victims
from fullpicture.models import Analysis, Event, Figure
from fullpicture.models.comparison import Conflict, ConflictValue, FigureSeries


def event_figures(a: Analysis, ev: Event) -> list[Figure]:
    """Figures attached to an event (by the event's list or the figure's back link)."""
    ids = set(ev.figures)
    return [f for f in a.figures if f.id in ids or f.event == ev.id]


FigureItem = tuple[Figure, ConflictValue]
_YM = re.compile(r"^(\d{4}|XXXX)-(\d\d)")
_YEAR_ONLY = re.compile(r"^\d{4}$")
_RELATIVE_DAY = re.compile(r"^XXXX-(?:WXX-\d|\d\d-\d\d)")


def dates_disjoint(a: str, b: str, slack_days: int = 0) -> bool:
    """Two TIMEX3 values that cannot be the same time: intervals more than ``slack_days`` apart,
    or (a year unknown) different months ("XXXX-04" and "2013-07-02")."""
    ia, ib = interval(a), interval(b)
    if ia and ib:
        return ia[0] - ib[1] > slack_days or ib[0] - ia[1] > slack_days
    if (_YEAR_ONLY.match(a) and _RELATIVE_DAY.match(b)) or (_YEAR_ONLY.match(b) and _RELATIVE_DAY.match(a)):
        # "in 2004" beside "on Sunday" (no publication date to anchor the weekday): a day of
        # this week is not told as a bare year, so the year is another time
        return True
    ma, mb = _YM.match(a), _YM.match(b)
    return bool(ma and mb and ma.group(2) != mb.group(2))


def _main_date(members: Sequence[Member]) -> str | None:
    """The incident's own date: the most stated day-precise date of its mentions, else the most
    stated date (dates of earlier events told in passing are usually a year or a month)."""
    stated = Counter(m.event.date for m in members if m.event.date and m.event.date_source == "sentence")
    days = Counter({d: n for d, n in stated.items() if re.match(r"^(\d{4}|XXXX)-\d\d-\d\d", d)})
    pick = days or stated
    return pick.most_common(1)[0][0] if pick else None


def incident_figures(
    members: Sequence[Member], index: EntityIndex | None = None, slack_days: int = 7, accounts: bool = True,
    zero_implies: dict[str, list[str]] | None = None, sides: Sequence[str] | None = None,
    international: str | None = None, source_after: bool = False, inner: bool = False, pronoun_chars: int = 0,
    coarse_slack_days: int | None = None, denial_content: bool = False, preliminary_stages: bool = False,
    cfg: dict[str, Any] | None = None,
    sub_count_sums: bool = False,
) -> dict[str, dict[str, list[FigureItem]]]:
    """Typed figures of an incident: ``counts -> side -> [(figure, value with provenance)]``,
    each figure once (a figure attached to two mentions is listed once). Figures of mentions
    dated more than ``slack_days`` from the incident are left out. With ``accounts`` (and an
    ``index``), a figure sits under the side whose account it is (``_agents.account_side``): a
    toll one side's outlet quotes from the other side's ministry is the other side's value, with
    ``reported_by`` naming the side that reported it. ``zero_implies``: a zero of a broad count
    also stands as a zero of the narrower ones ("no casualties": none killed, none injured) for
    a side that states no figure of the narrower count itself. ``sides``: every compared side
    (default: the sides of ``members``): a wire's toll quoted from a state that is a compared
    side is that side's account even in a row none of its own documents tells. ``international``:
    the compared side that stands for international bodies: a figure a state's side quotes from
    one (``_intlsource.quoted_from_body``) is that side's account. ``source_after``: a figure in
    the outlet's own words whose source a sentence after it names (``_intlsource.attributed_after``)
    is the account of the state that source names. ``inner``: a figure whose own clause names
    a speaker inside the claim ("a raid that Baku says killed 14" in a ministry's claim:
    ``_innersource.inner_state``) is that speaker's state's account. ``pronoun_chars``: a figure
    in a claim whose speaker is a personal pronoun is the account of the state of the claim
    before it, within that many characters (``_innersource.pronoun_state``; 0: off).
    ``coarse_slack_days``: the slack where either date is coarser than a day (a month, a week, a
    year: "the strike last month killed 19" in the report of today's strike); None: ``slack_days``.
    ``denial_content``: a figure told inside what a state denies ("X denied carrying out the attack,
    when four were killed") is no account of that state (``_agents.denied_content``): the
    reporting side's words, and none where the reporting side is that state's.
    ``preliminary_stages``: a value told as preliminary that its side of a state exceeds on the
    same day or later is an earlier stage of the side's count (population ``earlier``,
    :func:`_preliminary_stages`).
    ``cfg``: the ``[align]`` settings the figure rules read (``population``; the shipped ones when None).
    ``cfg`` ``figure_speaker_place``: a speaker of no known state whose own words name a place
    ("X, the head of the Lask council") speaks for the state that holds it
    (``_innersource.speaker_place_state``), and a local authority that names no place ("city
    authorities") for the state of the row's place (``_innersource.row_place_state``).
    ``sub_count_sums``: the counts of a list of groups ("two commanders, up to 40 officers and up
    to 15 advisers were killed") are parts, and their sum stands as the side's value
    (:mod:`._subcounts`).
    (No place filter is applied: it cost most true conflicts on ECB+, where one incident is
    placed at several levels.)"""
    zero_implies = zero_implies or {}
    by_count: dict[str, dict[str, list[FigureItem]]] = {}
    implied: list[tuple[str, str, Figure, ConflictValue]] = []
    seen: set[tuple[str, str]] = set()
    early: set[tuple[str, str]] = set()  # (document, figure) told as preliminary
    main = _main_date(members)
    side_of_state = _side_of_state(members, sides)
    by_sentence: dict[tuple[str, int], str] = {}
    for m in members:
        if m.event.date and m.event.date_source == "sentence":
            by_sentence.setdefault((m.analysis.document.id, m.event.evidence.start), m.event.date)
    lists: dict[str, dict[str, list[Figure]]] = {}  # document -> item id -> its list (sub_count_sums)
    speaker_place = bool((cfg or {}).get("figure_speaker_place", False))
    place_state = row_place_state(members, index) if speaker_place and index is not None else None
    for m in members:
        own = (m.event.date if m.event.date_source == "sentence" else None) \
            or by_sentence.get((m.analysis.document.id, m.event.evidence.start)) or m.host_date
        if main and own and dates_disjoint(own, main, _slack(own, main, slack_days, coarse_slack_days)):
            # a mention dated elsewhere ("the 2004 tsunami killed ..."): not this incident's
            # figure; a few days off is the reporting clause's date ("officials said on Sunday")
            continue
        for f in event_figures(m.analysis, m.event):
            f = headline_bound(m.analysis, f)
            key = (m.analysis.document.id, f.id)
            if not f.counts or key in seen:
                continue
            seen.add(key)
            side = m.side
            if accounts and index is not None and side_of_state:
                state = ((inner_state(m.analysis, f) if inner else None)
                         or pronoun_state(m.analysis, f.claim, index, pronoun_chars)
                         or (None if inner and rubric_speaker(m.analysis, f.claim)
                             else claim_state(m.analysis, f.claim, index))
                         or (speaker_place_state(m.analysis, f.claim, index) if speaker_place else None)
                         or (place_state if speaker_place and local_authority(m.analysis, f.claim) else None))
                if state is None and source_after:
                    after = attributed_after(m.analysis, f)  # "Такие данные приводит <ministry>"
                    state = name_state(after) if after else None
                if denial_content and state is not None and denied_content(m.analysis, f.claim):
                    if state == side_state(m.side):
                        continue  # a side does not state the count of what it denies
                    state = None  # the toll the outlet tells with the denial: its own words
                account = account_side(m.side, state, side_of_state)
                if account is None:
                    continue  # another state's figure quoted by a side: no compared side's account
                side = account
                if (international and side == m.side and side != international and side_state(side)
                        and quoted_from_body(m.analysis, f)):
                    side = international  # a wire's or a UN agency's count the side relays
            cv = ConflictValue(
                side=side,
                reported_by=m.side if side != m.side else None,
                value=figure_text(f),
                document=m.analysis.document.id,
                claim=f.claim or m.event.source,
                start=f.start,
                end=f.end,
                field=f"figure:{f.counts}",
                population=population(m.analysis, f, cfg),
                date=published_day(m.analysis),
                victims=victims(m.analysis, f, index),
            )
            if sub_count_sums:
                cv = sub_count_value(m.analysis, f, cv, lists, seen, by_count, cfg)
            by_count.setdefault(f.counts, {}).setdefault(side, []).append((f, cv))
            if preliminary_stages and preliminary(m.analysis, f):
                early.add((cv.document, f.id))
            for narrower in zero_implies.get(f.counts, ()) if figure_range(f) == (0.0, 0.0) else ():
                # "no casualties": zero of each narrower count, compared as such
                implied.append((narrower, side, f, cv.model_copy(update={"field": f"figure:{narrower}"})))
    if early:
        by_count = {c: {s: _preliminary_stages(items, s, early) for s, items in per.items()}
                    for c, per in by_count.items()}
    for narrower, side, f, zero in implied:
        if not by_count.get(narrower, {}).get(side):  # a side's own count of it says more
            by_count.setdefault(narrower, {}).setdefault(side, []).append((f, zero))
    # (a side stating both "no casualties" and "12 killed" keeps 12; its zero stands for the
    # narrower count only where it states no figure of that count)
    return by_count


def _preliminary_stages(items: list[FigureItem], side: str, early: set[tuple[str, str]]) -> list[FigureItem]:
    """A side's values where each closed value told as preliminary (``early``: (document,
    figure) pairs) that the side of a state exceeds in a value stated the same day or later
    (a higher lower end, comparable people, not vague) counts as an earlier stage of its count:
    population ``earlier`` (shown in update series, never compared). A side of no state keeps
    its values (they may be several states' accounts)."""
    if side_state(side) is None:
        return items

    def exceeded(f: Figure, cv: ConflictValue) -> bool:
        r = figure_range(f)
        return r is not None and any(
            g is not f and not g.vague and (rg := figure_range(g)) is not None and rg[0] > r[1]
            and (w.date or "") >= (cv.date or "") and w.population not in _NEVER
            and comparable(cv.population or "people", w.population or "people")
            for g, w in items)

    return [(f, cv.model_copy(update={"population": "earlier"}))
            if (cv.document, f.id) in early and is_closed(f) and cv.population not in _NEVER and exceeded(f, cv)
            else (f, cv) for f, cv in items]


def _slack(a: str, b: str, days: int, coarse: int | None) -> int:
    """The slack in days between two dates: ``days`` when both are days (the reporting clause's
    day a few days after the happening's), else ``coarse`` (a month told beside a day is the
    month of another happening unless it holds the day); ``days`` when ``coarse`` is None."""
    if coarse is None:
        return days
    ia, ib = interval(a), interval(b)
    return days if ia and ib and ia[0] == ia[1] and ib[0] == ib[1] else coarse


def headline_bound(a: Analysis, f: Figure) -> Figure:
    """The body's bound a headline figure shortens: a headline drops the hedge ("Five dead" over
    "killing at least five"), so a closed headline count whose number the same document's body
    states as a lower bound of the same count is that bound (``f`` itself otherwise)."""
    if f.value is None or f.low is None or f.low != f.high or not any(
            z.kind == "heading" and z.start <= f.start < z.end for z in a.zones):
        return f
    return next((g for g in a.figures if g.counts == f.counts and g.high is None and g.low == f.value
                 and not g.vague and not any(z.kind == "heading" and z.start <= g.start < z.end for z in a.zones)),
                f)


def implied_zero(item: FigureItem) -> bool:
    """Whether a compared value is a zero a broader count implies ("no casualties" read as none
    killed): its figure counts something else than the value's field."""
    f, cv = item
    return cv.field != f"figure:{f.counts}"


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


def _clash_sides(a: list[FigureItem], b: list[FigureItem], cfg: dict[str, Any], counts: str = "",
                 spans: Sequence[tuple[float, float]] = (),
                 stated: dict[str, list[FigureItem]] | None = None) -> bool:
    """Two sides clash on a count when they state comparable figures and every comparable pair
    clashes (one agreeing pair, e.g. a later update matching the other side, is agreement).
    ``a`` and ``b`` are already ``_compared``: a side's bound that one of its own closed
    statements satisfies adds nothing ("four killed" and "at least four died" read as four); a
    bound no closed statement of the side meets ("more than 40 died" beside "two men" of a
    breakdown) stands for itself. Two values inside the span of one side's update series
    (``spans``, :func:`series_spans`) do not clash. With ``stated`` (every value each side
    states), a pair of two days whose lower value the later side's own toll passed is a stage,
    left out (:func:`._daystages.later_stage`); where only such pairs are left, no clash. With
    ``figure_whole_bounds_class``, a whole broken down into classes and a class count of the other
    side above it (``class_exceeds_whole``) clash too; a class count below the whole may be its part
    and says nothing either way."""
    pairs = [(fa, fb) for fa, va in a for fb, vb in b
             if comparable(va.population or "people", vb.population or "people")
             and _same_thing(fa, fb, counts, cfg)
             and not (stated is not None and later_stage((fa, va), (fb, vb), stated, _day_stage))]
    wholes = [class_exceeds_whole(fa, pa, fb, pb, cfg) for fa, va in a for fb, vb in b
              if cfg.get("figure_whole_bounds_class", False)
              and whole_over_class(pa := va.population or "people", pb := vb.population or "people")]
    return bool(pairs or any(wholes)) and all(ranges_clash(fa, fb, cfg) and not _in_series(fa, fb, spans)
                                              for fa, fb in pairs)


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
    state also states (KFOR's 25 in one wire, a president's 41 in another, the 41 also in that
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


def _clashes(
    by_count: dict[str, dict[str, list[FigureItem]]], cfg: dict[str, Any]
) -> tuple[list[tuple[str, str, str]], dict[str, dict[str, list[FigureItem]]]]:
    """The clashing ``(counts, side, side)`` and each side's compared values, by count."""
    out: list[tuple[str, str, str]] = []
    compared: dict[str, dict[str, list[FigureItem]]] = {}
    for counts, per_side in sorted(by_count.items()):
        if counts in (cfg.get("figure_unconflicted_counts") or ()):
            compared[counts] = per_side  # "37 people" rescued, "118 people" lived there: no toll
            continue
        merged: dict[str, list[FigureItem]] = {}
        clashed: dict[str, list[FigureItem]] = {}
        for group in victim_groups(per_side, cfg):
            if cfg.get("figure_relayed_strangers", False):
                group = {s: relayed_strangers(items) for s, items in group.items()}
            standing = {s: _compared(items, cfg) for s, items in group.items()}
            mine = superseded(standing, cfg)
            if cfg.get("figure_stage_relay", True):
                mine = relayed_stages(mine, {s: [x for x in standing[s] if x not in mine[s]] for s in mine},
                                      cfg, counts)
            if cfg.get("figure_early_relays", False):
                mine = early_relays(mine, group)
            if cfg.get("figure_day_stages", False):
                mine = day_stages(mine, group, _day_usable, _day_stage)
            spans = series_spans(mine) if cfg.get("figure_series_spans", True) else []
            if cfg.get("figure_relayed_accounts", True):
                mine = without_relayed(mine, cfg, counts, spans)
            if float(cfg.get("figure_rival_bound_reach", 0)) > 0:
                mine = rival_bounds(mine, float(cfg["figure_rival_bound_reach"]))
            sides = list(mine)
            found = [(counts, s, t) for i, s in enumerate(sides) for t in sides[i + 1 :]
                     if _clash_sides(mine[s], mine[t], cfg, counts, spans,
                                     group if cfg.get("figure_cross_day_stages", False) else None)]
            for s, items in mine.items():
                merged.setdefault(s, []).extend(items)
                if found:  # the values of a group of people the sides contest
                    clashed.setdefault(s, []).extend(items)
            out += [x for x in found if x not in out]
        compared[counts] = clashed or merged
    return out, compared


def victim_groups(per_side: dict[str, list[FigureItem]], cfg: dict[str, Any]) -> list[dict[str, list[FigureItem]]]:
    """The values of one count split by whose people they count (``_victims``), where they name
    two states' people or more ("18 Freedonian soldiers", "120 Ruritanian soldiers"): each side's
    count of one nation's dead is compared with the other sides' counts of that nation's, and a
    count that names no nation ("at least 99 killed", perhaps both armies' dead) only with
    counts that name none. Where they name one nation or none, one group (``[align]
    figure_victim_groups`` off: always one)."""
    named = sorted({cv.victims for items in per_side.values() for _, cv in items
                    if cv.victims and cv.population not in _NEVER})
    if len(named) < 2 or not cfg.get("figure_victim_groups", True):
        return [per_side]
    out = []
    for key in [*named, None]:
        group = {s: [x for x in items if x[1].victims == key] for s, items in per_side.items()}
        out.append({s: items for s, items in group.items() if items})
    return out


def incident_figures_for(members: Sequence[Member], cfg: dict[str, Any], index: EntityIndex | None,
                         sides: Sequence[str] | None = None) -> dict[str, dict[str, list[FigureItem]]]:
    """:func:`incident_figures` with the ``[align]`` settings' slack and accounts (``sides``:
    every compared side, with ``figure_accounts_all_sides``; the side of international bodies,
    ``figure_international_sides``)."""
    labels = sides if sides is not None else sorted({m.side for m in members})
    return incident_figures(members, index, int(cfg.get("incident_figure_date_slack_days", 7)),
                            bool(cfg.get("figure_accounts", True)), dict(cfg.get("figure_zero_implies") or {}),
                            sides if cfg.get("figure_accounts_all_sides", True) else None,
                            international_side(labels, cfg.get("figure_international_sides") or ()),
                            bool(cfg.get("figure_source_after", True)), bool(cfg.get("figure_inner_source", True)),
                            int(cfg.get("figure_pronoun_speaker_chars", 0)),
                            _opt_int(cfg.get("incident_figure_coarse_slack_days")),
                            bool(cfg.get("figure_denial_content", False)),
                            bool(cfg.get("figure_preliminary_stages", False)), cfg,
                            bool(cfg.get("figure_sub_count_sums", False)))


def _opt_int(x: Any) -> int | None:
    return None if x is None else int(x)


def figure_clashes(
    members: Sequence[Member], cfg: dict[str, Any], index: EntityIndex | None = None
) -> list[tuple[str, str, str]]:
    """``(counts, side, side)`` of every pair of sides whose figures of one count clash."""
    return _clashes(incident_figures_for(members, cfg, index), cfg)[0]


def implied_clashes(
    members: Sequence[Member], cfg: dict[str, Any], index: EntityIndex | None = None
) -> tuple[list[tuple[str, str, str]], set[tuple[str, str, str]]]:
    """The :func:`figure_clashes` and, from the same computation, those in which one side's
    values of the count are all zeros a broader count implies ("no casualties" against "12
    killed"): a clash of what that side said of the broader count, for scorers whose gold
    annotates counts as stated."""
    found, compared = _clashes(incident_figures_for(members, cfg, index), cfg)
    return found, {(c, s, t) for c, s, t in found
                   if any(compared[c][x] and all(implied_zero(i) for i in compared[c][x]) for x in (s, t))}


def figure_updates(by_count: dict[str, dict[str, list[FigureItem]]], cfg: dict[str, Any]) -> list[FigureSeries]:
    """One side's differing figures of one count (in different documents or at different dates):
    an update series in date order, never a conflict (one series per nation's people where the
    count names several: :func:`victim_groups`)."""
    out = []
    for counts, whole in sorted(by_count.items()):
        for side, items in (kv for group in victim_groups(whole, cfg) for kv in group.items()):
            if len(items) < 2:
                continue
            differ = any(
                ranges_clash(fa, fb, cfg) and va.document != vb.document
                and comparable(_staged(va.population), _staged(vb.population))
                for k, (fa, va) in enumerate(items) for fb, vb in items[k + 1 :])
            if differ:
                # parts ("3 of them women"), running totals and things are no values of the count
                # (an earlier stage, "initially 40 were reported", is one: the series shows it)
                vals = sorted((cv for _, cv in items if _staged(cv.population) not in _NEVER),
                              key=lambda v: (v.date or "", v.document, v.start or 0))
                out.append(FigureSeries(field=f"figure:{counts}", side=side, values=vals))
    return out


def _staged(population: str | None) -> str:
    """A population for update series: an earlier stage of a count counts its people."""
    return "people" if population in (None, "earlier") else population


def _figure_conflicts(by_count: dict[str, dict[str, list[FigureItem]]], cfg: dict[str, Any],
                      disputes: dict[str, dict[str, list[ConflictValue]]] | None = None) -> list[Conflict]:
    found, compared = _clashes(by_count, cfg)
    clashing: dict[str, set[str]] = {}
    for counts, s, t in found:
        clashing.setdefault(counts, set()).update((s, t))
    disputes = disputes or {}
    for counts, per_side in disputes.items():  # a side rejecting the count another side states
        for d in per_side:
            others = [t for t, items in compared.get(counts, {}).items() if t != d and items]
            if others:
                clashing.setdefault(counts, set()).update([d, *others])
    out = []
    for counts, sides in sorted(clashing.items()):  # a conflict needs two sides
        # the values that took part: a running total, a part or a count of things never does,
        # nor a count no other side's value is comparable with (the guards hurt in a prison)
        per_side = {s: [cv for _, cv in items] for s, items in compared.get(counts, {}).items() if s in sides}
        disputing = {s for s in disputes.get(counts, {}) if s in sides}
        vals = [cv for s, mine in per_side.items() for cv in mine
                if (disputing - {s}) or any(_meets(cv, ov, cfg) for t, theirs in per_side.items() if t != s
                                             for ov in theirs)]
        vals += [cv for s in sorted(disputing) for cv in disputes[counts][s]]
        out.append(Conflict(field=f"figure:{counts}", values=vals))
    return out


def _meets(cv: ConflictValue, other: ConflictValue, cfg: dict[str, Any]) -> bool:
    """Two sides' values that are set against each other: comparable people, or a whole and a
    class count (``figure_whole_bounds_class``, :func:`whole_over_class`)."""
    p, q = cv.population or "people", other.population or "people"
    return comparable(p, q) or (bool(cfg.get("figure_whole_bounds_class", False)) and whole_over_class(p, q))


def row_targets(members: Sequence[Member], index: EntityIndex) -> list[ConflictValue]:
    """What was hit, in each side's words (:func:`target_values`: real mentions only, words
    quoted from another compared side's state given to that side)."""
    return target_values(members, _UNREAL, index, _side_of_state(members))


def find_conflicts(
    members: Sequence[Member], index: EntityIndex, cfg: dict[str, Any],
    figures: dict[str, dict[str, list[FigureItem]]] | None = None,
) -> list[Conflict]:
    """Every field on which the sides reporting one event disagree, values with provenance
    (``figures``: the incident's :func:`incident_figures_for`, when the caller has them)."""
    if len({m.side for m in members}) < 2:
        return []
    figs = incident_figures_for(members, cfg, index) if figures is None else figures
    disputes = (figure_disputes(members, figs, index, bool(cfg.get("figure_hedged_disputes", False)))
                if cfg.get("figure_disputes", True) else None)
    out = _figure_conflicts(figs, cfg, disputes)
    for c in (
        _date_conflict(members, int(cfg.get("date_conflict_slack_days", 0)), int(cfg.get("date_conflict_max_days", 0))),
        _entity_conflict(members, index, "agent", cfg) or _agent_denial(members, index, cfg),
        _entity_conflict(members, index, "place", cfg),
        target_conflict(row_targets(members, index), cfg),
    ):
        if c is not None:
            out.append(c)
    return out
