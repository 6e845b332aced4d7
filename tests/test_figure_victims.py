"""Whose people a toll counts (session 19). Shapes seen on real coverage of a border clash
between two armies, restated in invented words, numbers and places:

* each side counts its own dead soldiers, and one side also claims how many of the other
  side's soldiers died: its own count and its claim count two groups, so neither contradicts
  the other side's count of its own dead, while its claim does contradict the other side's count
  of that same group;
* "N of its soldiers" is the speaker's own soldiers, the whole count of that group (not a part
  of a group told before, as "three of the four soldiers" is);
* a count "since hostilities began on Tuesday" is the clash's current toll, not a running
  total of a war.
"""

from __future__ import annotations

from fullpicture.align._figureclash import _clashes, figure_updates, victim_groups
from fullpicture.align._figurevalues import population
from fullpicture.align._victims import own_people, victims
from fullpicture.models import Figure
from fullpicture.models.comparison import ConflictValue
from fullpicture.settings import load_settings
from tests.helpers import analyze_text

CFG = load_settings().section("align")


def _item(side: str, doc: str, value: float, nation: str | None, date: str = "2025-04-02"):
    f = Figure(id=f"{doc}-{value}", start=0, end=2, text=str(value), value=value, low=value, high=value,
               counts="killed")
    return f, ConflictValue(side=side, value=str(value), document=doc, field="figure:killed",
                            population="servicemen", date=date, victims=nation)


def _clash():
    # Norland's own dead (30, later 44), Norland's claim of Suderian dead (300), Suderia's own (52)
    return {"norlandic": [_item("norlandic", "n1", 30, "NO"), _item("norlandic", "n2", 44, "NO", "2025-04-03"),
                          _item("norlandic", "n3", 300, "SE", "2025-05-10")],
            "suderian": [_item("suderian", "s1", 52, "SE")],
            "wire": [_item("wire", "w1", 90, None)]}


def test_a_claim_of_the_other_sides_dead_is_compared_with_that_sides_own_count():
    found, compared = _clashes({"killed": _clash()}, CFG)
    assert found == [("killed", "norlandic", "suderian")]
    # the values that clash: 300 Suderians (Norland's claim) against Suderia's 52
    assert sorted(v.value for items in compared["killed"].values() for _, v in items) == ["300", "52"]


def test_one_sides_own_dead_and_the_others_own_dead_are_no_contradiction():
    per_side = _clash()
    per_side["norlandic"] = per_side["norlandic"][:2]  # without the claim about the other side
    assert _clashes({"killed": per_side}, CFG)[0] == []
    off = {**CFG, "figure_victim_groups": False}  # compared as one toll, 44 against 52 clash
    assert _clashes({"killed": per_side}, off)[0] != []


def test_a_count_that_names_no_nation_is_kept_apart_only_where_two_nations_are_named():
    groups = victim_groups(_clash(), CFG)
    assert [sorted({cv.victims or "-" for items in g.values() for _, cv in items}) for g in groups] == \
        [["NO"], ["SE"], ["-"]]
    one_nation = {"norlandic": [_item("norlandic", "n1", 30, "NO")], "wire": [_item("wire", "w1", 90, None)]}
    assert victim_groups(one_nation, CFG) == [one_nation]
    assert _clashes({"killed": one_nation}, CFG)[0] == [("killed", "norlandic", "wire")]


def test_an_update_series_holds_one_nations_dead():
    series = figure_updates({"killed": _clash()}, CFG)
    assert [[v.value for v in s.values] for s in series] == [["30", "44"]]


def test_a_speakers_own_soldiers_are_the_count_not_a_part():
    a = analyze_text("Norland's defence ministry said 44 of its soldiers were killed in the clashes on "
                     "the border. Three of the four soldiers of one patrol died at the pass.",
                     published="2025-04-03")
    by_text = {f.text: f for f in a.figures}
    assert own_people(a, by_text["44"]) == "soldiers"
    assert population(a, by_text["44"]) == "servicemen"
    assert own_people(a, by_text["Three"]) is None


def test_whose_people_a_figure_names():
    a = analyze_text("Chile said some 300 Peruvian soldiers were killed in the fighting. The Peruvian "
                     "army said 52 Peruvians died and 12 soldiers were wounded.", published="2025-04-03")
    found = {f.text: victims(a, f) for f in a.figures}
    assert found == {"some 300": "PE", "52": "PE", "12": None}


def test_a_count_since_a_recent_start_is_the_current_toll():
    a = analyze_text("At least 38 soldiers have been killed since hostilities began on Tuesday morning, "
                     "the ministry said.", published="2025-04-03")
    assert [population(a, f) for f in a.figures if f.counts == "killed"] == ["servicemen"]
    b = analyze_text("At least 3,800 soldiers have been killed since hostilities began in 2020, the "
                     "ministry said.", published="2025-04-03")
    assert [population(b, f) for f in b.figures if f.counts == "killed"] == ["total"]
