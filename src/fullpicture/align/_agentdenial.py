"""A state's denial of a happening another side blames on it (:func:`_agent_denial`), and what
both agent conflicts read of a row's agents: an agent's actor class (:func:`actor_kind`), its
mention in the evidence sentence, the side whose account a value is (a compared state's side, a
relayed claim's), the doers a mention's words name, and the states a side mostly names. Split
from ``_entityconflicts`` (which re-exports these names)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from fullpicture.align._agents import (
    accuser_agents,
    agent_account,
    agent_state,
    agent_types,
    claim_state,
    doers,
    name_state,
    own_account,
    side_state,
)
from fullpicture.align._denials import denies_aim, denies_earlier, denies_other_act, denies_target
from fullpicture.align._figureitems import _main_date as main_date
from fullpicture.align._notactors import not_actor
from fullpicture.align._notdoers import undergoer_possessive
from fullpicture.align._persontitle import person_state
from fullpicture.align._rowmembers import _UNREAL, Member
from fullpicture.align._rowmembers import side_of_state as _side_of_state
from fullpicture.align._tolddoers import ToldDoer, told_doers
from fullpicture.align._util import EntityIndex, country_code, published_day
from fullpicture.models import Analysis, Entity, Event, Mention
from fullpicture.models.comparison import Conflict, ConflictValue

#: entity types whose one-word demonym ("Freedonian", a feminine or genitive form of it) stands
#: for its state as an actor
_DEMONYM_ACTOR_TYPES = ("GPE", "NORP")


def actor_kind(ent: Entity, cfg: dict[str, Any], known: bool = False) -> str | None:
    """The actor class of an agent (``person`` or ``collective``), None when it is no resolved actor.

    Groups of people (NORP: "Armenians") and places that are not states are not actors whose
    disagreement is meaningful; a GPE counts as an actor (its government) when it is a country;
    a news agency or a weapon system is none (``conflict_agent_not_actors``). ``known``: the
    entity names a known organisation or armed group (``data/align/actors.toml``), a collective
    whatever type the parser gave it ("Daech" read as a place).
    """
    if known:
        return "collective"
    kinds = cfg.get("conflict_actor_kinds") or {"person": ["PERSON"], "collective": ["ORG", "GROUP"]}
    if cfg.get("conflict_agent_not_actors", True) and not_actor(ent.name):
        return None  # a news agency reports ("told AFP"), a weapon is the instrument ("a HIMARS strike")
    for name, types in kinds.items():
        if ent.type in types:
            return str(name)
    if ent.type == "GPE" and country_code(ent.name):
        return "collective"
    if ent.type in _DEMONYM_ACTOR_TYPES and len(ent.name.split()) == 1 and name_state(ent.name):
        # a state's adjective tagged as a place or a group ("a Freedonian interceptor fell"):
        # the state whose weapon or forces acted
        return "collective"
    return None


def _in_evidence(ent: Entity, ev: Event) -> Mention | None:
    """The entity's first mention inside the event's evidence sentence."""
    return next((x for x in ent.mentions if ev.evidence.start <= x.start < ev.evidence.end), None)


def _accounts(members: Sequence[Member], cfg: dict[str, Any], sides: Sequence[str] | None) -> dict[str, str]:
    """State -> the compared side of that state: of every compared side (``sides``) with
    ``conflict_agent_all_sides``, so that a state's denial or accusation a third side relays is
    that state's side's account also in a row none of whose documents that side wrote; else of
    the row's own sides."""
    return _side_of_state(members, sides if sides and cfg.get("conflict_agent_all_sides", False) else None)


