"""A war told as the story's setting is one lasting row.

A war, an invasion or an occupation (``[distinct] settings`` of ``data/events/incidents.toml``) is
the setting of a story's incidents, never one of them: it joins no plain mention. Each report
tells it in its own words and on its own days ("the war", "the invasion", "la guerre", "война";
dated by the report, or by the day it began), so it formed several rows. Rows whose happenings
are all such settings join the one told by the most documents, when every document of both also
tells the story's row (the row told by the most documents: in a pooled comparison of many stories,
another story's war stays apart), unless a day stated in their own sentences lies more than
``incident_setting_days`` from that row's stated day, or its day when it states none (another
war, recalled: "the war of the 1990s"). A row that also tells a plain happening is left alone. The rule
reads words, never who names the war, so each side's word for it counts alike
(``incident_setting_days = 0``: off).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import happening, incident_lexicon
from fullpicture.align._util import modal_day, short_interval


@lru_cache(maxsize=1)
def setting_lemmas() -> frozenset[str]:
    """The lemmas of lasting settings (``[distinct] settings``)."""
    data = data_toml("events", "incidents.toml").get("distinct", {})
    return frozenset(w.lower() for w in data.get("settings", []))


def join_setting_rows(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining the rows of a lasting setting (module docstring)."""
    horizon = int(cfg.get("incident_setting_days", 0))
    if horizon <= 0:
        return labels
    lex = incident_lexicon()
    words = setting_lemmas()
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(feats)):
        members[labels[i]].append(i)
    rows = []
    for r, idx in sorted(members.items()):
        acts = [i for i in idx if happening(feats[i], lex)]
        if acts and all(feats[i].lemma in words for i in acts):
            rows.append(r)
    if len(rows) < 2:
        return labels
    docs = {r: {feats[i].doc for i in idx} for r, idx in members.items()}
    # the story's row: the row told by the most documents; a setting row whose documents do not
    # all tell it belongs to another story (a pooled comparison of many stories)
    story = max(members, key=lambda r: (len(docs[r]), -r))
    rows = [r for r in rows if r != story and docs[r] <= docs[story]]
    if len(rows) < 2:
        return labels
    target = max(rows, key=lambda r: (len(docs[r]), -r))
    day = modal_day(_stated_days(feats, members[target]) or _stated_days(feats, members[target], firm=False))
    joined = {}
    for r in rows:
        if r == target:
            continue
        if day is not None and any(feats[i].date_firm and (iv := feats[i].interval) is not None
                                   and (iv[1] < day - horizon or iv[0] > day + horizon) for i in members[r]):
            continue  # a war recalled from another time ("the war of the 1990s")
        joined[r] = target
    return [joined.get(r, r) for r in labels]


def _stated_days(feats: Sequence[MentionFeatures], idx: list[int], firm: bool = True) -> Counter[int]:
    """The days stated in the mentions' own sentences (a month at most; ``firm = False``: the
    inherited days too)."""
    out: Counter[int] = Counter()
    for i in idx:
        iv = short_interval(feats[i].interval, 31)
        if (feats[i].date_firm or not firm) and iv is not None:
            out[iv[0]] += 1
    return out
