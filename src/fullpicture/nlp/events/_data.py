"""Load the PLOVER-mapped event taxonomy and the modality cues once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml, data_toml_lang
from fullpicture.nlp.events._senses import Sense, read_senses
from fullpicture.nlp.events.limited import limited_glosses


@dataclass(frozen=True)
class EventLexicon:
    """Trigger lemmas by part of speech, multiword phrases, and PLOVER names of the types."""

    verbs: dict[str, str]
    nouns: dict[str, str]
    phrases: dict[tuple[str, ...], str]
    plover: dict[str, str]
    modality: dict[str, frozenset[str]]
    objects: dict[str, frozenset[str]]  # trigger lemma -> what it must act on
    legal_heads: frozenset[str]
    singular_only: frozenset[str]
    modifier_states: frozenset[str] = frozenset()
    # prepositional phrases whose noun is a means, no happening ("с помощью", "à l'aide de":
    # by means of), as lower-case token texts
    means: tuple[tuple[str, ...], ...] = ()
    # nouns whose nominal modifier names a standing state, no happening ("режим прекращения
    # огня", "régime de cessez-le-feu": the ceasefire regime)
    state_heads: frozenset[str] = frozenset()
    # trigger lemma -> what must do it: "ракета упала на больницу" (a rocket fell on the
    # hospital) is a strike; "цены упали" (prices fell) is none
    subjects: dict[str, frozenset[str]] = field(default_factory=dict)
    # verbs of moving ("cross", "arrive"): a strike when a projectile moves, no displacement when
    # a thing does ("the trucks arrived"; nlp/events/_movers.py)
    movers: frozenset[str] = frozenset()
    mover_projectiles: frozenset[str] = frozenset()
    mover_things: frozenset[str] = frozenset()
    mover_type: str = ""
    mover_strikes: frozenset[str] = frozenset()  # the verbs of ``movers`` a projectile strikes with
    # crashes of aircraft (``[crashes]``, nlp/events/_crafts.py): verbs of falling or crashing
    # told of a craft, nouns of falling whose "of" phrase names one
    crash_type: str = ""
    crash_verbs: frozenset[str] = frozenset()
    crash_nouns: frozenset[str] = frozenset()
    crash_craft: frozenset[str] = frozenset()
    # participle (an adjective to the tagger) -> its verb, told of a craft ("на упавшем Ил-76")
    crash_participles: dict[str, str] = field(default_factory=dict)
    # words of exchanging that name a prisoner exchange when their sentence names captives
    # (``[exchanges]``, nlp/events/_crafts.py)
    exchange_type: str = ""
    exchange_words: frozenset[str] = frozenset()
    exchange_captives: frozenset[str] = frozenset()
    exchange_not_with: frozenset[str] = frozenset()
    exchange_content_of: frozenset[str] = frozenset()
    # modifiers that make persons captives ("65 captured soldiers")
    exchange_captive_marks: frozenset[str] = frozenset()
    # verbs whose agentless passive participle is a state of risk, no act ("towns threatened by
    # the flood"; ``[passive_states]``)
    passive_states: frozenset[str] = frozenset()
    # verbs that act on someone only with an object ("troops stopped the convoy"); told with none
    # ("the bus stopped at the checkpoint") they tell the subject's own halt (``[transitive_only]``)
    transitive_only: frozenset[str] = frozenset()
    # participles of backing, arming, funding on a noun: a label of the doers (``[label_participles]``)
    label_participles: frozenset[str] = frozenset()
    label_with_types: frozenset[str] = frozenset()  # ... only in a sentence telling one of these
    # trigger lemma -> the sense it takes beside some words (``[senses]``, nlp/events/_senses.py)
    senses: dict[str, Sense] = field(default_factory=dict)
    # nouns of number or volley whose "of" phrase is what a trigger of ``objects`` acts on
    # ("launched a series of missiles"; ``[measures]``)
    measures: frozenset[str] = frozenset()
    # words that stand for one of the things named just before ("one of them fell", "другая
    # попала"; ``[stand_ins]``, nlp/events/_movers.told_before)
    stand_ins: frozenset[str] = frozenset()
    # verbs of supplying whose participle or relative clause on a weapon tells where it came from
    # ("ally-supplied missiles", "guns supplied by its allies"), no supply of its own
    # (``[provenance]``, nlp/events/_provenance.py)
    provenance_verbs: frozenset[str] = frozenset()
    provenance_things: frozenset[str] = frozenset()
    # nouns of a lasting setting that a superlative may rank within ("the deadliest strike of the
    # war") and the words of degree of the language ("most", "plus", "самый"; ``[ranked_settings]``,
    # nlp/events/_ranked.py)
    ranked_settings: frozenset[str] = frozenset()
    degree_words: frozenset[str] = frozenset()
    # words of doing away with someone, a trigger only when told of a person (``[killings]``,
    # nlp/events/_persons.py): lemmas (phrases joined by a space), the people and armed groups,
    # the personal pronouns
    killings: frozenset[str] = frozenset()
    persons: frozenset[str] = frozenset()
    person_pronouns: frozenset[str] = frozenset()
    # phrases that name a happening only with what they act on ("took over the heights"; "then
    # another unit took over" hands a duty on: ``[transitive_phrases]``, nlp/events/_transitive.py)
    transitive_phrases: frozenset[str] = frozenset()


_WORD = re.compile(r"[^\s-]+|-")


def _words(phrase: str) -> tuple[str, ...]:
    """A phrase as spaCy tokenizes it: hyphens are tokens of their own ("anti - terrorist")."""
    return tuple(_WORD.findall(phrase.lower()))


def _read(name: str, language: str = "en") -> dict:
    return data_toml_lang("events", name, language)


@lru_cache(maxsize=4)
def event_lexicon(language: str = "en") -> EventLexicon:
    """The shipped taxonomy of ``language``: PLOVER's types (``plover.toml``), then the general
    news types (``news.toml``); the first type listed wins when a lemma appears twice."""
    data = _read("plover.toml", language)
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    plover: dict[str, str] = {}
    types = list(data["types"].items())
    kills = data.get("killings", {})
    if kills.get("type"):
        types.append((str(kills["type"]), kills))
    types += list(_news_types(language))
    for typ, spec in types:
        plover.setdefault(typ, spec.get("plover", ""))
        for w in spec.get("verbs", []):
            verbs.setdefault(w, typ)
        for w in spec.get("nouns", []):
            if " " in w or "-" in w:
                phrases.setdefault(_words(w), typ)
            else:
                nouns.setdefault(w, typ)
        for p in spec.get("phrases", []):
            phrases.setdefault(_words(p), typ)
    mod = _read("modality.toml", language)["modality"]
    lexicon = EventLexicon(verbs, nouns, phrases, plover, {k: frozenset(v) for k, v in mod.items()},
                           {k: frozenset(v) for k, v in data.get("objects", {}).items()},
                           frozenset(data.get("legal_heads", {}).get("heads", [])),
                           frozenset(data.get("singular_only", {}).get("nouns", [])),
                           frozenset(data.get("modifier_states", {}).get("verbs", [])),
                           tuple(tuple(p.lower().replace("’", "'").split()) for p in data.get("means", {}).get("phrases", [])),
                           frozenset(data.get("state_heads", {}).get("nouns", [])),
                           {k: frozenset(v) for k, v in data.get("subjects", {}).items()},
                           *_movers(data.get("movers", {})))
    return replace(lexicon, **_crashes(data.get("crashes", {})),
                   **_exchanges(data.get("exchanges", {})),
                   passive_states=frozenset(data.get("passive_states", {}).get("verbs", [])),
                   transitive_only=frozenset(data.get("transitive_only", {}).get("verbs", [])),
                   label_participles=frozenset(data.get("label_participles", {}).get("verbs", [])),
                   label_with_types=frozenset(_read("plover.toml", "en").get("label_participles", {}).get("with_types", [])),
                   senses=read_senses(data.get("senses", {})),
                   measures=frozenset(data.get("measures", {}).get("words", [])),
                   stand_ins=frozenset(data.get("stand_ins", {}).get("words", [])),
                   provenance_verbs=frozenset(data.get("provenance", {}).get("verbs", [])),
                   provenance_things=frozenset(data.get("provenance", {}).get("things", [])),
                   ranked_settings=frozenset(data.get("ranked_settings", {}).get("nouns", [])),
                   degree_words=frozenset(data.get("ranked_settings", {}).get("degree", [])),
                   killings=frozenset(" ".join(_words(w)) for k in ("verbs", "nouns", "phrases")
                                      for w in kills.get(k, [])),
                   persons=frozenset(w.lower() for w in kills.get("persons", [])),
                   person_pronouns=frozenset(w.lower() for w in kills.get("pronouns", [])),
                   transitive_phrases=frozenset(" ".join(_words(w)) for w in
                                                data.get("transitive_phrases", {}).get("phrases", [])))


def _movers(spec: dict) -> tuple[frozenset[str], frozenset[str], frozenset[str], str, frozenset[str]]:
    """``[movers]`` of a taxonomy file: its verbs, projectiles, things, the strike's type and
    the verbs that strike."""
    return (frozenset(spec.get("verbs", [])), frozenset(spec.get("projectiles", [])),
            frozenset(spec.get("things", [])), str(spec.get("type", "")), frozenset(spec.get("strikes", [])))


def _crashes(spec: dict) -> dict[str, Any]:
    """``[crashes]`` of a taxonomy file: the crash's type, its verbs, nouns, crafts and the
    participles the tagger reads as adjectives."""
    return {"crash_type": str(spec.get("type", "")), "crash_verbs": frozenset(spec.get("verbs", [])),
            "crash_nouns": frozenset(spec.get("nouns", [])), "crash_craft": frozenset(spec.get("craft", [])),
            "crash_participles": {str(k): str(v) for k, v in spec.get("participles", {}).items()}}


def _exchanges(spec: dict) -> dict[str, Any]:
    """``[exchanges]`` of a taxonomy file: the exchange's type, its words, the captives and the
    modifiers that make persons captives, what an exchange of is none (fire, views) and the words
    of the acts whose content it is (a truce)."""
    return {"exchange_type": str(spec.get("type", "")), "exchange_words": frozenset(spec.get("words", [])),
            "exchange_captives": frozenset(spec.get("captives", [])),
            "exchange_captive_marks": frozenset(spec.get("captive_marks", [])),
            "exchange_not_with": frozenset(spec.get("not_with", [])),
            "exchange_content_of": frozenset(spec.get("content_of", []))}


def _news_types(language: str) -> list[tuple[str, dict]]:
    """The general news types of ``news.toml`` (courts, crime, health, personnel, elections,
    business, launches, contests, awards, ceremonies, accidents), read after PLOVER's; a
    language other than English reads them only from a file of its own (``news.<lang>.toml``)."""
    if language and language != "en":
        try:
            data = data_toml("events", f"news.{language}.toml")
        except FileNotFoundError:
            return []
    else:
        data = data_toml("events", "news.toml")
    return list(data.get("types", {}).items())


@dataclass(frozen=True)
class GenericLexicon:
    """Generic event mentions (type ``OCCURRENCE``): verbs never taken, event nouns."""

    exclude_verbs: frozenset[str]
    nouns: frozenset[str]


@lru_cache(maxsize=1)
def generic_lexicon() -> GenericLexicon:
    """``data/events/generic.toml``."""
    data = _read("generic.toml")
    return GenericLexicon(frozenset(data["verbs"]["exclude"]), frozenset(data["nouns"]["lemmas"]))


@lru_cache(maxsize=8)
def trigger_gloss(language: str) -> dict[str, str]:
    """English glosses of ``language``'s trigger lemmas (``data/events/gloss.<lang>.toml``; {} if none)."""
    if not language or language == "en":
        return {}
    try:
        return {k.lower(): str(v) for k, v in data_toml("events", f"gloss.{language}.toml")["gloss"].items()}
    except FileNotFoundError:
        return limited_glosses(language)  # a language of the limited pipeline with word lists
