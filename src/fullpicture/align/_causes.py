"""Rival causes of one happening: an attacker against a cause that leaves none.

One side says missiles struck the ship; the other tells only of a fire on board and its own
ammunition detonating. One side says an air strike hit the hospital; the other that the scene was
staged. The second account names no actor, so the agent conflict of actors
(:mod:`._entityconflicts`) has no value for it; yet the two cannot both be true. Here an account's
cause is a value of the agent field:

* **attacker**: an actor its own account names as the doer (the agents of
  :func:`._agents.own_account`), or an act told with a weapon beside its trigger ("struck by two
  missiles": ``[weapons]`` of ``data/align/causes.toml``), not put in doubt (``[hedges]``);
* **rival cause**: a cause told in a causal phrase that leaves no attacker (``[internal]``: a fire, a
  detonation of ammunition, a technical failure) or a staging (``[staged]``).

A staging word that an accusation charges someone with ("accused Eastland of a provocation",
``conflict_cause_charge_chars``) names a doer, the accused, and is no rival cause; an entity whose
mention holds an act's trigger (a headline the parse took for a name) is no attacker
(``conflict_agent_clause_names``).

A side's fire or detonation counts only where that side names no attacker and tells no attack
(``[attacks]``, read on the trigger) of its own (a fire that followed a strike, both told by one
side, is no rival cause) and, for a staging, where the side
does not blame the same state the other side blames. Each value sits under the side whose account
it is (a source of another compared side's state quoted by a third side is that side's account:
:func:`._agents.account_side`), with its document, claim and offsets. Only a side's own account
counts (:func:`._agents.own_account`: not a claim of another state's source, not the background
war). ``[align] conflict_cause``; ``conflict_cause_types``: event types whose mentions may tell a
cause (an attacker's act: those of them that are agent types); ``conflict_cause_weapon_chars``: how near a weapon word lies to the
act's trigger.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture.align._agents import (
    account_side,
    accuser_agents,
    agent_account,
    agent_state,
    agent_types,
    claim_state,
    doers,
    own_account,
)
from fullpicture.align._entityconflicts import actor_kind
from fullpicture.align._notdoers import clause_name
from fullpicture.align._rowmembers import _UNREAL, Member, side_of_state
from fullpicture.align._util import EntityIndex
from fullpicture.models import Analysis
from fullpicture.models.comparison import Conflict, ConflictValue


@lru_cache(maxsize=1)
def _patterns() -> dict[tuple[str, str], tuple[re.Pattern[str], ...]]:
    from fullpicture._data import data_toml

    data = data_toml("align", "causes.toml")
    return {(table, lang): tuple(re.compile(p, re.I) for p in ([ps] if isinstance(ps, str) else ps))
            for table in ("internal", "staged", "weapons", "hedges", "attacks") for lang, ps in data.get(table, {}).items()}


def _find(table: str, lang: str | None, text: str, start: int, end: int) -> re.Match[str] | None:
    """The first match of ``table``'s patterns for ``lang`` in ``text[start:end]``."""
    for pat in _patterns().get((table, lang or "en"), ()):
        found = pat.search(text, start, end)
        if found is not None:
            return found
    return None


def _weapon_near(m: Member, reach: int) -> re.Match[str] | None:
    """A weapon word of the mention's sentence at most ``reach`` characters from its trigger (the
    whole sentence is searched, so that a word is never cut at the window's edge)."""
    ev, text = m.event, m.analysis.text
    for pat in _patterns().get(("weapons", m.analysis.document.language or "en"), ()):
        for found in pat.finditer(text, ev.evidence.start, ev.evidence.end):
            if found.start() <= ev.trigger.end + reach and found.end() >= ev.trigger.start - reach:
                return found
    return None


