"""Event arguments from the dependency parse and the entity layer: agents, patients, place, date."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from fullpicture.nlp._claims_entities import entity_for_span, entity_type
from fullpicture.nlp._events_modality import clause_head

_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_PLACE_PREPS = {"in", "near", "at", "on", "across", "over", "outside", "inside", "around", "into", "from", "to"}
_PATIENT_PREPS = {"on", "against", "of", "at"}


def _np_tokens(tok: Token) -> list[Token]:
    """A noun phrase head and its coordinated heads ("four policemen and two civilians")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_np_tokens(c))
    return out


def _ids(doc: Doc, index: dict[str, Any], heads: list[Token], metonymy: bool = True) -> list[str]:
    ids: list[str] = []
    for h in heads:
        for t in _np_tokens(h):
            span = (t.left_edge.idx, t.right_edge.idx + len(t.right_edge))
            eid = entity_for_span(doc, index, span[0], span[1], t, metonymy=metonymy)
            if eid is None:
                # adjectival / compound modifiers: "Russian forces", "Azerbaijani offensive"
                for c in t.children:
                    if c.dep_ in ("amod", "compound", "poss") and c.i < t.i:
                        eid = entity_for_span(doc, index, c.idx, c.idx + len(c), c, metonymy=metonymy)
                        if eid:
                            break
            if eid and eid not in ids:
                ids.append(eid)
    return ids


def _subject(tok: Token) -> tuple[Token | None, bool]:
    """(subject, passive) of a verb, inherited through xcomp/conj chains."""
    cur: Token | None = tok
    for _ in range(3):
        if cur is None:
            break
        for c in cur.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c, False
            if c.dep_ == "nsubjpass":
                return c, True
        cur = cur.head if cur.dep_ in ("conj", "xcomp") and cur.head is not cur else None
    return None, False


def participants(doc: Doc, index: dict[str, Any], trig: Token) -> tuple[list[Token], list[Token]]:
    """Agent and patient head tokens of a trigger."""
    agents: list[Token] = []
    patients: list[Token] = []
    if trig.pos_ in ("VERB", "AUX"):
        subj, passive = _subject(trig)
        if subj is not None:
            (patients if passive else agents).append(subj)
        for c in trig.children:
            if c.dep_ == "dobj":
                patients.append(c)
            elif c.dep_ == "agent":
                agents.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ in ("on", "against"):
                patients.extend(g for g in c.children if g.dep_ == "pobj")
    else:
        for c in trig.children:
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.i < trig.i and c.ent_type_ in ("NORP", "GPE", "ORG")):
                agents.append(c)
            elif c.dep_ == "prep" and c.lower_ == "by":
                agents.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ in _PATIENT_PREPS:
                patients.extend(g for g in c.children if g.dep_ == "pobj")
        if not agents and trig.dep_ in ("dobj", "attr") and trig.head.pos_ == "VERB":
            subj, passive = _subject(trig.head)
            if subj is not None and not passive:
                agents.append(subj)
    return agents, patients


def arguments(doc: Doc, index: dict[str, Any], trig: Token, sent: Span) -> tuple[list[str], list[str], str | None]:
    """(agent ids, patient ids, place id) of an event trigger."""
    ag, pa = participants(doc, index, trig)
    agents = _ids(doc, index, ag)
    patients = [p for p in _ids(doc, index, pa) if p not in agents]
    place = None
    head = clause_head(trig)
    for anchor in (trig, head):
        for c in anchor.children:
            if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
                for g in c.children:
                    if g.dep_ == "pobj":
                        eid = entity_for_span(doc, index, g.idx, g.idx + len(g), g, metonymy=False)
                        if eid and entity_type(index, eid) in _PLACE_TYPES:
                            place = eid
                            break
            if place:
                break
        if place:
            break
    if place is None:
        for t in sent:
            eid = t._.fp_entity
            if eid and entity_type(index, eid) in _PLACE_TYPES and eid not in agents and eid not in patients:
                place = eid
                break
    # a place that is the patient of an attack stays a patient; place may repeat it
    return agents, patients, place


@lru_cache(maxsize=1)
def _reference_date_at() -> Callable[[Doc, int], Any] | None:
    try:
        from fullpicture.nlp import time as time_layer
    except Exception:  # noqa: BLE001 - the time layer may be mid-rewrite
        return None
    fn = getattr(time_layer, "reference_date_at", None)
    return fn if callable(fn) else None


def event_date(doc: Doc, trig: Token, sent: Span, timexes: dict[str, Any]) -> str | None:
    """A timex of the trigger's clause, else of its sentence, else the narrative/publication date."""
    head = clause_head(trig)
    for t in head.subtree:
        if t._.fp_timex and t._.fp_timex in timexes:
            tx = timexes[t._.fp_timex]
            if tx.type in ("DATE", "TIME") and not str(tx.value).endswith("_REF"):
                return str(tx.value)
    best: tuple[int, str] | None = None
    for t in sent:
        if t._.fp_timex and t._.fp_timex in timexes:
            tx = timexes[t._.fp_timex]
            if tx.type in ("DATE", "TIME") and not str(tx.value).endswith("_REF"):
                dist = abs(t.i - trig.i)
                if best is None or dist < best[0]:
                    best = (dist, str(tx.value))
    if best:
        return best[1]
    fn = _reference_date_at()
    if fn is not None:
        try:
            ref = fn(doc, trig.idx)
            if ref:
                return str(ref)
        except Exception:  # noqa: BLE001
            pass
    narrative = doc._.fp_narrative or []
    if narrative:
        k = bisect_right([c for c, _ in narrative], trig.idx) - 1
        if k >= 0:
            return str(narrative[k][1])
    info = doc._.fp_info
    pub = getattr(info, "published", None) if info is not None else None
    return str(pub)[:10] if pub else None
