"""``fp_entities``: entities, actors and geoparsed places (runs after spaCy's ``ner``).

NER spans are corrected with the gazetteer (place names tagged PERSON/ORG, untagged names
after "in/near/from"), clustered within the document (surnames, acronyms, "the president"),
places are resolved to gazetteer entries with coordinates, and capitals or nationality
adjectives used as political actors are linked to their state.

Public helpers for other layers: :func:`entity_at` and :func:`entity_by_id`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter
from typing import Any
from weakref import WeakKeyDictionary

from spacy.language import Language
from spacy.tokens import Doc, Span

from fullpicture.models import Entity
from fullpicture.nlp._tokens import TokenArrays, token_arrays
from fullpicture.nlp.extensions import synced
from fullpicture.nlp.places._annotate import collect
from fullpicture.nlp.places._entities import build_entities
from fullpicture.nlp.places._resolve import PlaceIndex
from fullpicture.nlp.places._wordlists import Lexicon, get_lexicon, register_common_words

_DEFAULTS: dict[str, Any] = {
    "alias_files": [],
    "labels": ["PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EVENT", "LAW"],
    "max_name_tokens": 5,
}


def _config(settings: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    cfg = {**_DEFAULTS, **dict(settings.get("entities", {}))}
    if "places" not in cfg:
        from fullpicture.settings import load_settings

        cfg["places"] = load_settings().section("entities")["places"]
    files = list(settings.get("plugins", {}).get("alias_files", [])) + list(cfg.get("alias_files", []))
    return cfg, files


class EntitiesComponent:
    """The ``fp_entities`` pipeline component (gazetteer loaded once per process)."""

    def __init__(self, settings: dict[str, Any], nlp: Language | None = None) -> None:
        self.cfg, files = _config(settings)
        self.lex = get_lexicon()
        if nlp is not None:
            register_common_words(nlp)
        from fullpicture.nlp.framing._lexicon import shipped_entries

        naming = [(e.terms, e.counter_terms) for e in shipped_entries()
                  if e.category == "naming" and "place" in (e.subcategory or "")]
        self.index = PlaceIndex.build(files, naming)
        self.index.skeleton_min_ratio = float(self.cfg["places"].get("skeleton_min_ratio", 0.0))
        self.index.cross_script_min_pop = int(self.cfg["places"].get("cross_script_min_pop", 0))

    @synced
    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc``: ``doc._.fp_entities`` and ``token._.fp_entity``."""
        trim_entity_spaces(doc)
        drop_capitalised_words(doc)
        cut_at_headline_verbs(doc, self.lex)
        mentions = collect(doc, self.index, self.lex, self.cfg)
        doc._.fp_entities = build_entities(doc, mentions, self.index, self.lex)
        return doc


def trim_entity_spaces(doc: Doc) -> None:
    """Drop the whitespace tokens at the edges of the parser's entity spans: the English model
    takes a paragraph break into a headline's last name ("... in Ganja\n\n")."""
    is_space = token_arrays(doc).is_space
    if not any(is_space[e.start] or is_space[e.end - 1] for e in token_arrays(doc).ents):
        return  # the usual case, told from the token arrays: nothing to trim
    ents = []
    changed = False
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        changed = changed or (start, end) != (ent.start, ent.end)
        if start < end:
            ents.append(Span(doc, start, end, label=ent.label))
    if changed:
        doc.ents = ents


def drop_capitalised_words(doc: Doc) -> None:
    """Drop a one-word name (ORG, PERSON) that opens a sentence or headline and that the same
    text writes in lower case elsewhere: "Fierce clash between ..." over "a fierce conflict"
    is an adjective capitalised by its position, not an organisation. English only: other
    languages' headlines are in sentence case."""
    if getattr(doc._.fp_info, "language", None) not in (None, "en"):
        return  # title-case headlines are English usage
    toks = token_arrays(doc)
    suspects = {e.start for e in toks.ents if len(e) == 1 and e.label_ in ("ORG", "PERSON")
                and e.text[:1].isupper() and _opens_line(toks, e.start)}
    if not suspects:
        return  # the usual case: no need to read every token
    ents = doc.ents
    lower = {w for w, low, alpha in zip(toks.text, toks.is_lower, toks.is_alpha, strict=True) if low and alpha}  # words, not "facebook.com"
    keep = [e for e in ents if not (e.start in suspects and e.text.lower() in lower)]
    if len(keep) != len(ents):
        doc.ents = keep


