"""Tolls that rose across reports of different sides (session 42, tolls): invented values.

Shapes seen on real coverage of strikes whose tolls rose over a day or two, restated with made-up
sides' numbers and days, every side read alike:

* a wire's count between a state's first count and the count the state gave the next day lies
  inside that state's own series (the stages it has since raised included): a stage, no rival;
* a state's own count inside the other state's series stays its account and clashes, yet its
  count equal to a first count the other state gave once and then raised relays that stage;
* of two sides' counts told a day apart, the later one higher, the earlier side's first count is
  a stage the toll has passed; two counts of one day, counts weeks apart (an inquiry's later
  count) and a count the earlier side had itself raised to still clash, and so do sides whose
  counts of one day differ beside such a rise; running counts (people who fled so far) keep
  their own switch;
* a wire's count below a state's of the same day is an earlier stage it relays; a wire's count
  above it, two states' counts of one day and counts of two days still clash.
"""

from __future__ import annotations

from fullpicture.align._daystages import next_day_rise
from fullpicture.align._figureclash import _clashes
from tests.helpers import figure_item as _item

CFG = {"figure_tolerance": 0.0, "figure_tolerance_approx": 0.15, "figure_superseded_days": 14,
       "figure_stray_support": 0.5}


def test_a_wires_count_inside_a_states_raised_series_is_a_stage():
    per_side = {"Moldova": [_item("Moldova", "md1", 14, "2024-05-02"), _item("Moldova", "md2", 14, "2024-05-02"),
                            _item("Moldova", "md3", 31, "2024-05-03"), _item("Moldova", "md4", 31, "2024-05-03")],
                "wire": [_item("wire", "w1", 27, "2024-05-03"), _item("wire", "w2", 27, "2024-05-03")]}
    assert _clashes({"killed": per_side}, {**CFG, "figure_series_stages": True})[0] == []
    # off: the state's 14 is superseded, its series is 31 alone, and the wire's 27 reads as a rival
    assert _clashes({"killed": per_side}, CFG)[0] == [("killed", "Moldova", "wire")]


def test_a_wires_count_beyond_a_states_series_still_clashes():
    per_side = {"Moldova": [_item("Moldova", "md1", 14, "2024-05-02"), _item("Moldova", "md2", 14, "2024-05-02"),
                            _item("Moldova", "md3", 31, "2024-05-03"), _item("Moldova", "md4", 31, "2024-05-03")],
                "wire": [_item("wire", "w1", 58, "2024-05-03"), _item("wire", "w2", 58, "2024-05-03")]}
    assert _clashes({"killed": per_side}, {**CFG, "figure_series_stages": True})[0] == [("killed", "Moldova", "wire")]


def test_a_count_raised_the_next_day_by_another_side_is_an_update():
    per_side = {"Moldova": [_item("Moldova", "md1", 16, "2024-05-02")],
                "Romania": [_item("Romania", "ro1", 25, "2024-05-03")]}
    cfg = {**CFG, "figure_rising_days": 1}
    assert _clashes({"killed": per_side}, cfg)[0] == []
    assert _clashes({"killed": per_side}, {**cfg, "figure_rising_days": 0})[0] == [("killed", "Moldova", "Romania")]


def test_counts_of_one_day_weeks_apart_or_falling_still_clash():
    cfg = {**CFG, "figure_rising_days": 1}
    same_day = {"Moldova": [_item("Moldova", "md1", 16, "2024-05-03")],
                "Romania": [_item("Romania", "ro1", 25, "2024-05-03")]}
    weeks = {"Moldova": [_item("Moldova", "md1", 16, "2024-05-02")],
             "Romania": [_item("Romania", "ro1", 25, "2024-05-30")]}
    falling = {"Moldova": [_item("Moldova", "md1", 25, "2024-05-02")],
               "Romania": [_item("Romania", "ro1", 16, "2024-05-03")]}
    for per_side in (same_day, weeks, falling):
        assert _clashes({"killed": per_side}, cfg)[0] == [("killed", "Moldova", "Romania")]


def test_sides_that_differ_on_one_day_still_clash_beside_a_rise():
    per_side = {"Moldova": [_item("Moldova", "md1", 16, "2024-05-02"), _item("Moldova", "md2", 16, "2024-05-03")],
                "Romania": [_item("Romania", "ro1", 25, "2024-05-03"), _item("Romania", "ro2", 25, "2024-05-03")]}
    assert _clashes({"killed": per_side}, {**CFG, "figure_rising_days": 1})[0] == [("killed", "Moldova", "Romania")]


