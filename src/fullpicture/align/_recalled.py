"""A happening recalled months later is one row, apart from the story's.

Reports of a rescue, a raid or a verdict often recall the earlier happening it follows, on its
own stated day ("the four were seized at a harvest fair on 3 March", "during the 3 March
attack"). Those mentions state a day far from the day of the row they join (the pair model and
the joins let a firmly dated mention into a row of another day when its words and places fit),
and every report recalls the earlier happening with other words (seized, the attack, the fair),
so the story's row mixes two happenings while the earlier one is scattered over small rows.

A mention is *recalled* when it states one day of its own (a firm date one day long) at least
``incident_recalled_days`` before its report's publication day. A row's day is the most common
firm day of its mentions. Here

* a recalled mention whose day lies more than ``incident_recalled_days`` from its row's day
  leaves the row (alone: a consequence told with no day of its own may be the story's, and its
  agent would be set against the recalled happening's);
* it goes to the happening of its day among the rows of its story: a row whose day is that day
  and which holds a document of the row the mention leaves (the rows a report of the story tells,
  so a pooled comparison of many stories never joins two stories' happenings of one day); all
  such rows of one day join; when there is none, the row's mentions of that day form one row;
* lasting settings (``[distinct] settings``: a war begun that day) and happenings told apart
  ("in a separate attack") stay where they are;
* so do a report's mentions of one old day when the same report tells the row's happening with
  the same word on a recent day of the same month and day (its own, an inherited or the
  publication's): a caption or a line whose date carries a wrong year ("the tower hit on 3 May"
  of the year before, under a headline of the strike that 3 May) is no recalled happening, while
  a rescue that recalls the seizure months before tells another day, whatever its words;
* a happening told apart (``incident_apart_days``, :func:`_apart_day`: a mention of a happening's
  type stating its own day at least that many days before its row's day, in a report that tells
  the row's day too) leaves the row likewise, with the mentions of its sentence and the next that
  inherit its day (:func:`_followers`), to the story's rows of its day (session 29); with
  ``incident_apart_elsewhere``, only when told at a named place below a country's level that
  none of the row's mentions of the row's day names (the day before, an airstrike near another
  town: session 41);
* a row that only reports published long after tell (every firm day of it recalls one day: a
  reportage a year on) joins the one row of its day told by at least two documents, one of them
  a report of the time, holding every type family of it and more than settings (two such rows:
  none, so two stories' happenings of one day in a pooled comparison stay apart).

0 = off. Words and days only: both sides alike.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import distinct, incident_lexicon, setting_lemmas
from fullpicture.align._inquiries import sentence_index
from fullpicture.align._util import UnionFind, modal_day


def _recalled_day(f: MentionFeatures, horizon: int) -> int | None:
    """The day a mention recalls: its own firm day, one day long, at least ``horizon`` days
    before its report's publication; else None."""
    pub = f.extra.get("published")
    if not (f.date_firm and f.interval and pub) or f.bare or f.interval[1] != f.interval[0]:
        return None
    return f.interval[0] if pub[0] - f.interval[0] >= horizon else None


def _apart_day(f: MentionFeatures, mine: int, apart: int, told: set[str]) -> int | None:
    """The day a happening told apart from its row states: its own firm day, one day long, at
    least ``apart`` days before its row's day ``mine`` (an earlier happening told as background;
    a later day is as often the row's happening told at the time of its report, or a follow-up
    that keeps its row), in a report that also tells the row's
    happening on ``mine`` (``told``: the reports with a mention of the row dated that day, stated
    or inherited). Only a mention of a happening's type (``[hosts] types``: a strike and its dead,
    a raid, a clash) tells one: an act of word or an inquiry (a probe published two days before
    the report) is dated by its telling. None otherwise (and when ``apart`` is 0)."""
    if apart <= 0 or f.doc not in told or not (f.date_firm and f.interval) or f.bare:
        return None
    d = f.interval[0]
    if f.interval[1] != d or mine - d < apart or (f.type or "").upper() not in incident_lexicon().host_types:
        return None
    return d


def _elsewhere(f: MentionFeatures, here: set[str]) -> bool:
    """``f`` is told at a named place below a country's level that none of its row's mentions of
    the row's day names (``here``): an earlier strike on another town, not the row's own."""
    return bool(f.places) and not (f.geo and f.geo[3]) and not (f.places & here)


