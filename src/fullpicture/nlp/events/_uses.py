"""How a candidate trigger word is used in its sentence: tests over the parse that tell a word
naming a state, a place, a means or a result from a word naming a happening."""

from __future__ import annotations

from spacy.tokens import Token

RESULT_DEPS = ("oprd", "acomp", "advcl", "xcomp", "conj", "ccomp")
_RESULT_STATES = frozenset({"wound", "wounded", "injure", "injured", "kill", "killed", "dead", "die",
                            "homeless", "displace", "strand", "stranded", "trap", "trapped", "missing"})


def of_a_state(tok: Token, heads: frozenset[str]) -> bool:
    """The noun modifies a noun of a standing state ("режима прекращения огня", "le régime de
    cessez-le-feu"): it names that state, no happening."""
    return bool(heads) and tok.dep_ == "nmod" and tok.head.i != tok.i and tok.head.lemma_.lower() in heads


def in_means_phrase(tok: Token, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """The noun is a word of a phrase of means ("с помощью штурмовых отрядов", "à l'aide de
    drones": by means of): it names no happening."""
    doc = tok.doc
    for words in phrases:
        for k in range(len(words)):
            start = tok.i - k
            if start < 0 or start + len(words) > len(doc):
                continue
            if all(doc[start + j].lower_.replace("’", "'") == w for j, w in enumerate(words)):
                return True
    return False


def names_a_place(tok: Token) -> bool:
    """"the settlement of Northtown", "near the Northtown settlement": the noun names a place, by
    its proper name after "of" or a proper name it heads."""
    doc = tok.doc
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i for c in tok.children):
        return True
    return tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and doc[tok.i + 2].text[:1].isupper()


def clause_complement(tok: Token) -> bool:
    """The verb has a clause as its complement ("soutient que la frappe visait", "soutenant avoir
    touché"), not a noun."""
    return any(c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX") for c in tok.children)


def resultative(tok: Token) -> bool:
    """"leave" with a resulting state of its object ("left 150 wounded", "left hundreds homeless")."""
    if tok.lemma_.lower() != "leave":
        return False
    if any(c.dep_ in ("oprd", "acomp") or (c.dep_ in RESULT_DEPS and c.lemma_.lower() in _RESULT_STATES)
           for c in tok.children):
        return True
    # "the attack leaves 12 civilians dead": the parser hangs the state on the object
    return any(c.dep_ == "dobj" and any(g.dep_ == "amod" and g.i > c.i and g.lemma_.lower() in _RESULT_STATES for g in c.children)
               for c in tok.children)



def state_participle(tok: Token) -> bool:
    """A past participle hung on a noun after it with no agent ("des armes interdites", "territories
    occupied since 2014"): it tells the noun's state ("the city occupied by X" tells who did it)."""
    return (tok.dep_ == "acl" and "Part" in tok.morph.get("VerbForm", []) and "Past" in tok.morph.get("Tense", [])
            and not any(c.dep_ in ("agent", "obl:agent") for c in tok.children))


_ACTIVE_AUX = frozenset({"have", "avoir"})
_AGENT_ENTS = frozenset({"PERSON", "PER", "ORG", "GPE", "NORP", "LOC"})


def passive_state(tok: Token) -> bool:
    """A past participle told passively or as an adjective ("80 towns are threatened by the
    flood", "menacées de famine", "se sentant menacés") whose agent, if any, is no one (no name,
    no pronoun, no named group): a state of risk, no act. "Has threatened" (an active perfect)
    and "threatened by the rebels' leader X" stay acts."""
    if "Part" not in tok.morph.get("VerbForm", []) or "Past" not in tok.morph.get("Tense", []):
        return False
    if any(c.dep_.startswith("aux") and c.lemma_.lower() in _ACTIVE_AUX for c in tok.children):
        return False
    for c in tok.children:
        agent = c if c.dep_ == "obl:agent" else next((g for g in c.children if g.dep_ == "pobj"), None) \
            if c.dep_ == "agent" else None
        if agent is not None and (agent.pos_ in ("PROPN", "PRON") or agent.ent_type_ in _AGENT_ENTS):
            return False
    return True


def participle_before_name(tok: Token) -> bool:
    """A past participle between a preposition and a proper name ("in occupied Northtown"),
    which the parser may read as a clause of its own, even as a finite verb (VBD, which cannot
    follow a preposition): it modifies the name."""
    doc = tok.doc
    return (tok.tag_ in ("VBN", "VBD") and 0 < tok.i < len(doc) - 1
            and doc[tok.i - 1].pos_ == "ADP" and doc[tok.i + 1].pos_ == "PROPN")
