"""Rival counts and numbers that are no tolls (session 27): invented texts and values.

Shapes seen on real coverage of strikes whose tolls the sides and outside bodies dispute,
restated with made-up towns, names and numbers, every side read alike:

* a wire or an outside body's own count above a state's "at least N" is no relay of that floor:
  it stays the wire's account and can clash with the state's own closed count;
* a wire's first-day count below a state's count two days later, where the state
  had itself stated the count at or below it on the first day, is a stage of a rising toll, no
  rival count; two values of one day still clash;
* a toll counted "since" a day weeks before the report is a campaign's running total, not the
  strike's toll; "since Monday" stays the happening's;
* the hour and the minutes of a clock time ("as of 9:15") in a word-list language, "one of the
  injured died overnight" in Russian, and people's ages in apposition ("Lia Zorn, 34") are no
  counts of the toll.
"""

from __future__ import annotations

from fullpicture import analyze, analyze_document, load_settings
from fullpicture.align._figureclash import _clashes
from fullpicture.align._figureseries import without_relayed
from fullpicture.align._figurevalues import population
from fullpicture.models import Figure
from fullpicture.models.comparison import ConflictValue
from tests._events_helpers import analyze_zoned

CFG = {"figure_tolerance": 0.0, "figure_tolerance_approx": 0.15}


def _item(side: str, doc: str, value: float, low: bool = False, date: str = "2024-05-02"):
    f = Figure(id=f"{doc}-{value}", start=0, end=2, text=str(value), value=value, low=value,
               high=None if low else value, counts="killed")
    return f, ConflictValue(side=side, value=str(value), document=doc, field="figure:killed",
                            population="people", date=date)


def test_a_wires_own_count_above_a_states_floor_is_no_relay_of_it():
    per_side = {"Moldova": [_item("Moldova", "md1", 52), _item("Moldova", "md2", 52)],
                "Romania": [_item("Romania", "ro1", 52, low=True)],
                "wire": [_item("wire", "w1", 52), _item("wire", "w2", 67)]}
    mine = without_relayed(per_side, CFG, "killed")
    assert [f.value for f, _ in mine["wire"]] == [67]  # the 52 is Moldova's relayed, the 67 the wire's own
    found, _ = _clashes({"killed": per_side}, CFG)
    assert ("killed", "Moldova", "wire") in found
    assert ("killed", "Romania", "wire") not in found  # "at least 52" and 67 can both be right


def test_a_wire_relaying_a_states_floor_still_relays_it():
    per_side = {"Romania": [_item("Romania", "ro1", 52, low=True)],
                "wire": [_item("wire", "w1", 52, low=True), _item("wire", "w2", 30)]}
    assert [f.value for f, _ in without_relayed(per_side, CFG, "killed")["wire"]] == [30]


def _dated(side: str, doc: str, value: float, date: str):
    f, v = _item(side, doc, value, date=date)
    return f, v.model_copy(update={"side": side})


CFG_DAYS = {**CFG, "figure_superseded_days": 14, "figure_cross_day_stages": True}


def test_a_first_day_count_below_a_toll_that_rose_later_is_a_stage():
    per_side = {"Moldova": [_dated("Moldova", "md1", 19, "2024-05-02"), _dated("Moldova", "md2", 33, "2024-05-04")],
                "wire": [_dated("wire", "w1", 24, "2024-05-02")]}
    assert _clashes({"killed": per_side}, CFG_DAYS)[0] == []
    # off: the first day's 24 and the later 33 read as two accounts
    assert _clashes({"killed": per_side}, {**CFG_DAYS, "figure_cross_day_stages": False})[0] == [("killed", "Moldova", "wire")]


def test_a_later_count_of_a_side_that_never_stated_less_is_still_a_rival():
    per_side = {"Moldova": [_dated("Moldova", "md1", 41, "2024-05-04"), _dated("Moldova", "md2", 41, "2024-05-05")],
                "Romania": [_dated("Romania", "ro1", 12, "2024-05-02")]}
    assert _clashes({"killed": per_side}, CFG_DAYS)[0] == [("killed", "Moldova", "Romania")]


