"""Which of a side's figures stand for its account when sides are compared (session 18).

Shapes seen on real coverage of strikes, restated with invented numbers and sides:

* a side's own first count ("30 dead" on the day) that the same side raised two days later
  (57) is no longer its account: it must not make the sides agree with another side that stays
  at its own early count;
* an open bound ("at least 63") agrees with every higher value, so it says nothing of which
  value a side states: it cannot be the side's best-supported value and make its own closed
  values strays;
* a count told months later and far below a side's toll (one civilian killed in another
  strike, in a later article) is no update of that toll;
* a subgroup ("38 adults and 4 children") is no stage of an update series;
* two sides' days months apart in one row are two happenings, not a dispute about when.
"""

from __future__ import annotations

from fullpicture.align._conflicts import find_conflicts
from fullpicture.align._figureclash import _clashes
from fullpicture.align._figureseries import series_spans, superseded
from fullpicture.align._figurevalues import stray_free
from fullpicture.align._rowmembers import Member
from fullpicture.models import Figure
from fullpicture.models.comparison import ConflictValue
from fullpicture.settings import load_settings

CFG = load_settings().section("align")


def _item(side, value, doc, date, *, low=None, high=None, population="people", counts="killed", vague=False):
    text = str(value) if low is None else f"at least {value}"
    closed = low is None and high is None
    f = Figure(id=f"{doc}-{value}", start=0, end=len(text), text=text, value=float(value), counts=counts,
               low=float(value) if closed else (float(low) if low is not None else None),
               high=float(value) if closed else (float(high) if high is not None else None), vague=vague)
    return f, ConflictValue(side=side, value=text, document=doc, field=f"figure:{counts}",
                            population=population, date=date)


def _values(items):
    return sorted(v.value for _, v in items)


def test_a_stage_the_side_itself_raised_does_not_stand():
    east = [_item("ukrainian", 30, "e1", "2024-03-08"), _item("ukrainian", 57, "e2", "2024-03-10")]
    west = [_item("russian", 30, "w1", "2024-03-08"), _item("russian", 36, "w2", "2024-03-09")]
    standing = superseded({"ukrainian": east, "russian": west}, CFG)
    assert _values(standing["ukrainian"]) == ["57"] and _values(standing["russian"]) == ["36"]
    found, _ = _clashes({"killed": {"ukrainian": east, "russian": west}}, CFG)
    assert [c for c, *_ in found] == ["killed"]  # 57 against 36: the early 30s no longer agree


def test_no_stage_is_left_without_a_later_raise_or_for_a_side_of_no_state():
    same_day = [_item("ukrainian", 30, "e1", "2024-03-08"), _item("ukrainian", 57, "e2", "2024-03-08")]
    assert _values(superseded({"ukrainian": same_day}, CFG)["ukrainian"]) == ["30", "57"]
    years_later = [_item("ukrainian", 9, "e1", "2020-10-11"), _item("ukrainian", 26, "e2", "2024-10-11")]
    assert _values(superseded({"ukrainian": years_later}, CFG)["ukrainian"]) == ["26", "9"]
    wire = [_item("wire", 30, "x1", "2024-03-08"), _item("wire", 57, "x2", "2024-03-10")]
    assert _values(superseded({"wire": wire}, CFG)["wire"]) == ["30", "57"]
    off = {**CFG, "figure_superseded_days": 0}
    east = [_item("ukrainian", 30, "e1", "2024-03-08"), _item("ukrainian", 57, "e2", "2024-03-10")]
    assert _values(superseded({"ukrainian": east}, off)["ukrainian"]) == ["30", "57"]


def test_an_open_bound_is_never_the_best_supported_value():
    items = [_item("russian", 63, "r1", "2024-01-02"), _item("russian", 63, "r2", "2024-01-02"),
             _item("russian", 89, "r3", "2024-01-04"), _item("russian", 89, "r4", "2024-01-04"),
             _item("russian", 89, "r5", "2024-01-04"),
             _item("russian", 63, "r6", "2024-01-02", low=63)]  # "at least 63": agrees with all of them
    kept = stray_free(items, CFG)
    assert _values(kept).count("63") == 2  # the closed 63s are the side's first count, not strays


def test_a_far_lower_count_months_later_is_no_update():
    items = [_item("ukrainian", 400, f"u{k}", "2024-01-01") for k in range(4)]
    items.append(_item("ukrainian", 1, "u9", "2024-07-05", population="civilians"))
    assert _values(stray_free(items, CFG)) == ["400"] * 4
    rise = [*items[:4], _item("ukrainian", 420, "u8", "2024-01-05")]
    assert "420" in _values(stray_free(rise, CFG))  # a later, higher count is an update
    off = {**CFG, "figure_update_min_share": 0.0}
    assert "1" in _values(stray_free(items, off))


