"""A noun that names the happening told elsewhere joins the row of the act it names.

A side that denies an act often tells it only through an anaphoric noun: "the incident was
fabricated", "l'affaire est une provocation", "этот инцидент выдуман" (nlp/events/_anaphors.py
makes such a noun a mention of type ``INCIDENT``). Alone it would form a row of that word, apart
from the rows where the other sides tell the act, so the sides would never meet. The rows are made
without these mentions (:func:`with_anaphors`: a noun of two reports is no evidence that they
tell one happening, and it tells nothing a step could read); then each moves to the row of
violence its document tells its act in (the row holding most of the document's violent happening
mentions among the rows told by at least ``incident_anaphor_row_min_docs`` documents, else among
all rows), or, when its document tells no violent happening, to the story's act (the row of
violence told by the most documents, at least ``incident_anaphor_story_share`` of the story's
documents). It stays on its own when

* it is told apart ("in a separate incident"),
* or it states a time of its own that does not meet the act's (the firmly stated days of the
  act's mentions in that row, else any day they are told on).

The place its sentence names is not read: the noun tells no detail of its own, and the town
named beside it is often the speaker's (a capital, a ministry's seat).

The noun adds no agent, no figure and no claim: it lets its document's own words about the act
(its denial, its rejection) be read beside the other sides'. ``incident_anaphor_row_min_docs = 0``
switches it off.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from typing import Any

import numpy as np

from fullpicture.align._eventpairs import MentionFeatures, Vectors
from fullpicture.align._incident_lex import distinct
from fullpicture.align._rowtrace import note
from fullpicture.align._wordrows import document_main_rows, story_acts
from fullpicture.nlp.events._anaphors import ANAPHOR_TYPE


def is_anaphor(f: MentionFeatures) -> bool:
    """A mention of an anaphoric noun ("the incident"; module docstring)."""
    return (f.type or "").upper() == ANAPHOR_TYPE


def join_anaphor_rows(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after moving anaphoric nouns to the row of the act they name
    (module docstring)."""
    min_docs = int(cfg.get("incident_anaphor_row_min_docs", 0))
    if min_docs <= 0:
        return labels
    share = float(cfg.get("incident_anaphor_story_share", 1.0))
    members, docs, violent, main, story = story_acts(feats, labels, min_docs, share)
    alone = document_main_rows(feats, labels, docs, lambda i: violent[i])  # (in rows of fewer documents)
    out = list(labels)
    for i, f in enumerate(feats):
        if not is_anaphor(f) or distinct(f):
            continue
        # (its document's act; else, when it tells none, the story's)
        target = main.get(f.doc, alone.get(f.doc, story))
        if target is None or target == labels[i]:
            continue
        if f.date_firm and not _meets(f, [feats[j] for j in members[target] if violent[j]]):
            continue  # (a day of its own: another happening)
        out[i] = target
    return out


def _meets(f: MentionFeatures, acts: Sequence[MentionFeatures]) -> bool:
    """Whether the time ``f`` states meets the time of one of ``acts``, the firmly dated ones when
    there are any ("the incident on Tuesday" of an act of that Tuesday; "the incident of last
    October" misses an act of November)."""
    if f.interval is None:
        return False
    lo, hi = f.interval
    firm = [a.interval for a in acts if a.date_firm and a.interval is not None]
    told = firm or [a.interval for a in acts if a.interval is not None]
    return any(lo <= b and a <= hi for a, b in told)


def with_anaphors(feats: Sequence[MentionFeatures], cfg: dict[str, Any], vec: Vectors | None,
                  rows: Callable[[Sequence[MentionFeatures], dict[str, Any], Vectors | None],
                                 tuple[list[int], list[int]]]) -> tuple[list[int], list[int]]:
    """``(incident label, event label)`` per mention: ``rows`` of every mention but the anaphoric
    nouns (a noun of two reports is no evidence that they tell one happening, and it tells
    nothing a step could read), each noun then its own event, placed by
    :func:`join_anaphor_rows`."""
    lone = [i for i, f in enumerate(feats) if is_anaphor(f)]
    if not lone:
        return rows(feats, cfg, vec)
    keep = [i for i, f in enumerate(feats) if not is_anaphor(f)]
    inc_kept, ev_kept = rows([feats[i] for i in keep], cfg, _subset(vec, keep, len(feats)))
    inc, ev = [0] * len(feats), [0] * len(feats)
    for k, i in enumerate(keep):
        inc[i], ev[i] = inc_kept[k], ev_kept[k]
    top_inc, top_ev = max(inc_kept, default=-1) + 1, max(ev_kept, default=-1) + 1
    for k, i in enumerate(lone):
        inc[i], ev[i] = top_inc + k, top_ev + k
    inc = join_anaphor_rows(feats, cfg, inc)
    note("anaphoric nouns", feats, inc)
    roots: dict[int, int] = {}
    return [roots.setdefault(x, len(roots)) for x in inc], ev


def _subset(vec: Vectors | None, keep: list[int], n: int) -> Vectors | None:
    """``vec`` with its per-mention arrays cut to the mentions ``keep``."""
    if vec is None:
        return None
    idx = np.asarray(keep, dtype=np.intp)
    cut: dict[str, Any] = {f.name: v[idx] for f in fields(vec)
           if isinstance(v := getattr(vec, f.name), np.ndarray) and v.ndim >= 1 and v.shape[0] == n}
    return replace(vec, **cut)
