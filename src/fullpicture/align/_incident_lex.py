"""The incident lexicon and the compatibility tests shared by the incident rules."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.nlp.events.limited import family_glosses
from fullpicture.nlp.places._resolve import haversine_km


@dataclasses.dataclass(frozen=True)
class IncidentLexicon:
    """Consequence lemmas, the event types that can host them, the types a definite anaphor
    ("the flight", "the blast") can refer back to, and the acts of word told about a happening
    (types, and lemmas of those types that are no such act), and the types of an inquiry into a
    happening, and the types of the steps that make up a happening's aftermath (``[parts]``)."""

    consequences: frozenset[str]
    host_types: frozenset[str]
    anaphor_types: frozenset[str] = frozenset()
    harm: frozenset[str] = frozenset()
    violent_types: frozenset[str] = frozenset()
    told_about: frozenset[str] = frozenset()
    told_about_not: frozenset[str] = frozenset()
    claim_types: frozenset[str] = frozenset()  # acts of word whose object is the happening
    inquiry_types: frozenset[str] = frozenset()
    part_types: frozenset[str] = frozenset()
    reaction_types: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def incident_lexicon() -> IncidentLexicon:
    """The shipped lists (``data/events/incidents.toml``)."""
    data = data_toml("events", "incidents.toml")
    consequences = frozenset(w.lower() for w in data["consequences"]["lemmas"])
    harm = frozenset(w.lower() for w in data["consequences"].get("harm", []))
    # the word lists of the limited pipeline: a lemma is a consequence when its gloss is one
    glossed = family_glosses()
    return IncidentLexicon(
        consequences=consequences | {lemma for lemma, g in glossed.items() if g in consequences},
        host_types=frozenset(t.upper() for t in data["hosts"]["types"]),
        anaphor_types=frozenset(t.upper() for t in [*data["hosts"]["types"], *data.get("anaphora", {}).get("types", [])]),
        harm=harm | {lemma for lemma, g in glossed.items() if g in harm},
        violent_types=frozenset(t.upper() for t in data["hosts"].get("violent_types", [])),
        told_about=frozenset(t.upper() for t in data.get("told_about", {}).get("types", [])),
        told_about_not=frozenset(w.lower() for w in data.get("told_about", {}).get("not_lemmas", [])),
        claim_types=frozenset(t.upper() for t in data.get("told_about", {}).get("claims", [])),
        inquiry_types=frozenset(t.upper() for t in data.get("inquiry", {}).get("types", [])),
        part_types=frozenset(t.upper() for t in data.get("parts", {}).get("types", [])),
        reaction_types=frozenset(t.upper() for t in data.get("parts", {}).get("words", [])),
    )


def with_glossed(words: Iterable[str]) -> frozenset[str]:
    """``words`` (lower case), with the trigger lemmas of the limited pipeline's word lists whose
    English gloss is one of them ("війна": "war"), as consequences are read."""
    kinds = frozenset(words)
    return kinds | {lemma for lemma, g in family_glosses().items() if g.lower() in kinds}


@lru_cache(maxsize=1)
def setting_lemmas() -> frozenset[str]:
    """The lemmas of lasting settings (``[distinct] settings``)."""
    data = data_toml("events", "incidents.toml").get("distinct", {})
    return with_glossed(w.lower() for w in data.get("settings", []))


def is_setting(f: MentionFeatures) -> bool:
    """A lasting setting (a war, an invasion: :func:`setting_lemmas`)."""
    return f.lemma.lower() in setting_lemmas()


@lru_cache(maxsize=1)
def lasting_kinds() -> frozenset[str]:
    """The lemmas of settings and of kinds of happening that may last as a whole (``[distinct]
    settings`` and ``campaigns``)."""
    data = data_toml("events", "incidents.toml").get("distinct", {})
    return with_glossed(w.lower() for w in [*data.get("settings", []), *data.get("campaigns", [])])


