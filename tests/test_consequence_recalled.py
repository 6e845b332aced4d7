"""A consequence told a month before its report's happening is a recalled happening's (session 40).

Shape restated in invented words from real multi-side coverage: a report of a drone strike on a
border town, dated only by the report, went on "a month ago, rebels had killed dozens of soldiers
there"; the killing, told in a sentence of its own, was hosted by the strike of the sentence
before, so the battle a month earlier sat in the strike's row (a mixed row) and the reports of the
battle lost that telling. A consequence told in another sentence that states its own day (a day,
or a month) ending more than ``incident_consequence_before_days`` days before the day its
happening is told on no longer hangs on it; one told a day or two before still does."""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incidents import hosts_of

DAY = 739000


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _m(lemma: str, typ: str, span: tuple[int, int], first: int, last: int, firm: bool) -> MentionFeatures:
    return MentionFeatures(doc="d", lemma=lemma, type=typ, family="material_conflict", sentence="...",
                           span=span, interval=(first, last), date_firm=firm, extra={"modality": "asserted"})


def _strike() -> MentionFeatures:
    """The report's strike, dated only by the report."""
    return _m("strike", "ASSAULT", (0, 80), DAY, DAY, False)


def test_a_killing_told_a_month_before_is_not_the_strikes() -> None:
    killed = _m("kill", "ASSAULT", (81, 160), DAY - 55, DAY - 25, True)
    assert 1 not in hosts_of([_strike(), killed], _cfg())


def test_a_killing_told_two_days_before_is_the_strikes() -> None:
    killed = _m("kill", "ASSAULT", (81, 160), DAY - 2, DAY - 2, True)
    assert hosts_of([_strike(), killed], _cfg()) == {1: 0}


def test_a_killing_dated_only_by_the_report_is_the_strikes() -> None:
    killed = _m("kill", "ASSAULT", (81, 160), DAY - 40, DAY - 40, False)
    assert hosts_of([_strike(), killed], _cfg()) == {1: 0}


def test_off_by_setting() -> None:
    killed = _m("kill", "ASSAULT", (81, 160), DAY - 55, DAY - 25, True)
    assert hosts_of([_strike(), killed], _cfg(incident_consequence_before_days=-1)) == {1: 0}
