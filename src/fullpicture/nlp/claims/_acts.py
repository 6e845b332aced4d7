"""Acts read as attributions: a learned claim whose cue is a verb of physical force or harm.

The CRF learned from political news, where "attacked Clinton" and "hit him on trade" are
attributions (PolNeAR annotates them); in war news the same verbs tell what forces did
("invaders attacked the station in X", "X hit Y at Z station: 30 killed"), and reading them as
claims sources a toll to the attackers. The ``[acts]`` table of the cue lexicon gives the
verbs, the place nouns and the armed or civilian groups they act on.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from fullpicture.nlp.claims._data import ClaimLexicon
from fullpicture.nlp.claims._raw import RawClaim

_PLACE_ENTS = ("GPE", "LOC", "FAC")


def _place(t: Token, lex: ClaimLexicon, named: bool) -> bool:
    """A place noun or a target group; with ``named`` (after "in"/"at") also a place entity or an
    untyped proper name. A named object is often the one criticised ("hit China on trade",
    "attacks against <a senator the model tags FAC>"), so names count only there."""
    words = (t.lemma_.lower(), t.lower_)  # the model lemmatises "bases" as "basis"
    if any(w in lex.act_places or w in lex.act_targets for w in words):
        return True
    return named and (t.ent_type_ in _PLACE_ENTS or (t.pos_ == "PROPN" and not t.ent_type_))


def _on_place(t: Token, content: Span | None, lex: ClaimLexicon) -> bool:
    """Whether the act ``t`` acts on a place or a group: its object (or an "on"/"against"
    phrase's), the claim's content head, or an "in"/"at" phrase of it or of its object."""
    objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for p in t.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
             for g in p.children if g.dep_ == "pobj"]
    heads = objs + ([content.root] if content is not None else [])
    if any(o.ent_type_ == "PERSON" or o.pos_ == "PRON" for o in heads):
        return False  # "attacked her", "hit Ms. Lark on taxes"
    if any(_place(o, lex, False) for o in heads):
        return True
    return any(
        prep.dep_ == "prep" and prep.lower_ in ("in", "at")
        and any(_place(p, lex, True) for p in prep.children if p.dep_ == "pobj")
        for head in [t, *objs] for prep in head.children)


def physical_act(doc: Doc, c: RawClaim, lex: ClaimLexicon) -> bool:
    """Whether a learned claim (rule claims never) is an act: a verb of ``[acts] harm`` in its
    cue ("have been killed"), or a verb or noun of ``[acts] verbs`` acting on a place or a
    group ("shelled the depot", "attacked the soldiers", "launched attacks on bases").
    Cue verbs of the lexicon ("blast") and acts on persons ("attacked Clinton") stay."""
    if c.confidence is None or c.cue is None or c.kind == "direct" or not (lex.acts or lex.harm):
        return False
    span = doc.char_span(c.cue[0], c.cue[1], alignment_mode="expand")
    if span is None:
        return False
    content = doc.char_span(c.content[0], c.content[1], alignment_mode="expand")
    for t in span:
        lemma = t.lemma_.lower()
        if lemma in lex.verbs:
            continue
        if t.pos_ == "VERB" and lemma in lex.harm:
            return True
        if t.pos_ in ("VERB", "NOUN") and lemma in lex.acts and _on_place(t, content, lex):
            return True
        if t.pos_ == "VERB" and lemma in lex.act_launchers and _launched(t, lex):
            return True
    return False


def _launched(t: Token, lex: ClaimLexicon) -> bool:
    """Whether ``t`` launches an act its object names ("launched an offensive", "mounted
    strikes on positions"), aimed at nothing or at a place or group, not at a person or a thing
    criticised ("launched an attack on the senator")."""
    for o in t.children:
        if o.dep_ not in ("dobj", "nsubjpass"):
            continue
        group = [o, *(c for c in o.children if c.dep_ == "conj")]  # "an air and artillery attack"
        if not any(w in lex.acts or w in lex.act_nouns for g in group for w in (g.lemma_.lower(), g.lower_)):
            continue
        aims = [a for g in group for p in g.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
                for a in p.children if a.dep_ == "pobj"]
        return not aims or all(_place(a, lex, False) for a in aims)
    return False
