"""Conflicts: figures, dates, agents and places that differ between sides for one event."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from fullpicture.align._agents import (
    account_side,
    claim_state,
    mention_state,
    own_account,
    side_state,
)
from fullpicture.align._dates import interval
from fullpicture.align._util import EntityIndex, country_code
from fullpicture.models import Analysis, Entity, Event, Figure
from fullpicture.models.comparison import Conflict, ConflictValue, FigureSeries
from fullpicture.nlp.places._resolve import haversine_km


@dataclass
class Member:
    """One mention of an aligned event, with its side and document."""

    side: str
    analysis: Analysis
    event: Event
    #: the stated date of the happening this mention hangs on ("Five died in the quake" after "In
    #: April last year a quake struck ..."), when its own sentence states none
    host_date: str | None = None


def figure_range(f: Figure) -> tuple[float, float] | None:
    """The numeric range a figure states, or None when it states none.

    A lower bound without an upper one ("at least 200": ``low`` set, ``high`` unset) is
    open-ended, and vice versa ("fewer than 50").
    """
    if f.low is None and f.high is None:
        return None if f.value is None else (f.value, f.value)
    lo = f.low if f.low is not None else 0.0
    hi = f.high if f.high is not None else math.inf
    return (min(lo, hi), max(lo, hi))


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def figure_text(f: Figure) -> str:
    """Display value of a figure: its number or closed range, else its own words."""
    r = figure_range(f)
    if r is None or math.isinf(r[1]) or (r[0] == 0 and f.low is None) or (f.approximate and not f.vague):
        return f.text  # "more than 100,000", "about 50,000": the hedge is part of the value
    return _fmt(r[0]) if r[0] == r[1] else f"{_fmt(r[0])}–{_fmt(r[1])}"


def ranges_clash(a: Figure, b: Figure, cfg: dict[str, Any]) -> bool:
    """True when two figures about the same count cannot both be right.

    Ranges must be disjoint by more than a relative tolerance: ``figure_tolerance`` for
    exact figures and bounds, ``figure_tolerance_approx`` when a closed figure is
    approximate ("about 300"). Vague figures ("dozens") never clash.
    """
    ra, rb = figure_range(a), figure_range(b)
    if ra is None or rb is None or a.vague or b.vague:
        return False

    def tol(f: Figure, r: tuple[float, float]) -> float:
        closed = (f.low is None) == (f.high is None)
        key = "figure_tolerance_approx" if f.approximate and closed else "figure_tolerance"
        return float(cfg.get(key, 0.0))

    t = max(tol(a, ra), tol(b, rb))
    gap = max(ra[0], rb[0]) - min(ra[1], rb[1])
    finite = [x for x in (*ra, *rb) if not math.isinf(x)]
    scale = max([abs(x) for x in finite] + [1.0])
    return gap > t * scale


def event_figures(a: Analysis, ev: Event) -> list[Figure]:
    """Figures attached to an event (by the event's list or the figure's back link)."""
    ids = set(ev.figures)
    return [f for f in a.figures if f.id in ids or f.event == ev.id]


def _sides_clash(
    values: dict[str, list[ConflictValue]],
    differ: Callable[[list[ConflictValue], list[ConflictValue]], bool],
) -> bool:
    sides = list(values)
    return any(differ(values[s], values[t]) for i, s in enumerate(sides) for t in sides[i + 1 :])


@functools.lru_cache(maxsize=1)
def _populations() -> tuple[dict[str, str], frozenset[str]]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "counts.toml")
    pops = {k.lower(): str(v) for k, v in data.get("populations", {}).items()}
    return pops, frozenset(w.lower() for w in data.get("not_people", {}).get("nouns", []))


_PARTITIVE = re.compile(r"^\s+of\s+(?:the|his|her|their|its|my|our|your|them|those|these|whom)\b", re.I)
_INCLUDING = re.compile(r"^[^.;\n]{0,40}?\b(?:including|among them|of whom|of them)\b", re.I)


# a running total ("more than 600 killed so far", "nine killed in the war", "pushing the
# toll above 680"): the campaign's count, not the incident's
_TOTAL_AFTER = re.compile(r"^[^.;\n]{0,90}?\b(?:so far|to date|in total|altogether|since (?:the|it|they|fighting|"
                          r"hostilities)\b|in the (?:[\w-]+\s+){0,2}(?:conflict|war)\b)", re.I)
_TOTAL_BEFORE = re.compile(r"\b(?:bringing|pushing|raising|taking|brings|pushes|raises|takes)\s+(?:the\s+)?"
                           r"(?:[\w-]+\s+){0,3}(?:toll|total|tally|number)\s+(?:of\s+\w+\s+)?(?:to|above|past|over)\s*$", re.I)


# a count added to one told before: "eight guards were also injured"; "two more prisoners
# died" after a count of the dead (not "five were killed and 12 more wounded")
_ADDED = re.compile(r"^(?:(?!\b(?:who|that|which)\b)[^.;,\n]){0,50}?\b(?:were|was|are|is|have been|has been|had "
                    r"been)\s+also\b", re.I)
_MORE = re.compile(r"^\s+more\b", re.I)


# a count of the worst hurt among the injured is a part of the injured
_SEVERITY = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:were\s+|are\s+|was\s+)?(?:seriously|critically|severely|badly|gravely)\s+"
                       r"(?:injured|wounded|hurt|ill|burned)\b", re.I)
_SEVERITY_AFTER_NUMBER = re.compile(r"^\s*(?:of them\s+|of whom\s+)?(?:seriously|critically|severely|badly|gravely)\b"
                                    r"|^\s+(?:[\w-]+\s+){0,3}?in (?:a\s+)?(?:serious|critical|grave) condition", re.I)
# "..., the deadliest strike of the offensive so far": a superlative's "so far", not a total
_SUPERLATIVE = re.compile(r"\b(?:deadliest|bloodiest|worst|biggest|largest|heaviest|highest|single|most \w+)\b", re.I)


def population(a: Analysis, f: Figure) -> str:
    """Who a figure counts (``data/figures/counts.toml`` [populations]): people, civilians,
    servicemen, police; ``mixed`` when the count breaks down into classes ("170 people including
    12 civilians"); ``part`` for a partitive ("three of the four soldiers"); ``things`` for a noun
    that counts no people ("13 countries"); ``total`` for a running total of a campaign ("600
    killed so far", "pushing the toll above 680"); an unknown noun counts as people. ``part``,
    ``things`` and ``total`` are never compared with an incident's figures."""
    after = a.text[f.end : f.end + 60]
    total = _TOTAL_AFTER.match(a.text[f.end : f.end + 110])
    if (total and not _SUPERLATIVE.search(total.group(0))) or _TOTAL_BEFORE.search(a.text[max(0, f.start - 60) : f.start]):
        return "total"
    if re.search(r"\b(?:another|a further)\s+$", a.text[max(0, f.start - 12) : f.start], re.I) \
            or _ADDED.match(after) or (_MORE.match(after) and any(
                g.counts == f.counts and g.end <= f.start for g in a.figures)):
        return "part"  # "another four people died in hospital": added to a count told before
    if _SEVERITY.match(after) or _SEVERITY_AFTER_NUMBER.match(after):
        return "part"  # "30 people seriously injured", "55 wounded, 15 critically": the worst hurt
    if _INCLUDING.match(after):
        return "mixed"
    if _PARTITIVE.match(after):
        return "part"  # "one of my sons", "three of the four soldiers": a part of a group
    pops, things = _populations()
    noun = (f.unit or "").lower().strip()
    if noun and noun.split()[-1] in things:
        return "things"
    last = noun.split()[-1] if noun else ""
    for key in (noun, last, last[:-1] if last.endswith("s") else last,
                last[:-3] + "man" if last.endswith("men") else last):
        if key in pops:
            return pops[key]
    return "people"


def comparable(p: str, q: str) -> bool:
    """Two populations count the same people: the same class, or generic people and a class
    (a mixed count compares only with a mixed or generic one); demographic subgroups (children,
    women) and a facility's staff only with themselves."""
    if _NEVER & {p, q}:
        return False
    if p == q:
        return True
    return "people" in (p, q) and not ({p, q} & _SUBGROUPS)


_SUBGROUPS = frozenset({"children", "women", "men", "staff"})  # "staff": a facility's own people
_NEVER = frozenset({"things", "part", "total"})


def _published(a: Analysis) -> str | None:
    pub = getattr(a.document, "published", None)
    return str(pub)[:10] if pub else None


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
    members: Sequence[Member], index: EntityIndex | None = None, slack_days: int = 7, accounts: bool = True
) -> dict[str, dict[str, list[FigureItem]]]:
    """Typed figures of an incident: ``counts -> side -> [(figure, value with provenance)]``,
    each figure once (a figure attached to two mentions is listed once). Figures of mentions
    dated more than ``slack_days`` from the incident are left out. With ``accounts`` (and an
    ``index``), a figure sits under the side whose account it is (``_agents.account_side``): a
    toll one side's outlet quotes from the other side's ministry is the other side's value, with
    ``reported_by`` naming the side that reported it. (No place filter is applied: it cost most
    true conflicts on ECB+, where one incident is placed at several levels.)"""
    by_count: dict[str, dict[str, list[FigureItem]]] = {}
    seen: set[tuple[str, str]] = set()
    main = _main_date(members)
    side_of_state = {st: s for s in sorted({m.side for m in members}) if (st := side_state(s))}
    by_sentence: dict[tuple[str, int], str] = {}
    for m in members:
        if m.event.date and m.event.date_source == "sentence":
            by_sentence.setdefault((m.analysis.document.id, m.event.evidence.start), m.event.date)
    for m in members:
        own = by_sentence.get((m.analysis.document.id, m.event.evidence.start)) or m.host_date
        if main and own and dates_disjoint(own, main, slack_days):
            # a mention dated elsewhere ("the 2004 tsunami killed ..."): not this incident's
            # figure; a few days off is the reporting clause's date ("officials said on Sunday")
            continue
        for f in event_figures(m.analysis, m.event):
            key = (m.analysis.document.id, f.id)
            if not f.counts or key in seen:
                continue
            seen.add(key)
            side = m.side
            if accounts and index is not None and side_of_state:
                account = account_side(m.side, claim_state(m.analysis, f.claim, index), side_of_state)
                if account is None:
                    continue  # another state's figure quoted by a side: no compared side's account
                side = account
            cv = ConflictValue(
                side=side,
                reported_by=m.side if side != m.side else None,
                value=figure_text(f),
                document=m.analysis.document.id,
                claim=f.claim or m.event.source,
                start=f.start,
                end=f.end,
                field=f"figure:{f.counts}",
                population=population(m.analysis, f),
                date=_published(m.analysis),
            )
            by_count.setdefault(f.counts, {}).setdefault(side, []).append((f, cv))
    return by_count


def _closed(f: Figure) -> bool:
    r = figure_range(f)
    return r is not None and not f.vague and not math.isinf(r[1]) and (f.low is None) == (f.high is None)


def _same_thing(fa: Figure, fb: Figure, counts: str, cfg: dict[str, Any]) -> bool:
    """Whether two figures can measure one thing: measured quantities have a spread beyond which
    two values are two things (``figure_same_thing_max_gap``: agencies differ on a quake's
    magnitude by a few tenths; a 6.1 and a 7.6 are two quakes)."""
    gap = (cfg.get("figure_same_thing_max_gap") or {}).get(counts)
    ra, rb = figure_range(fa), figure_range(fb)
    if gap is None or ra is None or rb is None:
        return True
    return max(ra[0], rb[0]) - min(ra[1], rb[1]) <= float(gap)


def _subsume(items: list[FigureItem], cfg: dict[str, Any]) -> list[FigureItem]:
    """A side's figures without the open bounds its own closed figures satisfy."""
    closed = [f for f, _ in items if _closed(f)]
    return [(f, v) for f, v in items
            if _closed(f) or not any(not ranges_clash(f, c, cfg) for c in closed)]


def _clash_sides(a: list[FigureItem], b: list[FigureItem], cfg: dict[str, Any], counts: str = "") -> bool:
    """Two sides clash on a count when they state comparable figures and every comparable pair
    clashes (one agreeing pair, e.g. a later update matching the other side, is agreement). A
    side's bound that one of its own closed statements satisfies adds nothing ("four killed" and
    "at least four died" read as four); a bound no closed statement of the side meets ("more than
    40 died" beside "two men" of a breakdown) stands for itself."""
    a = [x for x in a if x[1].population not in _NEVER]
    b = [x for x in b if x[1].population not in _NEVER]
    a, b = _subsume(a, cfg), _subsume(b, cfg)
    pairs = [(fa, fb) for fa, va in a for fb, vb in b
             if comparable(va.population or "people", vb.population or "people")
             and _same_thing(fa, fb, counts, cfg)]
    return bool(pairs) and all(ranges_clash(fa, fb, cfg) for fa, fb in pairs)


def figure_clashes(
    members: Sequence[Member], cfg: dict[str, Any], index: EntityIndex | None = None
) -> list[tuple[str, str, str]]:
    """``(counts, side, side)`` of every pair of sides whose figures of one count clash."""
    out = []
    slack = int(cfg.get("incident_figure_date_slack_days", 7))
    accounts = bool(cfg.get("figure_accounts", True))
    for counts, per_side in sorted(incident_figures(members, index, slack, accounts).items()):
        sides = list(per_side)
        out += [(counts, s, t) for i, s in enumerate(sides) for t in sides[i + 1 :]
                if _clash_sides(per_side[s], per_side[t], cfg, counts)]
    return out


def figure_updates(by_count: dict[str, dict[str, list[FigureItem]]], cfg: dict[str, Any]) -> list[FigureSeries]:
    """One side's differing figures of one count (in different documents or at different dates):
    an update series in date order, never a conflict."""
    out = []
    for counts, per_side in sorted(by_count.items()):
        for side, items in per_side.items():
            if len(items) < 2:
                continue
            differ = any(
                ranges_clash(fa, fb, cfg) and va.document != vb.document
                and comparable(va.population or "people", vb.population or "people")
                for k, (fa, va) in enumerate(items) for fb, vb in items[k + 1 :])
            if differ:
                # parts ("3 of them women"), running totals and things are no values of the count
                vals = sorted((cv for _, cv in items if cv.population not in _NEVER),
                              key=lambda v: (v.date or "", v.document, v.start or 0))
                out.append(FigureSeries(field=f"figure:{counts}", side=side, values=vals))
    return out


def _figure_conflicts(members: Sequence[Member], cfg: dict[str, Any], index: EntityIndex | None = None) -> list[Conflict]:
    by_count = incident_figures(members, index, int(cfg.get("incident_figure_date_slack_days", 7)),
                                bool(cfg.get("figure_accounts", True)))
    clashing: dict[str, set[str]] = {}
    for counts, s, t in figure_clashes(members, cfg, index):
        clashing.setdefault(counts, set()).update((s, t))
    out = []
    for counts, sides in sorted(clashing.items()):  # a conflict needs two sides
        # the values that took part: a running total, a part or a count of things never does,
        # nor a count no other side's value is comparable with (the guards hurt in a prison)
        per_side = {s: [cv for _, cv in by_count[counts][s] if cv.population not in _NEVER]
                    for s in by_count[counts] if s in sides}
        vals = [cv for s, mine in per_side.items() for cv in mine
                if any(comparable(cv.population or "people", ov.population or "people")
                       for t, theirs in per_side.items() if t != s for ov in theirs)]
        out.append(Conflict(field=f"figure:{counts}", values=vals))
    return out


@functools.lru_cache(maxsize=1)
def _settings() -> frozenset[str]:
    from fullpicture._data import data_toml

    return frozenset(w.lower() for w in data_toml("events", "incidents.toml").get("distinct", {}).get("settings", []))


def _date_conflict(members: Sequence[Member]) -> Conflict | None:
    per_side: dict[str, list[ConflictValue]] = {}
    for m in members:
        if not m.event.date or interval(m.event.date) is None:
            continue
        if (m.event.trigger.lemma or "").lower() in _settings():
            continue  # a war lasts: the day it began and a later day are both its days
        if m.event.date_source not in (None, "sentence"):
            continue  # inherited dates (narrative, publication) are not the side's statement
        tx = next((t for t in m.analysis.timexes if t.value == m.event.date
                   and m.event.evidence.start <= t.start < m.event.evidence.end), None)
        per_side.setdefault(m.side, []).append(
            ConflictValue(
                side=m.side,
                value=m.event.date,
                document=m.analysis.document.id,
                claim=m.event.source,
                start=tx.start if tx else m.event.trigger.start,
                end=tx.end if tx else m.event.trigger.end,
            )
        )

    def differ(a: list[ConflictValue], b: list[ConflictValue]) -> bool:
        # sides clash when no date of one is compatible with any date of the other
        for x in a:
            ix = interval(x.value)
            for y in b:
                iy = interval(y.value)
                if ix and iy and ix[0] <= iy[1] and iy[0] <= ix[1]:
                    return False
        return True

    if len(per_side) > 1 and _sides_clash(per_side, differ):
        return Conflict(field="date", values=[v for vs in per_side.values() for v in vs])
    return None


def _place_keys(ent: Entity, key: str) -> tuple[set[str], set[str]]:
    """(keys, reach) of a place: a country also matches any place inside it."""
    keys, reach = {key}, {key}
    cc = country_code(ent.name)
    if cc and ent.type in ("GPE", "LOC"):
        keys.add(f"cc:{cc}")
        reach.add(f"cc:{cc}")
    elif ent.geo is not None and ent.geo.country:
        reach.add(f"cc:{ent.geo.country.upper()}")
    return keys, reach


def actor_kind(ent: Entity, cfg: dict[str, Any]) -> str | None:
    """The actor class of an agent (``person`` or ``collective``), None when it is no resolved actor.

    Groups of people (NORP: "Armenians") and places that are not states are not actors whose
    disagreement is meaningful; a GPE counts as an actor (its government) when it is a country.
    """
    kinds = cfg.get("conflict_actor_kinds") or {"person": ["PERSON"], "collective": ["ORG", "GROUP"]}
    for name, types in kinds.items():
        if ent.type in types:
            return str(name)
    if ent.type == "GPE" and country_code(ent.name):
        return "collective"
    return None


def _entity_conflict(
    members: Sequence[Member], index: EntityIndex, field: str, cfg: dict[str, Any] | None = None
) -> Conflict | None:
    cfg = cfg or {}
    per_side: dict[str, list[ConflictValue]] = {}
    keys: dict[str, set[str]] = {}
    reach: dict[str, set[str]] = {}
    points: dict[str, list[tuple[float, float, str, bool]]] = {}
    kinds: dict[str, set[str]] = {}
    states: dict[str, Counter[str]] = {}
    if field == "agent":
        members = own_account(members, index, cfg)
    else:  # where a ceasefire or a statement "took place" is the sentence's place, not a claim
        kinds_of_place = set(cfg.get("conflict_place_types", PLACE_CONFLICT_TYPES))
        members = [m for m in members if m.event.type in kinds_of_place]
    for m in members:
        doc = m.analysis.document.id
        ids = [m.event.place] if field == "place" else list(m.event.agents)
        for eid in ids:
            key = index.key(doc, eid, resolve=True)
            ent = index.entity(doc, eid)
            if key is None or ent is None:
                continue
            if field == "place":
                if ent.geo is None:
                    continue  # unresolved places cannot be compared
                # a first-level region (gazetteer admin1: no GeoNames id, not a country)
                region = not ent.geo.geonames_id and country_code(ent.name) is None
                points.setdefault(m.side, []).append(
                    (ent.geo.lat, ent.geo.lon, (ent.geo.country or "").upper(), region))
            else:
                kind = actor_kind(ent, cfg)
                if kind is None:
                    continue
                kinds.setdefault(m.side, set()).add(kind)
                first = next((x for x in ent.mentions
                              if m.event.evidence.start <= x.start < m.event.evidence.end), None)
                state = mention_state(m.analysis.text, ent, first.start if first else None)
                if state:
                    states.setdefault(m.side, Counter())[state] += 1
            mention = next((x for x in ent.mentions
                            if m.event.evidence.start <= x.start < m.event.evidence.end), None)
            k, r = _place_keys(ent, key) if field == "place" else ({key}, {key})
            keys.setdefault(m.side, set()).update(k)
            reach.setdefault(m.side, set()).update(r)
            per_side.setdefault(m.side, []).append(
                ConflictValue(
                    side=m.side,
                    value=index.display(doc, eid, resolve=True) or ent.name,
                    document=doc,
                    claim=m.event.source,
                    start=mention.start if mention else None,
                    end=mention.end if mention else None,
                )
            )
    sides = list(keys)
    min_km = float(cfg.get("place_conflict_km", 100.0))

    def differ(s: str, t: str) -> bool:
        # neither names a place (or agent) the other reaches...
        if keys[s] & reach[t] or keys[t] & reach[s]:
            return False
        if field == "place":  # ...and the places are far apart
            return all(
                haversine_km(p[0], p[1], q[0], q[1]) > min_km
                and not ((p[3] or q[3]) and p[2] and p[2] == q[2])  # a place in its region
                for p in points[s] for q in points[t])
        if s in states and t in states:  # actors of states: the state each side mostly names
            return not (_main_states(states[s]) & _main_states(states[t]))
        return bool(kinds[s] & kinds[t])  # ...and the agents are actors of the same kind

    clash = any(differ(s, t) for i, s in enumerate(sides) for t in sides[i + 1 :])
    if len(sides) > 1 and clash:
        return Conflict(field=field, values=[v for vs in per_side.values() for v in vs])
    return None


#: Event types whose place sides may contradict (where a strike hit, where people fled).
PLACE_CONFLICT_TYPES = ("ASSAULT", "COERCE", "SEIZE", "DISPLACE", "DISASTER", "PROTEST", "RETREAT", "MOBILIZE")


def _main_states(counts: Counter[str]) -> set[str]:
    """The states a side names most often as the agent (ties kept)."""
    top = max(counts.values())
    return {k for k, v in counts.items() if v == top}


def find_conflicts(
    members: Sequence[Member], index: EntityIndex, cfg: dict[str, Any]
) -> list[Conflict]:
    """Every field on which the sides reporting one event disagree, values with provenance."""
    if len({m.side for m in members}) < 2:
        return []
    out = _figure_conflicts(members, cfg, index)
    for c in (
        _date_conflict(members),
        _entity_conflict(members, index, "agent", cfg),
        _entity_conflict(members, index, "place", cfg),
    ):
        if c is not None:
            out.append(c)
    return out
