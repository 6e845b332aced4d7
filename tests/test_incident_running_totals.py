"""A running total of a story's aftermath told days later joins the story's row of it
(align/_tallies.py).

Shape restated in invented words from real multi-side coverage: a dam gives way and several
outlets tell the evacuations beside the breach on its day; four days later one report gives the
running count on its own ("as of now, more than 2,400 people have already been evacuated"), with
no happening in its sentences and no day of its own, so its mentions keep the report's day and
formed a row of their own. Guards: no cue, a stated day of its own, two candidate rows (two floods
a week apart, each with its evacuations), a count past the horizon and a row mixing kinds stay
apart."""

from __future__ import annotations

import dataclasses

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._tallies import join_running_totals

DAY = 738000
TOTAL = "As of now, more than 2,400 people have already been evacuated from the valley."
PLAIN = "More than 2,400 people were evacuated from the valley, the governor said."


def _m(doc: str, day: int, firm: bool, lemma: str = "evacuate", *, sentence: str = "",
       family: str = "material_cooperation", typ: str = "RETREAT") -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=typ, family=family, interval=(day, day),
                           date_firm=firm, sentence=sentence)


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_running_total_days": 7, **over}


def _story(first: int = DAY) -> list[MentionFeatures]:
    """The breach told on its day by three outlets, each with the evacuations."""
    out = []
    for doc in ("a", "b", "c"):
        out += [_m(doc, first, True, "breach", family="material_conflict", typ="ASSAULT"),
                _m(doc, first, False)]
    return out


def _with_total(gap: int = 4, sentence: str = TOTAL, firm: bool = False) -> tuple[list[MentionFeatures], list[int]]:
    feats = _story() + [_m("w", DAY + gap, firm, sentence=sentence), _m("w", DAY + gap, firm, sentence=PLAIN)]
    return feats, [0] * 6 + [1, 1]


def test_a_running_total_days_later_joins_the_storys_row() -> None:
    feats, labels = _with_total()
    assert len(set(join_running_totals(feats, _cfg(), labels))) == 1


def test_off_by_setting() -> None:
    feats, labels = _with_total()
    assert join_running_totals(feats, _cfg(incident_running_total_days=0), labels) == labels


def test_a_count_with_no_running_total_cue_stays_apart() -> None:
    feats, labels = _with_total(sentence=PLAIN)
    assert len(set(join_running_totals(feats, _cfg(), labels))) == 2


def test_a_count_on_a_stated_day_of_its_own_stays_apart() -> None:
    feats, labels = _with_total(firm=True)
    assert len(set(join_running_totals(feats, _cfg(), labels))) == 2


def test_a_count_past_the_horizon_stays_apart() -> None:
    feats, labels = _with_total(gap=12)
    assert len(set(join_running_totals(feats, _cfg(), labels))) == 2


def test_two_candidate_rows_leave_the_count_alone() -> None:
    """Two floods three days apart, each told with its evacuations by three outlets: the count
    may be either's."""
    feats, labels = _with_total(gap=4)
    second = [dataclasses.replace(f, doc=f.doc + "2", interval=(DAY + 3, DAY + 3)) for f in _story()]
    feats += second
    labels += [2] * len(second)
    assert join_running_totals(feats, _cfg(), labels) == labels


def test_a_row_with_a_happening_of_its_own_stays_apart() -> None:
    """A row that also tells a happening is no bare count: the row-level joins judge it."""
    feats, labels = _with_total()
    feats.append(_m("w", DAY + 4, False, "attack", sentence=TOTAL, family="material_conflict", typ="ASSAULT"))
    labels.append(1)
    assert len(set(join_running_totals(feats, _cfg(), labels))) == 2


def test_the_cues_are_read_in_french_and_russian() -> None:
    for sentence in ("À ce jour, 11 000 personnes ont été évacuées de la vallée.",
                     "По состоянию на сегодня из долины эвакуированы уже более 2 тысяч человек."):
        feats, labels = _with_total(sentence=sentence)
        assert len(set(join_running_totals(feats, _cfg(), labels))) == 1, sentence