def _agent_denial(members: Sequence[Member], index: EntityIndex, cfg: dict[str, Any],
                  sides: Sequence[str] | None = None) -> Conflict | None:
    """A state that denies an incident another side blames on it contests the agent ("Armenia
    denied any involvement" in the row of a strike that a side says Armenia carried out): the
    denial is that state's account (the side of that state when it is compared, else the side
    that reports it: :func:`_accounts`), against each side whose own account mostly names that
    state."""
    types = set(cfg.get("conflict_denial_types", ["REJECT"]))
    acts = agent_types(cfg)
    blamed: dict[str, Counter[str]] = {}
    told: dict[str, list[tuple[str, str]]] = {}  # teller -> (published day, state) of each value
    named: dict[str, list[ConflictValue]] = {}
    accuse_chars = int(cfg.get("conflict_accuser_reach_chars", 0))
    accusers_on = bool(cfg.get("conflict_agent_accusers", False))
    titles = int(cfg.get("conflict_person_title_chars", 0))
    side_of_state = _accounts(members, cfg, sides)
    for m in own_account(members, index, cfg, accused=accusers_on):
        skip = accuser_agents(m.analysis, m.event, accuse_chars)
        if not doers(m.event, cfg, m.analysis):
            for d in _told(m, cfg):  # a doer the words name where the parse gives none
                blamed.setdefault(m.side, Counter())[d.state] += 1
                told.setdefault(m.side, []).append((published_day(m.analysis) or "", d.state))
                named.setdefault(f"{m.side}|{d.state}", []).append(ConflictValue(
                    side=m.side, value=d.text, document=m.analysis.document.id, claim=m.event.source,
                    start=d.start, end=d.end))
        for eid in (x for x in doers(m.event, cfg, m.analysis) if x not in skip):
            ent = index.entity(m.analysis.document.id, eid)
            if ent is None or actor_kind(ent, cfg, index.actor(m.analysis.document.id, eid) is not None) is None:
                continue
            teller = agent_account(m.analysis, m.event, eid, m.side, index, side_of_state) if accusers_on else m.side
            teller = _relayed(m, teller, index, side_of_state, cfg) if teller is not None else None
            first = _in_evidence(ent, m.event)
            if cfg.get("conflict_agent_undergoers", False) and undergoer_possessive(m.analysis, first, m.event):
                continue  # "the captain's detention": who suffers it
            state = (agent_state(index, m.analysis, eid, first.start if first else None)
                     or person_state(m.analysis, ent, titles))
            if state and teller is not None:
                blamed.setdefault(teller, Counter())[state] += 1
                told.setdefault(teller, []).append((published_day(m.analysis) or "", state))
                named.setdefault(f"{teller}|{state}", []).append(ConflictValue(
                    side=teller, reported_by=m.side if teller != m.side else None,
                    value=index.display(m.analysis.document.id, eid, resolve=True) or ent.name,
                    document=m.analysis.document.id, claim=m.event.source,
                    start=first.start if first else None, end=first.end if first else None))
    values: list[ConflictValue] = []
    later = bool(cfg.get("conflict_denial_later_blame", False))
    own_doer = int(cfg.get("conflict_denial_own_doer_words", 0))
    before_days = int(cfg.get("conflict_denial_before_days", 0))
    main = main_date(members) if before_days > 0 else None
    for m in members:
        if m.event.type not in types or m.event.modality in _UNREAL:
            continue
        if denies_earlier(m.event, main, before_days):
            continue  # a denial dated days before the row's happening denies an earlier one
        if cfg.get("conflict_denial_other_act", False) and denies_other_act(
                m.analysis, m.event, acts, int(cfg.get("conflict_denial_support_chars", 0))):
            continue  # "denied initiating the ceremony": not the attack denied
        if cfg.get("conflict_denial_target", False) and denies_target(m.analysis, m.event):
            continue  # "denied targeting civilians": what was hit is disputed, not who struck
        for eid in m.event.agents:
            ent = index.entity(m.analysis.document.id, eid)
            first = _in_evidence(ent, m.event) if ent is not None else None
            state = (agent_state(index, m.analysis, eid, first.start if first else None)
                     or person_state(m.analysis, ent, titles)) if ent is not None else None
            side = side_of_state.get(state or "", m.side)
            accusers = [t for t, c in blamed.items() if t != side and state in _main_states(c)]
            if not state or not accusers or ent is None:
                continue
            if side == m.side and state in _blamed_by_then(told.get(m.side, []), m.analysis, later):
                continue  # a side that blames the state itself and reports its denial: not its account
            if own_doer and side != m.side and denies_aim(m.analysis, m.event, own_doer) \
                    and state in _blamed_by_then(told.get(side, []), m.analysis, True):
                continue  # the denying state's own side tells it did the act: it denies what was hit, not who
            values.append(ConflictValue(
                side=side, reported_by=m.side if side != m.side else None,
                value=f"{index.display(m.analysis.document.id, eid, resolve=True) or ent.name}: {m.event.trigger.text}",
                document=m.analysis.document.id, claim=m.event.source,
                start=m.event.trigger.start, end=m.event.trigger.end))
            for t in accusers:
                values += [v for v in named.get(f"{t}|{state}", []) if v not in values]
    return Conflict(field="agent", values=values) if len({v.side for v in values}) > 1 else None


def _relayed(m: Member, teller: str, index: EntityIndex, side_of_state: dict[str, str], cfg: dict[str, Any]) -> str:
    """The side whose account an agent is when a side of no state relays it from a claim of a
    compared side's state ("Eastland says the villagers were killed by Westland", told by a
    wire): that side's, with ``conflict_agent_relayed_claims``; else ``teller``."""
    if not cfg.get("conflict_agent_relayed_claims", False) or teller != m.side or side_state(m.side) is not None:
        return teller
    state = claim_state(m.analysis, m.event.source, index)
    return side_of_state.get(state or "", teller)


def _told(m: Member, cfg: dict[str, Any]) -> list[ToldDoer]:
    """The doers a mention's words name where the parse gives it none (:mod:`._tolddoers`), for
    a mention of ``conflict_told_doer_types``; none with ``conflict_told_doer_words`` 0."""
    if m.event.type not in cfg.get("conflict_told_doer_types", ["ASSAULT"]):
        return []
    return told_doers(m.analysis, m.event, int(cfg.get("conflict_told_doer_words", 0)))


def _blamed_by_then(told: Sequence[tuple[str, str]], a: Analysis, later: bool) -> set[str]:
    """The states a side mostly names as the doer (``told``: (published day, state) of each of its
    values); with ``later``, only in its documents published no later than the denial's document
    ``a``: a side's own later admission ("an inquiry found the coalition's aircraft struck")
    does not unmake the denial it gave before."""
    day = published_day(a) or ""
    counts = Counter(st for d, st in told if not (later and day and d and d > day))
    return _main_states(counts) if counts else set()


def _main_states(counts: Counter[str]) -> set[str]:
    """The states a side names most often as the agent (ties kept)."""
    top = max(counts.values())
    return {k for k, v in counts.items() if v == top}