def test_a_subgroup_is_no_stage_of_a_series():
    per_side = {"ukrainian": [_item("ukrainian", 57, "e1", "2024-03-10"),
                              _item("ukrainian", 5, "e2", "2024-03-08", population="children")]}
    assert series_spans(per_side) == []


def test_days_months_apart_are_two_happenings_not_a_dispute():
    from fullpicture.align._util import EntityIndex
    from tests.fixtures.align.build import north, south

    a, b = north(), south()
    ev_a = a.events[0].model_copy(update={"date": "2023-01-03"})
    ev_b = b.events[0].model_copy(update={"date": "2022-04"})
    members = [Member("north", a, ev_a), Member("south", b, ev_b)]
    index = EntityIndex([a, b])
    assert "date" not in {c.field for c in find_conflicts(members, index, CFG)}
    assert "date" in {c.field for c in find_conflicts(members, index, {**CFG, "date_conflict_max_days": 0})}
    members[1] = Member("south", b, ev_b.model_copy(update={"date": "2023-01-05"}))
    assert "date" in {c.field for c in find_conflicts(members, index, CFG)}  # two days apart: a dispute


def test_a_toll_quoted_from_a_compared_side_is_its_account_in_any_row():
    """A wire quotes one state's ministry in a row no document of that state tells: the toll is
    still that state's account (reported by the wire), because the state is a compared side."""
    from fullpicture.align._figureitems import event_figures, incident_figures
    from fullpicture.align._util import EntityIndex
    from tests.helpers import analyze_text

    wire = analyze_text("Romania's defence ministry said 40 people were killed in the strike on the Vilkovo depot.",
                        published="2024-05-02")
    own = analyze_text("Twelve people were killed in the strike on the Vilkovo depot, the Moldovan police said.",
                       published="2024-05-02")
    members = [Member("wire", wire, next(e for e in wire.events if event_figures(wire, e))),
               Member("moldovan", own, next(e for e in own.events if event_figures(own, e)))]
    index = EntityIndex([wire, own])
    every = incident_figures(members, index, sides=["moldovan", "romanian", "wire"])["killed"]
    assert [(v.value, v.reported_by) for _, v in every["romanian"]] == [("40", "wire")]
    assert "wire" not in every
    row_only = incident_figures(members, index)["killed"]
    assert [v.value for _, v in row_only["wire"]] == ["40"]  # the row's sides only: the wire keeps it


def test_a_count_told_as_an_earlier_report_is_never_compared():
    from fullpicture.align._figurevalues import population
    from tests.helpers import analyze_text

    a = analyze_text("Число погибших при обстреле города достигло десяти. Ранее сообщалось о шести погибших и 20 пострадавших.")
    pops = {f.text: population(a, f) for f in a.figures}
    assert pops.get("десяти") != "earlier" and pops.get("шести") == "earlier" and pops.get("20") == "earlier", pops
    b = analyze_text("Initially the governor reported 40 dead. The toll later rose to 52.")
    pops = {f.text: population(b, f) for f in b.figures}
    assert pops.get("40") == "earlier" and pops.get("52") != "earlier", pops
    c = analyze_text("Rockets killed five people in the town on Monday, officials said.")
    assert all(population(c, f) != "earlier" for f in c.figures)


def test_a_definite_speaker_speaks_for_the_state_the_document_named():
    """"the ministry" after "Russia's defence ministry" is that state's ministry; with two states'
    ministries named, it is neither's."""
    from fullpicture.align._agents import claim_state
    from fullpicture.align._util import EntityIndex
    from tests.helpers import analyze_text

    def states(text):
        a = analyze_text(text)
        return [claim_state(a, f.claim, EntityIndex([a])) for f in a.figures if f.value == 40]

    assert states("Moldova's interior ministry said the depot was hit twice. "
                  '"Forty guards were killed," the ministry said in a statement.') == ["MD"]
    assert states('"Forty guards were killed," the interior ministry said. '
                  "Moldova's interior ministry later said the depot was hit twice.") == ["MD"]
    assert states("Romania's interior ministry said two were hurt. Moldova's interior ministry denied it. "
                  '"Forty guards were killed," the ministry said.') == [None]


def test_a_vague_part_told_about_the_counted_is_no_breakdown():
    from fullpicture.align._figurevalues import population
    from tests.helpers import analyze_text

    for text in ("The blast killed at least 50 guards, many of whom had served at the depot for years.",
                 "The blast killed 40 guards including some who had served at the depot."):
        a = analyze_text(text)
        assert [population(a, f) for f in a.figures if f.counts == "killed"] != ["mixed"], text
    a = analyze_text("The shelling killed 12 people, including three children.")
    assert population(a, next(f for f in a.figures if f.value == 12)) == "mixed"
