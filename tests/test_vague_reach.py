"""A vague count against another side's number far above it (session 41, tolls).

Shape seen on real coverage of a crowd crush at an aid delivery, restated in invented words,
numbers and places: one side's army says "dozens were injured", the other side's health office
counts 640 wounded. "Dozens" never clashed with any number, so the injured dispute was never
surfaced. A vague count reaches up to ``figure_vague_reach`` times its lowest reading: a number
above that reach clashes; a number inside it, a vague first report told the day before, a count
a hundred times further (a war's total) and a document's own loose summary of its number do not.
"""

from __future__ import annotations

import pytest

from fullpicture.align._figureclash import _clashes
from fullpicture.align._vaguereach import beyond_vague, early_vague
from fullpicture.models import Figure
from fullpicture.models.comparison import ConflictValue
from fullpicture.settings import Settings, load_settings
from tests._events_helpers import compare_groups

CFG = load_settings().section("align")
_SIDES = {"a": "moldovan", "b": "romanian", "w": "wire"}


def _item(doc: str, value: float, *, vague: bool = False, low: float | None = None, high: float | None = None,
          date: str = "2024-05-06", counts: str = "injured") -> tuple[Figure, ConflictValue]:
    lo = low if low is not None or vague else value
    hi = high if high is not None or vague else value
    f = Figure(id=f"{doc}-{value}", start=0, end=2, text="x", value=value, low=lo, high=hi, counts=counts,
               vague=vague)
    return f, ConflictValue(side=_SIDES[doc[:1]], value="x", document=doc, field=f"figure:{counts}", population="people",
                            date=date)


def test_a_number_above_a_vague_counts_reach_clashes_with_it():
    dozens = _item("a1", 12.0, vague=True)
    assert beyond_vague(dozens, _item("b1", 640.0), CFG)
    assert beyond_vague(_item("b1", 640.0), dozens, CFG)
    assert not beyond_vague(dozens, _item("b1", 90.0), CFG)  # "dozens" may be 90
    assert not beyond_vague(_item("a1", 10.0, vague=True), _item("b1", 3.0), CFG)  # "several" and three
    assert not beyond_vague(dozens, _item("b1", 31000.0), CFG)  # a war's total, not this count
    assert not beyond_vague(dozens, _item("b1", 640.0), {**CFG, "figure_vague_reach": 0})


def test_a_vague_count_in_a_document_that_states_the_number_is_its_summary():
    scores = _item("a1", 20.0, vague=True)
    assert not beyond_vague(scores, _item("b1", 640.0), CFG, frozenset({"a1"}))


def test_a_wires_vague_count_is_the_first_word_of_a_rising_toll():
    assert not beyond_vague(_item("w1", 12.0, vague=True), _item("b1", 640.0), CFG)


def test_a_vague_first_report_of_an_earlier_day_is_no_pair():
    early = _item("a1", 12.0, vague=True, date="2024-05-05")
    assert early_vague(early, _item("b1", 640.0), CFG)
    assert not early_vague(_item("a1", 12.0, vague=True), _item("b1", 640.0), CFG)  # the same day
    assert not early_vague(_item("a1", 12.0, vague=True, date="2024-05-07"), _item("b1", 640.0), CFG)


def test_the_sides_clash_on_the_injured_count():
    per_side = {"moldovan": [_item("a1", 12.0, vague=True)], "romanian": [_item("b1", 640.0), _item("b2", 310.0)]}
    assert _clashes({"injured": per_side}, CFG)[0] == [("injured", "moldovan", "romanian")]
    # one value of the other side inside the reach agrees with "dozens"
    near = {"moldovan": [_item("a1", 12.0, vague=True)], "romanian": [_item("b1", 640.0), _item("b2", 70.0)]}
    assert _clashes({"injured": near}, CFG)[0] == []
    off = {**CFG, "figure_vague_reach": 0}
    assert _clashes({"injured": per_side}, off)[0] == []


ARMY = ("2024-05-06", "Aid trucks\n\nDozens of people were wounded when Moldovan troops fired on a crowd "
                      "waiting for aid trucks in Velmora on Monday, the Moldovan army said.")
HEALTH = ("2024-05-06", "Aid trucks\n\n640 people were wounded when Moldovan troops fired on a crowd waiting for "
                        "aid trucks in Velmora on Monday, the health office of Velmora said.")


@pytest.mark.slow
def test_a_vague_injured_count_against_hundreds_is_surfaced(lexical):
    comp = compare_groups(lexical, [("moldovan", [ARMY]), ("romanian", [HEALTH])])
    injured = [c for e in comp.events for c in e.conflicts if c.field == "figure:injured"]
    assert injured and {v.side for v in injured[0].values} == {"moldovan", "romanian"}
    off = Settings(data={**lexical.data, "align": {**lexical.section("align"), "figure_vague_reach": 0}})
    comp = compare_groups(off, [("moldovan", [ARMY]), ("romanian", [HEALTH])])
    assert not [c for e in comp.events for c in e.conflicts if c.field == "figure:injured"]
