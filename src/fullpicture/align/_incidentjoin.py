"""Incidents joined across documents by their best-matching mentions.

The mention clustering (``_events.cluster``) merges two clusters when the *average* probability
of all their cross pairs reaches the threshold. An incident told by many documents gathers
mentions of many words (the clash, the dead, the wounded, the fire), and most cross pairs of two
such clusters compare unlike words: two rows of one incident can hold pairs at 0.9 and still
average under 0.1. Here two incident rows are compared document pair by document pair: each
pair of documents (one in each row) counts its best-matching mentions, a document pair with no
pair at the merge threshold counts 0, and the rows join when the mean over document pairs reaches
``incident_join_threshold`` and at least ``incident_join_min_pairs`` document pairs match. Two
rows never join when a document tells both apart (one of its mentions of them is told as another
happening, or two of them clash in day or place, a place clash counting only between mentions of
``incident_join_apart_place_types``; with ``incident_join_shared_apart`` off, when a document tells
both at all) or when their stated days differ by more than
``inherited_date_slack_days``.

With ``incident_join_placed_gate``, a pair of happenings whose documents the story gate kept
apart counts with its probability without the gate when the documents are at least
``story_gate_placed`` alike: the story gate judges one pair of documents, whose words differ most
when two sides tell one clash, while a join here needs most document pairs of two rows to match.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import compatible, distinct
from fullpicture.align._util import modal_day


def join_incidents(
    feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int],
    pairs: np.ndarray, probs: np.ndarray,
) -> list[int]:
    """Incident label per mention after joining rows (see the module docstring); ``pairs`` and
    ``probs``: the scored mention pairs at the merge threshold or above."""
    thr = float(cfg.get("incident_join_threshold", 0.0))
    if thr <= 0 or not len(pairs):
        return labels
    slack = int(cfg.get("inherited_date_slack_days", 1))
    min_pairs = int(cfg.get("incident_join_min_pairs", 2))
    docs: dict[int, set[str]] = defaultdict(set)
    days: dict[int, Counter[int]] = defaultdict(Counter)
    for i, f in enumerate(feats):
        docs[labels[i]].add(f.doc)
        if f.date_firm and f.interval and not f.bare:
            days[labels[i]][f.interval[0]] += 1
    # best probability per (row pair) and (document pair)
    best: dict[tuple[int, int], dict[tuple[str, str], float]] = defaultdict(dict)
    for (i, j), p in zip(pairs.tolist(), probs.tolist(), strict=True):
        ra, rb = labels[i], labels[j]
        da, db = feats[i].doc, feats[j].doc
        if ra == rb or da == db:
            continue
        if ra > rb:
            ra, rb, da, db = rb, ra, db, da
        tab = best[(ra, rb)]
        if p > tab.get((da, db), 0.0):
            tab[(da, db)] = p
    partners: dict[int, set[int]] = defaultdict(set)
    for ra, rb in best:
        partners[ra].add(rb)
        partners[rb].add(ra)

    soft = bool(cfg.get("incident_join_shared_apart", True))
    # a place clash tells two happenings apart only between happenings told at a place (a strike,
    # a flood); an agreement's or a statement's place is where it was made or said, often any
    # place of its sentence ("malgré la trêve" beside the town struck)
    placed = {t.upper() for t in cfg.get("incident_join_apart_place_types", [])}
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(feats)):
        members[labels[i]].append(i)

    def apart(a: int, b: int) -> bool:
        """A document of both rows tells them apart: a mention of one told as another
        happening, or a day or place clash between its mentions of the two rows."""
        for d in docs[a] & docs[b]:
            xs = [i for i in members[a] if feats[i].doc == d]
            ys = [j for j in members[b] if feats[j].doc == d]
            for i in xs:
                for j in ys:
                    x, y = feats[i], feats[j]
                    at_place = not placed or ((x.type or "").upper() in placed and (y.type or "").upper() in placed)
                    if distinct(x) or distinct(y) or not compatible(x, y, places=at_place):
                        return True
        return False

    def link(a: int, b: int) -> float:
        if docs[a] & docs[b] and (not soft or apart(a, b)):
            return 0.0
        da, db = modal_day(days[a]), modal_day(days[b])
        if da is not None and db is not None and abs(da - db) > slack:
            return 0.0
        tab = best.get((min(a, b), max(a, b)), {})
        if len(tab) < min_pairs:
            return 0.0  # one pair of documents is no more evidence than its mention pair
        return sum(tab.values()) / (len(docs[a]) * len(docs[b]))

    heap = [(-link(a, b), a, b) for a, b in best]
    heap = [h for h in heap if -h[0] >= thr]
    heapq.heapify(heap)
    root = {r: r for r in docs}
    while heap:
        neg, a, b = heapq.heappop(heap)
        if root[a] != a or root[b] != b:
            continue  # a row already merged away: its pairs were pushed again under the new row
        now = link(a, b)
        if now < thr:
            continue
        if now < -neg - 1e-12:
            heapq.heappush(heap, (-now, a, b))
            continue
        # merge b into a
        root[b] = a
        members[a] += members.pop(b)
        docs[a] |= docs.pop(b)
        days[a] += days.pop(b)
        for c in partners.pop(b, set()) - {a}:
            tb = best.pop((min(b, c), max(b, c)), {})
            key = (min(a, c), max(a, c))
            ta = best[key]
            for (x, y), p in tb.items():
                # keep the document pair oriented as (row min, row max)
                xy = (x, y) if (b < c) == (a < c) else (y, x)
                if p > ta.get(xy, 0.0):
                    ta[xy] = p
            partners[a].add(c)
            partners[c].discard(b)
            partners[c].add(a)
        best.pop((min(a, b), max(a, b)), None)
        partners[a].discard(b)
        for c in partners[a]:
            v = link(a, c)
            if v >= thr:
                heapq.heappush(heap, (-v, min(a, c), max(a, c)))

    def find(r: int) -> int:
        while root[r] != r:
            r = root[r]
        return r

    return [find(r) for r in labels]
