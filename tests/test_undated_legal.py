"""Issue 9, ECB+ end to end with the shipped detection: two undated reports of one happening that
share its participants meet under the lower story gate; charges laid are no act of word told about
the happening of their sentence; an acronym the tagger takes for a name is a trigger. Shapes
invented for the tests."""

from __future__ import annotations

import numpy as np

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures, PairScorer, Vectors
from fullpicture.align._incidents import word_hosts
from tests.helpers import analyze_text


def _pair(day: tuple[int, int] | None, people_b: frozenset[str], day_b: tuple[int, int] | None = None) -> float:
    cfg = dict(load_settings().section("align"))
    a = MentionFeatures(doc="a", lemma="rehab", type="HEALTH", family="HEALTH", interval=day,
                        participants=frozenset({"singer", "clinic"}), sentence="s1")
    b = MentionFeatures(doc="b", lemma="rehab", type="HEALTH", family="HEALTH", interval=day_b or day,
                        participants=people_b, sentence="s2")
    # two reports of one stay whose words differ (tf-idf cosine 0.08, under the 0.15 gate)
    vec = Vectors(doc_sim=lambda x, y: 0.08)
    return float(PairScorer([a, b], cfg, vec).prob(np.array([[0, 1]]))[0])


def test_undated_reports_sharing_participants_meet_under_the_lower_gate() -> None:
    same = frozenset({"singer", "clinic"})
    assert _pair(None, same) > 0.2
    # other participants: two stays of two people, kept apart by the gate
    assert _pair(None, frozenset({"actor", "hospital"})) == 0.0
    # dated texts keep the dated rule: days a month apart are two stays
    assert _pair((738000, 738000), same, (738030, 738030)) == 0.0


def test_undated_participant_gate_can_be_turned_off() -> None:
    cfg = {**load_settings().section("align"), "story_gate_undated_participants": 0.0}
    a = MentionFeatures(doc="a", lemma="rehab", type="HEALTH", participants=frozenset({"s"}), sentence="x")
    b = MentionFeatures(doc="b", lemma="rehab", type="HEALTH", participants=frozenset({"s"}), sentence="y")
    vec = Vectors(doc_sim=lambda x, y: 0.08)
    assert float(PairScorer([a, b], cfg, vec).prob(np.array([[0, 1]]))[0]) == 0.0


def test_charges_laid_are_no_account_of_the_happening() -> None:
    cfg = dict(load_settings().section("align"))
    span = (0, 80)
    crash = MentionFeatures(doc="d", lemma="crash", type="DISASTER", span=span)
    charged = MentionFeatures(doc="d", lemma="charge", type="ACCUSE", span=span)
    accused = MentionFeatures(doc="d", lemma="accuse", type="ACCUSE", span=span, extra={"speaker": True})
    hosts = word_hosts([crash, charged, accused], cfg)
    assert 1 not in hosts  # "the driver was charged with manslaughter in the crash"
    assert hosts.get(2) == 0  # "the minister accused the company of causing the crash"


def test_an_acronym_read_as_a_name_is_a_trigger() -> None:
    a = analyze_text("The linebacker was arrested on suspicion of DUI early on Sunday in Westport.",
                     published="2024-03-05")
    assert {e.trigger.text: e.type for e in a.events}.get("DUI") == "CRIME"
