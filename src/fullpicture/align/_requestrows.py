"""A request for force is part of the act it asked for.

Reports of a strike tell how it came about: a unit "requested air support", "asked for support",
"called for airstrikes", "a demandé un appui", "запросили поддержку". Several reports share those
words, so they formed rows of their own (one for the asking verb, one for the request noun, one
for the support asked for), each dated by the day the request was told, beside the strike's row;
the peripheral-verb rule (``_periphrows``) takes only rows of one document.

In a row made only of calls and support, the mentions that ask for force join the violent row
their sentences tell (the row's other calls, "proposed to wait for the inquiry", keep it). A
mention asks for force when it is

* a call (``[procedure] calls`` types of ``data/events/incidents.toml``: a request, a demand)
  whose next mention in its sentence, at most ``incident_request_gap_chars`` characters on (or,
  with none, its previous one so near: "the strike was called in"), is an act of violence
  (``[hosts] violent_types``) or support (``SUPPORT``): the force asked for; told after the call
  as its object (at most ``incident_request_gap_words`` words, no clause break between), or
  before it in the call's passive (``[requests]``: "the gun
  violence that will call for a law", "asked, whether the targeting ..." ask for no force); or
* support told right after such a call in its sentence (the force asked for itself);

the host: the row of violence, told by at least ``incident_request_row_min_docs`` documents, that
holds most of the mentions told in those mentions' sentences. A call
for an inquiry, a meeting or a truce asks for no force and keeps its row (the procedure rule's).
``incident_request_row_min_docs = 0`` switches it off.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import incident_lexicon
from fullpicture.align._inquiries import sentence_index
from fullpicture.align._wordrows import row_members


@lru_cache(maxsize=1)
def _call_types() -> frozenset[str]:
    """The types of a call (``[procedure] calls``)."""
    data = data_toml("events", "incidents.toml").get("procedure", {})
    return frozenset(str(t).upper() for t in data.get("calls", []))


@lru_cache(maxsize=1)
def _request_words() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """(clause breaks, passive words, auxiliaries) of ``[requests]``."""
    data = data_toml("events", "incidents.toml").get("requests", {})
    return (tuple(str(b) for b in data.get("breaks", [])),
            frozenset(str(w).lower() for w in data.get("passive", [])),
            frozenset(str(w).lower() for w in data.get("auxiliaries", [])))


def _between(a: MentionFeatures, b: MentionFeatures) -> str:
    """The words of the sentence between the trigger of ``a`` and that of ``b`` (``a`` first)."""
    start = int(a.extra.get("at", 0)) + len(a.trigger)
    return a.sentence[start:int(b.extra.get("at", 0))] if start <= int(b.extra.get("at", 0)) else ""


def _told_after(call: MentionFeatures, force: MentionFeatures, words: int) -> bool:
    """The force told right after the call, as its object: at most ``words`` words and no clause
    break between ("asked for air support", not "called themselves civilians when they were hit")."""
    breaks, _, _ = _request_words()
    between = _between(call, force)
    return len(between.split()) <= words and not any(b in between for b in breaks)


def _told_before(force: MentionFeatures, call: MentionFeatures) -> bool:
    """The force told before the call in the call's passive: only a passive's words between ("the
    strike was requested"), not a clause of its own ("violence that will call for a law")."""
    _, passive, auxiliaries = _request_words()
    words = _between(force, call).lower().split()
    return any(w in passive for w in words) and all(w in passive | auxiliaries for w in words)


def _kind(f: MentionFeatures) -> str:
    return (f.type or "").upper()


def join_request_rows(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining the rows of requests for force to the act they
    asked for (module docstring)."""
    min_docs = int(cfg.get("incident_request_row_min_docs", 0))
    if min_docs <= 0:
        return labels
    gap = int(cfg.get("incident_request_gap_chars", 40))
    gap_words = int(cfg.get("incident_request_gap_words", 3))
    violent = incident_lexicon().violent_types
    calls = _call_types()
    members, docs = row_members(feats, labels)
    in_sentence, _ = sentence_index(feats)
    for idx in in_sentence.values():
        idx.sort(key=lambda j: int(feats[j].extra.get("at", 0)))

    def neighbour(i: int, step: int) -> int | None:
        f = feats[i]
        if f.span is None:
            return None
        around = in_sentence[(f.doc, f.span)]
        k = around.index(i) + step
        if not 0 <= k < len(around):
            return None
        j = around[k]
        return j if abs(int(feats[j].extra.get("at", 0)) - int(f.extra.get("at", 0))) <= gap else None

    def asks_force(i: int) -> bool:
        # the force asked for is told after the call, or before it when nothing follows ("the
        # strike was called in on their behalf")
        if _kind(feats[i]) not in calls:
            return False
        j = neighbour(i, 1)
        if j is not None:
            return _kind(feats[j]) in violent | {"SUPPORT"} and _told_after(feats[i], feats[j], gap_words)
        j = neighbour(i, -1)
        return j is not None and _kind(feats[j]) in violent | {"SUPPORT"} and _told_before(feats[j], feats[i])

    def asked_for(i: int) -> bool:
        j = neighbour(i, -1)
        return _kind(feats[i]) == "SUPPORT" and j is not None and asks_force(j)

    out = list(labels)
    for r, idx in members.items():
        if not all(_kind(feats[i]) in calls | {"SUPPORT"} for i in idx):
            continue
        moving = [i for i in idx if asks_force(i) or asked_for(i)]
        told: Counter[int] = Counter()
        for i in moving:
            f = feats[i]
            for j in in_sentence.get((f.doc, f.span), []) if f.span is not None else []:
                if labels[j] != r and len(docs[labels[j]]) >= min_docs and _kind(feats[j]) in violent:
                    told[labels[j]] += 1
        if told:
            host = told.most_common(1)[0][0]
            for i in moving:
                out[i] = host
    return out
