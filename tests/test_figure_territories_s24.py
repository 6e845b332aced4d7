"""Whose land a count is counted in, and a war's place (session 24): invented texts.

A sentence that gives the toll of one territory beside the toll of another ("16 in Freedonia,
while 23 died in rebel-held areas") tells two parts of the toll, not two rival tolls; the same
territory named for both counts ("Freedonia says 16 died in Tarnow, Ruritania says 23 died in
Tarnow") is two accounts of one count and stays comparable. Towns, states and numbers are made
up; both sides' wordings are read alike.
"""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._conflicts import (
    Member,
    _entity_conflict,
    _figure_conflicts,
    incident_figures,
)
from fullpicture.align._figurevalues import population
from fullpicture.align._util import EntityIndex
from tests.helpers import analyze_text


def _populations(text: str) -> list[tuple[float | None, str]]:
    a = analyze(text)
    return [(f.value, population(a, f)) for f in a.figures if f.counts == "killed"]


def test_two_territories_tolls_in_one_sentence_are_parts():
    assert _populations("The toll from the flood has grown to 16 in Freedonia, according to officials in the "
                        "capital, while 23 people have died in rebel-held territory.") == [(16.0, "part"), (23.0, "part")]
    assert _populations("The strike killed 16 people in Tarnow and 23 people in Valdor, the governor said.") == [
        (16.0, "part"), (23.0, "part")]
    # the other way round: the rebels' land first, the state's second
    assert _populations("The toll has grown to 23 in government-held areas, while 16 people have died in "
                        "Ruritania.") == [(23.0, "part"), (16.0, "part")]


def test_one_territorys_toll_told_twice_is_two_accounts():
    assert _populations("Freedonia says 16 people died in Tarnow, while Ruritania says 23 people died in Tarnow.") == [
        (16.0, "people"), (23.0, "people")]
    assert _populations("Freedonia says 16 people died in the strike, while Ruritania says 23 people died in the "
                        "attack.") == [(16.0, "people"), (23.0, "people")]
    # a count alone in its sentence keeps its place without becoming a part
    assert _populations("The strike killed 16 people in Tarnow.") == [(16.0, "people")]


def _members(text: str, side: str) -> list[Member]:
    a = analyze_text(text, published="2024-06-05")
    return [Member(side=side, analysis=a, event=e) for e in a.events]


def test_territories_parts_make_no_conflict_but_rival_tolls_do():
    parts = _members("The flood in Tarnow killed 16 people in Freedonia on Tuesday, while 23 people died in "
                     "rebel-held territory.\n", "wire")
    own = _members("The flood in Tarnow on Tuesday killed 39 people, the Freedonian ministry said.\n", "freedonian")
    cfg: dict = {}
    figs = incident_figures(own + parts, accounts=False)
    assert not [c for c in _figure_conflicts(figs, cfg) if c.field == "figure:killed"]
    rival = _members("The flood in Tarnow on Tuesday killed 23 people, the wire reported.\n", "wire")
    # (39 is the sum of the parts; a single rival toll of 23 against it is a conflict)
    figs = incident_figures(own + rival, accounts=False)
    assert [c.field for c in _figure_conflicts(figs, cfg)] == ["figure:killed"]


def test_a_war_tells_no_place_to_contest_but_a_setting_off_does():
    a = analyze("The war spread to Zorvik in Moldova on Monday, the ministry said.")
    b = analyze("The war reached Tirana in Albania on Monday, the ministry said.")
    members = [Member(side=s, analysis=x, event=e) for s, x in (("north", a), ("south", b))
               for e in x.events if (e.trigger.lemma or "").lower() == "war"]
    assert len(members) == 2
    idx = EntityIndex([a, b])
    cfg = {"conflict_place_types": [m.event.type for m in members]}
    assert _entity_conflict(members, idx, "place", {**cfg, "place_conflict_skip_settings": True}) is None
    # the same two mentions with the setting off: two places, a conflict (the rule is what removes it)
    off = _entity_conflict(members, idx, "place", {**cfg, "place_conflict_skip_settings": False})
    assert off is not None and len({v.side for v in off.values}) == 2
