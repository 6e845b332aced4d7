"""Rows that tell only an inquiry join the row of that inquiry (session 36, align/_inquiryrows.py).

Shape restated in invented words from real multi-side coverage: a report tells the inquiry into a
strike in one paragraph with the strike ("an investigation into the strike on Kelvo was opened")
and in a later paragraph by itself ("The commission presented its findings. Northland rejected
the conclusions."); another report only says that the army "is conducting a review". Those
inquiry words found no happening to hang on and each formed a row of its own, dated by its
report, so one inquiry took several rows and the second report never met the others. A row of
inquiries alone joins the one other row where its documents tell an inquiry, whatever its day;
when its documents tell none elsewhere, the one row holding the inquiries of the most documents.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._inquiryrows import join_inquiry_rows, join_later_inquiries


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _m(doc: str, lemma: str, typ: str) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=typ, family=typ, sentence="...", span=(0, 10),
                           interval=(738000, 738000))


def test_a_documents_lone_inquiry_row_joins_its_other_inquiry() -> None:
    feats = [_m("a", "strike", "ASSAULT"), _m("a", "investigation", "INVESTIGATE"),
             _m("b", "strike", "ASSAULT"),
             _m("a", "finding", "INVESTIGATE"), _m("a", "reject", "REJECT")]
    labels = [0, 0, 0, 1, 1]
    assert join_inquiry_rows(feats, _cfg(), labels) == [0, 0, 0, 0, 0]


def test_a_report_telling_only_an_inquiry_joins_the_widest_inquiry_row() -> None:
    feats = [_m("a", "strike", "ASSAULT"), _m("a", "investigation", "INVESTIGATE"),
             _m("b", "strike", "ASSAULT"), _m("b", "probe", "INVESTIGATE"),
             _m("c", "review", "INVESTIGATE")]
    labels = [0, 0, 0, 0, 1]
    assert join_inquiry_rows(feats, _cfg(incident_inquiry_row_min_docs=2), labels) == [0, 0, 0, 0, 0]
    assert join_inquiry_rows(feats, _cfg(incident_inquiry_row_min_docs=3), labels) == labels
    assert join_inquiry_rows(feats, _cfg(incident_inquiry_rows=False), labels) == labels


def test_a_row_with_a_happening_of_its_own_stays() -> None:
    feats = [_m("a", "strike", "ASSAULT"), _m("a", "investigation", "INVESTIGATE"),
             _m("a", "arrest", "ARREST"), _m("a", "finding", "INVESTIGATE")]
    labels = [0, 0, 1, 1]
    assert join_inquiry_rows(feats, _cfg(), labels) == labels


def test_an_inquiry_told_in_two_other_rows_stays_apart() -> None:
    feats = [_m("a", "strike", "ASSAULT"), _m("a", "investigation", "INVESTIGATE"),
             _m("a", "blast", "ASSAULT"), _m("a", "probe", "INVESTIGATE"),
             _m("a", "finding", "INVESTIGATE")]
    labels = [0, 0, 1, 1, 2]
    assert join_inquiry_rows(feats, _cfg(), labels) == labels


def _d(doc: str, lemma: str, typ: str, day: int) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=typ, family=typ, sentence="...", span=(0, 10),
                           interval=(738000 + day, 738000 + day))


def test_a_later_reports_inquiry_moves_to_the_inquirys_row() -> None:
    # two reports of the first day tell the strike and its inquiry; a report nine days on tells
    # the strike again (no day of its own: it takes the report's) with the inquiry's findings
    feats = [_d("a", "strike", "ASSAULT", 0), _d("a", "investigation", "INVESTIGATE", 0),
             _d("b", "strike", "ASSAULT", 0), _d("b", "probe", "INVESTIGATE", 0),
             _d("c", "strike", "ASSAULT", 9), _d("c", "finding", "INVESTIGATE", 9)]
    labels = [0, 0, 0, 0, 1, 1]
    assert join_later_inquiries(feats, _cfg(), labels) == [0, 0, 0, 0, 1, 0]
    assert join_later_inquiries(feats, _cfg(incident_inquiry_later_days=0), labels) == labels


def test_an_inquiry_of_an_earlier_row_stays() -> None:
    feats = [_d("a", "strike", "ASSAULT", 5), _d("a", "investigation", "INVESTIGATE", 5),
             _d("b", "strike", "ASSAULT", 5), _d("b", "probe", "INVESTIGATE", 5),
             _d("c", "blast", "ASSAULT", 0), _d("c", "finding", "INVESTIGATE", 0)]
    labels = [0, 0, 0, 0, 1, 1]
    assert join_later_inquiries(feats, _cfg(), labels) == labels
