"""One happening told several times inside one document: same-place happenings (the strike
and "the shelling of" the same place on compatible days), the headline's or lead's happening
told at no place, and happenings told bare (no place, no day of their own: "two of the rockets
were shot down"), which are the document's main happening of their family."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from fullpicture.align._causeapart import told_apart
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import (
    IncidentLexicon,
    compatible,
    distinct,
    incident_lexicon,
    is_consequence,
    same_place_types,
)
from fullpicture.align._util import UnionFind, short_interval


def _where(f: MentionFeatures) -> frozenset[str]:
    """The places a happening is told at: its place, or a (non-country) place it struck."""
    return frozenset(f.extra.get("where") or f.places)


def _reporting_day(f: MentionFeatures) -> bool:
    """A stated date that is the publication day ("the toll climbed to 10, officials said on May 12"):
    often the day of the report, not of the happening."""
    pub = f.extra.get("published")
    return bool(f.date_firm and f.interval and pub and f.interval == pub)


def _same_day(a: MentionFeatures, b: MentionFeatures, slack: int) -> bool:
    """No stated-date clash, or the clash is a report dated on its publication day a few days
    after the other's stated date."""
    if compatible(a, b, places=False):
        return True
    ia, ib = a.interval, b.interval
    assert ia is not None and ib is not None
    if _reporting_day(a) and 0 <= ia[0] - ib[1] <= slack:
        return True
    return _reporting_day(b) and 0 <= ib[0] - ia[1] <= slack


class _DayVetoJoin:
    """Unions events unless they already hold stated days (firm, at most a month wide) farther
    apart than ``incident_report_day_slack``, or (``incident_same_place_cause_apart``) when one
    holds a cause and the other its sequel, told apart by one sentence (``_causeapart.told_apart``,
    as the mention clustering reads them), and their most common stated days differ (a reprisal
    told the same day as its cause may be one exchange of fire); days and mentions follow the unions."""

    def __init__(self, feats: Sequence[MentionFeatures], cfg: dict[str, Any], events: list[int],
                 uf: UnionFind) -> None:
        self.slack = int(cfg.get("incident_report_day_slack", 3))
        self.uf = uf
        self.days: dict[object, list[tuple[int, int]]] = defaultdict(list)
        for k, f in enumerate(feats):
            if f.date_firm and (iv := short_interval(f.interval, 31)) is not None:
                self.days[uf.find(events[k])].append(iv)
        # root -> its mentions, and the mentions told apart from one of them
        self.members: dict[object, set[int]] = defaultdict(set)
        self.banned: dict[object, set[int]] = defaultdict(set)
        if cfg.get("incident_same_place_cause_apart", False) and cfg.get("link_cause_apart", False):
            for k, others in told_apart(feats).items():
                self.members[uf.find(events[k])].add(k)
                self.banned[uf.find(events[k])] |= others

    def __call__(self, a: object, b: object) -> None:
        ra, rb = self.uf.find(a), self.uf.find(b)
        if ra == rb:
            return
        days, slack = self.days, self.slack
        if any(x[0] - y[1] > slack or y[0] - x[1] > slack for x in days.get(ra, []) for y in days.get(rb, [])):
            return  # the events already tell two different days
        if (self.members.get(ra, set()) & self.banned.get(rb, set()) or
                self.members.get(rb, set()) & self.banned.get(ra, set())) \
                and _modal_apart(days.get(ra, []), days.get(rb, [])):
            return  # a cause and its sequel (one sentence tells them apart) told on other days
        self.uf.union(ra, rb)
        root = self.uf.find(ra)
        days[root] = days.pop(ra, []) + days.pop(rb, [])
        for held in (self.members, self.banned):
            held[root] = held.pop(ra, set()) | held.pop(rb, set())


def _join_same_place(feats: Sequence[MentionFeatures], cfg: dict[str, Any], events: list[int], uf: UnionFind) -> None:
    """Union the events of one document's same-place happenings, unless their events (across
    documents) already hold stated days farther apart than ``incident_report_day_slack``."""
    join = _DayVetoJoin(feats, cfg, events, uf)
    for i, j in same_place_happenings(feats, cfg):
        join(events[i], events[j])


def same_place_happenings(feats: Sequence[MentionFeatures], cfg: dict[str, Any]) -> list[tuple[int, int]]:
    """Pairs of happenings inside one document that are one happening: of one family among
    ``incident_same_place_types``, told plainly (not "another" or "a separate" one), at one
    named place, on compatible days ("Eastland struck the depot in Homs" and "the shelling of the
    Homs depot"; a headline strike dated by its report and the night strike
    the body dates)."""
    types = same_place_types(cfg)
    slack = int(cfg.get("incident_report_day_slack", 3))
    lex = incident_lexicon()
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if (f.type or "").upper() in types and _where(f) and not distinct(f) and not is_consequence(f, lex):
            by_doc[f.doc].append(i)
    out = []
    for idx in by_doc.values():
        for x, i in enumerate(idx):
            for j in idx[x + 1:]:
                a, b = feats[i], feats[j]
                if a.family == b.family and _where(a) & _where(b) and _same_day(a, b, slack):
                    out.append((i, j))
    if cfg.get("incident_lead_joins", True):
        out += _lead_pairs(feats, types, slack, lex)
    return out


