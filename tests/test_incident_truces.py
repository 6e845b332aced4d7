"""A ceasefire told with no day of its own joins the story's row of it (align/_truces.py).

Shape restated in invented words from real multi-side coverage: several outlets tell the truce
agreed in a capital on its stated day; the next day two reports name only "the agreement" and
"the truce", with no day of their own, and formed a row of their own under the join threshold.
Guards: a stated day of its own, a row with a strike in it, two truce rows in reach (two truces a
few days apart), a day past the horizon and a truce row told by too few documents stay apart."""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._truces import join_truces

DAY = 738000


def _m(doc: str, day: int, firm: bool, lemma: str = "truce", *, word: str = "ceasefire",
       typ: str = "AGREE") -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=typ, family="verbal_cooperation", interval=(day, day),
                           date_firm=firm, word=word)


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_truce_days": 1, **over}


def _story(docs: tuple[str, ...] = ("a", "b", "c")) -> list[MentionFeatures]:
    """The truce told on its stated day by three outlets."""
    return [_m(d, DAY, True) for d in docs]


def _with_late(gap: int = 1, firm: bool = False, typ: str = "AGREE") -> tuple[list[MentionFeatures], list[int]]:
    feats = _story() + [_m("x", DAY + gap, firm, "agreement", word=""), _m("y", DAY + gap, firm, typ=typ)]
    return feats, [0, 0, 0, 1, 1]


def test_a_truce_with_no_day_of_its_own_joins_the_storys_row() -> None:
    feats, labels = _with_late()
    assert len(set(join_truces(feats, _cfg(), labels))) == 1


def test_off_by_setting() -> None:
    feats, labels = _with_late()
    assert join_truces(feats, _cfg(incident_truce_days=0), labels) == labels


def test_a_truce_on_a_stated_day_of_its_own_stays_apart() -> None:
    feats, labels = _with_late(firm=True)
    assert join_truces(feats, _cfg(), labels) == labels


def test_a_row_holding_a_strike_stays_apart() -> None:
    feats, labels = _with_late()
    feats.append(_m("y", DAY + 1, False, "strike", word="", typ="ASSAULT"))
    labels.append(1)
    assert join_truces(feats, _cfg(), labels) == labels


def test_two_truce_rows_in_reach_join_neither() -> None:
    feats, labels = _with_late()
    feats += [_m(d, DAY + 2, True) for d in ("d", "e", "f")]
    labels += [2, 2, 2]
    assert join_truces(feats, _cfg(), labels) == labels


def test_a_day_past_the_horizon_stays_apart() -> None:
    feats, labels = _with_late(gap=3)
    assert join_truces(feats, _cfg(), labels) == labels


def test_a_truce_told_by_too_few_documents_is_no_target() -> None:
    feats = _story(("a", "b")) + [_m("x", DAY + 1, False)]
    labels = [0, 0, 1]
    assert join_truces(feats, _cfg(), labels) == labels
