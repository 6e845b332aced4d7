"""A happening one side calls staged or fake joins the happening's row, not the row of the
denial's day (session 41, align/_recallmark.py, ``[denied]`` of data/align/recall.toml).

Shapes restated in invented words from real multi-side coverage: a week after an attack in a
town, strikes answered it; reports of the strikes' day from one side called the attack staged,
often with the denier's own capital as the only place of the sentence. Those mentions
carried the denial's day and sat in the strikes' row, so the denial never met the reports of the
attack, and the strikes' row got a staging word as a rival cause of the strikes. Guards: a denial
told on the day of its row's happening denies that happening and stays (a denial of the doer of
the day's attack); a doer's verb ("staged an attack") is no staging.
"""

from __future__ import annotations

import pytest

from fullpicture.align._recallmark import join_recalled_earlier, recall_marker
from tests.test_incident_recall_earlier import SECOND, _at, _cfg, _m, _story


@pytest.mark.parametrize(("language", "sentence", "word"), [
    ("en", "The ministry insists the shelling of the Marlow clinic was staged for the cameras.", "shelling"),
    ("en", "The ministry called the attack a provocation by the rebels.", "attack"),
    ("fr", "Selon le ministère, le bombardement du dispensaire de Marlow était une mise en scène.", "bombardement"),
    ("ru", "Министерство утверждает, что обстрел клиники в Марлоу был постановкой для камер.", "обстрел"),
    ("ru", "По словам ведомства, боевики имитировали обстрел клиники.", "обстрел"),
    ("uk", "Міністерство назвало обстріл клініки в Марлоу інсценуванням.", "обстріл"),
])
def test_a_staging_word_near_a_happening(language: str, sentence: str, word: str) -> None:
    assert recall_marker(sentence, _at(sentence, word), language, 60) == "denied"


@pytest.mark.parametrize(("language", "sentence", "word"), [
    ("en", "Rebels staged an attack on the depot on Monday.", "attack"),
    ("en", "Two guards at the depot were killed by a drone on Monday.", "killed"),
])
def test_no_staging_word(language: str, sentence: str, word: str) -> None:
    assert recall_marker(sentence, _at(sentence, word), language, 60) == ""


def test_a_denied_happening_in_a_row_after_its_report_joins_the_earlier_row() -> None:
    cfg = _cfg()
    # told by a report published the day before its row's day, at the denier's capital only
    denied = _m("d", "attack", SECOND - 1, firm=False, published=SECOND - 1, recall_marker="denied",
                names=frozenset({"ostburg"}))
    feats, labels = _story(denied)
    assert join_recalled_earlier(feats, cfg, labels)[6] == 0
    assert join_recalled_earlier(feats, _cfg(incident_recall_gap_days=0), labels)[6] == 1  # off: the old row


def test_a_denial_told_on_its_rows_day_stays() -> None:
    # a denial published the day of its row's happening denies that happening (its doer)
    feats, labels = _story(_m("d", "attack", SECOND, firm=False, recall_marker="denied"))
    assert join_recalled_earlier(feats, _cfg(), labels)[6] == 1


def test_a_denial_alone_in_a_row_of_its_own_day_joins_the_happening_told_days_before() -> None:
    # a report telling the happening as staged, on its own day (a dateline in the sentence), in a row
    # only it tells, four days after the happening's row, which holds that report's other mention
    first, later = SECOND - 10, SECOND - 6
    feats = [_m("a", "attack", first, published=first), _m("b", "attack", first, published=first),
             _m("d", "attack", first, firm=False, published=later),
             _m("d", "attack", later, published=later, recall_marker="denied")]
    assert join_recalled_earlier(feats, _cfg(), [0, 0, 0, 1])[3] == 0
    # the same mention in a row that another report tells too stays: its day may be the happening's
    feats.append(_m("e", "attack", later, published=later))
    assert join_recalled_earlier(feats, _cfg(), [0, 0, 0, 1, 1])[3] == 1


def test_a_denials_day_is_no_date_value() -> None:
    from fullpicture.align._dateconflict import _date_conflict
    from tests.helpers import row_members

    told = ("west", "Artillery shelled the clinic in Marlow on 3 March 2031, killing nine people.", "2031-03-04")
    denied = ("east", "The shelling of the clinic in Marlow, 7 March 2031: a staged provocation, according to "
                      "the ministry.", "2031-03-07")
    members, _ = row_members([told, denied])
    off = _date_conflict(members, 1, 31, 0)
    assert off is not None and any(v.side == "east" for v in off.values)  # the shape before
    assert _date_conflict(members, 1, 31, 60) is None