@lru_cache(maxsize=1)
def war_nouns() -> frozenset[str]:
    """Lasting kinds that name a war or a campaign as a whole (``[distinct] war_nouns``)."""
    data = data_toml("events", "incidents.toml").get("distinct", {})
    return with_glossed(w.lower() for w in data.get("war_nouns", []))


@lru_cache(maxsize=1)
def campaign_acts() -> frozenset[str]:
    """Lasting kinds that name one act as often as a whole (``[distinct] campaign_acts``)."""
    data = data_toml("events", "incidents.toml").get("distinct", {})
    return with_glossed(w.lower() for w in data.get("campaign_acts", []))


def same_place_types(cfg: Mapping[str, Any]) -> set[str]:
    """The happening types (upper case) whose tellings at one place are one happening
    (``incident_same_place_types``)."""
    return {t.upper() for t in cfg.get("incident_same_place_types", ["ASSAULT", "ATTACK", "FIGHT", "DISASTER"])}


def nearest_host(feats: Sequence[MentionFeatures], hosts: Sequence[int], i: int) -> list[int]:
    """``hosts`` (happenings of mention ``i``'s sentence) from the one ``i`` most likely hangs on:
    a happening before a lasting setting ("eleven dead in the raid, amid the war": the raid, even
    where the war is told nearer), then the nearest."""
    settings = setting_lemmas()
    return sorted(hosts, key=lambda h: (feats[h].lemma.lower() in settings, abs(h - i), h))


def compatible(a: MentionFeatures, b: MentionFeatures, places: bool = True) -> bool:
    """No stated-date clash and (``places``) no two different named places."""
    ia, ib = a.interval, b.interval
    if ia and ib and a.date_firm and b.date_firm and (ia[0] > ib[1] or ib[0] > ia[1]):
        return False
    return not (places and a.places and b.places and not (a.places & b.places))


def _places_clash(h: MentionFeatures, c: MentionFeatures, near_km: float) -> bool:
    """Two different named places, unless both are resolved and one is the country of the other,
    one is a continent or an open sea the other lies within the reach of (``_containing.wide_reach``),
    or they lie within ``near_km`` of each other ("died at the refugee camp" in a sentence about
    a strike on the city)."""
    if not (h.places and c.places) or h.places & c.places:
        return False
    gh, gc = h.geo, c.geo
    if not (gh and gc):
        return True
    if gh[3] or gc[3]:  # a country contains its places
        return not (gh[2] and gh[2] == gc[2])
    reach = max(float(h.extra.get("reach", 0.0)), float(c.extra.get("reach", 0.0)))
    if reach and haversine_km(gh[0], gh[1], gc[0], gc[1]) <= reach:
        return False
    return not near_km or haversine_km(gh[0], gh[1], gc[0], gc[1]) > near_km


def counted_later(h: MentionFeatures, c: MentionFeatures, slack: int = 3) -> bool:
    """A consequence counted on a later stated day than its happening ("by the next morning 16
    were dead" after a strike the day before): the count's date, not another happening's."""
    ih, ic = h.interval, c.interval
    return bool(ih and ic and 0 <= ic[0] - ih[1] <= slack)


def fits(h: MentionFeatures, c: MentionFeatures, near_km: float = 0.0, before_days: int = -1) -> bool:
    """A consequence fits a happening: no place clash (``near_km``), and no stated-date clash or
    counted a few days later; with ``before_days`` >= 0, no stated day of the consequence ending
    more than that many days before the day its happening is told on, stated or inherited from
    the report (a consequence told in another sentence: "a month ago the rebels had killed dozens
    there", after a strike told on the report's day, is a recalled happening's)."""
    if _places_clash(h, c, near_km):
        return False
    ih, ic = h.interval, c.interval
    if before_days >= 0 and c.date_firm and ih and ic and ih[0] - ic[1] > before_days:
        return False
    return compatible(h, c, places=False) or counted_later(h, c)


def distinct(f: MentionFeatures) -> bool:
    """A happening told apart from the story's ("In a separate attack", "another strike")."""
    return bool(f.extra.get("distinct"))


