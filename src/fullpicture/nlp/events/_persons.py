"""Words of doing away with someone, read by what they act on (``[killings]`` of
``data/events/plover*.toml``).

"eliminated the commander", "l'élimination de deux hommes armés", "ликвидировали боевика" tell a
killing in the words of the side that did it; "the fire was eliminated", "éliminer le risque",
"ликвидация последствий" name no happening. Such a word is a trigger only when what it acts on is
a person or an armed group: its object, its passive subject, the noun its participle qualifies,
its "of" phrase (a French or Russian noun's genitive). A person is a name of a person, a personal
pronoun of the language's list, a word of its list of people and armed groups, or a noun the
tagger marks animate.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

_NEAR = frozenset({"dobj", "obj", "nsubjpass", "nsubj:pass", "nmod", "obl:arg", "appos"})
_PERSON_ENTS = frozenset({"PERSON", "PER", "NORP"})


def _acted_on(tok: Token) -> list[Token]:
    """The words ``tok`` acts on: its object or passive subject (a passive participle's subject
    too: "был ликвидирован командир"), its "of" phrase, the noun its participle qualifies."""
    near = [c for c in tok.children if c.dep_ in _NEAR]
    if "Pass" in tok.morph.get("Voice", []):
        near += [c for c in tok.children if c.dep_ == "nsubj"]
    near += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if tok.dep_ in ("acl", "amod") and tok.head.i != tok.i:
        near.append(tok.head)  # "the gunmen eliminated in the raid"
    # "two commanders and a fighter": every conjunct
    near += [g for t in list(near) for g in t.children if g.dep_ == "conj"]
    return near


def _is_person(t: Token, persons: frozenset[str], pronouns: frozenset[str]) -> bool:
    """A name of a person, a listed pronoun or word of people, or an animate noun."""
    if t.ent_type_ in _PERSON_ENTS:
        return True
    if t.pos_ == "PRON":
        return t.lower_ in pronouns or t.lemma_.lower() in pronouns
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    return t.lemma_.lower() in persons or "Anim" in t.morph.get("Animacy", [])


def acts_on_person(tok: Token, persons: Iterable[str], pronouns: Iterable[str]) -> bool:
    """Whether the trigger headed by ``tok`` acts on a person or an armed group (module docstring)."""
    who, prons = frozenset(persons), frozenset(pronouns)
    return any(_is_person(t, who, prons) for t in _acted_on(tok))
