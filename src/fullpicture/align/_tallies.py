"""Running totals of a story's aftermath, joined to the story's row of it.

A report published days after a flood or a strike often gives a running count of its aftermath
in sentences of its own: "As of now, more than 2,400 people have been evacuated", "по состоянию
на данный момент эвакуированы уже более 2 тысяч человек", "à ce jour, 11 000 personnes ont été
évacuées". No happening of its sentence hosts the count, so its mentions keep the report's day,
days after the happening, and form a row of their own. Such a row (every mention a consequence of
one family, all of one document, none on a stated day, one in a sentence with a running-total cue:
``[running_total] cues`` of ``data/events/incidents.toml``) joins the one row that holds
consequences of that family from at least ``incident_running_total_min_docs`` other documents
and states a day 0 to ``incident_running_total_days`` days before (0 = off). Nothing joins when
two rows could be meant (two floods a week apart, each with its evacuations).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import incident_lexicon, is_consequence
from fullpicture.align._toldrow import row_index
from fullpicture.align._util import modal_day


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str] | None:
    """The running-total cues of every language as one pattern (word-bounded, lower case)."""
    words = [w for ws in data_toml("events", "incidents.toml").get("running_total", {}).get("cues", {}).values()
             for w in ws]
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)


def join_running_totals(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining running-total rows (module docstring)."""
    horizon = int(cfg.get("incident_running_total_days", 0))
    cue = _cue()
    if horizon <= 0 or cue is None:
        return labels
    min_docs = int(cfg.get("incident_running_total_min_docs", 2))
    lex = incident_lexicon()
    members: dict[int, list[int]] = defaultdict(list)
    _docs, days = row_index(feats, labels)
    # row -> family -> the documents that tell a consequence of that family in it
    tellers: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for i, f in enumerate(feats):
        r = labels[i]
        members[r].append(i)
        if is_consequence(f, lex):
            tellers[r][f.family].add(f.doc)
    joined: dict[int, int] = {}
    for r, idx in members.items():
        fs = [feats[i] for i in idx]
        if len({f.doc for f in fs}) != 1 or len({f.family for f in fs}) != 1:
            continue
        if not all(is_consequence(f, lex) and not f.date_firm and f.interval for f in fs):
            continue
        if not any(cue.search(f.sentence) for f in fs):
            continue
        doc, family = fs[0].doc, fs[0].family
        when = min(f.interval[0] for f in fs if f.interval)
        targets = []
        for t, fam in tellers.items():
            if t == r or len(fam.get(family, set()) - {doc}) < min_docs:
                continue
            day = modal_day(days[t])
            if day is not None and 0 <= when - day <= horizon:
                targets.append(t)
        if len(targets) == 1:
            joined[r] = targets[0]
    return [joined.get(r, r) for r in labels]