def split_recalled(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after moving recalled happenings out of the story's rows into
    one row per recalled day (module docstring)."""
    horizon = int(cfg.get("incident_recalled_days", 0))
    if horizon <= 0:
        return labels
    apart = int(cfg.get("incident_apart_days", 0))
    elsewhere = bool(cfg.get("incident_apart_elsewhere", False))
    settings = setting_lemmas()
    rows: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels):
        rows[lab].append(i)
    day_of: dict[int, int] = {}
    docs: dict[int, set[str]] = {}
    for lab, idx in rows.items():
        docs[lab] = {feats[i].doc for i in idx}
        d = modal_day(Counter(iv[0] for i in idx
                              if (iv := feats[i].interval) and feats[i].date_firm and not feats[i].bare))
        if d is not None:
            day_of[lab] = d
    by_day: dict[int, list[int]] = defaultdict(list)
    for lab, d in day_of.items():
        by_day[d].append(lab)
    out = list(labels)
    uf: UnionFind[int] = UnionFind()
    order = {(doc, span[0]): k for doc, spans in sentence_index(feats)[1].items()
             for k, span in enumerate(spans)} if apart > 0 else {}
    fresh = max(labels, default=-1) + 1
    left: dict[tuple[int, int], int] = {}  # (day, row) -> the row of the mentions no row took
    for lab, idx in rows.items():
        mine = day_of.get(lab)
        if mine is None:
            continue
        moved: dict[tuple[int, str], list[int]] = defaultdict(list)
        told = {feats[i].doc for i in idx if feats[i].interval == (mine, mine)}
        here = {p for i in idx if feats[i].interval == (mine, mine) for p in feats[i].places} if elsewhere else set()
        for i in idx:
            f = feats[i]
            d = _recalled_day(f, horizon)
            if d is None or abs(mine - d) <= horizon:
                d = _apart_day(f, mine, apart, told)
                if d is not None and elsewhere and not _elsewhere(f, here):
                    d = None
            if d is None or distinct(f) or f.lemma.lower() in settings:
                continue
            moved[d, f.doc].append(i)
        recent = _recent_words(feats, idx, horizon)
        for (d, doc), its in list(moved.items()):
            if abs(mine - d) <= horizon:
                continue  # told apart in the story's weeks: no wrong year to guard against
            md = _month_day(d)
            if any((feats[i].lemma.lower(), md) in recent.get(doc, ()) for i in its):
                del moved[d, doc]  # a wrong year: the report tells the happening that day this year
        for (d, _doc), its in moved.items():
            if abs(mine - d) <= horizon:
                its += _followers(feats, idx, its, d, order, settings)
        by_recalled: dict[int, list[int]] = defaultdict(list)
        for (d, _doc), its in moved.items():
            by_recalled[d] += its
        for d, its in by_recalled.items():
            targets = [t for t in by_day.get(d, []) if t != lab and docs[t] & docs[lab]]
            if targets:
                dest = targets[0]
                for t in targets[1:]:
                    uf.union(dest, t)
            else:
                if (d, lab) not in left:
                    left[d, lab] = fresh
                    fresh += 1
                dest = left[d, lab]
            for i in its:
                out[i] = dest
    for lab, target in _late_rows(feats, rows, day_of, by_day, docs, horizon, settings).items():
        uf.union(target, lab)
    return [uf.find(x) for x in out]


def _followers(feats: Sequence[MentionFeatures], idx: list[int], its: list[int], day: int,
               order: dict[tuple[str, int], int], settings: frozenset[str]) -> list[int]:
    """The row's mentions that carry on a happening told apart: in the report of ``its`` (its
    mentions stating ``day``), in their sentence or the next one, with no day of their own but
    the one they inherit from it ("Earlier, on the 2nd, a missile hit a depot. Four died.")."""
    doc = feats[its[0]].doc
    at = {order.get((doc, span[0])) for i in its if (span := feats[i].span)}
    out: list[int] = []
    for j in idx:
        g = feats[j]
        if g.doc != doc or j in its or g.date_firm or g.interval != (day, day) or not g.span:
            continue
        k = order.get((doc, g.span[0]))
        if k is not None and (k in at or k - 1 in at) and not distinct(g) and g.lemma.lower() not in settings:
            out.append(j)
    return out


def _month_day(day: int) -> tuple[int, int]:
    """The month and day of a day ordinal."""
    d = date.fromordinal(day)
    return d.month, d.day


def _recent_words(feats: Sequence[MentionFeatures], idx: list[int],
                  horizon: int) -> dict[str, set[tuple[str, tuple[int, int]]]]:
    """``document -> (lemma, (month, day))`` of a row's one-day mentions dated (stated,
    inherited or published) less than ``horizon`` days before their report's publication: the
    words and days a report tells the row's happening with recently."""
    out: dict[str, set[tuple[str, tuple[int, int]]]] = defaultdict(set)
    for i in idx:
        f = feats[i]
        pub = f.extra.get("published")
        if f.interval and f.interval[0] == f.interval[1] and pub and pub[0] - f.interval[1] < horizon:
            out[f.doc].add((f.lemma.lower(), _month_day(f.interval[0])))
    return out


def _late_rows(feats: Sequence[MentionFeatures], rows: dict[int, list[int]], day_of: dict[int, int],
               by_day: dict[int, list[int]], docs: dict[int, set[str]], horizon: int,
               settings: frozenset[str]) -> dict[int, int]:
    """``row -> the row it joins`` for the rows only reports published long after tell: every
    firm mention of the row recalls its day; the row joins the one row of that day told by at
    least two documents, one of them a report of the time, that holds every type family of it and
    more than lasting ``settings`` (a war told that day is no happening of the day)."""
    out: dict[int, int] = {}
    for lab, idx in rows.items():
        d = day_of.get(lab)
        firm = [i for i in idx if feats[i].date_firm and feats[i].interval and not feats[i].bare]
        if d is None or not firm or any(_recalled_day(feats[i], horizon) != d for i in firm):
            continue
        fams = {feats[i].family for i in idx}
        cands = [t for t in by_day.get(d, []) if t != lab and len(docs[t]) >= 2
                 and fams <= {feats[j].family for j in rows[t]}
                 and any(feats[j].lemma.lower() not in settings for j in rows[t])
                 and any((pub := feats[j].extra.get("published")) and pub[0] - d < horizon for j in rows[t])]
        if len(cands) == 1:
            out[lab] = cands[0]
    return out
