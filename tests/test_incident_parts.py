"""Aftermath and response steps join the row of the happening they follow (session 28,
align/_parts.py).

Shapes restated in invented words from real multi-side coverage: rescuers arriving at a struck
site, help given to the wounded, troops pulling out of a compound, supplies delivered, a call to
act or a pledge of support, told in the sentence of the strike or just after it, each formed a
row of their own; across documents, the same reaction words of unrelated speakers ("urged",
"support") merged into rows that told no happening. A step is a part of its happening's
incident: it takes the incident of the happening of its sentence (else of the previous one), and
never merges two happenings. The rule reads the kind of a word, never who speaks."""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import incident_lexicon, is_part
from fullpicture.align._incidents import hosts_of, incident_labels
from fullpicture.align._parts import lone_parts, part_hosts
from tests.helpers import analyze_text


def _cfg(**over: object) -> dict[str, object]:
    # the rule ships off (its cost on pairs, see the settings file); every kind of step of
    # ``[parts]`` (the shipped ``incident_part_types`` names only the movements of people at the
    # scene: test_only_movements_join_by_default)
    return {**load_settings().section("align"), "incident_parts": True, "incident_part_types": [], **over}


def _m(lemma: str, typ: str, span: tuple[int, int], doc: str = "d", **extra: object) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=typ, family=typ, sentence="...", span=span,
                           interval=(738000, 738000), extra=dict(extra))


def test_steps_are_parts_but_consequences_and_acts_of_word_are_not() -> None:
    lex = incident_lexicon()
    assert is_part(_m("arrive", "DISPLACE", (0, 1)), lex)
    assert is_part(_m("help", "AID", (0, 1)), lex)
    assert is_part(_m("withdraw", "RETREAT", (0, 1)), lex)
    assert is_part(_m("urge", "REQUEST", (0, 1)), lex, reactions=True)
    assert not is_part(_m("urge", "REQUEST", (0, 1)), lex)
    assert not is_part(_m("kill", "ASSAULT", (0, 1)), lex)
    assert not is_part(_m("strike", "ASSAULT", (0, 1)), lex)
    assert not is_part(_m("condemn", "ACCUSE", (0, 1)), lex)
    # "evacuate" is a consequence (it joins as one), not a step
    assert not is_part(_m("evacuate", "RETREAT", (0, 1)), lex)


def test_a_step_hangs_on_the_happening_of_its_sentence() -> None:
    strike = _m("strike", "ASSAULT", (0, 80))
    arrive = _m("arrive", "DISPLACE", (0, 80))
    assert part_hosts([strike, arrive], _cfg()) == {1: 0}


def test_a_step_told_next_hangs_on_the_previous_sentence_within_the_window() -> None:
    strike = _m("shelling", "ASSAULT", (0, 60))
    help_ = _m("help", "AID", (61, 120))
    assert part_hosts([strike, help_], _cfg()) == {1: 0}
    assert part_hosts([strike, help_], _cfg(incident_part_window=0)) == {}
    far = _m("help", "AID", (200, 260))
    between = _m("say", "STATEMENT", (121, 199))
    assert part_hosts([strike, between, far], _cfg()) == {}


def test_a_step_after_a_sentence_without_mentions_stays_apart() -> None:
    # "Shells hit the square. The council met. Over the next week residents fled the town.": the
    # flight is told after a sentence of no happening; it does not reach back to the shelling
    strike = _m("shelling", "ASSAULT", (0, 60))
    flee = _m("flee", "DISPLACE", (140, 220))
    assert part_hosts([strike, flee], _cfg()) == {}
    assert part_hosts([strike, flee], _cfg(incident_part_gap=-1)) == {1: 0}
    # told in the very next sentence (one space or a line break between them), it joins
    assert part_hosts([strike, _m("flee", "DISPLACE", (62, 120))], _cfg()) == {1: 0}


def test_a_reaction_joins_only_in_the_happenings_own_sentence() -> None:
    strike = _m("shelling", "ASSAULT", (0, 60))
    urge = _m("urge", "REQUEST", (0, 60))
    assert part_hosts([strike, urge], _cfg()) == {1: 0}
    # told in a sentence of its own, a call keeps its row, as a statement does
    urge = _m("urge", "REQUEST", (61, 120))
    assert part_hosts([strike, urge], _cfg()) == {}


def test_a_step_at_another_place_stays_a_happening_of_its_own() -> None:
    strike = MentionFeatures(doc="d", lemma="hit", type="ASSAULT", family="ASSAULT", sentence="...",
                             span=(0, 60), interval=(738000, 738000), places=frozenset({"eastport"}))
    away = MentionFeatures(doc="d", lemma="withdraw", type="RETREAT", family="RETREAT", sentence="...",
                           span=(61, 120), interval=(738000, 738000), places=frozenset({"westfield"}))
    assert part_hosts([strike, away], _cfg()) == {}
    here = MentionFeatures(doc="d", lemma="withdraw", type="RETREAT", family="RETREAT", sentence="...",
                           span=(61, 120), interval=(738000, 738000), places=frozenset({"eastport"}))
    assert part_hosts([strike, here], _cfg()) == {1: 0}


