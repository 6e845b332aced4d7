"""Mentions whose doer did another happening than the row's (session 37).

Invented texts restating shapes seen on real coverage of reprisals: a missile strike told "in
retaliation for" the other side's earlier killing, the earlier killing then dated days before the
strike in its own sentence; the doer of the cause or of the earlier act became a rival author of
the strike. Also the rival-cause guards: stored bombs that exploded, an attack only warned of.
"""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._causedoers import recalled, row_day, told_as_cause
from fullpicture.align._entityconflicts import _entity_conflict
from fullpicture.align._rowmembers import Member
from fullpicture.align._util import EntityIndex
from fullpicture.settings import load_settings
from tests.helpers import analyze_text

_TYPES = {"ASSAULT", "COERCE", "SEIZE", "DISPLACE"}


def _event(a, word: str):
    return next(e for e in a.events if e.trigger.text.startswith(word))


def test_the_killing_a_strike_answers_is_told_as_its_cause():
    a = analyze("Moldova fired missiles at the Varn base in retaliation for the Romanian killing of its general.")
    assert told_as_cause(a, _event(a, "killing"), _TYPES, set(), "opens")
    assert not told_as_cause(a, _event(a, "fired"), _TYPES, set(), "opens")
    b = analyze("La Moldavie a frappé la base de Varn en représailles à l'assassinat de son général par la Roumanie.")
    assert told_as_cause(b, _event(b, "assassinat"), _TYPES, set(), "opens")


def test_a_bare_after_keeps_the_doer_of_a_strike_whose_dead_follow():
    a = analyze("Two villagers died after a Moldovan drone strike on Varn.")
    strike = _event(a, "strike")
    assert not told_as_cause(a, strike, _TYPES, {"die"}, "opens")


def test_an_act_dated_days_before_the_row_day_is_recalled():
    a = analyze_text("Moldova struck the Varn base on 8 May 2031. Its general had been killed in a Romanian "
                     "drone strike on 3 May 2031.", published="2031-05-09")
    members = [Member(side="s", analysis=a, event=e) for e in a.events]
    day = row_day(members + members[:1])
    dated = [e for e in a.events if e.date_source == "sentence"]
    assert any(recalled(e, day, 3) for e in dated) and not all(recalled(e, day, 3) for e in dated)
    assert not any(recalled(e, day, 0) for e in dated)


def _reprisal_row(on: bool):
    texts = [("moldovan", "Moldovan forces fired missiles at the Varn base on 8 May 2031 in retaliation for the "
                          "assassination of a Moldovan general by Romania."),
             ("moldovan", "The missiles hit the Varn base on 8 May 2031. The general had been killed in an attack by "
                          "Romania on 3 May 2031."),
             ("romanian", "Moldova fired missiles at the Varn base on 8 May 2031, the Romanian army said."),
             ("wire", "Moldova fired a dozen missiles at the Varn base on 8 May 2031.")]
    analyses = [analyze_text(t, published="2031-05-09") for _, t in texts]
    members = [Member(side=s, analysis=a, event=e) for (s, _), a in zip(texts, analyses, strict=True) for e in a.events]
    cfg = {**load_settings().section("align"), "conflict_agent_cause_table": "opens" if on else "",
           "conflict_agent_recalled_days": 3 if on else 0,
           "conflict_agent_core_days": 3 if on else 0}  # session 40's act-of-another-day rule drops it too
    return _entity_conflict(members, EntityIndex(analyses), "agent", cfg)


def test_the_doer_of_the_cause_is_no_rival_author_of_the_reprisal():
    assert _reprisal_row(on=True) is None
    off = _reprisal_row(on=False)
    assert off is not None and "Romania" in {v.value for v in off.values}


def _cause_conflict(texts: list[tuple[str, str]]):
    from fullpicture.align._causes import cause_conflict

    analyses = [analyze_text(t, published="2031-05-09") for _, t in texts]
    members = [Member(side=s, analysis=a, event=e) for (s, _), a in zip(texts, analyses, strict=True) for e in a.events]
    return cause_conflict(members, EntityIndex(analyses), load_settings().section("align"))


_BLAST = ("western", "A stock of aviation bombs exploded at the Varn airfield on Tuesday, according to the "
                     "Moldovan defence ministry.")
_RAID = ("eastern", "Romanian missiles struck the Varn airfield on Tuesday, destroying nine jets.")


def test_stored_bombs_that_exploded_are_a_rival_cause_not_a_weapon():
    conflict = _cause_conflict([_RAID, _BLAST])
    assert conflict is not None and {v.side for v in conflict.values} == {"eastern", "western"}


def test_a_warned_attack_tells_no_attack_of_the_side():
    warned = ("western", "Moldovan officials have long warned that any attack on the airfield would bring "
                         "massive retaliation.")
    conflict = _cause_conflict([_RAID, _BLAST, warned])
    assert conflict is not None and {v.side for v in conflict.values} == {"eastern", "western"}
