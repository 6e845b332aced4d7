"""Acts of word that tell a happening as their object: a claim of responsibility and an inquiry's
finding (``[findings]`` of ``data/events/plover*.toml``; the claim's words are those of
``[blame_agents]``, read by ``_blame``).

"The Front claimed responsibility for the raid", "Ответственность за теракт в Кельво взяла
на себя другая сторона" tell the happening through the claim; "investigators identified two suspects in
the bombing", "установили, что к взрыву причастны", "a établi que l'explosion" through a finding.
Left unread, a report that tells its happening only so meets no other report's row. The claim is a
mention of its own type (an act of word, never a happening: align hangs it on the happening of its
sentence or the one before); the finding is an inquiry's step (the inquiry type), kept only where
its sentence names a happening (``found_with_happening``), so that a verb of finding out alone
("identified the driver", "established contact") makes none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from fullpicture._data import data_toml, data_toml_lang

_OBJ = frozenset({"dobj", "obj", "nsubjpass", "nsubj:pass"})


@dataclass(frozen=True)
class ActWords:
    """The words of claims of responsibility and of findings, of one language."""

    claim_type: str
    take_verbs: frozenset[str]
    responsibility: frozenset[str]
    finding_type: str
    finding_verbs: frozenset[str]
    finding_objects: frozenset[str]
    host_types: frozenset[str]

    @property
    def verbs(self) -> frozenset[str]:
        """Every verb lemma that may open such an act."""
        return self.take_verbs | self.finding_verbs


@lru_cache(maxsize=4)
def act_words(language: str) -> ActWords:
    """``[findings]`` of the language's taxonomy, ``[blame_agents]`` of ``plover.toml``, and the
    types that host an act (``[hosts]`` of ``data/events/incidents.toml``)."""
    blame = data_toml("events", "plover.toml").get("blame_agents", {})
    spec = data_toml_lang("events", "plover.toml", language).get("findings", {})
    hosts = data_toml("events", "incidents.toml").get("hosts", {}).get("types", [])
    return ActWords(str(spec.get("claim_type", "")),
                    frozenset(blame.get("take_verbs", [])) | frozenset(blame.get("claim_verbs", [])),
                    frozenset(blame.get("responsibility", [])), str(spec.get("type", "")),
                    frozenset(spec.get("verbs", [])), frozenset(spec.get("objects", [])),
                    frozenset(str(t).upper() for t in hosts))


def _passive(tok: Token) -> bool:
    return "Pass" in tok.morph.get("Voice", [])


def _objects(tok: Token) -> list[Token]:
    """What ``tok`` acts on: its object or passive subject (and their conjuncts)."""
    near = [c for c in tok.children if c.dep_ in _OBJ or (c.dep_ == "nsubj" and _passive(tok))]
    return near + [g for t in near for g in t.children if g.dep_ == "conj"]


def act_type(tok: Token, lemma: str, words: ActWords) -> str | None:
    """The type of the act of word headed by verb ``tok``: a claim when it takes a word of
    responsibility ("claimed responsibility", "взяла на себя ответственность"), a finding when it
    finds out who did it ("identified the suspects") or that something happened ("established
    that ...", "установили, что ..."); None otherwise."""
    objs = _objects(tok)
    if words.claim_type and lemma in words.take_verbs and any(
            t.lemma_.lower() in words.responsibility for t in objs):
        return words.claim_type
    if words.finding_type and lemma in words.finding_verbs and (
            any(t.lemma_.lower() in words.finding_objects for t in objs)
            or any(c.dep_ == "ccomp" for c in tok.children)):
        return words.finding_type
    return None


def found_with_happening(doc: Doc, found: Sequence[tuple[int, int, str, int]], findings: set[int],
                         words: ActWords) -> list[tuple[int, int, str, int]]:
    """``found`` less the findings (head tokens ``findings``) whose sentence names no happening of
    a type that hosts acts."""
    if not findings:
        return list(found)
    told = {doc[h].sent.start for _, _, t, h in found if h not in findings and t.upper() in words.host_types}
    return [f for f in found if f[3] not in findings or doc[f[3]].sent.start in told]