def test_a_step_after_a_happening_told_apart_or_in_another_document_stays_apart() -> None:
    other = _m("strike", "ASSAULT", (0, 60), distinct=True)
    help_ = _m("help", "AID", (61, 120))
    assert part_hosts([other, help_], _cfg()) == {}
    strike = _m("strike", "ASSAULT", (0, 60), doc="a")
    arrive = _m("arrive", "DISPLACE", (0, 60), doc="b")
    assert part_hosts([strike, arrive], _cfg()) == {}


def test_off_by_setting() -> None:
    strike = _m("strike", "ASSAULT", (0, 80))
    arrive = _m("arrive", "DISPLACE", (0, 80))
    assert part_hosts([strike, arrive], _cfg(incident_parts=False)) == {}


def test_two_sides_aftermath_steps_share_the_strikes_row() -> None:
    one = analyze_text("A second shell hit the Northvale bakery on Monday as medics arrived, "
                       "killing 4 people. Volunteers delivered blankets to the families.",
                       published="2030-03-05")
    two = analyze_text("Un obus a frappé la boulangerie de Northvale lundi, tuant 4 personnes, "
                       "et le maire a appelé les habitants à rester dans les abris.",
                       published="2030-03-05")
    inc, _ = incident_labels([one, two], _cfg(embeddings=False))
    for a in (one, two):
        rows = {e.trigger.text: inc[(a.document.id, e.id)] for e in a.events}
        strike = next(inc[(a.document.id, e.id)] for e in a.events if e.type == "ASSAULT")
        steps = [e for e in a.events if is_part_type(e.type)]
        assert steps, rows
        assert all(inc[(a.document.id, e.id)] == strike for e in steps), rows


def is_part_type(typ: str | None) -> bool:
    """Whether an analysed mention's type is one of the steps or reactions of ``[parts]``."""
    lex = incident_lexicon()
    return (typ or "").upper() in lex.part_types | lex.reaction_types


def test_one_reaction_word_of_two_stories_never_merges_their_happenings() -> None:
    one = analyze_text("Shells hit the Northvale bakery on Monday, and the mayor urged residents "
                       "to stay indoors.", published="2030-03-05")
    two = analyze_text("A flood swept through the Southby mill on Monday, and the governor urged "
                       "residents to leave.", published="2030-03-05")
    inc, _ = incident_labels([one, two], _cfg(embeddings=False))
    rows = [{inc[(a.document.id, e.id)] for e in a.events} for a in (one, two)]
    assert not rows[0] & rows[1]


def test_a_toll_hangs_on_the_happening_not_on_the_war_told_nearer() -> None:
    """"The raid killed eleven, amid the war": the dead are the raid's, though the war (a
    lasting setting) stands nearer to them in the sentence."""
    raid = _m("raid", "ASSAULT", (0, 90))
    dead = _m("kill", "ASSAULT", (0, 90))
    war = _m("war", "ASSAULT", (0, 90))
    assert hosts_of([raid, war, dead], _cfg())[2] == 0
    arrive = _m("arrive", "DISPLACE", (0, 90))
    assert part_hosts([raid, war, arrive], _cfg()) == {2: 0}


def test_only_a_violent_happening_hosts_steps_by_default() -> None:
    arrest = _m("arrest", "COERCE", (0, 80))
    help_ = _m("help", "AID", (0, 80))
    assert part_hosts([arrest, help_], _cfg()) == {}
    assert part_hosts([arrest, help_], _cfg(incident_part_violent_hosts=False)) == {1: 0}


def test_a_step_other_reports_tell_as_a_happening_keeps_its_row() -> None:
    strike = _m("strike", "ASSAULT", (0, 80), doc="a")
    deliver = _m("deliver", "AID", (0, 80), doc="a")
    other = _m("deliver", "AID", (0, 80), doc="b")
    parts = {1: 0}
    assert lone_parts([strike, deliver, other], [0, 1, 2], parts) == {1: 0}
    # the pair model aligned the delivery of report a with that of report b: it keeps its row
    assert lone_parts([strike, deliver, other], [0, 1, 1], parts) == {}


def test_only_movements_join_by_default() -> None:
    # the shipped kinds (the rule itself ships off): people fleeing, arriving or pulling out at
    # the scene are parts of the strike;
    # help sent, forces deployed and words said (a call, a pledge) are other actors' acts that
    # reports tell as news of their own, and keep their rows
    shipped = {**load_settings().section("align"), "incident_parts": True}
    strike = _m("strike", "ASSAULT", (0, 80))
    flee = _m("flee", "DISPLACE", (0, 80))
    pull = _m("withdraw", "RETREAT", (0, 80))
    help_ = _m("help", "AID", (0, 80))
    urge = _m("urge", "REQUEST", (0, 80))
    send = _m("send", "MOBILIZE", (0, 80))
    assert part_hosts([strike, flee, pull, help_, urge, send], shipped) == {1: 0, 2: 0}
    assert part_hosts([strike, flee, pull, help_, urge, send], _cfg()) == {1: 0, 2: 0, 3: 0, 4: 0, 5: 0}
