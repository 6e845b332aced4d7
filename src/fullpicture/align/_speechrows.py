"""Calls, warnings and pledges that several reports share part with each report in a story of violence.

Reports of a strike or a clash tell what speakers asked, warned or promised around it, each in a
sentence of its own: a state "urged restraint", an envoy "called on both sides", a party "demanded
the withdrawal", an ally "pledged its support". The pair model matched such words across reports
by the word alone, so unrelated speakers' calls formed rows that tell no happening (a quarter of
the rows of two or more documents that tell no happening on the development set of session 41).

A row made only of such words (``[speech_rows] types`` of data/events/incidents.toml: a call, a
demand, a warning, support), told by two documents or more, each of which tells its own happening
in a row of violence (``[hosts] violent_types``) told by at least ``incident_speech_row_min_docs``
documents, parts into one row per document: each report's words then stay with that report, where
the later steps read them as words around its happening (the peripheral verbs of its sentence,
``_periphrows``; a call joining what it asks for, ``_procedure``; a request for force joining the
act it asked for, ``_requestrows``). Where a document tells no such violent row (a political story:
an appeal, a vote, a bill, which two outlets align on), the row stays as it stands. A statement is
not listed: a report published or a truce's end announced is the happening reports align on. A row
one of whose words is told in the sentence of a violent happening of its report stays
(``incident_speech_row_own_sentence``): a threat told with the act is the story's own, one speaker's
word several reports tell (on ECB+ it keeps the two rows whose parting cut gold links). The rule reads the
kind of word and its sentence, never who speaks, so both sides' words are read alike.
``incident_speech_row_min_docs = 0`` switches it off.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._wordrows import story_acts


@lru_cache(maxsize=1)
def speech_types() -> frozenset[str]:
    """The types of ``[speech_rows]`` of data/events/incidents.toml."""
    data = data_toml("events", "incidents.toml").get("speech_rows", {})
    return frozenset(str(t).upper() for t in data.get("types", []))


def split_speech_rows(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after parting rows of shared calls and pledges by document
    (module docstring)."""
    min_docs = int(cfg.get("incident_speech_row_min_docs", 0))
    kinds = speech_types()
    if min_docs <= 0 or not kinds:
        return labels
    share = float(cfg.get("incident_speech_row_story_share", 0.0))
    members, docs, violent, main, story = story_acts(feats, labels, min_docs, share)
    if story is None or len(docs[story]) < int(cfg.get("incident_speech_row_story_docs", 0)):
        return labels
    acts = {(f.doc, f.span) for f, v in zip(feats, violent, strict=True) if v and f.span is not None}
    out = list(labels)
    fresh = max(labels, default=-1) + 1
    for r, idx in members.items():
        if len(docs[r]) < 2 or not all((feats[i].type or "").upper() in kinds for i in idx):
            continue
        if any(main.get(d) in (None, r) for d in docs[r]):
            continue
        if cfg.get("incident_speech_row_own_sentence", False) and any(
                (feats[i].doc, feats[i].span) in acts for i in idx):
            continue
        own: dict[str, int] = {}
        for i in idx:
            if feats[i].doc not in own:
                own[feats[i].doc] = fresh
                fresh += 1
            out[i] = own[feats[i].doc]
    return out
