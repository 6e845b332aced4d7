"""A wire that relays two accounts of one toll (a peacekeeping force's 25 injured soldiers and a
president's 41) states both; the value that a state's own press also states is that state's
account relayed, and the wire's own account is the other one (shapes seen on real coverage of a
clash between peacekeepers and protesters, restated with invented numbers and labels)."""

from __future__ import annotations

from fullpicture.align._figureclash import _clashes
from fullpicture.align._figureseries import without_relayed
from fullpicture.models import Figure
from fullpicture.models.comparison import ConflictValue

CFG = {"figure_tolerance": 0.0, "figure_tolerance_approx": 0.15}


def _item(side: str, doc: str, value: float, population: str = "servicemen", low: bool = False,
          date: str = "2024-05-02"):
    f = Figure(id=f"{doc}-{value}", start=0, end=2, text=str(value), value=value, low=value,
               high=None if low else value, counts="injured")
    return f, ConflictValue(side=side, value=str(value), document=doc, field="figure:injured",
                            population=population, date=date)


def test_a_wire_torn_between_two_accounts_keeps_its_own():
    per_side = {"Moldova": [_item("Moldova", "md1", 41), _item("Moldova", "md2", 41)],
                "wire": [_item("wire", "w1", 25), _item("wire", "w1", 41), _item("wire", "w2", 41)]}
    mine = without_relayed(per_side, CFG, "injured")
    assert [f.value for f, _ in mine["wire"]] == [25]
    assert mine["Moldova"] == per_side["Moldova"]
    found, _ = _clashes({"injured": per_side}, CFG)
    assert found == [("injured", "Moldova", "wire")]


def test_a_wire_of_one_account_agrees_with_the_side_it_matches():
    per_side = {"Moldova": [_item("Moldova", "md1", 41)],
                "wire": [_item("wire", "w1", 41), _item("wire", "w2", 41)]}
    assert without_relayed(per_side, CFG, "injured") == per_side
    assert _clashes({"injured": per_side}, CFG)[0] == []


def test_without_a_side_of_a_state_nothing_is_relayed():
    per_side = {"wire": [_item("wire", "w1", 25), _item("wire", "w2", 41)],
                "agency": [_item("agency", "a1", 41)]}
    assert without_relayed(per_side, CFG, "injured") == per_side


def test_two_values_of_one_document_do_not_tear_a_wire():
    """One report's 4 and 800 are more often two things counted than two accounts."""
    per_side = {"Moldova": [_item("Moldova", "md1", 4)],
                "wire": [_item("wire", "w1", 4), _item("wire", "w1", 800)]}
    assert without_relayed(per_side, CFG, "injured") == per_side


def test_a_wire_whose_toll_rose_by_the_next_day_is_not_torn():
    """5 on the first day and 12 on the next: the wire's own update, not a second account;
    a lower value on the later day still tears it."""
    per_side = {"Moldova": [_item("Moldova", "md1", 5)],
                "wire": [_item("wire", "w1", 5), _item("wire", "w2", 12, date="2024-05-03")]}
    assert without_relayed(per_side, CFG, "injured") == per_side
    per_side["wire"] = [_item("wire", "w1", 12), _item("wire", "w2", 5, date="2024-05-03")]
    assert [f.value for f, _ in without_relayed(per_side, CFG, "injured")["wire"]] == [12]


def test_stages_of_one_series_do_not_tear_a_wire():
    """5 and 12 lie inside the state's own series 5 -> 13: no two accounts."""
    per_side = {"Moldova": [_item("Moldova", "md1", 5), _item("Moldova", "md2", 13)],
                "wire": [_item("wire", "w1", 5), _item("wire", "w2", 12)]}
    assert without_relayed(per_side, CFG, "injured", [(5.0, 13.0)]) == per_side
    assert _clashes({"injured": per_side}, CFG)[0] == []


def test_counts_of_different_people_do_not_tear_a_wire():
    """25 soldiers and 52 protesters of one wire are two counts, not two accounts."""
    per_side = {"Moldova": [_item("Moldova", "md1", 52, "protesters")],
                "wire": [_item("wire", "w1", 25), _item("wire", "w1", 52, "protesters")]}
    assert without_relayed(per_side, CFG, "injured") == per_side


def test_protesters_and_the_forces_they_clash_with_are_two_counts() -> None:
    """"52 protesters were injured" and "30 police officers were injured" of one clash count
    different people; a count of people compares with either."""
    from fullpicture.align._figurevalues import comparable, population
    from tests.helpers import analyze_text

    a = analyze_text("At least 52 protesters were injured in the clash at the town hall. "
                     "Thirty police officers were also hurt, the ministry said.", published="2024-05-02")
    pops = {f.text: population(a, f) for f in a.figures}
    assert pops["At least 52"] == "protesters", pops
    assert not comparable("protesters", "police") and not comparable("protesters", "servicemen")
    assert comparable("protesters", "people")


def test_a_bound_set_against_a_relayed_rival_count_is_no_floor_under_it():
    """A wire's "more than 15 injured" (one side's authorities) in a report that also relays the
    other side's "about 300" is a rival count: it clashes with the 300, where a bare floor would
    not; a bound in a report that relays nothing stays a floor."""
    from fullpicture.align._figureseries import rival_bounds

    bound = _item("wire", "w1", 15, "people", low=True)
    relayed = _item("Moldova", "w1", 300, "people")
    relayed[1].reported_by = "wire"
    per_side = {"Moldova": [relayed, _item("Moldova", "md1", 300, "people")], "wire": [bound]}
    capped = rival_bounds(per_side, 2.0)
    assert capped["wire"][0][0].high == 30 and capped["Moldova"] == per_side["Moldova"]
    assert _clashes({"injured": per_side}, {**CFG, "figure_rival_bound_reach": 2.0})[0] == [("injured", "Moldova", "wire")]
    assert _clashes({"injured": per_side}, CFG)[0] == []
    alone = {"Moldova": [_item("Moldova", "md1", 300, "people")], "wire": [bound]}
    assert rival_bounds(alone, 2.0) == alone