def _modal_apart(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    """Both lists of days hold a most common day, and those days differ."""
    if not a or not b:
        return False
    return Counter(x[0] for x in a).most_common(1)[0][0] != Counter(y[0] for y in b).most_common(1)[0][0]


def _lead_pairs(feats: Sequence[MentionFeatures], types: set[str], slack: int,
                lex: IncidentLexicon) -> list[tuple[int, int]]:
    """A happening of a document's headline or lead with no place of its own ("Toll of the
    missile strike climbs to ten") is the document's first happening of its family told at a
    place, on a compatible day."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if (f.type or "").upper() in types and f.span and not distinct(f) and not is_consequence(f, lex):
            by_doc[f.doc].append(i)
    out = []
    for idx in by_doc.values():
        spans = sorted({s for i in idx if (s := feats[i].span) is not None})
        lead = set(spans[:2])
        for i in idx:
            if feats[i].span not in lead or _where(feats[i]):
                continue
            j = next((j for j in idx if j != i and _where(feats[j]) and feats[j].family == feats[i].family), None)
            if j is not None and _same_day(feats[i], feats[j], slack):
                out.append((min(i, j), max(i, j)))
    return out


def bare_moves(feats: Sequence[MentionFeatures], cfg: dict[str, Any], inc: Sequence[object]) -> dict[int, object]:
    """``happening -> incident`` for happenings told bare inside a document: of one family among
    ``incident_same_place_types``, told plainly, with no place and no stated day of their own
    ("two of the missiles were shot down", "a missile exploded above the station"; a day stated
    in its sentence, even one the report leaves unanchored, is a day of its own). Such a
    happening is its document's main happening of its family: the incident (``inc``) that holds
    most of the document's mentions of that family, happenings and their consequences, when it
    holds more of them than the bare happening's own."""
    types = same_place_types(cfg)
    lex = incident_lexicon()
    counts: dict[tuple[str, str], Counter[object]] = defaultdict(Counter)
    bare: list[int] = []
    for i, f in enumerate(feats):
        if (f.type or "").upper() not in types or distinct(f):
            continue
        counts[(f.doc, f.family)][inc[i]] += 1
        if not is_consequence(f, lex) and not _where(f) and not _stated_day(f):
            bare.append(i)
    guard = bool(cfg.get("incident_bare_apart_guard", True))
    apart = _told_apart(feats, types, inc, lex) if guard else set()
    other = {(f.doc, f.span) for f in feats if distinct(f)} if guard else set()
    out: dict[int, object] = {}
    for i in bare:
        if (feats[i].doc, feats[i].family) in apart:
            continue  # the report tells two happenings of the family: which one is unsaid
        if (feats[i].doc, feats[i].span) in other:
            continue  # its sentence tells another happening ("hit by 842 aftershocks"): it may be that one
        tally = counts[(feats[i].doc, feats[i].family)]
        top, n = tally.most_common(1)[0]
        if top != inc[i] and n > tally[inc[i]]:
            out[i] = top
    return out


def _stated_day(f: MentionFeatures) -> bool:
    """A happening told on a day of its own: stated in its sentence (anchored or not: "early on
    Sunday" in an undated report), or a firm day."""
    return bool(f.extra.get("stated_day") or (f.date_firm and f.interval))


def _told_apart(feats: Sequence[MentionFeatures], types: set[str], inc: Sequence[object],
                lex: IncidentLexicon) -> set[tuple[str, str]]:
    """``(document, family)`` of the reports that tell two happenings of one family apart: two
    of its happenings told at a place or on a stated day, in two incidents, one told as another
    happening ("another strike", an aftershock) or the two on clashing days or at different
    places. A happening such a report tells bare may be either."""
    told: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if (f.type or "").upper() in types and not is_consequence(f, lex) \
                and (_where(f) or _stated_day(f)):
            told[(f.doc, f.family)].append(i)
    out = set()
    for key, idx in told.items():
        for x, i in enumerate(idx):
            a = feats[i]
            if any(inc[i] != inc[j] and (distinct(a) or distinct(feats[j]) or not _apart_ok(a, feats[j]))
                   for j in idx[x + 1:]):
                out.add(key)
                break
    return out


def _apart_ok(a: MentionFeatures, b: MentionFeatures) -> bool:
    """No stated-day clash and no two disjoint places told for two happenings of one report."""
    wa, wb = _where(a), _where(b)
    return compatible(a, b, places=False) and not (wa and wb and not wa & wb)


def _join_bare(feats: Sequence[MentionFeatures], cfg: dict[str, Any], events: list[int], uf: UnionFind,
               host: dict[int, int]) -> None:
    """Union the event of each happening told bare (:func:`bare_moves`) with its document's main
    happening of its family (a consequence counts for its happening), unless the two events
    already hold stated days farther apart than ``incident_report_day_slack``. The bare
    happening joins the incident's root (its happenings' events), not the event of whichever
    mention of the incident comes first: that may be a consequence, whose own event the
    incident only takes in after this step."""
    lex = incident_lexicon()
    inc = [uf.find(events[host[i]] if i in host and is_consequence(f, lex) else events[i])
           for i, f in enumerate(feats)]
    join = _DayVetoJoin(feats, cfg, events, uf)
    for i, r in bare_moves(feats, cfg, inc).items():
        join(events[i], r)
