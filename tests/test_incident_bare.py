"""A happening told bare inside a report is the report's main happening of its family (issue 9,
rows pass). Shapes restated in invented words from real coverage of a barracks strike: a report
tells "rebels struck the barracks in Tarnow, killing 40" and later, with no place and no day of
its own, "air defences shot down two of the rockets"; the second sentence's happening fell in a
row of its own (with another outlet's report), so the report told two rows and the two rows,
each holding it, could never join.

Shipped off (``[align] incident_bare_joins``: it costs ECB+ figure-conflict precision); the
rule itself is tested here. Guards: a happening told at a place of its own, a happening told apart ("in a separate attack")
and one whose own incident holds as many of the report's mentions stay where they are; two events
that already hold days farther apart are not united.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._samehappening import _join_bare, bare_moves
from fullpicture.align._util import UnionFind

DAY = 738000


def _m(lemma: str, doc: str = "d", place: str | None = None, day: int | None = None,
       **extra: object) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type="ASSAULT", family="material_conflict",
                           interval=(day, day) if day is not None else (DAY, DAY), date_firm=day is not None,
                           places=frozenset({place}) if place else frozenset(), extra=dict(extra))


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _report() -> list[MentionFeatures]:
    return [_m("strike", place="tarnow"), _m("kill", place="tarnow"), _m("strike", place="tarnow"),
            _m("shoot down")]


def test_a_bare_happening_is_the_reports_main_happening():
    feats = _report()
    # the strike, its dead and the second "strike" in incident 0; "shot down" in incident 1
    assert bare_moves(feats, _cfg(), [0, 0, 0, 1]) == {3: 0}


def test_placed_distinct_or_not_outnumbered_happenings_stay():
    feats = _report()
    feats[3].places = frozenset({"varna"})
    assert bare_moves(feats, _cfg(), [0, 0, 0, 1]) == {}
    feats = _report()
    feats[3].extra["distinct"] = True  # "in a separate attack, two rockets were shot down"
    assert bare_moves(feats, _cfg(), [0, 0, 0, 1]) == {}
    feats = _report()
    assert bare_moves(feats, _cfg(), [0, 1, 2, 1]) == {}  # incident 1 holds as many as any


def test_join_bare_unites_the_events_unless_their_days_are_apart():
    feats = [*_report(), _m("shoot down", doc="e"), _m("strike", doc="e", day=DAY)]
    events = [0, 1, 0, 2, 2, 2]   # the other report's mentions share the bare one's event
    host = {1: 0}                 # "killing 40" hangs on the strike
    uf = UnionFind()
    _join_bare(feats, _cfg(), events, uf, host)
    assert uf.find(2) == uf.find(0)
    # the other report's event tells a day twelve days before the strike's: not united
    feats[0].interval, feats[0].date_firm = (DAY + 12, DAY + 12), True
    uf = UnionFind()
    _join_bare(feats, _cfg(), events, uf, host)
    assert uf.find(2) != uf.find(0)


def test_an_act_of_word_about_a_consequence_is_about_its_happening() -> None:
    """"The militia stated that its forces destroyed an airfield in Norville": the sentence names
    a consequence (destroyed) of the happening told next ("its rockets hit Norville"), no
    happening of its own; the statement is about the happening the consequence hangs on."""
    from fullpicture.align._incidents import word_hosts

    stated = MentionFeatures(doc="d", lemma="state", type="STATEMENT", family="STATEMENT", span=(0, 60),
                             extra={"speaker": "militia"})
    destroyed = MentionFeatures(doc="d", lemma="destroy", type="ASSAULT", family="material_conflict",
                                span=(0, 60))
    hit = MentionFeatures(doc="d", lemma="hit", type="ASSAULT", family="material_conflict", span=(61, 100))
    feats = [stated, destroyed, hit]
    assert word_hosts(feats, _cfg(), {1: 2}) == {0: 2}
    assert word_hosts(feats, _cfg()) == {}  # without the consequence's host: about nothing


def test_rescue_is_a_consequence_in_french_and_russian() -> None:
    from fullpicture.align._incident_lex import incident_lexicon

    lex = incident_lexicon()
    assert {"rescue", "sauvetage", "secourir", "спасти", "спасать"} <= lex.consequences
