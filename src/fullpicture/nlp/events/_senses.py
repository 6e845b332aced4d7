"""Word senses of triggers, read from the words around them (``[senses]`` of
``data/events/plover*.toml``).

A trigger lemma listed there takes another type, or names no happening (type ``""``), when one of
its ``with`` lemmas stands beside it: its object, its subject, a modifier or a possessor ("the board's report"), the noun of one of its
prepositional phrases (and that noun's "of" phrase: "under tons of rubble"), or the word it hangs
on (the verb of a predicate noun included: "was a response to"; and, for an object, the nouns of
its verb's prepositional phrases: "provided assistance to the victims"). "The firing of rockets" is shooting, no dismissal; "sending a wall of water" deploys
no one; "cut off supplies" gives no aid; "машина скорой помощи", an ambulance, is no aid.
``cases`` lists prepositions whose noun selects the sense unless that noun is one of ``unless``
("se rendre à Kelm" goes somewhere; "se rendre aux troupes" surrenders). A sense with
``otherwise`` gives the trigger that type when none of its words stands beside it: French
"poursuivre" prosecutes only with a word of the courts ("poursuivi en justice"); "les fouilles se
poursuivent" (go on) names no happening. A sense with ``plural`` gives the trigger that type when
it is plural and none of its words stands beside it: Russian "вывод" pulls troops out in the
singular only ("вывод войск"); "сделали выводы" draws conclusions, no withdrawal.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

_ARG_DEPS = frozenset({"dobj", "obj", "nsubj", "nsubjpass", "nsubj:pass", "compound", "amod", "nmod", "pobj",
                       "obl", "obl:arg", "obl:mod", "iobj", "attr", "prep", "oprd", "poss"})
_HOST_DEPS = frozenset({"dobj", "obj", "nsubjpass", "nsubj:pass", "acl", "acl:relcl", "relcl", "amod", "pobj",
                        "nmod", "conj", "obl:arg", "attr"})
_OBJECTS = frozenset({"dobj", "obj"})


@dataclass(frozen=True)
class Sense:
    """One sense of a trigger lemma: its type ("" for no happening) and the words that select it."""

    type: str
    with_words: frozenset[str] = frozenset()
    cases: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    otherwise: str | None = None  # the type when no word of the sense stands beside the trigger
    plural: str | None = None  # ... and when the trigger is plural (before ``otherwise``)


def read_senses(spec: dict) -> dict[str, Sense]:
    """``[senses]`` of a taxonomy file: trigger lemma -> its sense."""
    return {lemma: Sense(str(s.get("type", "")), frozenset(s.get("with", [])), frozenset(s.get("cases", [])),
                         frozenset(s.get("unless", [])), None if "otherwise" not in s else str(s["otherwise"]),
                         None if "plural" not in s else str(s["plural"]))
            for lemma, s in spec.items()}


def _around(tok: Token) -> set[str]:
    """Lemmas of the words beside a trigger: its arguments and modifiers (a preposition's noun
    and that noun's own "of" phrase included), the nouns joined to an argument ("des armes et des
    munitions") and the word it hangs on. A noun the parse joins to a verb, or to a day between
    commas, as a conjunct is its object misread ("a saisi, lundi, le Conseil")."""
    out: set[str] = set()
    args = [c for c in tok.children
            if c.dep_ in _ARG_DEPS or (c.dep_ == "conj" and tok.pos_ == "VERB" and _noun(c))]
    joined = [g for a in args for g in a.children if g.dep_ == "conj" and _noun(g)]
    for c in [*args, *joined]:
        out.add(c.lemma_.lower())
        for g in c.children:
            if g.dep_ in ("pobj", "prep", "nmod") or (c.dep_ == "prep" and g.dep_ == "pobj"):
                out.add(g.lemma_.lower())
                out.update(x.lemma_.lower() for x in g.children if x.dep_ == "pobj")
                out.update(_of_phrase(g))  # "under tons of rubble"
    if tok.dep_ in _HOST_DEPS and tok.head.i != tok.i:
        out.add(tok.head.lemma_.lower())
        if tok.dep_ in _OBJECTS:  # "provided assistance to the victims": whom the act is for
            out.update(g.lemma_.lower() for c in tok.head.children if c.dep_ == "prep"
                       for g in c.children if g.dep_ == "pobj")
    return out


def _noun(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN")


def _of_phrase(tok: Token) -> set[str]:
    """Lemmas of the nouns of ``tok``'s "of" phrase ("tons of rubble": rubble)."""
    return {g.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"}


def _by_case(tok: Token, sense: Sense) -> bool:
    """An oblique argument of the trigger, introduced by one of ``sense.cases``, that is none of
    ``sense.unless``."""
    for c in tok.children:
        if (c.dep_ in ("obl", "obl:arg", "obl:mod", "nmod") and c.lemma_.lower() not in sense.unless
                and any(g.dep_ == "case" and g.lemma_.lower() in sense.cases for g in c.children)):
            return True
        if (c.dep_ == "prep" and c.lemma_.lower() in sense.cases
                and not any(g.lemma_.lower() in sense.unless for g in c.children if g.dep_ == "pobj")):
            return True
    return False


def sense_type(tok: Token, lemma: str, typ: str, senses: dict[str, Sense]) -> str:
    """The type of the trigger headed by ``tok`` (lemma ``lemma``, lexicon type ``typ``) in its
    setting: ``typ`` unless a sense of ``senses`` applies ("" when it names no happening)."""
    sense = senses.get(lemma)
    if sense is None:
        return typ
    if (sense.with_words and _around(tok) & sense.with_words) or (sense.cases and _by_case(tok, sense)):
        return sense.type
    if sense.plural is not None and "Plur" in tok.morph.get("Number", []):
        return sense.plural
    return typ if sense.otherwise is None else sense.otherwise
