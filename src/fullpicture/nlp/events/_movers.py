"""Verbs of moving told of a thing, not of people: "two missiles crossed into the country" and
"rockets arrived at the station" tell a strike; "the trucks arrived", "a tractor drove onto the
scales" and "the shell left a crater" tell no displacement (``[movers]`` of
``data/events/plover*.toml``)."""

from __future__ import annotations

from spacy.tokens import Token

from fullpicture.nlp.events._data import EventLexicon

_SUBJ = ("nsubj", "nsubjpass", "nsubj:pass")
_OBJ = ("dobj", "obj")
_PASSIVE_AUX = ("auxpass", "aux:pass")


_PART = frozenset({"one", "some", "two", "several", "many", "un", "une", "один", "одна", "одно"})


def subject_words(tok: Token) -> set[str]:
    """Lower-case lemmas of what does the verb at ``tok``: its subjects, a passive verb's agent
    ("atteinte par trois roquettes"), the noun its relative clause or participle hangs on ("the
    rocket that fell"), and the noun a part of names ("one of the tractors drove"). Each word's
    lower-case form counts too: a lemmatizer strips the final "s" of a word that ends in one in
    the singular as well (French "des obus" -> "obu")."""
    subj = [c for c in tok.children if c.dep_ in _SUBJ]
    if any(c.dep_ in _PASSIVE_AUX for c in tok.children):  # "touchée par trois roquettes", "hit by a shell"
        subj += [c for c in tok.children if c.dep_ in ("obl:agent", "obl:mod", "obl")
                 and any(g.dep_ == "case" and g.lower_ == "par" for g in c.children)]
        subj += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if tok.dep_ in ("relcl", "acl", "acl:relcl"):
        subj.append(tok.head)
    for c in list(subj):
        if c.lemma_.lower() in _PART:
            subj += [g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
            subj += [g for g in c.children if g.dep_ == "nmod" and any(k.dep_ == "case" for k in g.children)]
    return {w for c in subj for w in (c.lemma_.lower(), c.lower_)}


def told_before(tok: Token, doers: frozenset[str], stand_ins: frozenset[str]) -> bool:
    """The subject of the verb at ``tok`` stands for one of the things named before it ("two
    rockets were fired; one of them fell on a stadium, the other hit the mall"): one of
    ``stand_ins`` (a part or an "other" word) with no noun of its own, and one of ``doers`` in its
    sentence before it or in the sentence before."""
    subj = [c for c in tok.children if c.dep_ in _SUBJ]
    if not subj or not all(c.lemma_.lower() in stand_ins and c.pos_ in ("NUM", "ADJ", "PRON", "DET")
                           and not any(g.dep_ in ("pobj", "nmod", "prep") and g.pos_ == "NOUN" for g in c.children)
                           for c in subj):
        return False
    sent = tok.sent
    start = tok.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return any(t.lemma_.lower() in doers or t.lower_ in doers for t in tok.doc[start:tok.i])


def mover_type(tok: Token, lemma: str, typ: str | None, lex: EventLexicon) -> str | None:
    """The type of the verb of moving at ``tok`` (``typ`` from the lexicon): ``lex.mover_type``
    (a strike) when a projectile moves by a verb of ``lex.mover_strikes``, None when a thing (a vehicle, a crater, a war) is its
    subject or object, else ``typ``. The subject of a relative clause or a participle is the
    noun it hangs on ("the trucks arriving at the square")."""
    if lemma not in lex.movers:
        return typ
    words = subject_words(tok)
    if words & lex.mover_projectiles and lemma in lex.mover_strikes:
        return lex.mover_type or typ
    objs = {w for c in tok.children if c.dep_ in _OBJ for w in (c.lemma_.lower(), c.lower_)}
    if (words | objs) & (lex.mover_things | lex.mover_projectiles):
        return None
    return typ
