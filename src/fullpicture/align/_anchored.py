"""A happening an inquiry's report retells keeps the happening's row, not the inquiry's.

A report of an inquiry told days or months after its happening (an army's review, a
newspaper's investigation, a prosecutor's case) tells the happening too: "the review found no
unit near the bridge when the two drivers were killed". Those mentions state no day of their
own; they take the report's day or the narrative's (the inquiry's), and the pair model put them
in the inquiry's row, far from the happening's, so the report met none of the reports of the
day. Here, in each row, the mentions of a document that tells one of its inquiries there, other
than its inquiries, whose day is inherited (its publication or the narrative's, never a day
stated in their sentence), move to the row that tells a happening of the family of the
document's happenings in the row, at one of their places, on the latest stated day up to
``incident_inquiry_move_days`` before their day (0 = off). The inquiry keeps its row: the
follow-up stays a row of its own, beside the happening's.

Guards: nothing moves when a row of that family at that place (their own row included) states
a day fewer than ``incident_retold_min_days`` before theirs (a later happening there, which the
inquiry may be about), nor when their own row tells the latest happening there on a stated day
(a strike and the case opened into it, told together, are that strike's row), nor mentions
told apart from the story ("in a separate attack"). The rule reads types,
days and places only, never who inquires, so every side's inquiry is read alike.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import distinct, incident_lexicon, is_consequence, is_inquiry
from fullpicture.align._toldrow import row_index
from fullpicture.align._util import modal_day, short_interval


def move_inquired(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after moving the happenings an inquiry's report retells, with
    no day of their own, from the inquiry's row to the happening's (module docstring)."""
    horizon = int(cfg.get("incident_inquiry_move_days", 0))
    if horizon <= 0:
        return labels
    low = int(cfg.get("incident_retold_min_days", 2))
    types = {t.upper() for t in cfg.get("incident_same_place_types", ["ASSAULT", "ATTACK", "FIGHT", "DISASTER"])}
    lex = incident_lexicon()
    docs, days = row_index(feats, labels)
    told: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # row -> place -> families
    parts: dict[tuple[int, str], list[int]] = defaultdict(list)  # (row, document) -> its mentions
    for i, f in enumerate(feats):
        parts[(labels[i], f.doc)].append(i)
        if f.date_firm and not f.bare and short_interval(f.interval, 1) is not None and _happening(f, types, lex):
            for p in f.places:
                told[labels[i]][p].add(f.family)
    out = list(labels)
    for (r, _doc), idx in sorted(parts.items()):
        if not any(is_inquiry(feats[i], lex) for i in idx):
            continue
        movers: list[tuple[int, int]] = []
        for i in idx:
            f = feats[i]
            when = short_interval(f.interval, 1)
            if not is_inquiry(f, lex) and not f.date_firm and not distinct(f) and when is not None:
                movers.append((i, when[0]))
        families = {feats[i].family for i in idx if _happening(feats[i], types, lex)}
        places = set().union(*(feats[i].places for i in idx))
        if not movers or not families or not places:
            continue
        latest = max(w for _, w in movers)
        found: dict[int, int] = {}  # row -> its stated day
        for t, at in told.items():
            day = modal_day(days[t]) if t in days else None
            if day is not None and 0 <= latest - day <= horizon and any(families & at.get(p, set()) for p in places):
                found[t] = day
        if not found or any(latest - d < low for d in found.values()):
            continue  # a happening there on the inquiry's days: it may be the one inquired into
        target = max(found, key=lambda t: (found[t], len(docs[t]), -t))
        if target == r:
            continue  # the row is itself the latest happening there
        for i, _ in movers:
            out[i] = target
    return out


def _happening(f: MentionFeatures, types: set[str], lex: Any) -> bool:
    """A happening told at a place (a type of ``incident_same_place_types``), not a consequence
    and not told apart from the story."""
    return (f.type or "").upper() in types and not distinct(f) and not is_consequence(f, lex)
