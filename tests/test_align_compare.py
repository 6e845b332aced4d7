"""Alignment on hand-built analyses (illustrative texts, see tests/fixtures/align/build.py)."""

from __future__ import annotations

import pytest

from fullpicture.align import assign_sides, compare
from tests.fixtures.align.build import north, south


@pytest.fixture(scope="module")
def comp(lexical):
    docs = [north(), south()]
    return compare(docs, assign_sides(docs), settings=lexical)


def _event_with(comp, doc, ev):
    return next(e for e in comp.events if any(m.document == doc and m.event == ev for m in e.mentions))


def test_offensive_aligned_across_differently_named_places_and_metonyms(comp):
    ev = _event_with(comp, "doc-north", "ev1")
    assert {(m.document, m.event) for m in ev.mentions} == {("doc-north", "ev1"), ("doc-south", "ev1")}
    assert ev.sides == ["north", "south"]
    # the more specific of two compatible dates is shown
    assert ev.date == "2023-09-19"
    words = {w.side: w for w in ev.wording}
    assert words["north"].triggers == ["measures"] and words["south"].triggers == ["offensive"]
    assert "counter-terrorist measures" in words["north"].framing
    assert "large-scale military offensive" in words["south"].framing


def test_month_and_day_dates_do_not_conflict_but_figures_do(comp):
    ev = _event_with(comp, "doc-north", "ev1")
    fields = {c.field: c for c in ev.conflicts}
    assert "date" not in fields
    assert "place" not in fields and "agent" not in fields  # same GeoNames id, metonym resolved
    killed = fields["figure:killed"]
    vals = {v.side: v for v in killed.values}
    assert vals["north"].value == "30" and vals["south"].value == "200"
    assert vals["north"].claim == "c1" and vals["south"].claim == "c1"
    n = north()
    assert n.text[vals["north"].start : vals["north"].end] == "30 militants"


def test_omissions_ranked_by_salience(comp):
    by_event = {o.event: o for o in comp.omissions}
    flight = _event_with(comp, "doc-south", "ev2")
    ceasefire = _event_with(comp, "doc-north", "ev2")
    assert by_event[flight.id].reported_by == ["south"] and by_event[flight.id].missing_from == ["north"]
    assert by_event[ceasefire.id].missing_from == ["south"]
    order = [o.event for o in comp.omissions]
    assert order.index(flight.id) < order.index(ceasefire.id)
    assert comp.omissions[0].salience >= comp.omissions[-1].salience


def test_claims_agree_contradict_only(comp):
    rel = {g.relation: [] for g in comp.claims}
    for g in comp.claims:
        rel[g.relation].append({(m.document, m.claim) for m in g.members})
    assert {("doc-north", "c2"), ("doc-south", "c2")} in rel["agree"]
    assert {("doc-north", "c1"), ("doc-south", "c1")} in rel["contradict"]
    contra = next(g for g in comp.claims if g.relation == "contradict")
    assert "killed" in (contra.reason or "")


def test_naming_table(comp):
    row = next(r for r in comp.naming if {v.name for v in r.variants} >= {"Khanville", "Stepanville"})
    sides = {v.side: v.name for v in row.variants}
    assert sides == {"north": "Khanville", "south": "Stepanville"}
    assert row.geo and row.geo["geonames_id"] == 585000
    assert next(v for v in row.variants if v.name == "Khanville").count == 2
    assert not any(r.entity == "Northland" and len({v.name for v in r.variants}) == 1 for r in comp.naming)


def test_framing_contrast_and_tone(comp):
    cats = {(f.side, f.term) for f in comp.framing if f.kind == "category"}
    assert ("north", "euphemism") in cats
    words = {(f.side, f.term) for f in comp.framing if f.kind == "word"}
    assert ("north", "khanville") in words and ("south", "stepanville") in words
    assert comp.framing and all(f.score >= 1.0 for f in comp.framing)
    assert comp.tone == {"north": {"Northland": 0.6}, "south": {"Northland": -0.8}}


def test_three_sides_several_documents(lexical):
    a, b = north(), south()
    c = south(perspective="observer").model_copy(deep=True)
    c.document.id = "doc-observer"
    comp = compare([a, b, c], assign_sides([a, b, c]), settings=lexical)
    assert [s.label for s in comp.sides] == ["north", "south", "observer"]
    ev = _event_with(comp, "doc-north", "ev1")
    assert set(ev.sides) == {"north", "south", "observer"}
    flight = next(o for o in comp.omissions if o.reported_by == ["south", "observer"])
    assert flight.missing_from == ["north"]


def test_edge_cases(lexical):
    empty = compare([], [], settings=lexical)
    assert empty.events == [] and empty.sides == []
    one = compare([north()], settings=lexical)
    assert [s.label for s in one.sides] == ["north"]
    assert one.omissions == [] and all(e.conflicts == [] for e in one.events)
    assert all(g.relation == "only" for g in one.claims)
    # a document in no side is kept but not compared
    part = compare([north(), south()], [assign_sides([north()])[0]], settings=lexical)
    assert len(part.documents) == 2
    assert all(m.document == "doc-north" for e in part.events for m in e.mentions)


def test_a_side_on_another_story_omits_nothing(lexical):
    from fullpicture import analyze_document
    from fullpicture.ingest import read_path
    from fullpicture.models.comparison import Side
    from tests.conftest import FIXTURES

    arts = FIXTURES / "articles"
    docs = {}
    for side, name in (("serbian", "rs_wire_banjska_clash"), ("kosovar", "xk_wire_banjska_attack"),
                       ("russian", "ru_wire_kharkov_strike")):
        (d,) = read_path(arts / f"{name}.txt")
        docs[side] = analyze_document(d, lexical)
    sides = [Side(label=s, origin="user", documents=[a.document.id]) for s, a in docs.items()]
    comp = compare(list(docs.values()), sides, settings=lexical)
    # the Kharkiv report covers another story: it omits nothing of Banjska, nor they of Kharkiv
    for o in comp.omissions:
        assert not ({"serbian", "kosovar"} & set(o.reported_by) and "russian" in o.missing_from), o
        assert not (o.reported_by == ["russian"] and o.missing_from), o
    # while the two sides of the Banjska story still omit things from each other
    assert any(set(o.reported_by) <= {"serbian", "kosovar"} and o.missing_from for o in comp.omissions)
