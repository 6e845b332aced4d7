"""Incidents (issue 9): one happening with its consequences is one row; conflicts that matter.

Texts are short restatements in our own words of failure shapes seen on real coverage.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align import compare
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._figureitems import dates_disjoint
from fullpicture.align._figurevalues import comparable
from fullpicture.align._incidents import hosts_of, incidents
from fullpicture.models.comparison import Side
from tests.helpers import analyze_text, lexical_settings


def _fig(a, text):
    return next(f for f in a.figures if f.text == text)


def test_figures_attach_and_count_what_the_sentence_says():
    a = analyze_text("At least 40 people died in Tuesday's blast in Kabul. The blast left 150 wounded. "
                     "The attack left 12 people dead. Thousands left the city.")
    assert _fig(a, "At least 40").counts == "killed" and _fig(a, "At least 40").event is not None
    assert _fig(a, "150").counts == "injured"  # not "displaced"
    assert _fig(a, "12").counts == "killed"
    assert _fig(a, "Thousands").counts == "displaced"
    # "left 150 wounded" is no departure event
    assert not any(e.trigger.text == "left" and e.type == "DISPLACE" and "150" in a.text[e.evidence.start:e.evidence.end]
                   for e in a.events)


def test_zero_figures_and_magnitudes():
    a = analyze_text("Local sources said no one was killed in the raid. No one knows why. "
                     "A magnitude 6.1 earthquake struck the coast, after a 7.6-magnitude quake last year.")
    zero = _fig(a, "no one")
    assert zero.value == 0 and zero.counts == "killed"
    assert sum(1 for f in a.figures if f.value == 0) == 1  # "No one knows" counts nothing
    assert _fig(a, "6.1").counts == "magnitude" and _fig(a, "7.6").counts == "magnitude"


def test_consequences_join_their_happening_inside_a_document():
    mk = lambda doc, lemma, typ, span: MentionFeatures(  # noqa: E731
        doc=doc, lemma=lemma, type=typ, family="material_conflict", span=span)
    feats = [
        mk("a", "explosion", "ASSAULT", (0, 40)), mk("a", "kill", "ASSAULT", (0, 40)),  # same sentence
        mk("a", "wound", "ASSAULT", (41, 80)),  # next sentence, names no happening
        mk("a", "say", "STATEMENT", (81, 120)), mk("a", "kill", "ASSAULT", (121, 160)),  # no happening before
    ]
    # the sentence window alone (orphan consequences off): the last "kill" has no happening in
    # its own or the previous sentence
    windowed = {**load_settings().section("align"), "incident_orphans": False}
    assert hosts_of(feats, windowed) == {1: 0, 2: 0}
    # shipped (orphans on, issue 9 real text): it reaches back to the document's last happening
    host = hosts_of(feats, load_settings().section("align"))
    assert host == {1: 0, 2: 0, 4: 0}


def test_one_incident_one_row_with_typed_figures_and_two_sided_conflicts():
    north = analyze_text(
        "A car bomb exploded near the central market of Northtown on 3 May 2024. "
        "At least 40 people were killed in the blast and 150 were wounded.", published="2024-05-04")
    south = analyze_text(
        "A car bomb exploded near the central market of Northtown on 3 May 2024. "
        "The explosion killed 12 people, officials said.", published="2024-05-04")
    south_later = analyze_text(
        "A car bomb exploded near the central market of Northtown on 3 May 2024. "
        "The blast killed 15 people and wounded 60, officials said on Sunday.", published="2024-05-05")
    docs = [north, south, south_later]
    sides = [Side(label="north", origin="user", documents=[north.document.id]),
             Side(label="south", origin="user", documents=[south.document.id, south_later.document.id])]
    comp = compare(docs, sides, settings=lexical_settings())
    rows = [e for e in comp.events if any(f.field == "figure:killed" for f in e.figures)]
    assert len(rows) == 1, [e.label for e in comp.events]  # blast, killed, wounded: one row
    row = rows[0]
    assert row.sides == ["north", "south"] and row.type == "ASSAULT"
    killed = next(c for c in row.conflicts if c.field == "figure:killed")
    assert {v.side for v in killed.values} == {"north", "south"}
    for v in killed.values:  # each value links to its words
        a = next(d for d in docs if d.document.id == v.document)
        assert a.text[v.start:v.end].split()[-1] in ("40", "12", "15")
    # the south side's 12 then 15 is an update series, not a conflict of its own
    series = [u for u in row.updates if u.field == "figure:killed"]
    assert len(series) == 1 and series[0].side == "south"
    assert [v.value for v in series[0].values] == ["12", "15"]
    assert all(len({v.side for v in c.values}) >= 2 for e in comp.events for c in e.conflicts)


def test_comparable_populations():
    assert comparable("people", "civilians") and comparable("servicemen", "servicemen")
    assert not comparable("servicemen", "mixed")  # "150 soldiers" vs "170 people including 12 civilians"
    assert comparable("people", "mixed")
    assert not comparable("people", "children") and not comparable("part", "people")
    assert not comparable("things", "people")


def test_dates_disjoint_with_unknown_years():
    assert dates_disjoint("2004", "2013-07-02") and dates_disjoint("XXXX-04", "2013-07-02")
    assert not dates_disjoint("2013-07", "2013-07-02") and not dates_disjoint("XXXX-WXX-2", "2013-07-02")


def test_editorial_notes_never_match_across_sides():
    note = "Editor's note: this text is part of a series on the war and was edited for length."
    a = analyze_text(f"{note}\n\nShelling hit the town of Eastvale on 2 March 2024, officials said.")
    b = analyze_text(f"{note}\n\nThe army said it struck military targets near Eastvale on 2 March 2024.")
    sides = [Side(label="a", origin="user", documents=[a.document.id]),
             Side(label="b", origin="user", documents=[b.document.id])]
    comp = compare([a, b], sides, settings=lexical_settings())
    texts = {(m.document, m.claim) for g in comp.claims if g.relation != "only" for m in g.members}
    claims = {(d.document.id, c.id): c for d in (a, b) for c in d.claims}
    assert not any("series on the war" in claims[k].text for k in texts)


def test_incidents_label_every_mention():
    mk = lambda doc, lemma, typ, span: MentionFeatures(  # noqa: E731
        doc=doc, lemma=lemma, type=typ, family="material_conflict", span=span, interval=(5, 5))
    feats = [mk("a", "explosion", "ASSAULT", (0, 40)), mk("a", "kill", "ASSAULT", (0, 40)),
             mk("b", "explosion", "ASSAULT", (0, 40)), mk("b", "kill", "ASSAULT", (0, 40))]
    inc, events = incidents(feats, {**load_settings().section("align"), "embeddings": False})
    assert len(inc) == len(events) == 4
    assert inc[0] == inc[1] and inc[2] == inc[3]


def test_photo_caption_inside_the_body_is_boilerplate():
    a = analyze_text("Shelling hit the town of Eastvale on 2 March 2024, officials said, and many residents "
                     "fled to the hills.\n\nA handout picture released on 3 March by the ministry shows "
                     "rescuers at a damaged building.\n\nThe army said it struck only military targets.")
    caption = next(z for z in a.zones if a.text[z.start:z.end].startswith("A handout picture"))
    assert caption.kind == "boilerplate"


def test_bodily_harm_reaches_back_past_a_disarmament_to_the_fighting():
    # "The fighting did not last long. The militia agreed to disarm. At least 50 were killed.":
    # the dead are the fighting's, not the disarmament's (a coercion that hosts no deaths told
    # after it); an arrest in the dead's own sentence may still host them
    mk = lambda lemma, typ, span: MentionFeatures(  # noqa: E731
        doc="a", lemma=lemma, type=typ, family="material_conflict", span=span)
    feats = [mk("fighting", "ASSAULT", (0, 30)), mk("disarm", "COERCE", (31, 60)), mk("kill", "ASSAULT", (61, 90)),
             mk("raid", "COERCE", (91, 120)), mk("kill", "ASSAULT", (91, 120))]
    host = hosts_of(feats, load_settings().section("align"))
    assert host[2] == 0 and host[4] == 3
