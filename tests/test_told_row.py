"""The shared test of the told-row joins (align/_toldrow.py; session 29, review): which rows a
later report's row may join, read alike for a facility key and a place key.

Invented rows: row 0 tells a blast at "eastport" on a stated day; row 1 is a later report of it
with no day of its own; row 2 tells a blast there two days before row 1's day (nearer);
row 3 tells one at "westport".
"""

from __future__ import annotations

from collections import Counter

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incidents import _switched_on
from fullpicture.align._toldrow import row_index, told_targets

DAY = 740000


def _m(doc: str, day: int, firm: bool) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma="blast", type="ATTACK", family="material_conflict", sentence="...",
                           span=(0, 40), interval=(day, day), date_firm=firm, places=frozenset({"eastport"}))


def test_row_index_counts_only_firm_stated_days() -> None:
    feats = [_m("a", DAY, True), _m("b", DAY, True), _m("c", DAY + 9, False)]
    docs, days = row_index(feats, [0, 0, 1])
    assert docs[0] == {"a", "b"} and docs[1] == {"c"}
    assert days[0] == Counter({DAY: 2}) and not days.get(1)


def _rows() -> tuple[dict[int, dict[str, set[str]]], dict[int, set[str]], dict[int, Counter[int]]]:
    told = {0: {"eastport": {"material_conflict"}}, 2: {"eastport": {"material_conflict"}},
            3: {"westport": {"material_conflict"}}}
    docs = {0: {"a"}, 1: {"c"}, 2: {"d"}, 3: {"e"}}
    days = {0: Counter({DAY: 2}), 1: Counter(), 2: Counter({DAY + 7: 1}), 3: Counter({DAY: 1})}
    return told, docs, days


def test_the_row_told_days_before_is_the_target() -> None:
    told, docs, days = _rows()
    targets, nearer = told_targets(1, DAY + 9, "material_conflict", ["eastport"], told, docs, days, (3, 14), 1)
    assert targets == {0} and not nearer  # row 2, 2 days before, is outside the window
    targets, nearer = told_targets(1, DAY + 9, "material_conflict", ["eastport"], told, docs, days, (3, 14), 1,
                                   nearest=True)
    assert targets == {0} and nearer == {2}  # with nearest, a nearer row of the kind is told apart


def test_no_target_across_a_shared_document_another_place_or_family_or_a_clashing_day() -> None:
    told, docs, days = _rows()
    assert told_targets(1, DAY + 9, "material_conflict", ["westport"], told, docs, days, (0, 14), 1)[0] == {3}
    assert not told_targets(1, DAY + 9, "other_family", ["eastport"], told, docs, days, (3, 14), 1)[0]
    assert not told_targets(1, DAY + 9, "material_conflict", ["eastport"], told, {**docs, 1: {"a"}}, days,
                            (3, 14), 1)[0]
    clash = {**days, 1: Counter({DAY + 5: 1})}  # the later row states a day of its own, 5 days off
    assert not told_targets(1, DAY + 9, "material_conflict", ["eastport"], told, docs, clash, (3, 14), 1)[0]
    assert not told_targets(1, DAY + 30, "material_conflict", ["eastport"], told, docs, days, (3, 14), 1)[0]


def test_a_row_step_runs_when_its_setting_is_on() -> None:
    assert _switched_on({"x": 3}, "x", int) and not _switched_on({"x": 0}, "x", int) and not _switched_on({}, "x", int)
    assert _switched_on({"x": 0.5}, "x", float) and not _switched_on({"x": 0.5}, "x", int)
    assert _switched_on({"x": True}, "x", bool) and not _switched_on({}, "x", bool)
