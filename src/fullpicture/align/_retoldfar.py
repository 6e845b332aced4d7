"""Reports that retell a happening weeks or months later, joined to the happening's row.

A follow-up, an anniversary piece or an inquiry's finding names the happening with no day
before it ("the attack on the Eastvale prison", "the army's strike"), so its mentions take the
report's publication day, beyond ``incident_retold_days``, and form a row of their own: one
side's later toll is never set against the other side's first one. A row of such mentions
(dated by their report, no day stated before them in it) joins a row that tells a happening of
their family at one of their places on a stated day more than ``incident_retold_days`` and at
most ``incident_retold_far_days`` before (0 = off), when

* the report tells it as a past, known happening: one of the mentions refers back to it (a
  definite noun phrase: "the strike", "the army's attack"), or a document of the row states a
  period ending that long before its publication (a day, "last month") that holds the
  target's day, with the inherited-date slack;
* one such row shares the most of the row's places and participants (a prison and its
  country against a campaign told only at the country: the prison's row);
* and no row of that family at one of those places states a day from the report's back to
  ``incident_retold_days`` before it: a later happening there, which the report may be about
  (a second strike on one town weeks later keeps its own row).

As for the nearer joins, rows never join when a document tells both, when a mention is told
apart ("another strike") or when the row states a day of its own that clashes with the target's.
Words, days, places and participants only: both sides alike.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import (
    distinct,
    incident_lexicon,
    same_place_types,
)
from fullpicture.align._toldrow import place_happening, row_index, rows_told_targets, told_places
from fullpicture.align._util import modal_day, short_interval


def _past_days(feats: Sequence[MentionFeatures], low: int) -> dict[str, list[tuple[int, int]]]:
    """Document -> the periods of at most a month its sentences state (a day, "last month", "in
    June") that end at least ``low`` days before its publication: the past it tells."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for f in feats:
        pub = f.extra.get("published")
        if f.date_firm and not f.bare and f.interval and pub and f.interval[1] - f.interval[0] <= 31 \
                and pub[0] - f.interval[1] >= low:
            out[f.doc].append(f.interval)
    return out


def join_retold_far(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining the rows of happenings a report retells weeks or
    months later to the happening's row (module docstring)."""
    near = int(cfg.get("incident_retold_days", 0))
    far = int(cfg.get("incident_retold_far_days", 0))
    if far <= near:
        return labels
    slack = int(cfg.get("inherited_date_slack_days", 1))
    types = same_place_types(cfg)
    lex = incident_lexicon()
    docs, days = row_index(feats, labels)
    told = told_places(feats, labels, types, lex)  # row -> place -> families
    who: dict[int, set[str]] = defaultdict(set)  # row -> participants of its happenings
    for i, f in enumerate(feats):
        if place_happening(f, types, lex):
            who[labels[i]] |= f.participants
    asked: dict[int, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if f.extra.get("by_report") and not f.date_firm and not distinct(f) and f.places \
                and (f.type or "").upper() in types and short_interval(f.interval, 1) is not None:
            asked[labels[i]].append(i)
    past = _past_days(feats, near + 1)
    joined: dict[int, int] = {}
    for r, idx in sorted(asked.items()):
        targets, nearer = rows_told_targets(r, idx, feats, told, docs, days, (near + 1, far),
                                            slack, True)
        if not targets or nearer:
            continue
        places = {p for i in idx for p in feats[i].places}
        parts = {p for i in idx for p in feats[i].participants}
        score = {t: len(places & set(told[t])) + len(parts & who[t]) for t in targets}
        best = max(score.values())
        top = [t for t, s in score.items() if s == best]
        if len(top) != 1:
            continue
        t = top[0]
        day = modal_day(days.get(t, Counter()))
        stated = any(a - slack <= day <= b + slack for d in {feats[i].doc for i in idx}
                     for a, b in past.get(d, ())) if day is not None else False
        if stated or any(feats[i].extra.get("definite") for i in idx):
            joined[r] = t
    return [joined.get(r, r) for r in labels]
