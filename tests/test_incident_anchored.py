"""A happening an inquiry's report retells keeps the happening's row (align/_anchored.py;
session 29, anchor).

Shape restated in invented words from real multi-side coverage: a convoy is shelled near the
Kel bridge in Northtown on a Monday and most outlets tell it that day; two weeks later one side's
outlet reports "the army said its review showed no unit near the Kel bridge when the two drivers
were killed". The report states no day for the shelling: its mentions took the report's day and
sat in the review's row with the review, meeting none of the reports of the day. They move to
the row of the latest stated shelling at that place; the review keeps its own row. Guards: nothing
moves from a row that states a shelling there on the report's days (its own or another: the
review may be about that one), nor from a document whose row holds no inquiry of its own, nor
to another place or another kind of happening, nor past the window.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._anchored import move_inquired
from fullpicture.align._eventpairs import MentionFeatures

DAY = 738000


def _m(doc: str, day: int, firm: bool, *, lemma: str = "shell", kind: str = "ASSAULT",
       place: str = "northtown", family: str = "material_conflict") -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=kind, family=family, sentence="...",
                           span=(0, 60), interval=(day, day), date_firm=firm, places=frozenset({place}))


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_inquiry_move_days": 90,
            "incident_retold_min_days": 2, **over}


def _review(gap: int = 14, *, inquiry: bool = True, firm: bool = False, place: str = "northtown",
            family: str = "material_conflict") -> list[MentionFeatures]:
    """The later report: its review (a stated day), and the shelling and the dead it retells."""
    asks = [_m("v", DAY + gap, True, lemma="review", kind="INVESTIGATE", place=place)] if inquiry else []
    return [*asks, _m("v", DAY + gap, firm, place=place, family=family),
            _m("v", DAY + gap, False, lemma="kill", place=place, family=family)]


def _story(late: list[MentionFeatures]) -> tuple[list[MentionFeatures], list[int]]:
    """Row 0: two reports of the day; row 1: the later report's mentions."""
    return [_m("a", DAY, True), _m("a", DAY, True, lemma="kill"), _m("b", DAY, True), *late], \
        [0, 0, 0] + [1] * len(late)


def test_the_retold_happening_moves_and_the_review_keeps_its_row() -> None:
    feats, labels = _story(_review())
    assert move_inquired(feats, _cfg(), labels) == [0, 0, 0, 1, 0, 0]


def test_off_by_setting() -> None:
    feats, labels = _story(_review())
    assert move_inquired(feats, _cfg(incident_inquiry_move_days=0), labels) == labels


def test_a_shelling_stated_on_the_report_s_day_keeps_the_row() -> None:
    # the report states the shelling's day in its sentence, the review's own: a later shelling
    # there, which the review is about; nothing moves
    feats, labels = _story(_review(firm=True))
    assert move_inquired(feats, _cfg(), labels) == labels


def test_no_inquiry_of_the_document_in_the_row_moves_nothing() -> None:
    feats, labels = _story(_review(inquiry=False))
    assert move_inquired(feats, _cfg(), labels) == labels


def test_another_place_or_kind_or_a_gap_past_the_window_stays() -> None:
    for late, cfg in ((_review(place="southville"), _cfg()),
                      (_review(family="verbal_conflict"), _cfg()),
                      (_review(120), _cfg())):
        feats, labels = _story(late)
        assert move_inquired(feats, cfg, labels) == labels


def test_a_later_happening_there_leaves_the_report_alone() -> None:
    # a second shelling of Northtown on a stated day the day before the report: the review may
    # be about that one
    feats, labels = _story(_review())
    feats.append(_m("c", DAY + 13, True))
    labels.append(2)
    assert move_inquired(feats, _cfg(), labels) == labels


def test_of_two_earlier_happenings_there_the_latest_takes_them() -> None:
    feats, labels = _story(_review())
    feats.append(_m("c", DAY - 30, True))
    labels.append(2)
    assert move_inquired(feats, _cfg(), labels) == [0, 0, 0, 1, 0, 0, 2]


def test_a_row_that_is_itself_the_latest_happening_keeps_its_mentions() -> None:
    # a second shelling of Northtown six days after the first, told on its day by two reports,
    # one of which adds that prosecutors opened a case into it: nothing moves to the first
    feats = [_m("a", DAY, True), _m("b", DAY, True),
             _m("c", DAY + 6, True), _m("d", DAY + 6, True),
             _m("d", DAY + 6, True, lemma="case", kind="INVESTIGATE"), _m("d", DAY + 6, False, lemma="kill")]
    labels = [0, 0, 1, 1, 1, 1]
    assert move_inquired(feats, _cfg(), labels) == labels
