"""Whose account an agent belongs to: the inputs of agent conflicts.

An agent conflict says that the sides name different perpetrators of one happening. Only a
side's own account counts: not a speech act's speaker (who denied, who announced), not the
subject of a verb whose subject suffers ("X died"), not an agent the side reports as denied,
and not an agent inside a claim the side attributes to the other side ("Kyiv's claims that a
Russian missile hit the station"). Actors of one state (its ministry, its army, its capital)
are one actor: "the Armenian Defence Ministry" and "Armenia" do not conflict.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fullpicture.align._util import EntityIndex, country_code
from fullpicture.models import Analysis, Entity, Event
from fullpicture.nlp.places._translit import fold
from fullpicture.nlp.places._wordlists import get_lexicon

_DEFAULT_TYPES = ("ASSAULT", "COERCE", "SEIZE", "DISPLACE")
_DEFAULT_SUFFERERS = ("die", "perish", "drown", "suffer", "starve", "disappear", "go missing")


def state_of(ent: Entity | None) -> str | None:
    """The ISO code of the state an actor belongs to: a country, a place in it (a capital
    speaking for its government), or an organisation named by a demonym or a country
    ("Russian Defence Ministry", "Ministry of Defence of Armenia"); None when unknown."""
    if ent is None:
        return None
    if ent.type in ("GPE", "LOC"):
        cc = country_code(ent.name)
        if cc:
            return cc
        if ent.geo is None or not ent.geo.country:
            return None
        return ent.geo.country.upper()
    if ent.type not in ("ORG", "GROUP", "NORP"):
        return None
    lex = get_lexicon()
    words = ent.name.replace("’", "'").split()
    for w in words:
        base = fold(w.removesuffix("'s"))
        if base in lex.demonyms:
            return lex.demonyms[base].upper()
    for i in range(len(words)):
        if not words[i][:1].isupper():
            continue
        for j in (i + 2, i + 1):
            if j <= len(words):
                cc = country_code(" ".join(words[i:j]).removesuffix("'s"))
                if cc:
                    return cc
    return None


def side_state(side: str) -> str | None:
    """The state a side label names ("armenian", "Russia"), None for other labels."""
    lex = get_lexicon()
    return (lex.demonyms.get(fold(side)) or country_code(side) or "").upper() or None


def own_account(members: Sequence[Any], index: EntityIndex, cfg: dict[str, Any]) -> list[Any]:
    """The members whose agents state their side's own account (see the module docstring)."""
    types = set(cfg.get("conflict_agent_types", _DEFAULT_TYPES))
    sufferers = set(cfg.get("conflict_agent_sufferers", _DEFAULT_SUFFERERS))
    out = []
    for m in members:
        ev: Event = m.event
        if ev.type not in types or ev.modality == "negated" or ev.trigger.lemma in sufferers:
            continue
        if _other_sides_claim(m.analysis, ev, m.side, index):
            continue
        out.append(m)
    return out


def _other_sides_claim(a: Analysis, ev: Event, side: str, index: EntityIndex) -> bool:
    """The mention sits in a claim whose source is an actor of another state than the side's."""
    mine = side_state(side)
    if mine is None or ev.source is None:
        return False
    claim = next((c for c in a.claims if c.id == ev.source), None)
    if claim is None or claim.source is None or claim.source.entity is None:
        return False
    theirs = state_of(index.entity(a.document.id, claim.source.entity))
    return theirs is not None and theirs != mine
