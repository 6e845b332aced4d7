"""Load the attribution lexicons (``data/claims/*.toml``) once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from fullpicture._data import data_toml_lang


@dataclass(frozen=True)
class ClaimLexicon:
    """Cue verbs, nominal cues, hedges and generic subjects, as frozen sets."""

    speech: frozenset[str]
    cognition: frozenset[str]
    need_clause: frozenset[str]
    phrasal: frozenset[str]
    naming: frozenset[str]
    finding: frozenset[str]
    document_verbs: frozenset[str]
    document_subjects: frozenset[str]
    document_verb_forms: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    report_nouns: frozenset[str]
    naming_markers: frozenset[str]
    generic_subjects: frozenset[str]
    evidence_subjects: frozenset[str]
    reportive: frozenset[str]
    epistemic: frozenset[str]
    layout_labels: frozenset[str]
    # a cue verb whose content is the sentence before, named by a pronoun ("Об этом сообщил X")
    anaphoric: tuple[tuple[str, ...], ...] = ()
    # verbs of physical force and the place nouns they act on ("shelled the depot"): an act
    acts: frozenset[str] = frozenset()
    act_places: frozenset[str] = frozenset()
    act_targets: frozenset[str] = frozenset()
    # verbs that launch an act named by their object ("launched an attack"), and such act nouns
    act_launchers: frozenset[str] = frozenset()
    act_nouns: frozenset[str] = frozenset()
    harm: frozenset[str] = frozenset()
    # particles of motion that make a need_clause verb an act ("showed them around the base")
    motion: frozenset[str] = frozenset()
    # the speaker after the verb ('…, a annoncé lundi le ministère'; ``[postposed]``, fr and ru)
    postposed_skip: frozenset[str] = frozenset()
    impersonal_preps: frozenset[str] = frozenset()
    inverted_pronouns: frozenset[str] = frozenset()
    inverted_links: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    speaker_prepositions: frozenset[str] = frozenset()
    # words that open a reported clause the parse did not hang on the verb ('заявил, что …')
    complementizers: frozenset[str] = frozenset()
    # verbs that are cues only in an "as" clause with "it" ("as the mayor put it, …")
    as_only: frozenset[str] = frozenset()
    # prepositions that join a cue verb when they open its content ("complained about X")
    object_prepositions: frozenset[str] = frozenset()
    # prepositions a candidate verb of the cue classifier takes with their object ("voted for X")
    candidate_prepositions: frozenset[str] = frozenset()
    # prepositions whose phrase after a cue verb is a circumstance ("reported from the capital")
    adjunct_prepositions: frozenset[str] = frozenset()
    # "In the latest poll, X leads": an opening phrase whose noun names the source of the clause
    finding_prepositions: frozenset[str] = frozenset()
    finding_nouns: frozenset[str] = frozenset()
    # focus words a source leaves out at its start ("Even the mayor said")
    leading_focus: frozenset[str] = frozenset()
    # verbs whose object is the addressee ("she told reporters"), not what was said
    addressee: frozenset[str] = frozenset()
    addressee_nouns: frozenset[str] = frozenset()

    @cached_property
    def verbs(self) -> frozenset[str]:
        """All verb cues (computed once: the rules ask for every token)."""
        return self.speech | self.cognition


def _read(name: str, language: str = "en") -> dict:
    return data_toml_lang("claims", name, language)


@lru_cache(maxsize=4)
def claim_lexicon(language: str = "en") -> ClaimLexicon:
    """The shipped attribution lexicon of ``language`` (cached; ``cues.<lang>.toml``)."""
    cues = _read("cues.toml", language)
    hedges = _read("hedges.toml", language)["hedges"]
    verbs, nouns = cues["verbs"], cues["nouns"]
    post = cues.get("postposed", {})
    return ClaimLexicon(
        speech=frozenset(verbs["speech"]),
        cognition=frozenset(verbs["cognition"]),
        need_clause=frozenset(verbs["need_clause"]),
        phrasal=frozenset(verbs["phrasal"]),
        naming=frozenset(verbs["naming"]),
        finding=frozenset(verbs["finding"]),
        document_verbs=frozenset(verbs.get("document", [])),
        document_subjects=frozenset(cues["subjects"].get("document", [])),
        document_verb_forms=frozenset(verbs.get("document_forms", [])),
        according_to=tuple(tuple(p.split()) for p in nouns["according_to"]),
        report_nouns=frozenset(nouns["report"]),
        naming_markers=frozenset(nouns["naming_markers"]),
        generic_subjects=frozenset(cues["subjects"]["generic"]),
        evidence_subjects=frozenset(cues["subjects"].get("evidence", [])),
        reportive=frozenset(hedges["reportive"]),
        epistemic=frozenset(hedges["epistemic"]),
        layout_labels=frozenset(cues.get("layout", {}).get("labels", [])),
        anaphoric=tuple(tuple(p.split()) for p in verbs.get("anaphoric", [])),
        acts=frozenset(cues.get("acts", {}).get("verbs", [])),
        act_places=frozenset(cues.get("acts", {}).get("places", [])),
        act_targets=frozenset(cues.get("acts", {}).get("targets", [])),
        act_launchers=frozenset(cues.get("acts", {}).get("launchers", [])),
        act_nouns=frozenset(cues.get("acts", {}).get("nouns", [])),
        harm=frozenset(cues.get("acts", {}).get("harm", [])),
        motion=frozenset(verbs.get("motion", [])),
        postposed_skip=frozenset(post.get("skip", [])),
        impersonal_preps=frozenset(post.get("impersonal_prepositions", [])),
        inverted_pronouns=frozenset(post.get("inverted_pronouns", [])),
        inverted_links=frozenset(post.get("inverted_links", [])),
        relative_pronouns=frozenset(post.get("relative_pronouns", [])),
        speaker_prepositions=frozenset(post.get("speaker_prepositions", [])),
        complementizers=frozenset(cues.get("clause", {}).get("complementizers", [])),
        as_only=frozenset(verbs.get("as_only", [])),
        object_prepositions=frozenset(verbs.get("object_prepositions", [])),
        candidate_prepositions=frozenset(verbs.get("candidate_prepositions", [])),
        adjunct_prepositions=frozenset(verbs.get("adjunct_prepositions", [])),
        finding_prepositions=frozenset(nouns.get("finding_prepositions", [])),
        finding_nouns=frozenset(nouns.get("finding_nouns", [])),
        leading_focus=frozenset(cues["subjects"].get("leading_focus", [])),
        addressee=frozenset(verbs.get("addressee", [])),
        addressee_nouns=frozenset(verbs.get("addressee_nouns", [])),
    )
