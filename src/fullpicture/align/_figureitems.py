"""A row's figures, by count and side (:func:`incident_figures`): each figure of the row's
mentions once, under the side whose account it is (its speaker's state, the body it is quoted
from), with the population and the people it counts; a mention dated away from the row's day
gives none. The values each side stands by are :mod:`._figureseries`, the clashes
:mod:`._figureclash`."""

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
from fullpicture.align._dates import interval
from fullpicture.align._figuretold import preliminary
from fullpicture.align._figurevalues import (
    _NEVER,
    comparable,
    figure_range,
    figure_text,
    is_closed,
    population,
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
from fullpicture.align._rowmembers import Member
from fullpicture.align._rowmembers import side_of_state as _side_of_state
from fullpicture.align._runningcount import count_day
from fullpicture.align._subcounts import sub_count_value
from fullpicture.align._util import EntityIndex, published_day
from fullpicture.align._victims import victims
from fullpicture.models import Analysis, Event, Figure
from fullpicture.models.comparison import ConflictValue


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
    ``cfg`` ``figure_count_days``: a count told "as of" a day carries that day, not its report's
    (:func:`._runningcount.count_day`).
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
    later_days = int((cfg or {}).get("figure_later_days", 0) or 0)
    count_days = bool((cfg or {}).get("figure_count_days", False))  # "as of 9 May, N had fled": that day's
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
                population="later" if told_long_after(m.analysis, main, later_days) else population(m.analysis, f, cfg),
                date=(count_day(m.analysis, f) if count_days else None) or published_day(m.analysis),
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


def told_long_after(a: Analysis, main: str | None, days: int) -> bool:
    """The document was published more than ``days`` days after the row's own day ``main`` (0:
    never): its counts are later findings (an inquiry's named victims years on), not an account
    to set against the counts of the happening's days (population ``later``)."""
    iv, pub = interval(main), interval(published_day(a))
    return days > 0 and iv is not None and pub is not None and pub[0] - iv[1] > days


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