def cut_at_headline_verbs(doc: Doc, lex: Lexicon) -> None:
    """End a name before a capitalised verb of a title-case headline ("Northland Says Border
    Post Shelled" is the ORG "Northland"; ``headline_verbs``); a name that starts with one is
    dropped. English only, like title case."""
    if getattr(doc._.fp_info, "language", None) not in (None, "en") or not lex.headline_verbs:
        return
    toks = token_arrays(doc)
    text, lower = toks.text, toks.lower
    if not any(text[k][:1].isupper() and lower[k] in lex.headline_verbs for e in toks.ents for k in range(e.start, e.end)):
        return  # the usual case, told from the token arrays: no name to cut
    ents, changed = [], False
    for ent in doc.ents:
        cut = next((t.i for t in ent if t.text[:1].isupper() and t.lower_ in lex.headline_verbs), None)
        if cut is None:
            ents.append(ent)
            continue
        changed = True
        if cut > ent.start:
            ents.append(Span(doc, ent.start, cut, label=ent.label))
    if changed:
        doc.ents = ents


def _opens_line(toks: TokenArrays, i: int) -> bool:
    """Token ``i`` opens the text, a sentence, or follows a space token, a quote, a bracket,
    a colon or a dash."""
    return i == 0 or bool(toks.sent_start[i]) or toks.is_space[i - 1] or toks.text[i - 1] in ('"', "“", "«", "(", ":", "-", "—")


@Language.factory("fp_entities", default_config={"settings": {}})
def make_component(nlp: Language, name: str, settings: dict[str, Any]) -> EntitiesComponent:
    """Factory for ``fp_entities``."""
    return EntitiesComponent(settings, nlp)


def entity_by_id(doc: Doc, entity_id: str) -> Entity | None:
    """The entity ``entity_id`` of ``doc`` (or None)."""
    for ent in doc._.fp_entities or []:
        if ent.id == entity_id:
            return ent
    return None


def entity_at(doc: Doc, start_char: int, end_char: int) -> str | None:
    """Id of the entity with a mention overlapping ``[start_char, end_char)``.

    For an actor mention ("Moscow vetoed") the id of the state it stands for is returned
    (its ``refers_to``). Actor mentions win over others, then names over place names embedded
    in them ("Washington" in "Washington Post"); then the tightest mention; then the first
    in entity and mention order. The mentions are indexed once per ``Doc`` and entity list,
    so a look-up costs the mentions near the span, not all of the document's.
    """
    ents = doc._.fp_entities or []
    key = (id(ents), len(ents), sum(map(len, map(_MENTIONS, ents))))  # the same sum, in C
    cached = _MENTION_INDEX.get(doc)
    if cached is None or cached[0] != key:
        cached = (key, _MentionIndex(ents))
        _MENTION_INDEX[doc] = cached
    return cached[1].at(start_char, end_char)


class _MentionIndex:
    """Every mention of a document's entities, sorted by start, with its rank and target."""

    def __init__(self, ents: list[Entity]) -> None:
        rows: list[tuple[int, int, tuple[int, int, int], int, str]] = []
        for ent in ents:
            for m in ent.mentions:
                target = ent.refers_to if (m.actor and ent.refers_to) else ent.id
                rank = (0 if m.actor else 1, 1 if m.embedded else 0, m.end - m.start)
                rows.append((m.start, m.end, rank, len(rows), target))
        rows.sort(key=lambda r: r[0])
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.longest = max((r[1] - r[0] for r in rows), default=0)

    def at(self, start: int, end: int) -> str | None:
        # an overlapping mention starts before ``end`` and after ``start - longest``
        lo = bisect_right(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        best: tuple[tuple[tuple[int, int, int], int], str] | None = None
        for m_start, m_end, rank, order, target in self.rows[max(0, lo - 1) : hi]:
            if m_start < end and start < m_end and (best is None or (rank, order) < best[0]):
                best = ((rank, order), target)
        return best[1] if best else None


_MENTIONS = attrgetter("mentions")
_MENTION_INDEX: WeakKeyDictionary[Doc, tuple[tuple[int, int, int], _MentionIndex]] = WeakKeyDictionary()
