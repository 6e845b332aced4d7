"""A happening told bare inside a report is the report's main happening of its family (issue 9,
rows pass). Shapes restated in invented words from real coverage of a barracks strike: a report
tells "rebels struck the barracks in Tarnow, killing 40" and later, with no place and no day of
its own, "air defences shot down two of the rockets"; the second sentence's happening fell in a
row of its own (with another outlet's report), so the report told two rows and the two rows,
each holding it, could never join.

Shipped on (``[align] incident_bare_joins``) with its guard (``incident_bare_apart_guard``): a
report that tells two happenings of the family apart, or a sentence that tells a happening apart
beside the bare one, keeps it where it is. Other guards: a happening told at a place or on a day of
its own, a happening told apart ("in a separate attack") and one whose own incident holds as
many of the report's mentions stay where they are; two events that already hold days farther
apart are not united.
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


def test_a_report_telling_two_happenings_apart_keeps_its_bare_one_where_it_is() -> None:
    """"Rebels struck the barracks in Tarnow, killing 40 ... On Monday rockets hit Varna ...
    two of the rockets were shot down": the report tells two strikes of one family apart (two
    places, two incidents), so its bare "shot down" may be either and joins neither."""
    feats = [*_report(), _m("hit", place="varna")]
    inc = [0, 0, 0, 1, 2]
    assert bare_moves(feats, _cfg(), inc) == {}
    assert bare_moves(feats, _cfg(incident_bare_apart_guard=False), inc) == {3: 0}
    # two strikes told on clashing days (no places) tell them apart too
    feats = [*_report(), _m("hit", day=DAY - 9)]
    feats[0].interval, feats[0].date_firm = (DAY, DAY), True
    assert bare_moves(feats, _cfg(), inc) == {}
    # one told as another happening ("another strike hit the depot")
    feats = [*_report(), _m("strike", place="tarnow", distinct=True)]
    assert bare_moves(feats, _cfg(), inc) == {}
    # two mentions of one strike in two incidents, at one place on one day, tell nothing apart
    feats = [*_report(), _m("hit", place="tarnow")]
    assert bare_moves(feats, _cfg(), inc) == {3: 0}


def test_a_happening_with_a_day_of_its_own_or_beside_another_happening_stays() -> None:
    """"The city, which was hit by the two quakes early on Sunday" in an undated report of a
    later tremor: a day stated in the sentence, even one the report leaves unanchored, is a day
    of its own. "Papua had been hit by hundreds of aftershocks": a sentence that tells another
    happening (an aftershock, "another strike") may be telling that one."""
    feats = _report()
    feats[3].extra["stated_day"] = True
    assert bare_moves(feats, _cfg(), [0, 0, 0, 1]) == {}
    feats = _report()
    feats[3].span = (300, 360)
    aftershock = _m("aftershock", distinct=True)
    aftershock.span = (300, 360)
    assert bare_moves([*feats, aftershock], _cfg(), [0, 0, 0, 1, 2]) == {}
    assert bare_moves([*feats, aftershock], _cfg(incident_bare_apart_guard=False), [0, 0, 0, 1, 2]) == {3: 0}


def test_demonstratives_make_a_happening_definite_in_russian_and_french() -> None:
    """A Russian report has no article: "15 wounded as a result of this shelling" refers back to
    the strike told before it only through its demonstrative (этого); French "cette frappe"
    likewise. The French article alone ("la frappe", which also opens a story) does not."""
    from fullpicture.align._eventfeat import _definite

    ru = "Власти сообщают о 15 раненых в результате этого обстрела."
    assert _definite(ru, ru.index("обстрела"), "ru")
    assert not _definite(ru, ru.index("обстрела"), "en")
    fr = "Après cette frappe nocturne, la frappe suivante"
    assert _definite(fr, fr.index("frappe"), "fr")
    assert not _definite(fr, fr.rindex("frappe"), "fr")
    assert _definite("after the blast", 10, "en")


def test_a_bare_happening_joins_the_incident_not_its_first_mentions_event() -> None:
    """The report opens with its toll ("forty were killed") before the strike at Tarnow; the
    toll's own event is not the strike's (it hangs on the strike only through its host). The bare
    "shot down" must join the strike's event, not the toll's: before consequences take their
    host's incident, the toll's event is a row apart from the strike."""
    feats = [_m("kill", place="tarnow"), _m("strike", place="tarnow"), _m("strike", place="tarnow"),
             _m("shoot down")]
    events = [5, 0, 0, 2]  # the toll's own event (5) holds no happening of the report
    host = {0: 1}          # the toll hangs on the strike told after it
    uf = UnionFind()
    _join_bare(feats, _cfg(), events, uf, host)
    assert uf.find(2) == uf.find(0)
    assert uf.find(2) != uf.find(5)


def test_protest_words_at_one_place_are_one_happening() -> None:
    """A report tells "hundreds protested outside the town hall in Tarnow" and later "the
    demonstration in Tarnow turned violent": a protest is among ``incident_same_place_types``,
    so the two words of one report at one place are one happening, not two rows."""
    from fullpicture.align._samehappening import same_place_happenings

    feats = [MentionFeatures(doc="d", lemma=w, type="PROTEST", family="material_conflict",
                             places=frozenset({"tarnow"}), extra={}) for w in ("protest", "demonstration")]
    assert same_place_happenings(feats, _cfg()) == [(0, 1)]
    feats[1].places = frozenset({"varna"})  # a protest in another town stays apart
    assert same_place_happenings(feats, _cfg()) == []