def test_two_counts_of_one_day_still_clash_beside_a_passed_stage():
    per_side = {"Moldova": [_dated("Moldova", "md1", 19, "2024-05-02"), _dated("Moldova", "md2", 30, "2024-05-04")],
                "wire": [_dated("wire", "w1", 24, "2024-05-02"), _dated("wire", "w2", 45, "2024-05-04")]}
    assert _clashes({"killed": per_side}, CFG_DAYS)[0] == [("killed", "Moldova", "wire")]


def _pops_on(text: str, published: str, language: str = "en") -> dict[float, str]:
    from fullpicture.ingest import Document
    from fullpicture.ingest._document import content_id
    from fullpicture.models import DocumentInfo, Zone

    info = DocumentInfo(id=content_id(text), source="<test>", published=published, format="text", language=language)
    a = analyze_document(Document(text=text, info=info, zones=(Zone(kind="body", start=0, end=len(text)),)),
                         load_settings())
    return {f.value: population(a, f) for f in a.figures if f.value is not None}


def test_a_toll_since_a_day_weeks_before_the_report_is_a_running_total():
    assert _pops_on("Since 3 June, the toll in the province has risen to 9,120 dead, the ministry said.",
                    "2024-08-20") == {9120: "total"}
    assert _pops_on("Some 9,120 people have been killed in the province since 3 June, the ministry said.",
                    "2024-08-20") == {9120: "total"}
    assert _pops_on("Depuis le 3 juin, 9120 personnes ont été tuées dans la province, selon le ministère.",
                    "2024-08-20", "fr") == {9120: "total"}
    assert _pops_on("С 3 июня в провинции погибли 9120 человек, сообщило министерство.",
                    "2024-08-20", "ru") == {9120: "total"}


def test_a_toll_since_this_weeks_day_is_the_happenings():
    assert _pops_on("Since Monday, 41 people have been killed in Zorvik, the ministry said.", "2024-08-20") \
        == {41: "people"}
    assert _pops_on("Since 16 August, 41 people have been killed in Zorvik, the ministry said.", "2024-08-20") \
        == {41: "people"}
    a = analyze_zoned("Since 3 June, 41 people have been killed in Zorvik, the ministry said.",
                      [("body", 0, 68)])
    assert [population(a, f) for f in a.figures] == ["people"]  # no publication day: nothing to measure


def test_the_hour_and_minutes_of_a_clock_time_are_no_count():
    a = analyze("О 9:15 у Зорвику загинули 17 осіб, повідомив мер.")
    assert [(f.value, f.counts) for f in a.figures] == [(17, "killed")]
    a = analyze("О 6h40 у Зорвику загинули 13 осіб.")
    assert [f.value for f in a.figures] == [13]


def test_one_of_the_injured_who_died_is_a_part_in_russian():
    a = analyze("Один из пострадавших умер утром в Зорвике.")
    assert [population(a, f) for f in a.figures] == ["part"]
    a = analyze("Число погибших в Зорвике выросло до 23. Один из раненых скончался в больнице.")
    assert {f.value: population(a, f) for f in a.figures} == {23: "people", 1: "part"}


def test_ages_in_apposition_are_no_count():
    def values(text: str) -> list[float | None]:
        return [f.value for f in analyze(text).figures]

    assert values("The army freed Lia Zorn, 34, Omer Tal, 19, and Ben Aro, 52, in Zorvik.") == []
    assert values("A woman and her sons, 6 and 13, died in the strike on Zorvik.") == []
    assert values("Иван Петров, 58, погиб в Зорвике.") == []
    # a count after a comma that counts someone, or a town's count, stays
    assert values("The strike killed the driver, 12 passengers and a guard in Zorvik.") == [12]
    assert values("Officials said 12 were killed in Zorvik, 30 in Tarnow.") == [12, 30]
    assert values("The toll in Zorvik rose to 14, officials said.") == [14]