def test_a_count_the_earlier_side_had_itself_raised_to_still_clashes():
    own = [_item("Moldova", "md0", 9, "2024-05-01"), _item("Moldova", "md1", 16, "2024-05-02")]
    late = _item("Romania", "ro1", 25, "2024-05-03")
    assert not next_day_rise(own[1], late, 1, {"Moldova": own, "Romania": [late]})  # 9, then 16: its own count
    assert next_day_rise(own[1], late, 1, {"Moldova": own[1:], "Romania": [late]})


def test_a_states_count_inside_another_states_raised_series_still_clashes():
    per_side = {"Moldova": [_item("Moldova", "md1", 14, "2024-05-02"), _item("Moldova", "md2", 14, "2024-05-02"),
                            _item("Moldova", "md3", 31, "2024-05-03"), _item("Moldova", "md4", 31, "2024-05-03")],
                "Romania": [_item("Romania", "ro1", 27, "2024-05-03"), _item("Romania", "ro2", 27, "2024-05-03")]}
    assert _clashes({"killed": per_side}, {**CFG, "figure_series_stages": True})[0] == [("killed", "Moldova", "Romania")]


def test_next_day_rise_reads_days_not_months():
    early, late = _item("Moldova", "md1", 16, "2024-05"), _item("Romania", "ro1", 25, "2024-06-01")
    assert not next_day_rise(early, late, 1, {})  # a month is no day: no rise read
    assert next_day_rise(_item("Moldova", "md1", 16, "2024-05-31"), late, 1, {})
    assert not next_day_rise(_item("Moldova", "md1", 16, "2024-05-31"), late, 0, {})


def test_a_first_count_one_report_gave_and_the_side_raised_is_a_stage_another_side_relays():
    per_side = {"Moldova": [_item("Moldova", "md1", 11, "2024-05-02"), _item("Moldova", "md2", 33, "2024-05-03"),
                            _item("Moldova", "md3", 33, "2024-05-03"), _item("Moldova", "md4", 33, "2024-05-03")],
                "Romania": [_item("Romania", "ro1", 11, "2024-05-04")]}
    assert _clashes({"killed": per_side}, {**CFG, "figure_series_stages": True})[0] == []
    # off: the 11 is a stray of the side's values, no stage it left behind, and the later 11 reads as a rival
    assert _clashes({"killed": per_side}, CFG)[0] == [("killed", "Moldova", "Romania")]


def test_a_running_count_keeps_its_own_switch():
    per_side = {"Moldova": [_item("Moldova", "md1", 1600, "2024-05-02", counts="displaced")],
                "Romania": [_item("Romania", "ro1", 4200, "2024-05-03", counts="displaced")]}
    cfg = {**CFG, "figure_rising_days": 1, "figure_running_counts": ["displaced"]}
    assert _clashes({"displaced": per_side}, cfg)[0] == [("displaced", "Moldova", "Romania")]
    assert _clashes({"displaced": per_side}, {**cfg, "figure_running_counts": []})[0] == []


def test_a_wires_count_below_a_states_of_the_same_day_is_a_stage():
    cfg = {**CFG, "figure_same_day_wire_stages": True}
    below = {"Moldova": [_item("Moldova", "md1", 19, "2024-05-02")], "wire": [_item("wire", "w1", 8, "2024-05-02")]}
    assert _clashes({"killed": below}, cfg)[0] == []
    assert _clashes({"killed": below}, CFG)[0] == [("killed", "Moldova", "wire")]
    above = {"Moldova": [_item("Moldova", "md1", 8, "2024-05-02")], "wire": [_item("wire", "w1", 19, "2024-05-02")]}
    states = {"Moldova": [_item("Moldova", "md1", 19, "2024-05-02")],
              "Romania": [_item("Romania", "ro1", 8, "2024-05-02")]}
    days = {"Moldova": [_item("Moldova", "md1", 19, "2024-05-02")], "wire": [_item("wire", "w1", 8, "2024-05-04")]}
    assert _clashes({"killed": above}, cfg)[0] == [("killed", "Moldova", "wire")]
    assert _clashes({"killed": states}, cfg)[0] == [("killed", "Moldova", "Romania")]
    assert _clashes({"killed": days}, cfg)[0] == [("killed", "Moldova", "wire")]
