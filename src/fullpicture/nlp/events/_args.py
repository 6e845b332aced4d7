"""Event arguments from the dependency parse and the entity layer: agents, patients, place, date.

:func:`participants` and :func:`arguments` read an event trigger's agents and patients (voice,
reduced passives, perpetrating verbs) and its place (the sentence's place mentions, facility
heads, analogies, flight goals); :func:`place_positions` lists the place mentions that can be
an event's place, without the sources, addressees, origins, passive agents and recipients the
parse shows are none. Title holders' states and regional names are in :mod:`._towns`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from fullpicture.nlp._datelines import dateline_spans
from fullpicture.nlp._doctext import doc_text
from fullpicture.nlp._shared import capital_state, climb, entity_for_span, entity_type
from fullpicture.nlp.events._analogy import analogy_place
from fullpicture.nlp.events._blame import blamed
from fullpicture.nlp.events._data import event_lexicon
from fullpicture.nlp.events._modality import clause_head
from fullpicture.nlp.events._movers import subject_words
from fullpicture.nlp.events._notplace import (
    behind_subject,
    clock_place,
    flight_purpose,
    flight_verb,
    holder,
    hung_on,
    noun_agent,
    platform_name,
    supply_recipient,
)
from fullpicture.nlp.events._speaker import is_seat, speaker_place
from fullpicture.nlp.events._towns import regional_in_names
from fullpicture.nlp.places._translit import fold
from fullpicture.nlp.places._wordlists import get_lexicon

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
        if cur.dep_ == "conj" and cur.head.lemma_.lower() in _publishing_verbs(tok.doc.lang_):
            break
        if cur.dep_ == "xcomp" and cur.tag_ == "VBG" and cur.head.lemma_.lower() in _publishing_verbs(tok.doc.lang_):
            break  # "the governor announced shelling in the centre": who told of it, not who shelled
        cur = cur.head if cur.dep_ in ("conj", "xcomp") and cur.head.i != cur.i else None
    return None, False


def _modality(language: str) -> dict[str, frozenset[str]]:
    """The word lists of the language's modality file (English for languages without one)."""
    return event_lexicon(language if language in ("en", "fr", "ru") else "en").modality


def _publishing_verbs(language: str) -> frozenset[str]:
    """Verbs whose subject publishes (``publishing_verbs`` of the modality file): a conjunct
    of one does not inherit its subject."""
    return _modality(language).get("publishing_verbs", frozenset())


def _perpetrating_verbs(language: str) -> frozenset[str]:
    """Verbs whose subject does the nominal event they govern ("launched an attack"); not
    "condemned the strike" or "announced the offensive" (``agent_light_verbs``, else the
    light verbs of the language's modality file)."""
    m = _modality(language)
    return m.get("agent_light_verbs") or m.get("light_verbs", frozenset())


def _reduced_passive(trig: Token, subj: Token) -> bool:
    """Whether a verb with a subject of its own and no object is a headline's passive: a
    participle with no auxiliary ("Eastland soldier killed in clashes") or a verb with a
    complement of its subject's state (``undergoer_complements``: "Eastland civilian shot dead").
    Its subject, and the demonym on it, undergo the act and do not do it."""
    if subj.head.i != trig.i or any(c.dep_ == "dobj" for c in trig.children):
        return False
    if trig.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in trig.children):
        return True
    states = _modality(trig.doc.lang_).get("undergoer_complements", frozenset())
    return any(c.dep_ in ("acomp", "oprd") and c.lower_ in states for c in trig.children)


def participants(doc: Doc, index: dict[str, Any], trig: Token) -> tuple[list[Token], list[Token]]:
    """Agent and patient head tokens of a trigger."""
    agents: list[Token] = []
    patients: list[Token] = []
    if trig.pos_ in ("VERB", "AUX"):
        subj, passive = _subject(trig)
        if subj is not None:
            passive = passive or _reduced_passive(trig, subj)
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
        if (not agents and trig.dep_ in ("dobj", "attr") and trig.head.pos_ == "VERB"
                and trig.head.lemma_.lower() in _perpetrating_verbs(doc.lang_)):
            subj, passive = _subject(trig.head)
            if subj is not None and not passive:
                agents.append(subj)
    return agents, patients


