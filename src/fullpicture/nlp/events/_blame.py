"""Who a claim of responsibility or an accusation names as the doer of the act it holds.

The parse gives an act noun no subject of its own when it is claimed or blamed: "the Northern
Front claimed responsibility for the attack", "the Front claimed the attack" ("a revendiqué
l'attaque"), "the attack was claimed by the Front", "Eastland is behind the attack" ("стоит за
терактом"), "Eastland accused Westland of the attack" ("обвинила Westland в теракте", "accusé
Westland d'avoir planifié l'attaque"), "blamed Westland for the attack", "the attack was ordered
by Westland". The one so named is the act's agent as the sentence's speaker tells it: the event
keeps its claim (its source is the claimant or the accuser), and align reads it as that
speaker's account (``align/_agents``), never as fact.

The words are language data: ``[blame_agents]`` and ``[actor_places] behind`` of
``data/events/plover.toml``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

_OBJ = ("dobj", "obj")
_PASSIVE_SUBJ = ("nsubjpass", "nsubj:pass")
_SUBJ = ("nsubj",)


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str], dict[str, frozenset[str]],
                      frozenset[str], tuple[tuple[str, str], ...]]:
    """(verbs that claim an act, verbs that take responsibility, responsibility nouns,
    accusing verb -> its act prepositions, verbs whose doer ordered the act, blame pairs)."""
    from fullpicture._data import data_toml

    data = data_toml("events", "plover.toml")
    cfg = data.get("blame_agents", {})
    accuse: dict[str, set[str]] = {}
    for pair in cfg.get("accuse", []):
        verb, prep = str(pair).rsplit(" ", 1)
        accuse.setdefault(verb, set()).add(prep)
    behind = tuple(tuple(str(p).rsplit(" ", 1)) for p in data.get("actor_places", {}).get("behind", []))
    return (frozenset(cfg.get("claim_verbs", [])), frozenset(cfg.get("take_verbs", [])),
            frozenset(cfg.get("responsibility", [])), {k: frozenset(v) for k, v in accuse.items()},
            frozenset(cfg.get("order_verbs", [])), tuple((a, b) for a, b in behind))


@lru_cache(maxsize=1)
def _causes() -> frozenset[str]:
    """Verbs whose subject caused the act they govern ("its air defence caused debris to fall")."""
    from fullpicture._data import data_toml

    return frozenset(data_toml("events", "plover.toml").get("blame_agents", {}).get("cause_verbs", []))


def _child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _by_agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb ("ordered by Westland", "revendiquée par le groupe")."""
    for c in verb.children:
        if c.dep_ == "agent":
            return _child(c, ("pobj",))
        if c.dep_ == "obl:agent":
            return c
    return None


def _doer(verb: Token, passive: bool) -> Token | None:
    """The one who does ``verb``: its subject, or the "by" phrase of its passive."""
    if passive:
        return _by_agent(verb)
    if any(c.dep_ in _PASSIVE_SUBJ for c in verb.children):
        return _by_agent(verb)
    return _child(verb, _SUBJ)


def _hung(tok: Token) -> tuple[Token, str] | None:
    """(the word ``tok`` hangs on through a preposition, that preposition): "for the attack" on
    "responsibility", "за терактом" on "стоит", "de l'attaque" on "accusé"."""
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
        return tok.head.head, tok.head.lower_
    case = _child(tok, ("case",))
    if case is not None and tok.dep_.split(":")[0] in ("nmod", "obl", "pobj"):
        return tok.head, case.lower_
    return None


def blamed(trig: Token) -> list[Token]:
    """The tokens naming who a claim of responsibility, a phrase of blame, an accusation or an
    order around the act noun ``trig`` says did it (empty when none does)."""
    claim, take, nouns, accuse, order, behind = _words()
    cause = _causes()
    if trig.pos_ in ("VERB", "AUX") and not (trig.dep_ in ("ccomp", "xcomp") and trig.head.lemma_.lower() in cause):
        return _accused_of_doing(trig)  # "accused Westland of shelling the town"
    head = trig.head
    lemma = head.lemma_.lower()
    if trig.dep_ in _OBJ + ("ccomp", "xcomp") and lemma in cause:  # "its air defence caused debris to fall"
        who = _doer(head, passive=False)
        if who is not None:
            return [who]
    if trig.dep_ in _OBJ and lemma in claim | order:  # "the Front claimed the attack"
        who = _doer(head, passive=False)
        if who is not None:
            return [who]
    if trig.dep_ in _PASSIVE_SUBJ and lemma in claim | order:  # "the attack was claimed by the Front"
        who = _by_agent(head)
        return [who] if who is not None else []
    hung = _hung(trig)
    if hung is not None:
        word, prep = hung
        wl = word.lemma_.lower()
        if wl in nouns:  # "claimed responsibility for the attack", "взяла ответственность за теракт"
            verb = word.head
            if word.dep_ in _OBJ and verb.lemma_.lower() in take | claim:
                who = _doer(verb, passive=False)
                return [who] if who is not None else []
            if word.dep_ in _PASSIVE_SUBJ and verb.lemma_.lower() in take | claim:
                who = _by_agent(verb)
                return [who] if who is not None else []
            return []
        verbs = {wl} | {c.lemma_.lower() for c in word.children if c.dep_ == "cop"}
        if any(v in verbs and p == prep for v, p in behind):  # "Eastland is behind the attack"
            who = _child(word, _SUBJ)
            return [who] if who is not None else []
        if prep in accuse.get(wl, frozenset()):  # "accused Westland of the attack", "обвинила Westland в теракте"
            who = _child(word, _OBJ)
            return [who] if who is not None else []
    if trig.dep_ in _OBJ and head.pos_ in ("VERB", "AUX"):  # "accused Westland of carrying out the attack"
        return _accused_of_doing(head)
    if (trig.dep_ == "ROOT" or trig.head.i == trig.i) and _child(trig, ("cop",)) is not None:
        case = _child(trig, ("case",))  # "Eastland est derrière l'attaque"
        cops = {c.lemma_.lower() for c in trig.children if c.dep_ == "cop"}
        if case is not None and any(v in cops and p == case.lower_ for v, p in behind):
            who = _child(trig, _SUBJ)
            return [who] if who is not None else []
    return []


def _accused_of_doing(verb: Token) -> list[Token]:
    """The one accused of doing ``verb`` (the verb that takes the act noun as its object): its
    accusation's object, when ``verb`` hangs on an accusing verb through one of its prepositions
    ("accused Westland of carrying out the attack") or is a clause on that object ("accusé les
    services d'avoir planifié l'attaque")."""
    accuse = _words()[3]
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        acc = verb.head.head
        if verb.head.lower_ in accuse.get(acc.lemma_.lower(), frozenset()):
            who = _child(acc, _OBJ)
            return [who] if who is not None else []
        return []
    mark = _child(verb, ("mark",))
    if verb.dep_ == "acl" and mark is not None and verb.head.dep_ in _OBJ:
        acc = verb.head.head
        if mark.lower_.replace("’", "'") in _preps(acc):
            return [verb.head]
    if verb.dep_ in ("xcomp", "advcl") and mark is not None and mark.lower_.replace("’", "'") in _preps(verb.head):
        who = _child(verb.head, _OBJ)
        return [who] if who is not None else []
    return []


def _preps(verb: Token) -> frozenset[str]:
    """The prepositions by which an accusing verb hangs the act on it ("of", "de", "d'")."""
    return _words()[3].get(verb.lemma_.lower(), frozenset())
