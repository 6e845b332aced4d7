"""A request for force is part of the act it asked for (session 37, align/_requestrows.py).

Shape restated in invented words from real multi-side coverage: three reports of a strike on a
depot in Eastvale tell that a ground unit "asked for air support" or "called for airstrikes", one
that "the strike was called in on their behalf"; the asking verbs, the request nouns and the
support asked for formed three rows shared by the reports, dated by the day the request was told,
beside the strike's row. In a row made only of calls and support, the mentions that ask for force
join the violent row their sentences tell; a call for an inquiry asks for no force and keeps its
row, and so does a call whose force is told in a clause of its own (BASIL's shapes, restated)."""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._requestrows import join_request_rows

DAY = 738000


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_request_row_min_docs": 2, **over}


def _m(doc: str, lemma: str, kind: str, at: int, sentence: int = 0, day: int = DAY,
       text: str = "x" * 200, trigger: str = "") -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=kind, family="*", sentence=text, trigger=trigger,
                           span=(sentence * 1000, sentence * 1000 + 200), interval=(day, day),
                           date_firm=False, extra={"at": at})


def _said(doc: str, text: str, *told: tuple[str, str, str], sentence: int = 0) -> list[MentionFeatures]:
    """Mentions (trigger, lemma, type) told in ``text``, at their triggers' places."""
    return [_m(doc, lemma, kind, text.index(trigger), sentence, text=text, trigger=trigger)
            for trigger, lemma, kind in told]


def _strike() -> list[MentionFeatures]:
    """The strike told by three reports in their first sentences (row 0)."""
    return [_m(d, "strike", "ASSAULT", 10) for d in "abc"]


def test_requests_for_air_support_join_the_strike() -> None:
    # the second report: "the strike was called in" (the strike told before the call, in its passive)
    called_in = _said("b", "The depot strike was called in by a patrol near Eastvale.",
                      ("strike", "strike", "ASSAULT"), ("called", "call", "DEMAND"))
    feats = [_strike()[0], called_in[0], _strike()[2]] + [
        _m("a", "request", "REQUEST", 40), _m("a", "support", "SUPPORT", 55),  # a unit asked the air force for help
        called_in[1],
        _m("c", "ask", "REQUEST", 60), _m("c", "support", "SUPPORT", 75),  # "... and asked for air support"
    ]
    labels = [0, 0, 0, 1, 2, 1, 1, 2]
    out = join_request_rows(feats, _cfg(), labels)
    assert out[3:] == [0] * 5, out


def test_a_call_that_asks_for_no_force_keeps_its_row() -> None:
    """Guards (BASIL shapes restated): the violence told before the call in a clause of its own
    ("the riot in Lakemoor that will call for a new law"), the force told after a clause break
    ("who started it, the envoy asked, before the shelling ...") or too many words on to be the
    call's object ("the gunmen called themselves farmers when they were shelled")."""
    riot = _said("a", "The riot in Lakemoor that will call for a new law shocked the town.",
                 ("riot", "riot", "ASSAULT"), ("call", "call", "DEMAND"), sentence=1)
    envoy = _said("b", "Who started it, the envoy asked, before the shelling resumed?",
                  ("asked", "ask", "REQUEST"), ("shelling", "shelling", "ASSAULT"), sentence=1)
    farmers = _said("c", "The gunmen called themselves farmers when they were shelled.",
                    ("called", "call", "DEMAND"), ("shelled", "shell", "ASSAULT"), sentence=1)
    feats = _strike() + riot + envoy + farmers
    labels = [0, 0, 0, 0, 1, 1, 0, 1, 0]
    assert join_request_rows(feats, _cfg(), labels) == labels


def test_a_call_for_an_inquiry_keeps_its_row() -> None:
    feats = _strike() + [
        _m("a", "call", "DEMAND", 30, sentence=1), _m("a", "investigation", "INVESTIGATE", 45, sentence=1),
        _m("b", "call", "DEMAND", 30, sentence=1), _m("b", "strike", "ASSAULT", 120, sentence=1),
    ]
    labels = [0, 0, 0, 1, 2, 1, 0]
    out = join_request_rows(feats, _cfg(), labels)
    # the first asks for an inquiry; the strike after the second is told too far on to be what it asks for
    assert out[3] == 1 and out[5] == 1, out


def test_a_request_row_with_no_violent_row_in_its_sentences_stays() -> None:
    feats = _strike() + [_m("a", "ask", "REQUEST", 30, sentence=2), _m("a", "support", "SUPPORT", 42, sentence=2),
                         _m("b", "ask", "REQUEST", 30, sentence=2), _m("b", "support", "SUPPORT", 42, sentence=2)]
    labels = [0, 0, 0, 1, 1, 1, 1]
    assert join_request_rows(feats, _cfg(), labels) == labels


def test_off_by_setting() -> None:
    feats = _strike() + [_m("a", "request", "REQUEST", 40), _m("a", "support", "SUPPORT", 55)]
    labels = [0, 0, 0, 1, 1]
    assert join_request_rows(feats, _cfg(incident_request_row_min_docs=0), labels) == labels
