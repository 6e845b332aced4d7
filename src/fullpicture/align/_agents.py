"""Whose account an agent belongs to: the inputs of agent conflicts.

An agent conflict says that the sides name different perpetrators of one happening. Only a
side's own account counts: not a speech act's speaker (who denied, who announced), not the
subject of a verb whose subject suffers ("X died"), not an agent the side reports as denied
or only supposes ("if a Freedonian missile had struck it"; ``conflict_agent_unreal``), and not
an agent inside a claim the side attributes to the other side ("Kyiv's claims that a Russian
missile hit the station"). Actors of one state (its ministry, its army, its capital)
are one actor: "the Armenian Defence Ministry" and "Armenia" do not conflict (which state an
actor's words name is read in ``_statenames``, re-exported here).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import language_words
from fullpicture.align._causedoers import core_day, off_core, recalled, row_day, told_as_cause
from fullpicture.align._notdoers import background_settings, interception
from fullpicture.align._statenames import (  # noqa: F401 re-exported
    _contested,
    _nation_nouns,
    _state_words,
    in_contested_territory,
    name_state,
    people_state,
    side_state,
    state_of,
)
from fullpicture.align._util import EntityIndex, claim_by_id, country_code
from fullpicture.models import Analysis, Entity, Event
from fullpicture.nlp.places._translit import fold

_DEFAULT_TYPES = ("ASSAULT", "COERCE", "SEIZE", "DISPLACE")
_DEFAULT_SUFFERERS = ("die", "perish", "drown", "suffer", "starve", "disappear", "go missing",
                      # nouns whose modifier is the victim ("Palestinian civilian deaths")
                      "death", "casualty", "fatality", "victim", "loss")


def agent_types(cfg: dict[str, Any]) -> set[str]:
    """The event types whose agents enter agent conflicts (``conflict_agent_types``)."""
    return set(cfg.get("conflict_agent_types", _DEFAULT_TYPES))


def doers(ev: Event, cfg: dict[str, Any], a: Analysis | None = None) -> list[str]:
    """The agent ids of a mention as some account tells them: the parse's agents, and, with
    ``conflict_agent_blamed``, who a claim of responsibility or an accusation names as its doer
    (``Event.blamed``: "the Front claimed the attack", "Eastland accused Westland of the attack");
    with ``a`` (its analysis) and none of those, who an accusation charges with staging it
    (:func:`staged_by`)."""
    out = [*ev.agents, *ev.blamed] if cfg.get("conflict_agent_blamed", False) else list(ev.agents)
    if not out and a is not None:
        out = staged_by(a, ev, int(cfg.get("conflict_agent_staged_chars", 0)))
    return out


@lru_cache(maxsize=1)
def _staging() -> dict[str, re.Pattern[str]]:
    from fullpicture._data import data_toml

    return {lang: re.compile(p, re.I) for lang, p in data_toml("align", "denials.toml").get("staging", {}).items()}


def staged_by(a: Analysis, ev: Event, reach: int) -> list[str]:
    """Who an accusation of ``ev``'s sentence charges with staging or faking it ("Eastland
    accused Westland of staging the gas attack", "обвинил Westland в инсценировке атаки"): the
    accused of an accusation whose trigger ends at most ``reach`` characters before ``ev``'s,
    when a staging word (``denials.toml`` [staging]) lies between them and no comma, semicolon or
    break word lies between that word and ``ev``. In the accuser's account the accused made the
    happening (:func:`accused_state` gives the account to the accuser). 0: none."""
    pat = _staging().get(a.document.language or "en") if reach > 0 else None
    if pat is None:
        return []
    breaks = language_words("align", "denials.toml", "accusation_breaks", a.document.language)
    for acc in a.events:
        if not (acc.type == "ACCUSE" and acc.id != ev.id and acc.patients
                and acc.evidence.start == ev.evidence.start and 0 < ev.trigger.start - acc.trigger.end <= reach):
            continue
        found = pat.search(a.text, acc.trigger.end, ev.trigger.start)
        if found is None:
            continue
        after = a.text[found.end() : ev.trigger.start]
        if "," in after or ";" in after or breaks & {w.strip(".'’").lower() for w in after.split()}:
            continue
        return [x for x in acc.patients if x not in acc.agents]
    return []


def own_account(members: Sequence[Any], index: EntityIndex, cfg: dict[str, Any], accused: bool = False) -> list[Any]:
    """The members whose agents state their side's own account (see the module docstring; with
    ``conflict_agent_interceptions`` and ``conflict_agent_background``, neither an interception
    nor a setting told as background: :mod:`._notdoers`; with ``conflict_agent_cause_table`` and
    ``conflict_agent_recalled_days``, neither a cause a reprisal answers nor an act days before
    the row's: :mod:`._causedoers`; with ``conflict_agent_core_days``, no act dated days away from
    the row's core day: :func:`._causedoers.off_core`); ``accused``: a member inside another
    state's claim stays when an accusation of its sentence accuses one of its agents
    (:func:`agent_account` gives it the accuser's side)."""
    types = agent_types(cfg)
    sufferers = set(cfg.get("conflict_agent_sufferers", _DEFAULT_SUFFERERS))
    unreal = set(cfg.get("conflict_agent_unreal", ["negated"]))
    intercepts = bool(cfg.get("conflict_agent_interceptions", False))
    background = background_settings(members, types) if cfg.get("conflict_agent_background", False) else set()
    cause_table = str(cfg.get("conflict_agent_cause_table", ""))
    gap = int(cfg.get("conflict_agent_recalled_days", 0))
    day = row_day(members) if gap > 0 else None
    core_gap = int(cfg.get("conflict_agent_core_days", 0))
    core = core_day(members, types) if core_gap > 0 else None
    out = []
    for i, m in enumerate(members):
        ev: Event = m.event
        if ev.type not in types or ev.modality in unreal or ev.trigger.lemma in sufferers or i in background:
            continue
        if recalled(ev, day, gap) or (cause_table and told_as_cause(m.analysis, ev, types, sufferers, cause_table)):
            continue  # the doer of the happening a reprisal answers, or of one days before the row's
        if off_core(ev, core, core_gap):
            continue  # an act of another day told in the row (a reprisal days after the strike)
        if intercepts and interception(m.analysis, ev):
            continue  # the defender who shot the drone down
        if _other_sides_claim(m.analysis, ev, m.side, index) and not (
                accused and any(accused_state(m.analysis, ev, x, index)[0] for x in doers(ev, cfg, m.analysis))):
            continue
        out.append(m)
    return out


def accuser_agents(a: Analysis, ev: Event, reach: int, types: Sequence[str] = ("ACCUSE",)) -> set[str]:
    """The agents of an accusation that ``ev`` follows in its sentence, at most ``reach``
    characters after the accusation's trigger, where the accusation names someone else as the
    accused ("X accused Y of downing the plane", "X a accusé Y d'avoir abattu"): the accuser is
    no doer of the act its complement tells, whatever the parser gave that act as its subject."""
    if reach <= 0:
        return set()
    breaks = language_words("align", "denials.toml", "accusation_breaks", a.document.language)
    out: set[str] = set()
    for acc in a.events:
        if (acc.type in types and acc.id != ev.id and acc.patients and acc.evidence.start == ev.evidence.start
                and 0 < ev.trigger.start - acc.trigger.end <= reach):
            between = a.text[acc.trigger.end : ev.trigger.start]
            if "," in between or ";" in between or breaks & {w.strip(".'’").lower() for w in between.split()}:
                continue  # "X accused Y after its forces shot down ...": another clause's act
            out.update(x for x in acc.agents if x not in acc.patients)
    return out


def accused_state(a: Analysis, ev: Event, eid: str, index: EntityIndex) -> tuple[bool, str | None]:
    """Whether the agent ``eid`` of ``ev`` is the one an accusation before it in its sentence
    accuses ("Eastland accused Westland of the attack", "Eastland blamed Westland for it"), and
    the state of that accusation's accuser (None when it names none): the agent is the accuser's
    account, not the reporting side's."""
    for acc in a.events:
        if (acc.type == "ACCUSE" and eid in acc.patients and acc.evidence.start == ev.evidence.start
                and acc.trigger.start < ev.trigger.start):
            for x in acc.agents:
                ent = index.entity(a.document.id, x)
                first = next((m for m in ent.mentions if acc.evidence.start <= m.start < acc.evidence.end),
                             None) if ent is not None else None
                state = mention_state(a.text, ent, first.start if first else None) if ent is not None else None
                if state:
                    return True, state
            return True, claim_state(a, ev.source, index)
    return False, None


def agent_account(a: Analysis, ev: Event, eid: str, side: str, index: EntityIndex,
                  side_of_state: dict[str, str]) -> str | None:
    """The side whose account the agent ``eid`` of ``ev`` is (``conflict_agent_accusers``): when
    an accusation of the sentence accuses it, the accuser's by :func:`account_side` (a Westland
    outlet telling that Eastland accused Westland gives Eastland's side's account; a wire keeps
    what it quotes from states that are no side), and none of the sides' when a side's document
    tells an unnamed accuser's charge against the side's own state; else the reporting side's."""
    accused, state = accused_state(a, ev, eid, index)
    if not accused:
        return side
    if state is None:
        mine = side_state(side)
        return None if mine is not None and state_of(index.entity(a.document.id, eid)) == mine else side
    return account_side(side, state, side_of_state)


def act_object(a: Analysis, start: int, types: set[str]) -> bool:
    """Whether the name at ``start`` is the object of an act noun just before it ("the invasion
    of X", "le bombardement de X"): the act's target, not an agent of the mention the parser gave
    it to. The act noun is the trigger of a mention of ``types`` in the analysis."""
    words = language_words("align", "not_actors.toml", "act_objects", a.document.language)
    if not words:
        return False
    before = a.text[max(0, start - 40) : start]
    tokens = before.replace("’", "'").split()
    if tokens and tokens[-1].lower() in ("the", "la", "le", "les"):
        tokens = tokens[:-1]
    joined = tokens[-1].lower() if tokens else ""
    if joined.endswith(("d'", "l'")) and joined not in words:
        joined = joined[:2]
    if joined not in words or len(tokens) < 2:
        return False
    noun = tokens[-2]
    at = before.rfind(noun) + max(0, start - 40)
    return any(e.trigger.start <= at < e.trigger.end and e.type in types for e in a.events)


@lru_cache(maxsize=1)
def _internal_war() -> dict[tuple[str, str], re.Pattern[str]]:
    from fullpicture._data import data_toml

    data = data_toml("align", "not_actors.toml").get("internal_war", {})
    return {(where, lang): re.compile(p, re.I) for where, by_lang in data.items() for lang, p in by_lang.items()}


def internal_war(a: Analysis, ev: Event, ent: Entity | None) -> bool:
    """Whether ``ev`` is a civil war ("Yemen's civil war", "la guerre civile", "гражданская война";
    ``not_actors.toml`` [internal_war]) and ``ent`` a country: the country is where the war is
    fought, no doer of it."""
    if ent is None or ent.type not in ("GPE", "LOC", "NORP"):
        return False
    lang = a.document.language or "en"
    pats = _internal_war()
    before, after = pats.get(("before", lang)), pats.get(("after", lang))
    t = ev.trigger
    return bool((before is not None and before.search(a.text[max(0, t.start - 30) : t.start]))
                or (after is not None and after.match(a.text[t.end : t.end + 30])))


def _other_sides_claim(a: Analysis, ev: Event, side: str, index: EntityIndex) -> bool:
    """The mention sits in a claim whose source is an actor of another state than the side's."""
    mine = side_state(side)
    if mine is None or ev.source is None:
        return False
    claim = claim_by_id(a, ev.source)
    if claim is None or claim.source is None or claim.source.entity is None:
        return False
    theirs = state_of(index.entity(a.document.id, claim.source.entity))
    return theirs is not None and theirs != mine


def claim_state(a: Analysis, claim_id: str | None, index: EntityIndex) -> str | None:
    """The state whose account a claim gives: the state of its source's entity, else the state
    its source's words name ("Russia's defence ministry" whose entity is "defence ministry");
    None for the author's own words or a source of no known state."""
    claim = claim_by_id(a, claim_id)
    if claim is None or claim.source is None:
        return None
    if claim.source.entity is not None:
        state = state_of(index.entity(a.document.id, claim.source.entity))
        if state:
            return state
    return (name_state(claim.source.text or "") or named_before(a, claim.source.text or "", index)
            or antecedent_state(a, claim.source.text or "", claim.source.start)
            or people_state(claim.source.text or "", a.document.language))


def denied_content(a: Analysis, claim_id: str | None) -> bool:
    """Whether a claim is what its source denies ("X denied carrying out the attack on Tuesday,
    when four people were killed"): its cue's lemma is a denial (``[denial_cues]`` of
    ``data/align/denials.toml``)."""
    claim = claim_by_id(a, claim_id)
    if claim is None or claim.cue is None:
        return False
    lemma = (claim.cue.lemma or claim.cue.text or "").lower()
    return lemma in language_words("align", "denials.toml", "denial_cues", a.document.language)


def antecedent_state(a: Analysis, text: str, start: int | None) -> str | None:
    """The state a relative pronoun standing as a speaker speaks for ("Ruritania, which announced
    12 dead": Ruritania): the state the last words before its comma name, within their clause;
    None for any other source."""
    relative = language_words("align", "anaphora.toml", "relative", a.document.language)
    if start is None or text.strip().lower() not in relative:
        return None
    before = a.text[max(0, start - 60) : start].rstrip()
    if not before.endswith(","):
        return None
    before = before[:-1]
    for mark in (".", ";", ":", "\n", "(", "—", "–", ","):
        before = before.rsplit(mark, 1)[-1]
    words = before.split()[-4:]
    return name_state(" ".join(words)) if words else None


def named_before(a: Analysis, text: str, index: EntityIndex) -> str | None:
    """The state a definite description of a speaker speaks for ("the ministry", "the defense
    ministry", "le ministère" after "Russia's defence ministry"): the one state that the
    document's other speakers and organisations with the same head word name; None when they
    name none or several (two states' ministries in one report)."""
    words = [w.strip(",.;:!?\"“”«»()") for w in text.lower().replace("’", "'").split()]
    articles = language_words("align", "anaphora.toml", "definite", a.document.language)
    if not (2 <= len(words) <= 4) or not (words[0] in articles or any(words[0].startswith(x) for x in articles
                                                                     if x.endswith("'"))):
        return None
    head = fold(words[-1])
    states: set[str] = set()
    names = [c.source.text for c in a.claims if c.source is not None and c.source.text]
    names += [e.name for e in a.entities if e.type in ("ORG", "GROUP")]
    for name in names:
        if name.lower() != text.lower() and head in {fold(w.strip(",.;:!?\"“”«»()'s")) for w in name.split()}:
            state = name_state(name)
            if state:
                states.add(state)
    return states.pop() if len(states) == 1 else None


def account_side(side: str, state: str | None, side_of_state: dict[str, str]) -> str | None:
    """The side whose account a value is, when the value sits in a claim of ``state``.

    A side's own words and its own state's sources stay the side's; a value quoted from a
    source of another state that is itself a compared side is that side's account (a Ukrainian
    outlet quoting the Russian ministry's toll, a wire quoting either); a value a state's side
    quotes from a state that is no compared side is none of the sides' accounts (None); a side of
    no state (wire, outlets) keeps what it quotes from states that are no side.
    """
    mine = side_state(side)
    if state is None or state == mine:
        return side
    if state in side_of_state:
        return side_of_state[state]
    return None if mine is not None else side


def agent_state(index: EntityIndex, a: Analysis, eid: str, start: int | None) -> str | None:
    """The state of an agent as its mention at ``start`` tells it: a known actor's
    (``data/align/actors.toml``: its listed state, else the state its words name, never the
    place its name was taken for), else :func:`mention_state`."""
    actor = index.actor(a.document.id, eid)
    if actor is not None:
        return actor.state or name_state(actor.surface)
    return mention_state(a.text, index.entity(a.document.id, eid), start)


def mention_state(text: str, ent: Entity | None, start: int | None) -> str | None:
    """The state of an actor as its mention tells it: the entity's own state, else a state the
    words just before the mention name ("Ukraine's Armed Forces", "the Russian air defence"
    whose entity is "Armed Forces" or "air defence"), within its clause; a country's name the
    tagger took for a person ("Kosovo detained ...") names that country."""
    state = state_of(ent) or (country_code(ent.name) if ent is not None and ent.type == "PERSON" else None)
    if state or ent is None or start is None or ent.type not in ("ORG", "GROUP"):
        return state
    before = text[max(0, start - 30) : start]
    for mark in (",", ";", ":", ".", "(", "\n", "—", "–"):
        before = before.rsplit(mark, 1)[-1]
    return name_state(before) if before.strip() else None