def is_consequence(f: MentionFeatures, lex: IncidentLexicon) -> bool:
    """A consequence of a happening: a listed lemma, captives freed (``_freed``: the raid's
    outcome, as a rescue is), or a kind of aftermath (``_aftermath``: bodies taken out of the
    rubble, the wounded brought to hospital)."""
    return f.lemma in lex.consequences or f.lemma.replace(" ", "_") in lex.consequences \
        or bool(f.extra.get("freed")) or bool(f.extra.get("aftermath"))


def told_about(f: MentionFeatures, lex: IncidentLexicon, speaker: bool = False) -> bool:
    """An act of word (an accusation, a denial) that is about the happening of its sentence; a
    legal act typed like one (charges laid) is not. ``speaker``: only an act told with the one
    who does it ("Sudan denied the strike"); one told with no speaker is no side's account of
    the happening ("the man accused of the shooting", "was declared dead", "the verdict was
    announced")."""
    return (not is_consequence(f, lex) and (f.type or "").upper() in lex.told_about
            and f.lemma not in lex.told_about_not and (not speaker or bool(f.extra.get("speaker"))))


def is_inquiry(f: MentionFeatures, lex: IncidentLexicon) -> bool:
    """An inquiry into a happening ("an investigation into the strike", ``[inquiry]``)."""
    return (f.type or "").upper() in lex.inquiry_types


def is_part(f: MentionFeatures, lex: IncidentLexicon, reactions: bool = False) -> bool:
    """A step of a happening's aftermath (``[parts] types``: help given, rescuers arriving, troops
    pulling out), or with ``reactions`` a reaction to it (``[parts] words``: a call, a pledge, a
    warning), that is neither a consequence nor an act of word of ``[told_about]``, nor a named
    kind of act that makes news of its own (a prisoner exchange, a truce: ``f.word``,
    data/events/equivalents.toml)."""
    kind = (f.type or "").upper()
    return (kind in (lex.reaction_types if reactions else lex.part_types) and not is_consequence(f, lex)
            and kind not in lex.told_about and not f.word)


def can_host(f: MentionFeatures, lex: IncidentLexicon) -> bool:
    """A happening that consequences, acts of word and inquiries of its sentence may hang on: not
    itself a consequence, of a host type, and no rubric (:func:`in_rubric`)."""
    return not is_consequence(f, lex) and (f.type or "").upper() in lex.host_types \
        and not f.extra.get("rubric")


def in_rubric(sentence: str, trigger: str, lemma: str, chars: int) -> bool:
    """Whether a lasting kind of happening (a war, a conflict: :func:`lasting_kinds`) is told in a
    rubric that heads its line: before a colon at most ``chars`` characters into the sentence
    ("War in Northland: at least 15 dead", "Guerre en Westland : six morts", "Война в Крайске:
    ..."). The rubric names the story's setting, not the happening whose toll the line gives."""
    if chars <= 0:
        return False
    word = lemma.lower()
    if word not in lasting_kinds() and word.rsplit(" ", 1)[-1] not in lasting_kinds():
        return False
    colon = sentence.find(":")
    if colon < 0 or colon > chars or not sentence[colon + 1 :].strip():
        return False
    at = sentence.find(trigger)
    return 0 <= at < colon and not any(c in sentence[:colon] for c in ".!?")


def happening(f: MentionFeatures, lex: IncidentLexicon) -> bool:
    """A happening a definite anaphor can name ("the blast", "the flight")."""
    return not is_consequence(f, lex) and (f.type or "").upper() in lex.anaphor_types


def hosts_harm(h: MentionFeatures, c: MentionFeatures, lex: IncidentLexicon) -> bool:
    """``h`` may host ``c`` across sentences: bodily harm, and what followed a violent happening
    (``_aftermath``: a recovery of the dead, an escape), join only a violent happening."""
    if c.lemma not in lex.harm and c.lemma.replace(" ", "_") not in lex.harm and not c.extra.get("aftermath"):
        return True
    return not lex.violent_types or (h.type or "").upper() in lex.violent_types