def arguments(
    doc: Doc, index: dict[str, Any], trig: Token, sent: Span, places: list[tuple[int, str]],
    own_clause: bool = False, speaker_seats: bool = False,
) -> tuple[list[str], list[str], str | None]:
    """(agent ids, patient ids, place id) of an event trigger; ``places``: sorted (token, place id);
    ``own_clause``: a place of the sentence inside a reported clause the trigger is not in
    ("After the talks, the minister claimed that the shelling came from Eastland") is not the
    trigger's; ``speaker_seats``: a capital or a country named where a statement about the
    trigger is made ("In Eastcity, officials explained the collapse": ``_speaker``) is not either."""
    ag, pa = participants(doc, index, trig)
    # a capital acting stands for its state ("Moscow launched...")
    acting = _ids(doc, index, ag)
    agents = [capital_state(index, a) or a for a in acting]
    patients = [p for p in _ids(doc, index, pa) if p not in agents]
    place = None
    head = clause_head(trig)
    for anchor in (trig, head):
        for c in anchor.children:
            if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
                for g in c.children:
                    if g.dep_ == "pobj":
                        # "in Northville", or one step down "in the market of Northville"
                        inner = [gg for cc in g.children if cc.dep_ == "prep" and cc.lower_ in ("of", "in")
                                 for gg in cc.children if gg.dep_ == "pobj"]
                        for cand in (g, *inner):
                            eid = entity_for_span(doc, index, cand.idx, cand.idx + len(cand), cand, metonymy=False)
                            if (eid and entity_type(index, eid) in _PLACE_TYPES and not _recipient(cand)
                                    and not _flight_goal(cand, trig)
                                    and not (speaker_seats and _speaker_seat(index, eid, cand, trig))):
                                place = eid
                                break
                        if place:
                            break
            if place:
                break
        if place:
            break
    if place is None:
        k = bisect_left(places, (sent.start, ""))
        while k < len(places) and places[k][0] < sent.end:
            eid = places[k][1]
            tok = doc[places[k][0]]
            while tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
                tok = tok.head
            owner = tok.dep_ in ("compound", "poss") or (tok.i + 1 < len(doc) and doc[tok.i + 1].dep_ == "case")
            if tok.dep_ == "compound" and _facility_head(tok):
                owner = False  # "the Homs bus depot": the depot is in Homs
            # "Eastland radio", "Eastland's defence ministry": the place names who, not where
            owned = entity_for_span(doc, index, tok.head.idx, tok.head.idx + len(tok.head), tok.head, metonymy=False)
            named = owner and not (owned and entity_type(index, owned) in _PLACE_TYPES)
            # a genitive modifier of an organisation (Russian "ministry of-Eastland"): whose, not where
            named = named or (tok.dep_ == "nmod" and tok.i > tok.head.i and owned is not None
                              and entity_type(index, owned) == "ORG")
            # (a capital acting is its state's agent, not the place: "Kyiv evacuated 3,000")
            if (eid not in agents and eid not in acting and eid not in patients and not named
                    and not (own_clause and _other_clause(tok, trig))
                    and not _flight_goal(doc[places[k][0]], trig)
                    and not (speaker_seats and _speaker_seat(index, eid, doc[places[k][0]], trig))):
                place = eid
                break
            k += 1
    # a place that is the patient of an attack stays a patient; place may repeat it
    return agents, patients, place


