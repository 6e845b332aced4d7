"""Counter-acts in an incident's row: a mention whose act hit the state that another side names
as the doer of the row's act tells that state's opponent acting against it (the fire that drew
the strike, the killing the strike answered, the campaign it was meant to stop), not a rival
account of who did the row's act.

"Gunmen fired on Eastland's troops" beside another side's "Eastland struck the clinic": the
gunmen are the doers of the fire the strike answered, no rival doer of the strike. Where the side
that names the state as doer also tells that state as hit (a staged act: "Westland staged the
attack on its own palace"), the sides dispute who hit it and the mention stays.

A mention told as an answer ("Westland carried out retaliatory strikes", "в ответ армия
Westland нанесла удары"; ``[answers]`` of data/align/cause.toml) whose doers are of no state
another side mostly names as the doer tells the answer, not the act: with ``[align]
conflict_agent_answers`` it is dropped too (:func:`answers`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._agents import doers, mention_state, name_state
from fullpicture.align._persontitle import person_state
from fullpicture.align._util import EntityIndex, country_code
from fullpicture.models import Analysis, Entity, Event, Mention

#: entity types of places: what lies in a state is not that state's party
_PLACES = frozenset({"LOC", "FAC"})


def _state(a: Analysis, ev: Event, eid: str, index: EntityIndex, titles: int) -> str | None:
    """The state of the actor ``eid`` as its mention in ``ev``'s sentence tells it (its own, the
    words just before it, a person's title)."""
    ent = index.entity(a.document.id, eid)
    if ent is None:
        return None
    mention = _in_evidence(ent, ev)
    return (mention_state(a.text, ent, mention.start if mention else None) or person_state(a, ent, titles)
            or name_state(ent.name))


def _hit_state(a: Analysis, ev: Event, eid: str, index: EntityIndex, titles: int) -> str | None:
    """The state of a party the act hit: a person's, a body's or forces', a country's; a place
    inside a country (a base, a town) is where the act fell, no party."""
    ent = index.entity(a.document.id, eid)
    if ent is None or ent.type in _PLACES or (ent.type == "GPE" and not country_code(ent.name)):
        return None
    return _state(a, ev, eid, index, titles)


def _in_evidence(ent: Entity, ev: Event) -> Mention | None:
    return next((x for x in ent.mentions if ev.evidence.start <= x.start < ev.evidence.end), None)


_ANSWER_AFTER = 40  # characters after the trigger read for an answer's words ("des frappes de représailles")


@lru_cache(maxsize=8)
def _answer_words(language: str) -> re.Pattern[str] | None:
    pat = data_toml("align", "cause.toml").get("answers", {}).get(language)
    return re.compile(pat, re.IGNORECASE) if pat else None


def answers(a: Analysis, ev: Event) -> bool:
    """Whether the mention's sentence, up to a few words after its trigger, tells it as an answer
    (``[answers]`` of data/align/cause.toml: "retaliatory strikes", "in response", "в ответ")."""
    pat = _answer_words(a.document.language or "en")
    end = min(ev.evidence.end, ev.trigger.end + _ANSWER_AFTER)
    return pat is not None and pat.search(a.text, ev.evidence.start, end) is not None


def without_counter_acts(members: Sequence[Any], index: EntityIndex, cfg: dict[str, Any]) -> list[Any]:
    """``members`` less those whose act hit (a patient of) a state that another side mostly names
    as the doer and that no doer of the mention's own is of, where that other side tells no act of
    that state hitting itself (a staged act: then the sides dispute who hit it). A mention whose
    doer is of the state its own side mostly names tells that side's account and stays."""
    titles = int(cfg.get("conflict_person_title_chars", 0))
    agent_states: list[set[str]] = []
    hit_states: list[set[str]] = []
    named: dict[str, Counter[str]] = {}
    self_hit: dict[str, set[str]] = {}  # states a side tells as hit by their own act (staged)
    for m in members:
        a, ev = m.analysis, m.event
        mine = {s for x in doers(ev, cfg, a) if (s := _state(a, ev, x, index, titles))}
        hit = {s for x in ev.patients if x not in ev.agents and (s := _hit_state(a, ev, x, index, titles))}
        agent_states.append(mine)
        hit_states.append(hit)
        named.setdefault(m.side, Counter()).update(mine)
        self_hit.setdefault(m.side, set()).update(hit & mine)
    main = {side: {k for k, v in c.items() if v == max(c.values())} for side, c in named.items() if c}
    answered = bool(cfg.get("conflict_agent_answers", False))
    others: dict[str, set[str]] = {}  # side -> the states the other sides mostly name as doers
    out = []
    for m, mine, hit in zip(members, agent_states, hit_states, strict=True):
        if answered and mine:
            if m.side not in others:
                others[m.side] = {s for side, states in main.items() if side != m.side for s in states}
            theirs = others[m.side]
            if theirs and not mine & theirs and answers(m.analysis, m.event):
                continue  # "Westland carried out retaliatory strikes": the answer's doer, not the act's
        if not mine & main.get(m.side, set()) and any(state not in mine and state in states and state not in self_hit.get(side, set())
               for state in hit for side, states in main.items() if side != m.side):
            continue
        out.append(m)
    return out
