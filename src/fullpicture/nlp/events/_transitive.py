"""Words that tell no act of their own by how they are used (data/events/plover*.toml).

``[transitive_only]``: verbs that act on someone only with an object.
"Troops stopped the convoy" coerces the convoy; "the van that stopped at the barrier", "stopped
short of confirming" tell the subject's own halt, no act done to anyone. (A reflexive pronoun is
no object either, for a language whose parser gives one.)

``[transitive_phrases]``: phrases that name a happening only with what they act on. "took over the
heights", "the town was taken over", "a base taken over by the rebels" seize a place; "then another
unit took over" hands a duty on and seizes nothing. Such a phrase is a trigger only when its verb
has an object (or its particle's noun: "took over the heights" parsed as a preposition), a passive
subject, or qualifies a noun as a participle.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

_OBJECTS = frozenset({"dobj", "obj", "iobj", "ccomp", "xcomp", "dative"})
_PASSIVE = frozenset({"nsubjpass", "nsubj:pass", "auxpass", "aux:pass", "agent", "obl:agent", "expl:pass"})
_REFLEXIVE = frozenset({"se", "s'", "soi", "себя"})
_PERFECT = frozenset({"have", "avoir", "être"})
_TAKES = frozenset({"dobj", "obj", "nsubjpass", "nsubj:pass"})
_PASSIVE_AUX = frozenset({"auxpass", "aux:pass"})


def no_object(tok: Token) -> bool:
    """Whether the verb ``tok`` is told actively with no object (a reflexive pronoun is none):
    not passive, and no bare past participle hung on a noun ("the ship stopped by the navy")."""
    kids = list(tok.children)
    if any(c.dep_ in _PASSIVE for c in kids):
        return False
    if any(c.dep_ in _OBJECTS and c.lemma_.lower() not in _REFLEXIVE and c.lower_ not in _REFLEXIVE for c in kids):
        return False
    participle = "Part" in tok.morph.get("VerbForm", []) or tok.tag_ == "VBN"
    return not (participle and tok.dep_ in ("acl", "amod") and not any(c.lemma_.lower() in _PERFECT for c in kids))


def label_of_doers(tok: Token, lex: Any) -> bool:
    """Whether the sentence of a participle of ``[label_participles]`` ("Ally-backed gunmen")
    tells an act of one of its ``with_types`` (a strike, a fight): then the participle labels the
    doers. ``lex``: the language's event lexicon."""
    types = lex.label_with_types
    return any(lex.verbs.get(t.lemma_.lower()) in types if t.pos_ == "VERB" else lex.nouns.get(t.lemma_.lower()) in types
               for t in tok.sent if t.i != tok.i)


def no_act_by_use(tok: Token, pos: str, lemma: str, lex: Any) -> bool:
    """Whether a trigger word tells no act as it is used: a ``[transitive_only]`` verb with no
    object, or a ``[label_participles]`` participle on a noun (an adjective, or a past participle
    after its noun with no agent) in a sentence telling a strike or a fight."""
    if pos == "VERB" and lemma in lex.transitive_only and no_object(tok):
        return True
    return pos in ("VERB", "ADJ") and lemma in lex.label_participles and (
        tok.dep_ == "amod" or _after_noun(tok)) and label_of_doers(tok, lex)


def _after_noun(tok: Token) -> bool:
    """A past participle hung on a noun after it with no agent ("militias armed since 2014")."""
    return (tok.dep_ == "acl" and "Part" in tok.morph.get("VerbForm", []) and "Past" in tok.morph.get("Tense", [])
            and not any(c.dep_ in ("agent", "obl:agent") for c in tok.children))


def acts_on_something(tok: Token) -> bool:
    """Whether the verb ``tok`` heading a phrase acts on something (module docstring)."""
    if tok.dep_ in ("acl", "amod", "relcl", "acl:relcl") and "Pass" in tok.morph.get("Voice", []):
        return True  # "a base taken over by the rebels"
    for c in tok.children:
        if c.dep_ in _TAKES or c.dep_ in _PASSIVE_AUX:
            return True
        if c.dep_ in ("prep", "prt") and any(g.dep_ == "pobj" for g in c.children):
            return True  # "took over the heights" read as a preposition and its noun
    return tok.dep_ == "acl"  # "the heights taken over on Friday"
