"""Which resolved spans of ``fp_entities`` are places: the verdict after geoparsing.

:func:`accept_places` takes the mentions :func:`~fullpicture.nlp.places._annotate.collect`
resolved against the gazetteer and decides, span by span, whether each is a place: places NER
tagged anchor the others (same place, nearby, same country), a name NER typed otherwise needs a
place-taking context or a high score, names inside organisations' names need size, and a
feature around a place ("the Kerch bridge") becomes a mention of its own. It sets each kept
mention's place, label, key and actor position, and returns the features and the doubted spans.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from fullpicture.nlp.places._coref import Mention
from fullpicture.nlp.places._embedded import EMBED_KINDS
from fullpicture.nlp.places._evidence import (
    PLACE_LABELS,
    before_feature,
    governed_locative,
    locative,
    not_a_place,
    place_context,
    sized_place,
)
from fullpicture.nlp.places._metonymy import is_actor_position
from fullpicture.nlp.places._rank import romanizes_to, same_name
from fullpicture.nlp.places._regions import FEATURE_KINDS
from fullpicture.nlp.places._resolve import PlaceIndex, haversine_km
from fullpicture.nlp.places._translit import fold
from fullpicture.nlp.places._wordlists import Lexicon


def accept_places(doc: Doc, pi: PlaceIndex, lex: Lexicon, pcfg: dict[str, Any], place_ms: list[Mention],
                  resolved: list[tuple[int, float] | None], feature_end: dict[int, tuple[int, int]],
                  datelines: list[tuple[int, int]], name_parts: frozenset[str]) -> tuple[list[Mention], list[tuple[Mention, int]]]:
    """Keep or drop each resolved span as a place, setting its place, label, key and actor in place:
    ``(extra, doubted)``, the feature mentions around places inside them ("the Kerch bridge")
    and the spans NER tagged as places that the evidence doubts, with their resolved place."""
    # Places NER itself tagged: other spans resolving to (or near) them are places too.
    sure = [r[0] for m, r in zip(place_ms, resolved, strict=True) if r and m.label in PLACE_LABELS]
    sure_pts = [(pi.place(i).lat, pi.place(i).lon) for i in dict.fromkeys(sure)][:50]
    sure_set = set(sure)
    sure_other = list(dict.fromkeys(sure))
    sure_cc = {pi.place(i).cc for i in sure_set if pi.place(i).cc}
    extra: list[Mention] = []
    doubted: list[tuple[Mention, int]] = []
    for m, r in zip(place_ms, resolved, strict=True):
        if r is None:
            continue
        idx, sc = r
        p = pi.place(idx)
        root = doc[m.start : m.end].root
        actor = p.kind in ("capital", "country", "user", "landmark") and is_actor_position(root, lex)
        near_sure = any(haversine_km(p.lat, p.lon, pi.place(j).lat, pi.place(j).lon) <= pcfg["near_km"] for j in sure_other[:50] if j != idx)
        if not_a_place(doc, m, p, near_sure, lex, sure_cc, pcfg, name_parts):
            m.key = ("DROP",) if m.label in ("", "EMB") else m.key
            if m.label in PLACE_LABELS:
                doubted.append((m, idx))
            continue
        if m.label == "EMB":  # a place name inside an organisation/event name
            main = fold(p.name) == fold(m.text).removeprefix("the ") or p.kind in ("country", "continent", "capital") or p.pop >= 1_000_000
            if not main or not (p.kind in EMBED_KINDS or p.pop >= pcfg.get("embedded_min_pop", 100_000) or idx in sure_set):
                m.key = ("DROP",)
                continue
            m.embedded, actor = True, False
        elif m.label not in PLACE_LABELS:
            context = (locative(doc, m.start, m.end, lex) or id(m) in feature_end or before_feature(doc, m.end, lex)
                       or (m.start, m.end) in datelines
                       # "the Danube": a river, sea or range takes the article; a person does not
                       or (p.kind in FEATURE_KINDS and m.start > 0 and doc[m.start - 1].lower_ == "the"))
            # a small town NER calls an organisation or a person needs the name itself governed
            # by a place preposition ("from Obama being ...", "daughter of Aung San" are none),
            # and when the name is part of a person's name elsewhere ("if Holt asks him", the
            # anchor Lester Holt), neither a high score nor nearby places make it one
            small = m.label in ("ORG", "PERSON") and p.kind in ("city", "admin2") and p.pop < pcfg.get("alternate_min_pop", 0)
            # an organisation's name that is only another language's name of a city abroad
            # ("the media office of Hamas": Hamm's Lithuanian name) is no place either
            small = small or (m.label == "ORG" and p.kind in ("city", "admin2") and p.cc not in sure_cc
                              and not same_name(p.name, m.text))
            if small:  # the name itself governed by a place preposition other than "of"
                context = context and governed_locative(doc, m.start, m.end, lex)
            small_org = small and all(fold(t.text) in name_parts for t in doc[m.start : m.end])
            ok = (context and sc >= pcfg["locative_min_score"]) or (sc >= pcfg["relabel_min_score"] and not small_org) or actor
            ok = ok or idx in sure_set or (
                (m.label != "PERSON" or m.end - m.start == 1) and not small_org
                and any(haversine_km(p.lat, p.lon, a, b) <= pcfg["near_km"] for a, b in sure_pts)
            )
            if m.label == "NORP" and root.dep_ not in ("amod", "compound"):
                ok = ok or sc >= pcfg["locative_min_score"]
            # a place-taking context of the language ("hit Smara", "for Goris", "a quitté
            # Xankəndi") and a place of real size: a place though NER says person
            placed = (m.label != "NORP" and not small_org and sc >= pcfg["locative_min_score"]
                      and (same_name(p.name, m.text) or romanizes_to(fold(m.text), fold(p.name)))
                      and place_context(doc, m.start, m.end, lex)
                      and sized_place(pi, p, int(pcfg.get("context_min_pop", 15000))))
            ok = ok or placed
            # spatial coherence: a name NER did not tag as a place, resolving to a country where
            # none of the document's tagged places lies, needs a locative context
            if ok and not context and not placed and not actor and sure_cc and p.cc and p.cc not in sure_cc and p.kind not in ("country", "continent") and idx not in sure_set:
                ok = False
            if not ok:
                if m.label == "":
                    m.key = ("DROP",)
                continue
        fspan = feature_end.get(id(m))
        if fspan:  # "the Kerch bridge": the place inside, the feature around it
            extra.append(Mention(m.start, m.end, "FAC", m.text, place=idx, key=("FEATURE", fold(m.text), str(idx))))
            (m.start, m.end), m.text = fspan, doc[fspan[0] : fspan[1]].text
        m.place, m.label = idx, ("LOC" if p.kind == "continent" or m.label == "LOC" else "GPE")
        m.key = ("P", str(idx))
        if actor:
            m.actor = True
            if p.kind in ("capital", "landmark") and p.cc in pi.gaz.country_of:
                m.key = ("P", str(idx), "capital")
    return extra, doubted