def cause_conflict(members: Sequence[Member], index: EntityIndex, cfg: dict[str, Any]) -> Conflict | None:
    """An agent conflict of rival causes (module docstring); None when no side tells a rival cause
    against another side's attacker."""
    if not cfg.get("conflict_cause", False):
        return None
    reach = int(cfg.get("conflict_cause_weapon_chars", 40))
    accuse_chars = int(cfg.get("conflict_accuser_reach_chars", 0))
    types = set(cfg.get("conflict_cause_types", ["ASSAULT", "DISASTER"]))
    acts = agent_types(cfg) & types  # the kinds of act an attacker does
    wider = {**cfg, "conflict_agent_types": sorted(types)}
    clauses = bool(cfg.get("conflict_agent_clause_names", False))
    charge_chars = int(cfg.get("conflict_cause_charge_chars", 0))
    by_state = side_of_state(members)
    attackers: dict[str, list[ConflictValue]] = {}
    blamed: dict[str, set[str]] = {}
    rivals: dict[str, list[tuple[str, ConflictValue]]] = {}
    seen: set[tuple[str, int]] = set()
    struck: set[str] = set()  # the sides whose own account tells an attack, whoever did it
    for m in own_account(members, index, wider, accused=True):
        a, ev = m.analysis, m.event
        doc, lang, text = a.document.id, a.document.language, a.text
        s0, s1 = ev.evidence.start, ev.evidence.end
        teller = account_side(m.side, claim_state(a, ev.source, index), by_state)
        if teller is None:
            continue
        doubt = _find("hedges", lang, text, s0, s1) is not None
        told = [(kind, hit) for kind in ("internal", "staged") if (hit := _find(kind, lang, text, s0, s1))]
        # "accused Eastland of a provocation": the staging word charges a doer, it tells no staging
        told = [(k, h) for k, h in told if not (k == "staged" and _charged(a, h.start(), charge_chars))]
        # a staged or doubted strike names no attacker; a fire told beside a strike leaves it one
        if not doubt and not any(kind == "staged" for kind, _ in told) and ev.type in acts:
            skip = accuser_agents(a, ev, accuse_chars)
            for eid in (x for x in doers(ev, cfg, a) if x not in skip):
                ent = index.entity(doc, eid)
                if ent is None or actor_kind(ent, cfg, index.actor(doc, eid) is not None) is None:
                    continue
                first = next((x for x in ent.mentions if s0 <= x.start < s1), None)
                if clauses and clause_name(a, first, acts):
                    continue  # a headline the parse took for a name ("Eastlanders Bomb Village School")
                side = agent_account(a, ev, eid, m.side, index, by_state)
                if side is None:
                    continue
                state = agent_state(index, a, eid, first.start if first else None)
                if state:
                    blamed.setdefault(side, set()).add(state)
                _add(attackers.setdefault(side, []), ConflictValue(
                    side=side, reported_by=m.side if side != m.side else None,
                    value=index.display(doc, eid, resolve=True) or ent.name, document=doc, claim=ev.source,
                    start=first.start if first else None, end=first.end if first else None))
            if ev.modality not in _UNREAL and any(  # a warned or planned attack tells none
                    p.match(ev.trigger.text.strip()) for p in _patterns().get(("attacks", lang or "en"), ())):
                struck.add(teller)
            weapon = _weapon_near(m, reach)
            if weapon is not None and not any(h.start() <= weapon.start() < h.end() for _, h in told):
                # a weapon inside the rival cause ("aviation bombs had exploded") is no attacker's
                lo, hi = min(weapon.start(), ev.trigger.start), max(weapon.end(), ev.trigger.end)
                _add(attackers.setdefault(teller, []), ConflictValue(
                    side=teller, reported_by=m.side if teller != m.side else None, value=text[lo:hi],
                    document=doc, claim=ev.source, start=lo, end=hi))
        for kind, hit in told:
            if (doc, hit.start()) in seen:
                continue
            seen.add((doc, hit.start()))
            rivals.setdefault(teller, []).append((kind, ConflictValue(
                side=teller, reported_by=m.side if teller != m.side else None, value=hit.group(0),
                document=doc, claim=ev.source, start=hit.start(), end=hit.end())))
    values: list[ConflictValue] = []
    for side, told_values in rivals.items():
        others = [s for s in attackers if s != side]
        if not others:
            continue
        own = [v for kind, v in told_values
               if (kind == "internal" and side not in attackers and side not in struck)
               or (kind == "staged" and not any(blamed.get(side, set()) & blamed.get(s, set()) for s in others))]
        if own:
            values += own
            values += [v for s in others for v in attackers[s] if v not in values]
    return Conflict(field="agent", values=values) if len({v.side for v in values}) > 1 else None


def _charged(a: Analysis, start: int, reach: int) -> bool:
    """Whether the staging word at ``start`` is what an accusation charges someone with: it lies at
    most ``reach`` characters after the trigger of an accusation that names its accused
    (patients), in the accusation's sentence, with no comma or semicolon between ("accused Eastland
    of a provocation", "обвинил Eastland в провокации"). Such a word names a doer (the accused), no
    cause that leaves none. 0: never."""
    if reach <= 0:
        return False
    for acc in a.events:
        if acc.type == "ACCUSE" and acc.patients and acc.evidence.start <= start < acc.evidence.end \
                and 0 <= start - acc.trigger.end <= reach:
            between = a.text[acc.trigger.end : start]
            if "," not in between and ";" not in between:
                return True
    return False


def _add(values: list[ConflictValue], value: ConflictValue) -> None:
    """Append ``value`` unless one of the same document and offsets is there."""
    if not any(v.document == value.document and v.start == value.start and v.end == value.end for v in values):
        values.append(value)

