"""What a count is a value of (session 23): invented texts restating shapes seen on real coverage.

A French toll written "cinquante et une"; a toll of last month's strike told in the report of
today's; a count told inside what a state denies; a denial of a detail ("denying claims that it
used a van") read as a denial of the attack; a side's preliminary count that its own later words
exceed on the same day; a region's running count; an earlier happening's toll recalled to set
the day's in time. Towns, states' deeds and numbers are made up.
"""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._denials import denies_other_act
from fullpicture.align._figureitems import _preliminary_stages, incident_figures
from fullpicture.align._figuretold import preliminary
from fullpicture.align._figurevalues import population
from fullpicture.align._rowmembers import Member
from fullpicture.align._util import EntityIndex
from fullpicture.models import Figure
from fullpicture.models.comparison import ConflictValue
from tests.helpers import analyze_text


def _counts(text: str) -> list[tuple[float | None, float | None, str | None]]:
    return [(f.low, f.high, f.counts) for f in analyze(text).figures]


def test_a_french_tens_word_joined_to_its_unit_is_one_number():
    assert (51.0, 51.0, "killed") in _counts("Cinquante et une personnes ont été tuées jeudi à Zorvik.")
    assert (71.0, None, "killed") in _counts("Au moins soixante et onze personnes ont été tuées à Zorvik.")
    assert (20.0, 30.0, "killed") in _counts("Entre vingt et trente personnes ont été tuées à Zorvik.")


def _members(a, side: str) -> list[Member]:
    return [Member(side=side, analysis=a, event=e) for e in a.events]


def _killed(figs) -> dict[str, set[float | None]]:
    return {side: {f.value for f, _ in items} for side, items in figs.get("killed", {}).items()}


def test_a_toll_of_last_months_strike_is_no_value_of_todays():
    a = analyze_text("A drone struck the market in Zorvik on Monday, killing four people, the Moldovan ministry "
                     "said.\n\nA missile strike on the same market last month killed 19 people.\n",
                     published="2024-06-04")
    members = _members(a, "moldovan")
    assert _killed(incident_figures(members, accounts=False, coarse_slack_days=0)) == {"moldovan": {4.0}}
    # the week's slack between days alone would let the month that ended three days before in
    assert 19.0 in _killed(incident_figures(members, accounts=False))["moldovan"]


DENIAL = ("Zorvik market strike\n\nA missile hit the market in Zorvik on Tuesday. Moldova has denied "
          "carrying out the attack on Tuesday, when four people were killed in Zorvik.\n")


def test_a_count_told_inside_a_denial_is_no_count_of_the_denier():
    a = analyze_text(DENIAL, published="2024-06-05")
    idx = EntityIndex([a])
    sides = ["moldovan", "romanian", "wire"]
    told = incident_figures(_members(a, "wire"), idx, sides=sides, denial_content=True)["killed"]
    assert {s: [v.reported_by for _, v in items] for s, items in told.items()} == {"wire": [None]}
    old = incident_figures(_members(a, "wire"), idx, sides=sides)["killed"]
    assert set(old) == {"moldovan"}  # read as the denier's own count before
    # the denying state's own press states no count of what it denies
    assert "killed" not in incident_figures(_members(a, "moldovan"), idx, sides=sides, denial_content=True)


def test_a_denial_of_a_detail_is_no_denial_of_the_attack():
    a = analyze("Moldova keeps denying reports that it drove a delivery van into the camp in Zorvik.")
    denial = next(e for e in a.events if e.trigger.text == "denying")
    assert denies_other_act(a, denial, {"ASSAULT"})
    b = analyze("The Moldovan army denied reports that its troops had shelled the school in Zorvik.")
    denial = next(e for e in b.events if e.trigger.text == "denied")
    assert not denies_other_act(b, denial, {"ASSAULT"})


def _item(doc: str, low: float, high: float | None, side: str = "moldovan") -> tuple[Figure, ConflictValue]:
    fig = Figure(id=f"f{low:g}", start=0, end=2, text=f"{low:g}", value=low, low=low, high=high, counts="injured")
    return fig, ConflictValue(side=side, value=f"{low:g}", document=doc, population="people", date="2024-06-03")


def test_a_preliminary_count_its_side_exceeds_the_same_day_is_an_earlier_stage():
    early, later = _item("d1", 35, 35), _item("d2", 53, None)  # "preliminary: 35 injured"; "more than 53"
    out = _preliminary_stages([early, later], "moldovan", {("d1", "f35")})
    assert [cv.population for _, cv in out] == ["earlier", "people"]
    # not exceeded, not told as preliminary, or a side of no state: it stands
    assert _preliminary_stages([early, _item("d2", 30, 30)], "moldovan", {("d1", "f35")})[0][1].population == "people"
    assert _preliminary_stages([early, later], "moldovan", set()) == [early, later]
    wire = [_item("d1", 35, 35, "wire"), _item("d2", 53, None, "wire")]
    assert _preliminary_stages(wire, "wire", {("d1", "f35")}) == wire


def test_a_count_told_as_preliminary():
    a = analyze("According to preliminary information, five people were killed in Zorvik.")
    b = analyze("Five people were killed in Zorvik, the governor said.")
    assert [preliminary(a, f) for f in a.figures] == [True]
    assert [preliminary(b, f) for f in b.figures] == [False]


def test_a_regions_running_count_is_a_total():
    a = analyze("The number of people dead in the territory has exceeded 27 people.")
    assert [population(a, f) for f in a.figures] == ["total"]


def test_an_earlier_happenings_toll_recalled_to_set_the_day_is_no_value():
    a = analyze("The strike on Zorvik came just four days after a rocket attack that killed 7 villagers there.")
    assert [population(a, f) for f in a.figures if f.value == 7] == ["recalled"]
    # a follow-up telling its own incident with a definite article keeps the toll
    b = analyze("Two days after the strike that killed 12 people, rescuers were still searching the rubble in Zorvik.")
    assert [population(b, f) for f in b.figures if f.value == 12] == ["people"]
