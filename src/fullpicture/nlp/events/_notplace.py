"""Place names that say when, through what, to whom or who, never where the happening took place.

* A time zone: "at 08:45 Eastcity time", "(08h45, heure d'Eastcity)", "в 08:45 по Eastcity":
  the clock of the capital, not the place of the shelling told beside it.
* A platform: "on its Telegram channel", "sur sa chaîne Telegram": a named entity that holds a
  platform word is where a statement was posted.
* A supply's recipient: "rockets supplied to Eastcity by its allies", "des armes fournies à
  Eastland", "оружие, поставленное Eastland": the capital or country that receives arms is an
  actor, not where the strike told beside it hit.
* A flight's goal: "the raiders fled toward Eastland", "бандиты бежали в Eastland": where people
  fled or headed, not where the happening told beside it took place.
* An actor: a place that holds another ("under the control of Eastland"), one blamed ("Eastcity
  is behind the attack") or a capital or country hung by "by" on a noun ("an effort by Eastcity").

The words are language data: ``[clock_places]``, ``[platform_words]``,
``[supply_recipients]``, ``[flight_verbs]`` and ``[actor_places]`` of ``data/events/plover.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Token

from fullpicture.nlp._shared import climb

_CLOCK = r"\d{1,2}\s?[:h.]\s?\d{2}"


def _alternation(words: list[str]) -> str:
    return "|".join(r"\s+".join(re.escape(p) for p in str(w).split()) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _clock_patterns() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(a clock time and a zone word ending the text before a name, a zone word after it)."""
    from fullpicture._data import data_toml

    data = data_toml("events", "plover.toml").get("clock_places", {})
    before, after = data.get("before", []), data.get("after", [])
    pb = re.compile(rf"{_CLOCK}[\s,]*(?:{_alternation(before)})\s*$", re.I) if before else None
    pa = re.compile(rf"\s+(?:{_alternation(after)})(?!\w)", re.I) if after else None
    return pb, pa


def clock_place(text: str, start: int, end: int) -> bool:
    """Whether the place name ``text[start:end]`` names a time zone: a clock time and a zone word
    before it ("08:45 по", "08h45, heure de"), or a clock time right before it and a zone word
    after it ("08:45 Eastcity time")."""
    pb, pa = _clock_patterns()
    if pb is not None and pb.search(text, max(0, start - 30), start):
        return True
    if pa is None or pa.match(text, end, min(len(text), end + 12)) is None:
        return False
    return re.search(rf"{_CLOCK}\s*$", text[max(0, start - 12):start]) is not None


@lru_cache(maxsize=1)
def _platforms() -> frozenset[str]:
    from fullpicture._data import data_toml

    return frozenset(w.lower() for w in data_toml("events", "plover.toml").get("platform_words", {}).get("words", []))


def platform_name(name: str) -> bool:
    """Whether a place entity's mention holds a platform word ("chaîne Telegram")."""
    words = _platforms()
    return bool(words) and any(w in words for w in re.findall(r"\w+", name.lower()))


@lru_cache(maxsize=1)
def _supply_words() -> tuple[frozenset[str], frozenset[str]]:
    from fullpicture._data import data_toml

    cfg = data_toml("events", "plover.toml").get("supply_recipients", {})
    return frozenset(cfg.get("verbs", [])), frozenset(cfg.get("preps", []))


def hung_on(tok: Token, verbs: frozenset[str], preps: frozenset[str], deps: tuple[str, ...],
            dative: Callable[[str], bool]) -> bool:
    """``tok`` (climbed up through ``deps`` dependencies to its phrase's root) is what a verb of
    ``verbs`` hands something to: the object of one of ``preps`` on it ("supplied to Eastcity",
    "surrendered to Eastland"), a case word of ``preps`` (a Russian "на" only with the accusative),
    or, with no case word, a dative whose dependency ``dative`` accepts."""
    if not verbs:
        return False
    root = climb(tok, deps)
    if root.dep_ == "pobj" and root.head.dep_ == "prep":  # English: the object of "to"
        return root.head.lower_ in preps and root.head.head.lemma_.lower() in verbs
    head = root.head
    if head.i == root.i or head.lemma_.lower() not in verbs:
        return False
    cases = [c for c in root.children if c.dep_ == "case"]
    case = root.morph.get("Case", [])
    if cases:
        return any(c.lower_ in preps and (c.lower_ != "на" or "Acc" in case) for c in cases)
    return dative(root.dep_) and "Dat" in case


def supply_recipient(tok: Token) -> bool:
    """``tok`` names who receives a supply: the object of "to" on a verb of supplying ("supplied
    to Eastcity"), a French one hung by "à" ("fournies à Eastcity"), or a Russian dative or an
    accusative after "на" ("поставленные Eastland", "поставил на Eastland")."""
    verbs, preps = _supply_words()
    return hung_on(tok, verbs, preps, ("compound", "amod", "flat", "flat:name", "conj"),
                   lambda dep: dep not in ("nsubj", "nsubj:pass", "obj", "dobj"))


