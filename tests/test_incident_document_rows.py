"""A document's own account of the story's happening joins the story's row (align/_docjoin.py).

Shape restated in invented words from real multi-side coverage of border clashes: one report
tells the shelling at its own town ("the shelling of Northtown"), and its mention formed a row of
its own beside the row where that report and four others tell the clashes. Guards: a document
that does not tell the story's row, a place in another country, a stated day far from the day its
document tells in the story's row, a happening told apart ("another strike"), a story's row told
by too few documents and a row of another family stay apart."""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._docjoin import join_document_rows
from fullpicture.align._eventpairs import MentionFeatures

DAY = 738000
XLAND = (40.0, 45.0, "XL", True)
NORTHTOWN = (40.5, 45.5, "XL", False)
SOUTHVILLE = (39.0, 46.0, "YL", False)


def _m(doc: str, lemma: str = "shelling", *, day: int = DAY, firm: bool = False,
       geo: tuple[float, float, str, bool] | None = XLAND, typ: str = "ASSAULT",
       family: str = "material_conflict", trigger: str = "") -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=typ, family=family, interval=(day, day),
                           date_firm=firm, geo=geo, trigger=trigger or lemma, sentence=f"{trigger or lemma} ...")


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_document_join_min_docs": 3, **over}


def _story(small: MentionFeatures) -> tuple[list[MentionFeatures], list[int]]:
    """The clashes told by five reports (row 0), and one report's own mention (row 1)."""
    feats = [_m(d, "clash") for d in "abcde"] + [small]
    return feats, [0, 0, 0, 0, 0, 1]


def test_a_reports_own_shelling_at_its_town_joins_the_story() -> None:
    feats, labels = _story(_m("a", geo=NORTHTOWN, day=DAY + 1, firm=True))
    assert len(set(join_document_rows(feats, _cfg(), labels))) == 1


def test_off_by_setting() -> None:
    feats, labels = _story(_m("a", geo=NORTHTOWN))
    assert join_document_rows(feats, _cfg(incident_document_join_min_docs=0), labels) == labels


def test_a_document_not_telling_the_story_stays_apart() -> None:
    feats, labels = _story(_m("z", geo=NORTHTOWN))
    assert join_document_rows(feats, _cfg(), labels) == labels


def test_a_place_in_another_country_stays_apart() -> None:
    feats, labels = _story(_m("a", geo=SOUTHVILLE))
    assert join_document_rows(feats, _cfg(), labels) == labels


def test_a_stated_day_far_from_its_documents_story_stays_apart() -> None:
    feats, labels = _story(_m("a", geo=NORTHTOWN, day=DAY + 30, firm=True))
    assert join_document_rows(feats, _cfg(), labels) == labels


def test_a_happening_told_apart_stays_apart() -> None:
    small = _m("a", "strike", geo=NORTHTOWN)
    small.extra["distinct"] = True  # "In a separate attack, a strike hit Northtown."
    feats, labels = _story(small)
    assert join_document_rows(feats, _cfg(), labels) == labels


def test_a_story_told_by_too_few_documents_is_no_target() -> None:
    feats = [_m(d, "clash") for d in "ab"] + [_m("a", geo=NORTHTOWN)]
    labels = [0, 0, 1]
    assert join_document_rows(feats, _cfg(), labels) == labels


def test_a_row_of_another_family_stays_apart() -> None:
    feats, labels = _story(_m("a", "talks", typ="CONSULT", family="verbal_cooperation", geo=NORTHTOWN))
    assert join_document_rows(feats, _cfg(), labels) == labels


def test_a_row_placed_only_at_the_country_is_left_to_the_bare_joins_when_asked() -> None:
    feats, labels = _story(_m("a", geo=XLAND))
    assert join_document_rows(feats, _cfg(incident_document_join_placed=True), labels) == labels


def test_a_row_placed_only_at_the_country_joins_the_story() -> None:
    """Shipped since session 22 (``incident_document_join_placed = false``): a report's own
    country-wide or unplaced account of the story's happening joins it."""
    for geo in (XLAND, None):
        feats, labels = _story(_m("a", geo=geo))
        assert len(set(join_document_rows(feats, _cfg(), labels))) == 1


def test_an_unplaced_row_with_a_zero_toll_stays_apart() -> None:
    """A report's "no one was hurt", told in a row of its own with no town, is kept out of the
    story's row (``incident_document_join_zero_toll``): such a zero is often another
    happening's (bombs that fell on empty ground), and set against the story's dead it makes a
    conflict that rests on it."""
    zero = _m("a", "hurt", geo=None)
    zero.extra["zero_toll"] = True
    feats, labels = _story(_m("a", "bombing", geo=None))
    feats, labels = [*feats, zero], [*labels, 1]
    assert join_document_rows(feats, _cfg(), labels) == labels
    assert len(set(join_document_rows(feats, _cfg(incident_document_join_zero_toll=False), labels))) == 1


def test_an_undated_story_joins_nothing() -> None:
    feats, labels = _story(_m("a", geo=NORTHTOWN))
    for f in feats:
        f.interval = None
    assert join_document_rows(feats, _cfg(), labels) == labels


def test_a_later_reports_own_strike_stays_apart() -> None:
    """A report told two weeks later (its day inherited from the report) tells another strike."""
    feats, labels = _story(_m("a", geo=NORTHTOWN, day=DAY + 14))
    assert join_document_rows(feats, _cfg(), labels) == labels
