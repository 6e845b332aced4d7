"""A ceasefire told on its own, joined to the story's row of it.

A story's ceasefire is one act far more often than its strikes are: the sides and the
mediators agree one truce, and every report names it. A report that tells it only as an
agreement or a truce with no day of its own ("the agreement reached in the capital", "la trêve")
keeps the report's day and often forms a row with another such report, apart from the row where
most reports tell the truce on its stated day. Such a row (every mention of a type of
``incident_truce_types``, one of them of a word class of ``incident_truce_classes``:
``data/events/equivalents.toml``, none on a stated day) joins the one row that holds mentions of
those classes from at least ``incident_truce_min_docs`` documents on a day at most
``incident_truce_days`` days from its own (0 = off). Nothing joins when two rows could be meant
(two truces a few days apart).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._toldrow import row_index
from fullpicture.align._util import modal_day


def join_truces(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining ceasefire rows told with no day of their own
    (module docstring)."""
    horizon = int(cfg.get("incident_truce_days", 0))
    classes = frozenset(cfg.get("incident_truce_classes", ()))
    if horizon <= 0 or not classes:
        return labels
    types = {t.upper() for t in cfg.get("incident_truce_types", ["AGREE"])}
    min_docs = int(cfg.get("incident_truce_min_docs", 3))
    members: dict[int, list[int]] = defaultdict(list)
    _docs, days = row_index(feats, labels)
    tellers: dict[int, set[str]] = defaultdict(set)
    for i, f in enumerate(feats):
        r = labels[i]
        members[r].append(i)
        if f.word in classes:
            tellers[r].add(f.doc)
    joined: dict[int, int] = {}
    for r, idx in members.items():
        fs = [feats[i] for i in idx]
        if not any(f.word in classes for f in fs):
            continue
        if not all((f.type or "").upper() in types and not (f.date_firm and not f.bare) for f in fs):
            continue
        told = [f.interval[0] for f in fs if f.interval]
        if not told:
            continue
        when = Counter(told).most_common(1)[0][0]
        targets = []
        for t, docs in tellers.items():
            if t == r or len(docs) < min_docs:
                continue
            day = modal_day(days[t])
            if day is not None and abs(when - day) <= horizon:
                targets.append(t)
        if len(targets) == 1:
            joined[r] = targets[0]
    return [joined.get(r, r) for r in labels]