def _flight_goal(tok: Token, trig: Token) -> bool:
    """``tok`` names where people fled or headed by a verb of flight other than ``trig`` ("the
    men who raided the depot fled toward Eastland": ``_notplace.flight_verb``): the flight's
    goal, no place of the happening told beside it, unless the flight is for it ("heading to
    Eastvale for an exchange"). A projectile that crossed into a country still strikes there
    ("a missile crossed into Eastland, killing two")."""
    verb = flight_verb(tok)
    return (verb is not None and verb.i != trig.i and not flight_purpose(trig, verb)
            and not subject_words(verb) & event_lexicon(trig.doc.lang_ or "en").mover_projectiles)


def blamed_ids(doc: Doc, index: dict[str, Any], trig: Token) -> list[str]:
    """Entity ids of who a claim of responsibility, an accusation or a cause around ``trig`` names
    as its doer (``_blame``; "the Front claimed responsibility for the attack"), a capital for its
    state: kept apart from the parse's agents, which align reads as where mentions meet."""
    return [capital_state(index, a) or a for a in _ids(doc, index, blamed(trig))]


def _speaker_seat(index: dict[str, Any], eid: str, tok: Token, trig: Token) -> bool:
    """``tok`` (of place ``eid``) names a capital or a country where someone speaks about ``trig``."""
    return speaker_place(tok, trig) and eid in index and is_seat(index[eid])


def _other_clause(tok: Token, trig: Token) -> bool:
    """``tok`` lies inside a clausal complement ("said [the missile was fired from Eastland]",
    "заявил, [что ракета прилетела из Eastland]") that does not hold ``trig``: the place of
    what was said, not of the trigger outside it."""
    cur = tok
    for _ in range(12):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ == "ccomp":
            return not cur.is_ancestor(trig) and cur.i != trig.i
        cur = cur.head
    return False


@lru_cache(maxsize=1)
def _facility_nouns() -> frozenset[str]:
    from fullpicture._data import data_toml

    return frozenset(data_toml("events", "plover.toml").get("facilities", {}).get("nouns", []))


def _facility_head(tok: Token) -> bool:
    """The noun a compound place name modifies is a facility (``plover.toml`` [facilities])."""
    return climb(tok.head, ("compound",)).lemma_.lower() in _facility_nouns()


def token_positions(doc: Doc, items: list[tuple[int, int, str]]) -> list[tuple[int, str]]:
    """Sorted (first token index, value) of character spans ``(start, end, value)``."""
    out = []
    for start, end, value in items:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.append((span.start, value))
    out.sort()
    return out


def place_positions(doc: Doc, index: dict[str, Any]) -> list[tuple[int, str]]:
    """(token, entity id) of every mention of a place entity that names it as a place: a
    nationality adjective ("Greek Cypriots", "Turkish invasion"), a capital acting for its
    state ("which Moscow attributed to..."), a source ("according to Ukrzaliznytsia") and an
    analogy ("a provocation in the Eastvale style": ``_analogy``), a time zone, a platform and a
    seat of government receiving arms (``_notplace``) are no place of the event."""
    dem = get_lexicon().demonyms
    text = doc_text(doc)
    lines = dateline_spans(text)
    regional = regional_in_names(text, index, lines)
    found = token_positions(doc, [(m.start, m.end, e.id) for e in index.values() if e.type in _PLACE_TYPES
                                  for m in e.mentions if fold(m.text) not in dem and not m.actor
                                  and not any(a <= m.start < b for a, b in lines)
                                  and not _HYPHEN_MODIFIER.match(text, m.end)
                                  and not analogy_place(text, m.start, m.end)
                                  and not clock_place(text, m.start, m.end) and not platform_name(m.text)
                                  and (m.start, m.end) not in regional])
    return [(i, eid) for i, eid in found
            if not _source_position(doc[i]) and not _addressee(doc[i]) and not _origin(doc[i])
            and not _passive_agent(doc[i]) and not _recipient(doc[i])
            and not holder(doc[i])
            and not ((supply_recipient(doc[i]) or behind_subject(doc[i]) or noun_agent(doc[i]))
                     and is_seat(index.get(eid)))]


