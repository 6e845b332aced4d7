"""A report that retells a happening weeks later joins the happening's row when it tells it as a
past one (align/_retoldfar.join_retold_far; session 30).

Shape restated in invented words from real multi-side coverage: a strike on the annex of a
prison in Northtown is told on its day by most outlets ("a strike hit the annex on Monday");
five weeks later one outlet relays a newspaper's report on "the aftermath of the attack on the
annex" with a higher toll and names no day at all, so its mentions take the report's
publication day, beyond the nearer retold window, and formed a row of their own: the two tolls
were never compared. Guards: a retelling needs a definite reference to the happening or a past
day stated in its document; a second strike at the place told on a stated day nearer the
report keeps the report apart; so do a mention told apart ("another strike"), another place, a
gap past the far window, two rows sharing as much with the report, and the switch off.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._retoldfar import join_retold_far

DAY = 738000


def _m(doc: str, day: int, firm: bool, *, by_report: bool = False, places: tuple[str, ...] = ("annex", "land"),
       lemma: str = "strike", definite: bool = False, distinct: bool = False, last: int | None = None,
       who: tuple[str, ...] = ()) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type="ASSAULT", family="material_conflict", sentence="...",
                           span=(0, 60), interval=(day, day if last is None else last), date_firm=firm,
                           places=frozenset(places), participants=frozenset(who),
                           extra={"by_report": by_report, "definite": definite, "distinct": distinct,
                                  "published": (day if by_report else DAY + 35,) * 2})


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_retold_days": 21, "incident_retold_far_days": 400,
            **over}


def _story(late: list[MentionFeatures]) -> tuple[list[MentionFeatures], list[int]]:
    """Row 0: two reports of the day; row 1: the later report's mentions."""
    return [_m("a", DAY, True), _m("a", DAY, True, lemma="kill"), _m("b", DAY, True), *late], \
        [0, 0, 0] + [1] * len(late)


def _retelling(gap: int = 35, definite: bool = True, **kw: object) -> list[MentionFeatures]:
    return [_m("v", DAY + gap, False, by_report=True, definite=definite, **kw),  # type: ignore[arg-type]
            _m("v", DAY + gap, False, by_report=True, lemma="kill", **kw)]  # type: ignore[arg-type]


def test_a_definite_retelling_weeks_later_joins_the_dated_row() -> None:
    feats, labels = _story(_retelling())
    assert join_retold_far(feats, _cfg(), labels) == [0] * 5


def test_off_by_setting() -> None:
    feats, labels = _story(_retelling())
    assert join_retold_far(feats, _cfg(incident_retold_far_days=0), labels) == labels


def test_no_definite_reference_and_no_past_day_stays_apart() -> None:
    feats, labels = _story(_retelling(definite=False))
    assert join_retold_far(feats, _cfg(), labels) == labels


def test_a_past_period_its_document_states_tells_the_past() -> None:
    # "last month": a month the report states, in a row of its own, holds the row's day
    feats, labels = _story(_retelling(definite=False))
    feats.append(_m("v", DAY - 10, True, places=("elsewhere",), last=DAY + 10))
    feats[-1].extra["published"] = (DAY + 35, DAY + 35)
    labels.append(2)
    assert join_retold_far(feats, _cfg(), labels) == [0] * 5 + [2]


def test_a_second_strike_nearer_the_report_keeps_it_apart() -> None:
    feats, labels = _story(_retelling())
    feats.append(_m("c", DAY + 28, True))
    labels.append(2)
    assert join_retold_far(feats, _cfg(), labels) == labels


def test_told_apart_another_place_or_past_the_window_stays_apart() -> None:
    for late in (_retelling(distinct=True), _retelling(places=("southville",)), _retelling(gap=420),
                 _retelling(gap=10)):
        feats, labels = _story(late)
        assert join_retold_far(feats, _cfg(), labels) == labels


def test_the_row_sharing_most_places_and_participants_is_meant() -> None:
    # a campaign told only at the country two weeks before: the annex's row shares more
    feats, labels = _story(_retelling(who=("army",)))
    feats += [_m("c", DAY - 14, True, places=("land",)), _m("d", DAY - 14, True, places=("land",))]
    labels += [2, 2]
    assert join_retold_far(feats, _cfg(), labels) == [0] * 5 + [2, 2]
    # two rows sharing as much: none is meant
    feats[-2:] = [_m("c", DAY - 14, True), _m("d", DAY - 14, True)]
    assert join_retold_far(feats, _cfg(), labels) == labels