@lru_cache(maxsize=1)
def _flight_words() -> dict[str, frozenset[str]]:
    from fullpicture._data import data_toml

    cfg = data_toml("events", "plover.toml").get("flight_verbs", {})
    return {k: frozenset(cfg.get(k, [])) for k in ("verbs", "goal_nouns", "origin_preps", "purpose_preps")}


def _preps_of(tok: Token) -> set[str]:
    """The preposition that hangs ``tok`` on its head: English "prep" above it, or UD case words."""
    words = {c.lower_ for c in tok.children if c.dep_ == "case"}
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        words.add(tok.head.lower_)
    return words


def flight_verb(tok: Token) -> Token | None:
    """The verb of flight (``[flight_verbs]``) whose goal the place at ``tok`` names: the object
    of a preposition ("fled toward Eastland"), an oblique or a genitive ("бежали в Eastland"),
    at most two goal nouns down ("in the direction of Eastland", "в сторону Eastland"); else None.
    A place fled from ("fled from Eastcity", "fled Eastcity") is no goal."""
    words = _flight_words()
    if not words["verbs"]:
        return None
    cur = _name_root(tok)
    for _ in range(3):
        head = cur.head
        if cur.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head  # English: the object of a preposition
        elif cur.dep_.split(":")[0] not in ("obl", "nmod"):
            return None
        if head.i == cur.i or _preps_of(cur) & words["origin_preps"]:
            return None
        if head.pos_ == "VERB" and head.lemma_.lower() in words["verbs"]:
            return head
        if head.lemma_.lower() not in words["goal_nouns"]:
            return None
        cur = head
    return None


def flight_purpose(trig: Token, verb: Token) -> bool:
    """``trig`` is what the flight at ``verb`` is for ("heading to Eastvale for a prisoner
    exchange", ``purpose_preps``): its goal is the happening's place."""
    purpose = _flight_words()["purpose_preps"]
    cur = trig
    for _ in range(4):
        if cur.head.i == cur.i:
            return False
        if cur.head.i == verb.i:
            return bool(_preps_of(cur) & purpose) or (cur.dep_ == "prep" and cur.lower_ in purpose)
        cur = cur.head
    return False


@lru_cache(maxsize=1)
def _actor_words() -> tuple[frozenset[str], tuple[tuple[str, str], ...], frozenset[str]]:
    """(nouns of holding, (verb, preposition) pairs of blame, prepositions of a noun's agent)."""
    from fullpicture._data import data_toml

    cfg = data_toml("events", "plover.toml").get("actor_places", {})
    pairs = tuple(tuple(str(p).rsplit(" ", 1)) for p in cfg.get("behind", []))
    return (frozenset(cfg.get("holding_nouns", [])), tuple((a, b) for a, b in pairs),
            frozenset(cfg.get("agent_preps", [])))


def _name_root(tok: Token) -> Token:
    return climb(tok, ("compound", "flat", "flat:name"))


def holder(tok: Token) -> bool:
    """``tok`` names who holds or controls a place ("a town under the control of Eastland",
    "sous contrôle d'Eastland", "под контролем Eastland", "under Eastland's control"): an actor."""
    nouns = _actor_words()[0]
    root = _name_root(tok)
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.dep_ == "prep":
        head = head.head
    elif root.dep_ not in ("nmod", "poss"):
        return False
    return head.i != root.i and head.lemma_.lower() in nouns


def behind_subject(tok: Token) -> bool:
    """``tok`` is the subject of a phrase of blame ("Eastcity is behind the attack", "Eastcity est
    derrière l'attaque", "за атакой стоит Eastcity"): the one blamed, not a place."""
    pairs = _actor_words()[1]
    root = _name_root(tok)
    if not pairs or root.dep_ not in ("nsubj", "nsubj:pass"):
        return False
    head = root.head
    verbs = {head.lemma_.lower()} | {c.lemma_.lower() for c in head.children if c.dep_ == "cop"}
    preps = {c.lower_ for c in head.children if c.dep_ in ("prep", "case")}
    preps |= {g.lower_ for c in head.children if c.dep_.split(":")[0] in ("obl", "nmod") for g in c.children if g.dep_ == "case"}
    return any(v in verbs and p in preps for v, p in pairs)


def noun_agent(tok: Token) -> bool:
    """``tok`` is hung by "by" on a noun ("an effort by Eastcity to strike"): who acts."""
    preps = _actor_words()[2]
    root = _name_root(tok)
    prep = root.head
    return (root.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in preps
            and prep.head.pos_ == "NOUN" and prep.head.i != prep.i)
