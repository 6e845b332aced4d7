"""A war named in passing hosts only what its own sentence tells (session 32,
align/_incident_lex.in_rubric, align/_incidents.hosts_of and word_hosts).

Shapes restated in invented words from real multi-side coverage:

* a headline opens with a rubric that names the war of the story before a colon ("War in
  Northland: at least 15 dead", "Guerre en Westland : six morts"); the toll of the line took the
  rubric's war as its happening, so the strike's dead sat in the row of the war (a mixed row);
* a denial or an accusation whose sentence names only the war ("Southland denied any role,
  saying the claim could be used to escalate the war") took the war as what it denies, so one
  side's denial of the story's happening left the story's row for the war's;
* a toll whose sentence names no happening reached back to the war told in the sentence before
  ("The war has gone on for a year. Seven people were killed."), not to the strike the report is
  about.

A lasting setting ([distinct] settings) is the story's background: named in a rubric it hosts
nothing; elsewhere it hosts the consequences of its own sentence only. Words of kinds of
happening and a colon, never whose words."""

from __future__ import annotations

import pytest

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import can_host, in_rubric, incident_lexicon
from fullpicture.align._incidents import hosts_of, word_hosts


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _m(lemma: str, typ: str, span: tuple[int, int], doc: str = "d", **extra: object) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=typ, family=typ, sentence="...", span=span,
                           interval=(740000, 740000), extra={"speaker": True, **extra})


@pytest.mark.parametrize(("sentence", "trigger", "lemma"), [
    ("War in Northland: at least 15 dead in Eastvale", "War", "war"),
    ("- Guerre en Westland : au moins six morts", "Guerre", "guerre"),
    ("Evening news - Guerre Northland-Southland : un journaliste tué", "Guerre", "guerre"),
    ("Война в Крайске: погибли семь человек", "Война", "война"),
])
def test_a_war_heading_its_line_is_a_rubric(sentence: str, trigger: str, lemma: str) -> None:
    assert in_rubric(sentence, trigger, lemma, 60)


@pytest.mark.parametrize(("sentence", "trigger", "lemma"), [
    ("The minister said: the war will go on", "war", "war"),  # after the colon: said, not a rubric
    ("Strike on Eastvale: at least 15 dead", "Strike", "strike"),  # a happening of its own
    ("The long and bitter war between the two neighbouring countries of the plain: a chronicle",
     "war", "war"),  # the colon too far into the line
    ("War in Northland", "War", "war"),  # no colon
])
def test_no_rubric(sentence: str, trigger: str, lemma: str) -> None:
    assert not in_rubric(sentence, trigger, lemma, 60)
    assert not in_rubric("War in Northland: at least 15 dead", "War", "war", 0)  # off


def test_a_rubric_hosts_no_toll_of_its_line() -> None:
    lex = incident_lexicon()
    war = _m("war", "ASSAULT", (0, 40), rubric=True)
    dead = _m("dead", "ASSAULT", (0, 40))
    strike = _m("strike", "ASSAULT", (41, 120))
    assert not can_host(war, lex) and can_host(strike, lex)
    # the line's toll is the story's strike, told in the next sentence
    assert hosts_of([war, dead, strike], _cfg()) == {1: 2}


def test_a_denial_beside_only_the_war_is_about_none_of_it() -> None:
    denied = _m("deny", "REJECT", (0, 80))
    war = _m("war", "ASSAULT", (0, 80))
    assert word_hosts([denied, war], _cfg(incident_setting_hosts_near=True)) == {}
    assert word_hosts([denied, war], _cfg(incident_setting_hosts_near=False)) == {0: 1}
    # with the story's strike in the sentence, the denial is about the strike, even where the
    # war is told nearer
    strike = _m("strike", "ASSAULT", (0, 80))
    assert word_hosts([strike, denied, war], _cfg(incident_setting_hosts_near=True)) == {1: 0}


def test_a_toll_does_not_reach_back_to_the_war() -> None:
    strike = _m("strike", "ASSAULT", (0, 50))
    war = _m("war", "ASSAULT", (51, 100))
    killed = _m("kill", "ASSAULT", (101, 150))
    # the sentence before names only the war: the toll takes the last plain happening, the strike
    assert hosts_of([strike, war, killed], _cfg(incident_setting_hosts_near=True)) == {2: 0}
    assert hosts_of([strike, war, killed], _cfg(incident_setting_hosts_near=False)) == {2: 1}
    # in its own sentence the war still hosts its toll ("the war has killed thousands")
    own = _m("kill", "ASSAULT", (51, 100))
    assert hosts_of([strike, war, own], _cfg(incident_setting_hosts_near=True)) == {2: 1}
