"""Entities from keyed mentions: one ``models.Entity`` per cluster, with its gazetteer link."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from fullpicture.models import Entity, Geo
from fullpicture.models import Mention as MentionModel
from fullpicture.nlp._doctext import doc_text
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.extensions import plain_token_extension
from fullpicture.nlp.places._base import base_form
from fullpicture.nlp.places._coref import Mention
from fullpicture.nlp.places._resolve import PlaceIndex
from fullpicture.nlp.places._translit import fold
from fullpicture.nlp.places._wordlists import Lexicon


def _extend_features(doc: Doc, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Place mentions followed by a feature noun ("the Kerch bridge") yield a FAC mention."""
    out: list[Mention] = []
    toks = token_arrays(doc)  # the token attributes as lists: no Token object per token
    lower, pos, size = toks.lower, toks.pos, len(doc)
    for m in mentions:
        if m.place is None or m.actor or m.label == "FAC" or m.end >= size:
            continue
        nxt = lower[m.end]
        two = f"{nxt} {lower[m.end + 1]}" if m.end + 1 < size else ""
        n = 2 if two in lex.feature_nouns else (1 if nxt in lex.feature_nouns and pos[m.end] == "NOUN" else 0)
        if n and m.end + n <= size:
            text = toks.span_text(m.start, m.end + n)
            out.append(Mention(m.start, m.end + n, "FAC", text, place=m.place, key=("FEATURE", fold(text), str(m.place))))
    return out


def build_entities(doc: Doc, mentions: list[Mention], pi: PlaceIndex, lex: Lexicon) -> list[Entity]:
    """Turn keyed mentions into ``models.Entity`` (ids in order of first mention)."""
    mentions = mentions + _extend_features(doc, mentions, lex)
    groups: dict[tuple[str, ...], list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.key is None:
            continue
        key = m.key[:2] if m.key[0] == "P" else m.key
        groups.setdefault(key, []).append(m)
    # Capitals used as actors point at their country's entity (created when absent).
    needed: dict[tuple[str, ...], tuple[str, ...]] = {}
    for m in mentions:
        if m.key and len(m.key) == 3 and m.key[2] == "capital" and m.place is not None:
            ci = pi.gaz.country_of[pi.place(m.place).cc]
            ckey = ("P", str(ci))
            needed[m.key[:2]] = ckey
            groups.setdefault(ckey, [])
    end = len(doc_text(doc)) + 1
    ordered = sorted(groups.items(), key=lambda kv: (kv[1][0].start if kv[1] else end, kv[0]))
    ids = {key: f"e{n + 1}" for n, (key, _) in enumerate(ordered)}
    entities: list[Entity] = []
    spans: list[tuple[int, int, str]] = []
    toks = token_arrays(doc)
    idx, words = toks.idx, toks.text
    for key, ms in ordered:
        eid = ids[key]
        ms.sort(key=lambda m: m.start)
        place_idx = int(key[1]) if key[0] == "P" else (ms[0].place if ms and ms[0].place is not None else None)
        geo = None
        if place_idx is not None:
            p = pi.place(place_idx)
            # a street has its city's point, not its id
            gid = (p.gid or None) if key[0] != "STREET" else None
            geo = Geo(lat=round(p.lat, 5), lon=round(p.lon, 5), geonames_id=gid, country=p.cc or None, source=pi.source(place_idx))
        # a mention's own dictionary form when the entities layer set one ("" = as written)
        bases = [m.form if m.form is not None else base_form(doc, m.start, m.end) for m in ms]
        names = [b or m.text for m, b in zip(ms, bases, strict=True) if not m.definite]  # case forms are one name
        if key[0] == "P" and place_idx is not None:
            name, etype = pi.place(place_idx).name, ("LOC" if pi.place(place_idx).kind == "continent" else "GPE")
            if ms and all(m.label == "LOC" for m in ms):
                etype = "LOC"
        else:
            name = max(names, key=len) if names else ms[0].text
            etype = ms[0].label or "GPE"
        roles: list[str] = []
        for m in ms:
            roles += [r for r in m.roles if r not in roles]
        aliases = list(dict.fromkeys(names))
        mentions_out = [
            MentionModel(start=idx[m.start], end=idx[m.end - 1] + len(words[m.end - 1]), text=m.text,
                         actor=m.actor, embedded=m.embedded, base=b or None)
            for m, b in zip(ms, bases, strict=True)
        ]
        entities.append(Entity(id=eid, name=name, type=etype, aliases=aliases, roles=roles, refers_to=ids.get(needed.get(key, ())), geo=geo, mentions=mentions_out))
        spans += [(m.start, m.end, eid) for m in ms if not m.embedded]  # tokens keep their organisation
    ordered_spans = sorted(spans, key=lambda s: s[0] - s[1])  # longest first, inner wins
    if plain_token_extension("fp_entity"):  # the same values under Underscore's keys, no Token made
        data: dict[Any, Any] = doc.user_data
        for start, end, eid in ordered_spans:
            for k in range(start, end):
                data[("._.", "fp_entity", idx[k], None)] = eid
        return entities
    for start, end, eid in ordered_spans:
        for t in doc[start:end]:
            t._.fp_entity = eid
    return entities

