"""Modality of an event mention: asserted, reported, planned, expected, hypothetical, negated."""

from __future__ import annotations

from spacy.tokens import Token

from fullpicture.nlp.events._data import EventLexicon

_CLAUSE_UP = ("xcomp", "ccomp", "advcl", "conj", "relcl", "pcomp", "acl")


def clause_head(trigger: Token) -> Token:
    """The verb whose clause an event trigger belongs to (a noun's light or governing verb)."""
    cur = trigger
    for _ in range(3):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod",):
            return cur
        if cur.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr", "compound", "conj", "appos", "prep") and cur.head.i != cur.i:
            cur = cur.head
        else:
            break
    return cur if cur.pos_ in ("VERB", "AUX") else trigger


def _inherits(trigger: Token, head: Token, m: dict[str, frozenset[str]]) -> bool:
    """A nominal event takes its clause's modality as subject or light-verb object only."""
    if trigger.head.i != head.i:
        return False
    if trigger.dep_ in ("nsubj", "nsubjpass"):
        return True
    return trigger.dep_ in ("dobj", "attr") and head.lemma_.lower() in m["light_verbs"]


def modality(trigger: Token, lex: EventLexicon, reported: bool) -> str:
    """The modality of the event triggered at ``trigger``; ``reported``: inside someone's claim."""
    m = lex.modality
    # negation on the noun itself ("no attack") or its clause
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in trigger.children):
        return "negated"
    head = clause_head(trigger)
    if trigger.pos_ == "NOUN" and head.i != trigger.i and not _inherits(trigger, head, m):
        head = trigger
    node: Token | None = head
    future = expect = hypo = False
    adverbs = m.get("negation_advmods", frozenset())  # "n'a jamais ciblé", "не обстреливала"
    depth = 0
    while node is not None and depth < 3:
        for c in node.children:
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ == "advmod" and (low == "never" or low in adverbs)):
                return "negated"
            if c.dep_ == "mark" and low in m["conditional"]:
                hypo = True
            if c.dep_ == "aux":
                if low in m["future_aux"] or (low == "going" and node.tag_ == "VB"):
                    future = True
                elif low in m["hypothetical_modals"]:
                    if low == "would" and reported:
                        future = True
                    else:
                        hypo = True
        if node.dep_ in ("advcl",) and any(c.dep_ == "mark" and c.lower_ in m["conditional"] for c in node.children):
            hypo = True
        if node.dep_ not in _CLAUSE_UP or node.head.i == node.i:
            break
        parent = node.head
        plemma = parent.lemma_.lower()
        if node.dep_ in ("xcomp", "ccomp", "pcomp"):
            if plemma in m["negating_verbs"]:
                return "negated"
            if plemma in m["planning_verbs"]:
                future = True
            if plemma in m["expecting_verbs"]:
                expect = True
        if node.dep_ in ("ccomp", "acl") and (_falsified_report(parent, m) or (
                parent.dep_ in ("relcl", "acl") and _falsified_report(parent.head, m))):
            return "negated"  # ("rejected statements that claim a rocket hit ...")
        if node.dep_ in ("ccomp", "relcl", "acl"):
            break
        node = parent
        depth += 1
    if trigger.pos_ == "NOUN" and any(c.lower_ in m["expecting_modifiers"] for c in trigger.children if c.dep_ == "amod"):
        expect = True
    if hypo:
        return "hypothetical"
    if expect:
        return "expected"
    if future:
        return "planned"
    return "reported" if reported else "asserted"


def _falsified_report(noun: Token, m: dict[str, frozenset[str]]) -> bool:
    """A report whose content is said to be false: "claims that a missile hit the station are
    not true", "allegations that ... are a lie", "rejected reports that troops shelled ..."."""
    empty: frozenset[str] = frozenset()
    if noun.lemma_.lower() not in m.get("report_nouns", empty):
        return False
    refuting = m.get("negating_verbs", empty) | m.get("refuting_verbs", empty)
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in refuting:
        return True
    copulas = [c for c in noun.children if c.lemma_ == "be"]  # "claims ... are not true" (acl)
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        copulas.append(noun.head)
    for be in copulas:
        negated = any(c.dep_ == "neg" for c in be.children)
        for c in be.children:
            word = c.lemma_.lower()
            if c.dep_ in ("acomp", "attr") and (word in m.get("falsity", empty) or (negated and word in m.get("truth", empty))):
                return True
    return False
