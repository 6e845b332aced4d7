"""A later report that retells a happening with no day of its own joins the happening's row
(align/_followups.join_retold; session 28, follow).

Shape restated in invented words from real multi-side coverage: a strike on a building in
Northtown is told on its day by most outlets ("a strike hit the annex in Northtown on Monday");
three days later a leader "vowed to avenge the strike on the annex in Northtown", and the report
names no day at all, so its mentions take the report's publication day and formed a row of their
own, meeting none of the other sides' reports. Guards: a row of the same kind at that place that
states a day nearer the report's (a later happening there, which the report may tell) leaves it
alone; so do a day stated in the report, another place, another family, a gap inside the
inherited-date slack or past the window, and rows one document tells both.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._followups import join_retold

DAY = 738000


def _m(doc: str, day: int, firm: bool, *, by_report: bool = False, place: str = "northtown",
       lemma: str = "strike", family: str = "material_conflict") -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type="ASSAULT", family=family, sentence="...",
                           span=(0, 60), interval=(day, day), date_firm=firm, places=frozenset({place}),
                           extra={"by_report": by_report})


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_retold_days": 7, "incident_retold_min_days": 2, **over}


def _story(late: list[MentionFeatures]) -> tuple[list[MentionFeatures], list[int]]:
    """Row 0: two reports of the day; row 1: the later report's mentions."""
    return [_m("a", DAY, True), _m("a", DAY, True, lemma="kill"), _m("b", DAY, True), *late], \
        [0, 0, 0] + [1] * len(late)


def _vow(gap: int = 3, **kw: object) -> list[MentionFeatures]:
    return [_m("v", DAY + gap, False, by_report=True, **kw),  # type: ignore[arg-type]
            _m("v", DAY + gap, False, by_report=True, lemma="death", **kw)]  # type: ignore[arg-type]


def test_a_later_report_with_no_day_joins_the_dated_row() -> None:
    feats, labels = _story(_vow())
    assert join_retold(feats, _cfg(), labels) == [0] * 5


def test_off_by_setting() -> None:
    feats, labels = _story(_vow())
    assert join_retold(feats, _cfg(incident_retold_days=0), labels) == labels


def test_a_day_inherited_from_the_text_is_no_report_day() -> None:
    feats, labels = _story([_m("v", DAY + 3, False), _m("v", DAY + 3, False, lemma="death")])
    assert join_retold(feats, _cfg(), labels) == labels


def test_another_place_another_family_or_a_stated_day_stays_apart() -> None:
    for late in (_vow(place="southville"), _vow(family="verbal_conflict"),
                 [*_vow(), _m("v", DAY + 3, True)]):
        feats, labels = _story(late)
        assert join_retold(feats, _cfg(), labels) == labels


def test_a_gap_inside_the_slack_or_past_the_window_stays_apart() -> None:
    for gap in (1, 9, -3):
        feats, labels = _story(_vow(gap))
        assert join_retold(feats, _cfg(), labels) == labels


def test_a_later_happening_at_the_place_leaves_the_report_alone() -> None:
    # a second strike on Northtown told on a stated day the day before the report: the report
    # may tell that one, not the first
    feats, labels = _story(_vow(4))
    feats.append(_m("c", DAY + 3, True))
    labels.append(2)
    assert join_retold(feats, _cfg(), labels) == labels


def test_rows_one_document_tells_both_stay_apart() -> None:
    feats, labels = _story(_vow())
    feats.append(_m("v", DAY, True, place="elsewhere"))
    labels.append(0)
    assert join_retold(feats, _cfg(), labels) == labels
