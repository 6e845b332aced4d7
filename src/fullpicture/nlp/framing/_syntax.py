"""Dependency-based cues: harm with or without an agent, and evaluation of actors."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Token

from fullpicture.models import FramingCue
from fullpicture.nlp._doctext import doc_text, token_starts
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.extensions import plain_token_extension

_ACTOR_NER = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_SUBJ = ("nsubj", "csubj")
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "xcomp", "parataxis", "pcomp"})


class EntityLookup:
    """Token index -> entity id, from the entity layer or (when it is empty) from spaCy NER."""

    def __init__(self, doc: Doc) -> None:
        self.ids: dict[int, str] = {}
        if doc._.fp_entities:
            if plain_token_extension("fp_entity"):  # tok._.fp_entity without a Token per token
                data: dict[Any, Any] = doc.user_data
                for i, idx in enumerate(token_starts(doc)):
                    eid = data.get(("._.", "fp_entity", idx, None))
                    if eid:
                        self.ids[i] = eid
            else:
                for tok in doc:
                    eid = tok._.fp_entity
                    if eid:
                        self.ids[tok.i] = eid
            if not self.ids:  # entity layer without token links: use mention offsets
                for ent in doc._.fp_entities:
                    for m in ent.mentions:
                        span = doc.char_span(m.start, m.end, alignment_mode="expand")
                        if span is not None:
                            for tok in span:
                                self.ids.setdefault(tok.i, ent.id)
        else:
            for ent in doc.ents:
                if ent.label_ in _ACTOR_NER:
                    for tok in ent:
                        self.ids[tok.i] = f"ner:{ent.text}"

    def of(self, tok: Token | None) -> str | None:
        """Entity of a token or of its name-forming children (compound, amod, poss)."""
        if tok is None:
            return None
        if tok.i in self.ids:
            return self.ids[tok.i]
        for child in tok.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod", "appos") and child.i in self.ids:
                return self.ids[child.i]
        for left in tok.lefts:  # "Israeli occupation strikes": a modifier of a modifier
            for t in left.subtree:
                if t.i in self.ids and t.dep_ in ("compound", "amod", "poss", "nmod"):
                    return self.ids[t.i]
        return None


def _child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _pobj_of_prep(tok: Token, preps: Iterable[str]) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            return _child(c, "pobj")
    return None


def _across_lines(a: Token, b: Token) -> bool:
    """True when a line break separates two tokens (a parse across a heading)."""
    lo, hi = sorted((a.idx, b.idx))
    return "\n" in doc_text(a.doc)[lo:hi]


def _bounded_span(doc: Doc, lo: int, hi: int, limit: int) -> tuple[int, int]:
    if hi - lo > limit:
        return lo, lo + limit
    return lo, hi


class HarmFinder:
    """Harm statements (killing, destruction, displacement) with or without a named agent."""

    def __init__(self, words: dict, max_span: int) -> None:
        self.verbs = frozenset(words.get("verbs", []))
        self.intransitive = frozenset(words.get("intransitive", []))
        self.agentive = frozenset(words.get("agentive_nouns", []))
        self.patient = frozenset(words.get("patient_nouns", []))
        self.inanimate = frozenset(words.get("inanimate_causes", []))
        self.light = frozenset(words.get("light_verbs", []))
        self.particles = frozenset(words.get("excluded_particles", []))
        self.cause_marks = frozenset(words.get("cause_marks", []))
        self.cause_verbs = frozenset(words.get("cause_verbs", [])) | self.verbs
        self.cause_preps = frozenset(words.get("cause_preps", []))
        self.cause_nouns = self.agentive | self.inanimate  # what a cause phrase names
        self.max_span = max_span

    def _noun_agent(self, noun: Token, ents: EntityLookup) -> Token | None:
        """The named agent of a harm noun: "by X" (also one step down: "the strike on the city
        by X"), or an entity modifier ("Eastland's shelling", "an Eastland attack")."""
        by = _pobj_of_prep(noun, ("by",))
        if by is None:
            for p in noun.children:
                if p.dep_ == "prep" and p.lower_ != "by":
                    inner = _child(p, "pobj")
                    deeper = _pobj_of_prep(inner, ("by",)) if inner is not None else None
                    if deeper is not None and ents.of(deeper) is not None:
                        by = deeper
                        break
        if by is not None:
            return by if by.lemma_.lower() not in self.inanimate or ents.of(by) is not None else None
        return noun if ents.of(noun) is not None else None

    def _cause(self, tok: Token, ents: EntityLookup) -> Token | None:
        """A named agent in the cause of a harm told without one: a clause ("were killed when
        the army fired missiles") or a cause phrase ("died in an Eastland attack", "as a result
        of Eastland's shelling"), also one shared by coordinated harms ("two killed and five
        injured in Eastland shelling")."""
        verbs = [tok]
        for c in tok.children:  # "killed and five injured": the parser hangs "injured" on "five"
            if c.dep_ == "conj":
                verbs += [c, *(a for a in c.children if a.dep_ == "acl" and a.tag_ == "VBN")]
        if tok.dep_ == "conj":
            verbs.append(tok.head)
        elif tok.dep_ == "acl" and tok.head.dep_ == "conj":
            verbs.append(tok.head.head)
        for c in (c for v in verbs for c in v.children):
            if c.dep_ == "advcl" and c.lemma_.lower() in self.cause_verbs and any(
                m.dep_ in ("mark", "advmod") and m.lower_ in self.cause_marks for m in c.children
            ):
                subj = _child(c, *_SUBJ)  # a named actor, or people ("armed men"), not a thing
                if subj is not None and (ents.of(subj) is not None or (
                        subj.pos_ in ("NOUN", "PROPN") and subj.lemma_.lower() not in self.inanimate)):
                    return subj
            if c.dep_ == "prep" and c.lower_ in self.cause_preps:
                obj = _child(c, "pobj")
                for _ in range(2):  # "as a result of X", "because of X"
                    if obj is None or obj.lemma_.lower() in self.cause_nouns:
                        break
                    nxt = _child(obj, "prep")
                    obj = _child(nxt, "pobj") if nxt is not None and nxt.lower_ in ("of", "to") else None
                if obj is not None and obj.lemma_.lower() in self.cause_nouns:
                    agent = self._noun_agent(obj, ents)
                    if agent is not None:
                        return agent
        return None

    def _cue(self, doc: Doc, lo: int, hi: int, agent: Token | None, sub: str, ents: EntityLookup) -> FramingCue:
        lo, hi = _bounded_span(doc, lo, hi, self.max_span)
        while hi - 1 > lo and doc[hi - 1].is_space:  # a headline's paragraph break
            hi -= 1
        span = doc[lo:hi]
        has_agent = agent is not None
        return FramingCue(
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            category="harm_agent" if has_agent else "harm_agentless",
            subcategory=sub,
            target=ents.of(agent) if agent is not None else None,
            note=f"agent: {agent.text}" if agent is not None else "no agent named",
        )

    def _verb(self, doc: Doc, tok: Token, ents: EntityLookup) -> FramingCue | None:
        lemma = tok.lemma_.lower()
        if any(c.dep_ == "prt" and c.lower_ in self.particles for c in tok.children):
            return None
        if tok.dep_ not in _CLAUSE_DEPS and not (tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod")):
            return None
        passive_subj = _child(tok, "nsubjpass")
        is_passive = passive_subj is not None or _child(tok, "auxpass") is not None or (
            tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod")
        )
        if not is_passive and tok.tag_ == "VBN" and _child(tok, "dobj", "aux") is None:
            # a headline's reduced passive ("Two civilians killed in shelling"): the parser
            # takes the victims for the subject
            passive_subj = _child(tok, "nsubj")
            is_passive = passive_subj is not None
        if lemma in self.intransitive:
            subj = _child(tok, "nsubj")
            if subj is None:
                return None
            return self._cue(doc, subj.left_edge.i, tok.i + 1, self._cause(tok, ents), "intransitive", ents)
        if is_passive:
            agent_prep = _child(tok, "agent")
            agent = _child(agent_prep, "pobj") if agent_prep is not None else None
            if tok.dep_ in ("acl", "amod"):
                lo = min(tok.i, tok.head.i) if tok.dep_ == "acl" else tok.i
                hi = max(tok.i + 1, (agent.right_edge.i + 1) if agent is not None else tok.head.i + 1)
            else:
                lo = passive_subj.left_edge.i if passive_subj is not None else tok.i
                hi = (agent.right_edge.i + 1) if agent is not None else tok.i + 1
            if agent is not None and agent.lemma_.lower() in self.inanimate and ents.of(agent) is None:
                return self._cue(doc, lo, hi, None, "inanimate_cause", ents)
            return self._cue(doc, lo, hi, agent if agent is not None else self._cause(tok, ents), "passive", ents)
        subj = _child(tok, *_SUBJ)
        obj = _child(tok, "dobj")
        head = tok
        for _ in range(3):  # "X launched a strike, killing seven": the subject of the head clause
            if subj is not None or head.dep_ not in ("advcl", "conj", "xcomp") or head.head.i == head.i:
                break
            head = head.head
            subj = _child(head, *_SUBJ)
        if subj is None or subj.sent.start != tok.sent.start or _across_lines(subj, tok):
            return None
        lo = subj.left_edge.i if head.i == tok.i and subj.i < tok.i else tok.i
        hi = (obj.right_edge.i + 1) if obj is not None else tok.i + 1
        if subj.lemma_.lower() in self.inanimate and ents.of(subj) is None:
            return self._cue(doc, lo, hi, None, "inanimate_cause", ents)
        return self._cue(doc, lo, hi, subj, "active", ents)

    def _noun(self, doc: Doc, tok: Token, ents: EntityLookup) -> FramingCue | None:
        lemma = tok.lemma_.lower()
        agent = _pobj_of_prep(tok, ("by",))
        if agent is None and lemma in self.agentive:
            by = self._noun_agent(tok, ents)
            agent = by if by is not None and by.i != tok.i else None
        if agent is None and lemma in self.agentive:
            for c in tok.children:
                if c.dep_ in ("poss", "amod", "compound") and ents.of(c) is not None:
                    agent = c
                    break
        if agent is None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.light:
            agent = _child(tok.head, "nsubj")
        if agent is None and all(c.dep_ in ("det", "punct") for c in tok.children):
            return None  # "the strike": a back-reference, not a new harm statement
        lo, hi = tok.left_edge.i, tok.right_edge.i + 1
        if hi - lo > self.max_span:
            lo, hi = tok.i, tok.i + 1
            of = _pobj_of_prep(tok, ("of",))
            if of is not None:
                hi = of.right_edge.i + 1
        sub = "nominal"
        if agent is not None and agent.lemma_.lower() in self.inanimate and ents.of(agent) is None:
            agent, sub = None, "inanimate_cause"
        return self._cue(doc, lo, hi, agent, sub, ents)

    def find(self, doc: Doc, ents: EntityLookup) -> list[FramingCue]:
        """Harm cues in ``doc``."""
        out: list[FramingCue] = []
        toks = token_arrays(doc)  # a Token object only for the words of the lexicon
        for i, (pos, lemma_) in enumerate(zip(toks.pos, toks.lemma, strict=True)):
            lemma = lemma_.lower()
            cue = None
            if pos in ("VERB", "AUX") and (lemma in self.verbs or lemma in self.intransitive):
                cue = self._verb(doc, doc[i], ents)
            elif pos == "NOUN" and (lemma in self.agentive or lemma in self.patient):
                cue = self._noun(doc, doc[i], ents)
            if cue is not None:
                out.append(cue)
        return out


class EvaluationFinder:
    """Positive or negative words applied to an actor, through dependency links."""

    def __init__(self, words: dict) -> None:
        self.polarity: dict[str, str] = {}
        for w in words.get("positive", []):
            self.polarity[w.lower()] = "positive"
        for w in words.get("negative", []):
            self.polarity[w.lower()] = "negative"
        self.object_verbs = frozenset(w.lower() for w in words.get("object_verbs", []))

    def _subject_of(self, verb: Token, ents: EntityLookup) -> Token | None:
        subj = _child(verb, "nsubj", "nsubjpass")
        return subj if subj is not None and ents.of(subj) is not None else None

    def _target(self, tok: Token, ents: EntityLookup) -> Token | None:
        if tok.pos_ == "ADJ" or tok.pos_ == "ADV":
            if tok.dep_ == "amod" and ents.of(tok.head) is not None:
                return tok.head
            if tok.dep_ in ("acomp", "attr", "advmod"):
                return self._subject_of(tok.head, ents)
            return None
        if tok.pos_ == "VERB":
            lemma = tok.lemma_.lower()
            if lemma in self.object_verbs or tok.lower_ in self.object_verbs:
                obj = _child(tok, "dobj")
                return obj if obj is not None and ents.of(obj) is not None else None
            if _child(tok, "nsubjpass") is not None:
                agent_prep = _child(tok, "agent")
                agent = _child(agent_prep, "pobj") if agent_prep is not None else None
                return agent if agent is not None and ents.of(agent) is not None else None
            return self._subject_of(tok, ents)
        if tok.pos_ in ("NOUN", "PROPN"):
            for c in tok.children:
                if c.dep_ in ("poss", "amod", "compound", "nmod") and ents.of(c) is not None:
                    return c
            by = _pobj_of_prep(tok, ("by", "of", "from"))
            if by is not None and ents.of(by) is not None:
                return by
            if tok.dep_ == "attr":
                return self._subject_of(tok.head, ents)
            if tok.dep_ == "appos" and ents.of(tok.head) is not None:
                return tok.head
        return None

    def find(self, doc: Doc, ents: EntityLookup) -> list[FramingCue]:
        """Evaluation cues with their target entity; untargeted words are skipped."""
        out: list[FramingCue] = []
        toks = token_arrays(doc)  # a Token object only for the words of the lexicon
        for i, (low, lemma) in enumerate(zip(toks.lower, toks.lemma, strict=True)):
            pol = self.polarity.get(low) or self.polarity.get(lemma.lower())
            if pol is None or i in ents.ids:
                continue
            tok = doc[i]
            target = self._target(tok, ents)
            if target is None:
                continue
            negated = _child(tok, "neg") is not None or (
                tok.dep_ in ("acomp", "attr") and _child(tok.head, "neg") is not None
            )
            if negated:
                pol = "negative" if pol == "positive" else "positive"
            out.append(
                FramingCue(
                    start=tok.idx,
                    end=tok.idx + len(tok.text),
                    text=tok.text,
                    category="evaluation",
                    subcategory=pol,
                    target=ents.of(target),
                    note=("negated; " if negated else "") + f"applied to: {target.text}",
                )
            )
        return out
