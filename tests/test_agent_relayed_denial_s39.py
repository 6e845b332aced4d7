"""A denial a third side relays is the denying state's account (session 39).

Invented texts restating a shape of real coverage: one side's outlet blames the strike on a
state; only a wire tells that state's denial, beside the accusation it also relays, and none
of that state's own outlets tells this strike (they tell others of the comparison). The denial
is still that state's side's account, against the sides that blame it; read as the wire's own,
it would stand against the wire's relay of the accusation and be dropped.
"""

from __future__ import annotations

from fullpicture.align._entityconflicts import _agent_denial
from fullpicture.align._rowmembers import Member
from fullpicture.align._util import EntityIndex
from fullpicture.settings import load_settings
from tests.helpers import analyze_text

_TEXTS = [("chilean", "Peruvian troops shelled the village of Varn on Monday, killing four people."),
          ("wire", "Chile said Peruvian troops shelled the village of Varn on Monday. "
                   "Peru denied any involvement in the shelling.")]
_SIDES = ["chilean", "peruvian", "wire"]


def _row(all_sides: bool, relayed: bool = False):
    analyses = [analyze_text(t, published="2031-05-02") for _, t in _TEXTS]
    members = [Member(side=s, analysis=a, event=e) for (s, _), a in zip(_TEXTS, analyses, strict=True)
               for e in a.events]
    cfg = {**load_settings().section("align"), "conflict_agent_all_sides": all_sides,
           "conflict_agent_relayed_claims": relayed}
    return _agent_denial(members, EntityIndex(analyses), cfg, _SIDES)


def test_a_relayed_denial_is_the_denying_sides_account():
    c = _row(all_sides=True)
    assert c is not None and c.field == "agent"
    denial = [v for v in c.values if v.side == "peruvian"]
    assert denial and all(v.reported_by == "wire" and "denied" in v.value for v in denial)
    assert any(v.side == "chilean" and v.value == "Peru" for v in c.values)


def test_only_the_rows_sides_lose_the_relayed_denial():
    assert _row(all_sides=False) is None


def test_a_relayed_denial_against_a_relayed_accusation():
    # the wire's relay of the accusation is the accuser's account: the denial stands against it
    c = _row(all_sides=True, relayed=True)
    assert c is not None and {v.side for v in c.values} == {"chilean", "peruvian"}
    assert any(v.side == "chilean" and v.reported_by == "wire" for v in c.values)


def _relayed_row(relayed: bool):
    from fullpicture.align._entityconflicts import _entity_conflict

    texts = [("peruvian", "Chilean troops shelled the village of Varn on Monday."),
             ("wire", "Chile said Peruvian troops shelled the village of Varn on Monday.")]
    analyses = [analyze_text(t, published="2031-05-02") for _, t in texts]
    members = [Member(side=s, analysis=a, event=e) for (s, _), a in zip(texts, analyses, strict=True)
               for e in a.events]
    cfg = {**load_settings().section("align"), "conflict_agent_relayed_claims": relayed}
    return _entity_conflict(members, EntityIndex(analyses), "agent", cfg, ["chilean", "peruvian", "wire"])


def test_an_agent_a_wire_relays_from_a_state_is_that_states_account():
    c = _relayed_row(relayed=True)
    assert c is not None
    relayed = [v for v in c.values if v.side != "peruvian"]
    assert relayed and all(v.side == "chilean" and v.reported_by == "wire" and v.value == "Peru" for v in relayed)
    off = _relayed_row(relayed=False)
    assert off is not None and {v.side for v in off.values} == {"peruvian", "wire"}
