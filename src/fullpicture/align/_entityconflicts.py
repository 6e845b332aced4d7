"""Agent and place conflicts: sides that name different actors, or places far apart, for one
happening; and a state's denial of a happening another side blames on it (``_agentdenial``,
with the actor class and the accounts of agents both read; re-exported here)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from fullpicture.align._agentdenial import (  # noqa: F401 re-exported
    _DEMONYM_ACTOR_TYPES,
    _accounts,
    _agent_denial,
    _blamed_by_then,
    _in_evidence,
    _main_states,
    _relayed,
    _told,
    actor_kind,
)
from fullpicture.align._agents import (
    accuser_agents,
    act_object,
    agent_account,
    agent_state,
    agent_types,
    doers,
    internal_war,
    name_state,
    own_account,
    side_state,
)
from fullpicture.align._counteracts import without_counter_acts
from fullpicture.align._incident_lex import setting_lemmas, war_nouns
from fullpicture.align._notactors import row_outlet, row_outlets
from fullpicture.align._notdoers import clause_name, undergoer_possessive
from fullpicture.align._ownland import (
    land_of,
    land_told,
    main_lands,
    own_lands_clash,
    place_country,
)
from fullpicture.align._persontitle import person_state
from fullpicture.align._rowmembers import _UNREAL, Member
from fullpicture.align._speakerplace import statement_place
from fullpicture.align._util import EntityIndex, country_code
from fullpicture.models import Entity
from fullpicture.models.comparison import Conflict, ConflictValue
from fullpicture.nlp.places._resolve import haversine_km


def _place_keys(ent: Entity, key: str) -> tuple[set[str], set[str]]:
    """(keys, reach) of a place: a country also matches any place inside it."""
    keys, reach = {key}, {key}
    cc = country_code(ent.name)
    if cc and ent.type in ("GPE", "LOC"):
        keys.add(f"cc:{cc}")
        reach.add(f"cc:{cc}")
    elif ent.geo is not None and ent.geo.country:
        reach.add(f"cc:{ent.geo.country.upper()}")
    return keys, reach


def _entity_conflict(
    members: Sequence[Member], index: EntityIndex, field: str, cfg: dict[str, Any] | None = None,
    sides: Sequence[str] | None = None,
) -> Conflict | None:
    cfg = cfg or {}
    per_side: dict[str, list[ConflictValue]] = {}
    keys: dict[str, set[str]] = {}
    reach: dict[str, set[str]] = {}
    points: dict[str, list[tuple[float, float, str, bool]]] = {}
    kinds: dict[str, set[str]] = {}
    states: dict[str, Counter[str]] = {}
    value_state: dict[tuple[int, str], str] = {}  # (position in per_side, side) -> the agent's state
    if field == "agent":
        members = own_account(members, index, cfg, accused=bool(cfg.get("conflict_agent_accusers", False)))
        if cfg.get("conflict_agent_counter_acts", False):  # "gunmen fired on the troops" beside the troops' strike
            members = without_counter_acts(members, index, cfg)
    else:  # where a ceasefire or a statement "took place" is the sentence's place, not a claim
        kinds_of_place = set(cfg.get("conflict_place_types", PLACE_CONFLICT_TYPES))
        # a war spreads over both states' land: no place of it for sides to contest
        settings_spread = bool(cfg.get("place_conflict_skip_settings", False))
        # ... nor a war's other nouns ("the aggression", "le conflit": ``war_nouns``) told with no
        # day of their own (on a stated day, "the offensive of 3 May", they name one act)
        nouns = war_nouns() if cfg.get("incident_background_war_nouns", False) else frozenset()

        def spread(ev: Any) -> bool:
            lemma = (ev.trigger.lemma or "").lower()
            return lemma in setting_lemmas() or (lemma in nouns and (ev.date is None or ev.date_source not in (None, "sentence")))

        members = [m for m in members if m.event.type in kinds_of_place and m.event.modality not in _UNREAL
                   and not (settings_spread and spread(m.event))]
    # the countries the row's members name as doers ("the United States struck ..."): a place of
    # theirs is who acted, not where (``conflict_place_doer_countries``)
    doer_countries = {dk for m in members for e in m.event.agents
                      if (dk := index.key(m.analysis.document.id, e, resolve=True))
                      and (de := index.entity(m.analysis.document.id, e)) is not None and country_code(de.name)
                      } if field == "place" and cfg.get("conflict_place_doer_countries", False) else set()
    accuse_chars = int(cfg.get("conflict_accuser_reach_chars", 0))
    act_objects, act_types = bool(cfg.get("conflict_agent_act_objects", False)), agent_types(cfg)
    accusers = bool(cfg.get("conflict_agent_accusers", False))
    titles = int(cfg.get("conflict_person_title_chars", 0))
    internal_wars = bool(cfg.get("conflict_agent_internal_war", False))
    clauses = bool(cfg.get("conflict_agent_clause_names", False))
    undergoers = bool(cfg.get("conflict_agent_undergoers", False))
    # a place named alike by two sides is one place, whichever record (or none) each document's
    # gazetteer took for it: the unresolved name shows that the sides agree, never that they clash
    unresolved_names = bool(cfg.get("place_conflict_unresolved_names", False))
    own_lands = field == "place" and bool(cfg.get("place_conflict_own_lands", False))
    # a town of a state its document never tells of is read as unresolved (a namesake abroad)
    unplaced = field == "place" and bool(cfg.get("place_conflict_unplaced_abroad", False))
    row_states = {st for st in (side_state(m.side) for m in members) if st}
    outlets = row_outlets(members) if field == "agent" and cfg.get("conflict_agent_row_outlets") else frozenset()
    lands: dict[str, Counter[str]] = {}  # side -> the states its places lie in (:mod:`._ownland`)
    side_of_state = _accounts(members, cfg, sides)
    for m in members:
        doc = m.analysis.document.id
        skip = accuser_agents(m.analysis, m.event, accuse_chars) if field == "agent" else set()
        ids = [m.event.place] if field == "place" else [x for x in doers(m.event, cfg, m.analysis) if x not in skip]
        if field == "agent" and not ids:
            for d in _told(m, cfg):  # "the strike launched by the Eastland forces", "fired from Eastland"
                state_key = f"cc:{d.state}"
                kinds.setdefault(m.side, set()).add("collective")
                states.setdefault(m.side, Counter())[d.state] += 1
                value_state[len(per_side.get(m.side, [])), m.side] = d.state
                keys.setdefault(m.side, set()).add(state_key)
                reach.setdefault(m.side, set()).add(state_key)
                per_side.setdefault(m.side, []).append(ConflictValue(
                    side=m.side, value=d.text, document=doc, claim=m.event.source, start=d.start, end=d.end))
        for eid in ids:
            key = index.key(doc, eid, resolve=True)
            ent = index.entity(doc, eid)
            if key is None or ent is None:
                continue
            side = m.side
            if field == "agent" and accusers:  # "Eastland accused Westland of the attack": Eastland's account
                teller = agent_account(m.analysis, m.event, str(eid), m.side, index, side_of_state)
                if teller is None:
                    continue
                side = _relayed(m, teller, index, side_of_state, cfg)
            mention = _in_evidence(ent, m.event)
            if field == "place":
                if ent.geo is None or (unplaced and not land_told(m.analysis, ent, row_states)):
                    if unresolved_names:  # a name no record took may still be another side's place
                        keys.setdefault(side, set()).add(key)
                        reach.setdefault(side, set()).add(key)
                    continue  # unresolved places cannot be compared
                if statement_place(m.analysis, m.event, ent) or (key in doer_countries and country_code(ent.name)):
                    # where the claim was made: it may show that sides agree, never that they clash
                    k, r = _place_keys(ent, key)
                    keys.setdefault(side, set()).update(k)
                    reach.setdefault(side, set()).update(r)
                    continue
                # a first-level region (gazetteer admin1: no GeoNames id, not a country)
                region = not ent.geo.geonames_id and country_code(ent.name) is None
                points.setdefault(side, []).append(
                    (ent.geo.lat, ent.geo.lon, (ent.geo.country or "").upper(), region))
                if own_lands:  # the lands the side's places below the state lie in; each value's land
                    land = place_country(ent)
                    if land:
                        lands.setdefault(side, Counter())[land] += 1
                    if (state := land_of(ent)) is not None:
                        value_state[len(per_side.get(side, [])), side] = state
            else:
                kind = actor_kind(ent, cfg, index.actor(doc, eid) is not None)
                if kind is None or (clauses and clause_name(m.analysis, mention, act_types)):
                    continue
                if row_outlet(ent.name, outlets) and not (country_code(ent.name) or name_state(ent.name)):
                    continue  # "when the Courier contacted officials": a compared document's outlet
                if undergoers and undergoer_possessive(m.analysis, mention, m.event):
                    continue  # "the captain's detention": who suffers it
                if act_objects and mention is not None and act_object(m.analysis, mention.start, act_types):
                    continue  # "the invasion of X has killed ...": X is the target
                if internal_wars and internal_war(m.analysis, m.event, ent):
                    continue  # "Yemen's civil war": where the war is fought
                kinds.setdefault(side, set()).add(kind)
                state = (agent_state(index, m.analysis, str(eid), mention.start if mention else None)
                         or person_state(m.analysis, ent, titles))
                if state:
                    states.setdefault(side, Counter())[state] += 1
                    value_state[len(per_side.get(side, [])), side] = state
            k, r = _place_keys(ent, key) if field == "place" else ({key}, {key})
            keys.setdefault(side, set()).update(k)
            reach.setdefault(side, set()).update(r)
            per_side.setdefault(side, []).append(
                ConflictValue(
                    side=side, reported_by=m.side if side != m.side else None,
                    value=index.display(doc, eid, resolve=True) or ent.name,
                    document=doc,
                    claim=m.event.source,
                    start=mention.start if mention else None,
                    end=mention.end if mention else None,
                )
            )
    sides = list(keys)
    own_acts = field == "agent" and bool(cfg.get("conflict_agent_own_acts", False))
    min_km = float(cfg.get("place_conflict_km", 100.0))
    open_areas = bool(cfg.get("place_conflict_open_areas", False))

    def differ(s: str, t: str) -> bool:
        if s in states and t in states:
            # actors of states: the state each side mostly names, so that one stray mention (the
            # other side's claim told inside a denial: "claims that our missile hit X are
            # false") does not make the sides agree
            main_s, main_t = _main_states(states[s]), _main_states(states[t])
            if own_acts and _own_only(s, main_s) and _own_only(t, main_t):
                return False  # each side tells what its own state did: two acts, no dispute of one
            return not (main_s & main_t)
        # neither names a place (or agent) the other reaches...
        if keys[s] & reach[t] or keys[t] & reach[s]:
            return False
        if field == "place":  # ...and the places are far apart
            return bool(points.get(s) and points.get(t)) and all(
                haversine_km(p[0], p[1], q[0], q[1]) > min_km
                and not ((p[3] or q[3]) and p[2] and p[2] == q[2])  # a place in its region
                and not (open_areas and bool(p[2]) != bool(q[2]))  # a sea, a continent: another grain
                for p in points[s] for q in points[t])
        return bool(kinds[s] & kinds[t])  # ...and the agents are actors of the same kind

    # each of two sides places it on its own state's land: whose territory is disputed (a place a
    # side tells outside the land it mostly names is a stray, no value of its account)
    if own_lands and any(own_lands_clash(s, t, lands) for i, s in enumerate(sides) for t in sides[i + 1:]):
        return Conflict(field=field, values=[v for side, vs in per_side.items() for k, v in enumerate(vs)
                                             if value_state.get((k, side)) in main_lands(lands.get(side, Counter()))
                                             or (k, side) not in value_state or side not in lands])
    clash = any(differ(s, t) for i, s in enumerate(sides) for t in sides[i + 1 :])
    if len(sides) > 1 and clash:
        # an agent of a state the side does not mostly name (a stray) is no value of its account
        return Conflict(field=field, values=[v for side, vs in per_side.items() for k, v in enumerate(vs)
                                             if side not in states
                                             or value_state.get((k, side), "") in _main_states(states[side])
                                             or (k, side) not in value_state])
    return None


#: Event types whose place sides may contradict (where a strike hit, where people fled).
PLACE_CONFLICT_TYPES = ("ASSAULT", "COERCE", "SEIZE", "DISPLACE", "DISASTER", "PROTEST", "RETREAT", "MOBILIZE")


def _own_only(side: str, main: set[str]) -> bool:
    """Whether the states a side mostly names as the doer are its own state alone (an army's
    operation told by its own side; ``conflict_agent_own_acts``)."""
    own = side_state(side)
    return own is not None and main == {own}
