"""Figure conflicts: the counts on which two sides' standing values (:mod:`._figureseries`)
clash, per group of the people counted (:func:`victim_groups`), the conflicts they make with the
sides that dispute a count, and each side's update series (:func:`figure_updates`)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from fullpicture.align._agents import side_state
from fullpicture.align._daystages import (
    day_stages,
    later_stage,
    next_day_rise,
    revised_to,
    running_stage,
    wire_below,
)
from fullpicture.align._figureitems import FigureItem, implied_zero, incident_figures_for
from fullpicture.align._figureseries import (
    _agree,
    _compared,
    _day_stage,
    _day_usable,
    _in_series,
    _same_thing,
    early_relays,
    in_rise,
    relayed_stages,
    rising_spans,
    rival_bounds,
    series_spans,
    superseded,
    without_relayed,
)
from fullpicture.align._figurevalues import (
    _NEVER,
    class_exceeds_whole,
    comparable,
    ranges_clash,
    relayed_strangers,
    whole_over_class,
)
from fullpicture.align._rowmembers import Member
from fullpicture.align._scopedzero import class_zero_apart
from fullpicture.align._util import EntityIndex
from fullpicture.align._vaguereach import beyond_vague, early_vague, precise_documents
from fullpicture.models.comparison import Conflict, ConflictValue, FigureSeries


def _clash_sides(a: list[FigureItem], b: list[FigureItem], cfg: dict[str, Any], counts: str = "",
                 spans: Sequence[tuple[float, float]] = (),
                 stated: dict[str, list[FigureItem]] | None = None,
                 rising: Sequence[tuple[float, float]] = (),
                 staged: Sequence[tuple[float, float]] = (),
                 told: dict[str, list[FigureItem]] | None = None) -> bool:
    """Two sides clash on a count when they state comparable figures and every comparable pair
    clashes (one agreeing pair, e.g. a later update matching the other side, is agreement).
    ``a`` and ``b`` are already ``_compared``: a side's bound that one of its own closed
    statements satisfies adds nothing ("four killed" and "at least four died" read as four); a
    bound no closed statement of the side meets ("more than 40 died" beside "two men" of a
    breakdown) stands for itself. Two values inside the span of one side's update series
    (``spans``, :func:`series_spans`) do not clash. With ``stated`` (every value each side
    states), a pair of two days whose lower value the later side's own toll passed is a stage,
    left out (:func:`._daystages.later_stage`); where only such pairs are left, no clash. Of a
    running count (``figure_running_counts``: the people who fled so far), two days' values whose
    later one is the higher are stages of it, left out too (:func:`._daystages.running_stage`); of
    any other count, so are two values at most ``figure_rising_days`` days apart whose later one is the
    higher, the earlier side's first count (:func:`._daystages.next_day_rise`: a toll that rose
    overnight; ``told``: every value each side states); with ``figure_same_day_wire_stages``, so
    is a side of no state's value below a state's of the same day (:func:`._daystages.wire_below`).
    Two values of which one is a side of no state's (a wire relays stages) inside the
    span of a state's series with the stages it has since raised (``staged``, ``figure_series_stages``)
    do not clash. With
    ``figure_whole_bounds_class``, a whole broken down into classes and a class count of the other
    side above it (``class_exceeds_whole``) clash too; a class count below the whole may be its part
    and says nothing either way. Two values inside the span of a rising toll a wire relays
    (``rising``, :func:`rising_spans`) do not clash either.
    With ``figure_scoped_zeros``, a zero of one class of people and a count of no class or
    another (:func:`class_zero_apart`) are no pair. With ``figure_vague_reach``, a vague count and
    a value above its reach clash (:func:`._vaguereach.beyond_vague`), and a vague count told on a
    day before the other value is no pair (:func:`._vaguereach.early_vague`).
    """
    running = counts in (cfg.get("figure_running_counts") or ())  # a count of the people fled so far
    rising_days = int(cfg.get("figure_rising_days", 0))
    pairs = [((fa, va), (fb, vb)) for fa, va in a for fb, vb in b
             if comparable(va.population or "people", vb.population or "people")
             and _same_thing(fa, fb, counts, cfg)
             and not (cfg.get("figure_scoped_zeros", False)
                      and class_zero_apart(fa, va.population or "people", fb, vb.population or "people"))
             and not (stated is not None and later_stage((fa, va), (fb, vb), stated, _day_stage))
             and not (cfg.get("figure_running_count_stages", False)
                      and running and running_stage((fa, va), (fb, vb)))
             and not (cfg.get("figure_same_day_wire_stages", False) and wire_below((fa, va), (fb, vb)))
             and not (told is not None and not running and next_day_rise((fa, va), (fb, vb), rising_days, told))
             and not (stated is not None and cfg.get("figure_own_revisions", False)
                      and _revised((fa, va), (fb, vb), stated, cfg, counts))
             and not early_vague((fa, va), (fb, vb), cfg)]
    wholes = [class_exceeds_whole(fa, pa, fb, pb, cfg) for fa, va in a for fb, vb in b
              if cfg.get("figure_whole_bounds_class", False)
              and whole_over_class(pa := va.population or "people", pb := vb.population or "people")]
    if cfg.get("figure_category_disputes", False) and category_dispute(a, b):
        return True  # "203 terrorists neutralised" against "some 300 civilians executed"
    exact = precise_documents(a, b, *(stated or {}).values())
    return bool(pairs or any(wholes)) and all(
        (ranges_clash(fa, fb, cfg) or beyond_vague((fa, va), (fb, vb), cfg, exact))
        and not _in_series(fa, fb, spans) and not in_rise(fa, fb, rising)
        and not (_in_series(fa, fb, staged) and None in (side_state(va.side), side_state(vb.side)))
        for (fa, va), (fb, vb) in pairs)


@functools.lru_cache(maxsize=1)
def _category_pairs() -> tuple[tuple[str, str], ...]:
    """The pairs of populations that name the same dead as two categories (``counts.toml``
    [category_disputes]): fighters by one side, civilians by another."""
    from fullpicture._data import data_toml

    pairs = data_toml("figures", "counts.toml").get("category_disputes", {}).get("pairs", [])
    return tuple((str(x), str(y)) for x, y in pairs)


def _pops(items: list[FigureItem]) -> set[str]:
    return {v.population or "people" for _, v in items if (v.population or "people") not in _NEVER}


def category_dispute(a: list[FigureItem], b: list[FigureItem]) -> bool:
    """Two sides name the dead of one happening as two categories: every compared value of one
    side counts one category (the army's "203 terrorists neutralised") and the other side's values
    count the other category (witnesses' "some 300 civilians executed") and never the first. Who
    the dead were is the dispute, whatever the numbers; a side that counts both categories
    breaks its toll down, no dispute."""
    pa, pb = _pops(a), _pops(b)
    for x, y in _category_pairs():
        for mine, theirs in ((pa, pb), (pb, pa)):
            if mine == {x} and y in theirs and x not in theirs:
                return True
    return False


def category_pair(p: str, q: str) -> bool:
    """Two populations a category dispute sets against each other (``counts.toml``
    [category_disputes])."""
    return any({p, q} == {x, y} for x, y in _category_pairs())


def _revised(x: FigureItem, y: FigureItem, stated: dict[str, list[FigureItem]], cfg: dict[str, Any],
             counts: str) -> bool:
    """One of two sides' values is a stage its own side later revised to the other's value
    (:func:`._daystages.revised_to`)."""
    def agree(p: FigureItem, q: FigureItem) -> bool:
        return _agree(p, q, cfg, counts)

    return revised_to(x, y, stated, agree) or revised_to(y, x, stated, agree)


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
                left = {s: [x for x in standing[s] if x not in mine[s]] for s in mine}
                if cfg.get("figure_series_stages", False):
                    left = _left_behind(group, left, cfg)
                mine = relayed_stages(mine, left, cfg, counts)
            if cfg.get("figure_early_relays", False):
                mine = early_relays(mine, group)
            if cfg.get("figure_day_stages", False):
                mine = day_stages(mine, group, _day_usable, _day_stage)
            spans = series_spans(mine) if cfg.get("figure_series_spans", True) else []
            staged = series_spans(standing) if cfg.get("figure_series_stages", False) else []
            rising = rising_spans(mine) if cfg.get("figure_rising_relays", False) else []
            if cfg.get("figure_relayed_accounts", True):
                mine = without_relayed(mine, cfg, counts, spans)
            if float(cfg.get("figure_rival_bound_reach", 0)) > 0:
                mine = rival_bounds(mine, float(cfg["figure_rival_bound_reach"]))
            sides = list(mine)
            found = [(counts, s, t) for i, s in enumerate(sides) for t in sides[i + 1 :]
                     if _clash_sides(mine[s], mine[t], cfg, counts, spans,
                                     group if cfg.get("figure_cross_day_stages", False) else None, rising,
                                     staged, group)]
            for s, items in mine.items():
                merged.setdefault(s, []).extend(items)
                if found:  # the values of a group of people the sides contest
                    clashed.setdefault(s, []).extend(items)
            out += [x for x in found if x not in out]
        compared[counts] = clashed or merged
    return out, compared


def _left_behind(group: dict[str, list[FigureItem]], left: dict[str, list[FigureItem]],
                 cfg: dict[str, Any]) -> dict[str, list[FigureItem]]:
    """The stages each side of a state has left behind (``left``: of its standing values), with
    those of all it stated (``group``; strays included: a first count only one report gave) that
    the side itself raised on a later day (:func:`superseded`)."""
    usable = {s: [x for x in items if _day_usable(*x)] for s, items in group.items()}
    kept = superseded(usable, cfg)
    return {s: [*left.get(s, []), *(x for x in usable.get(s, []) if x not in kept[s] and x not in left.get(s, []))]
            for s in left}


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
        disputing = {s for s in disputes.get(counts, {}) if s in sides}
        items_of = {s: items for s, items in compared.get(counts, {}).items() if s in sides}
        if cfg.get("figure_disputed_relays", False):
            items_of = _without_disputed(items_of, disputing, disputes.get(counts, {}), cfg, counts)
        per_side = {s: [cv for _, cv in items] for s, items in items_of.items()}
        vals = [cv for s, mine in per_side.items() for cv in mine
                if (disputing - {s}) or any(_meets(cv, ov, cfg) for t, theirs in per_side.items() if t != s
                                             for ov in theirs)]
        vals += [cv for s in sorted(disputing) for cv in disputes[counts][s]]
        out.append(Conflict(field=f"figure:{counts}", values=vals))
    return out


def _without_disputed(items_of: dict[str, list[FigureItem]], disputing: set[str],
                      disputed: dict[str, list[ConflictValue]], cfg: dict[str, Any],
                      counts: str) -> dict[str, list[FigureItem]]:
    """Each side's values without those a disputing side's document states only to reject: in a
    document in which a side disputes the count ("the reports claimed 64 were killed ... the army
    dismissed the allegation"), its values that agree with another side's are that side's count
    relayed, not the disputing side's own (its own count, if it gives one, differs)."""
    out = dict(items_of)
    for s in disputing:
        docs = {d.document for d in disputed.get(s, [])}
        others = [y for t, ys in items_of.items() if t != s for y in ys]
        out[s] = [x for x in items_of.get(s, [])
                  if not (x[1].document in docs and any(_agree(x, y, cfg, counts) for y in others))]
    return out


def _meets(cv: ConflictValue, other: ConflictValue, cfg: dict[str, Any]) -> bool:
    """Two sides' values that are set against each other: comparable people, or a whole and a
    class count (``figure_whole_bounds_class``, :func:`whole_over_class`)."""
    p, q = cv.population or "people", other.population or "people"
    return comparable(p, q) or (bool(cfg.get("figure_whole_bounds_class", False)) and whole_over_class(p, q)) \
        or (bool(cfg.get("figure_category_disputes", False)) and category_pair(p, q))