def _passive_agent(tok: Token) -> bool:
    """``tok`` is the agent of a passive ("missiles supplied by the United States", "shelled by
    Russia", UD's ``obl:agent``: "l'élu installé par Eastcity", "глава, назначенный Eastcity"): who
    acted, not where."""
    root = climb(tok, ("compound", "amod", "nmod", "flat", "flat:name", "conj"))
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return True
    # UD: the name itself is the agent ("par le président de l'Eastland" names a title holder's
    # state, which title_towns reads)
    root = climb(tok, ("flat", "flat:name", "conj"))
    return root.dep_ == "obl:agent"


def _origin(tok: Token) -> bool:
    """``tok`` is where people or things come from: the object of "from" hung on a noun that
    names no happening ("troops from Italy and Hungary were hurt", "rockets from the north"),
    not where the event took place ("the evacuation from Aleppo" keeps Aleppo)."""
    root = climb(tok, ("compound", "amod", "nmod", "flat", "flat:name", "conj"))
    if root.dep_ != "pobj" or root.head.lower_ != "from" or root.head.dep_ != "prep":
        return False
    owner = root.head.head
    if owner.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    return owner.lemma_.lower() not in event_lexicon("en").nouns


@lru_cache(maxsize=1)
def _addressee_verbs() -> frozenset[str]:
    from fullpicture._data import data_toml

    return frozenset(data_toml("events", "plover.toml").get("addressee_verbs", {}).get("verbs", []))


@lru_cache(maxsize=1)
def _blame_complements() -> frozenset[str]:
    from fullpicture._data import data_toml

    return frozenset(data_toml("events", "plover.toml").get("addressee_verbs", {}).get("complements", []))


def _addressee(tok: Token) -> bool:
    """``tok`` heads the direct object of a verb of accusation or address ("accused Russia of
    blowing up the dam"), or is the one judged in a small clause of blame ("declared Israel
    responsible", "held Eastland responsible"): an actor, not a place."""
    root = climb(tok, ("compound", "amod", "nmod", "flat", "flat:name"))
    blame = _blame_complements()
    if root.head.lemma_.lower() in blame or root.head.lower_ in blame:
        return True  # "declared [Israel responsible]": the subject of the judged complement
    if root.dep_ in ("dobj", "obj") and any(
            c.dep_ in ("oprd", "xcomp", "obl", "advcl") and (c.lemma_.lower() in blame or c.lower_ in blame)
            for c in root.head.children):
        return True  # "held Eastland responsible"
    return root.dep_ in ("dobj", "obj") and root.head.lemma_.lower() in _addressee_verbs()


@lru_cache(maxsize=1)
def _recipient_words() -> tuple[frozenset[str], frozenset[str]]:
    from fullpicture._data import data_toml

    cfg = data_toml("events", "plover.toml").get("recipient_verbs", {})
    return frozenset(cfg.get("verbs", [])), frozenset(cfg.get("preps", []))


def _recipient(tok: Token) -> bool:
    """``tok`` names the one surrendered to ("surrendered to Eastland", "their surrender to the
    Eastland army", "capitulé devant l'Eastland", "сдались Eastland", "капитулировали перед
    Eastland": ``[recipient_verbs]`` of ``plover.toml``): the captor, not where it happened."""
    verbs, preps = _recipient_words()
    return hung_on(tok, verbs, preps, ("compound", "amod", "nmod", "flat", "flat:name", "conj"),
                   lambda dep: dep in ("iobj", "obl", "obl:arg"))


# "Moscow-controlled authorities", "Kyiv-based analysts": the place qualifies who, not where
_HYPHEN_MODIFIER = re.compile(r"-[a-z]")


def _source_position(tok: Token) -> bool:
    """``tok`` heads (or starts) the object of "according to"."""
    root = climb(tok, ("compound", "amod", "nmod"))
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ == "according"
