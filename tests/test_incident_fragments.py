"""One incident, one row: shapes that split real coverage of a dam breach and a station strike
into several rows (issue 9, real-text pass of the incident join). Invented words throughout.

* a flood is the consequence of the breach that caused it, not a second happening;
* "blew up" (English) and "fait sauter" (French) name the happening; the French "barrage" alone
  is a dam, not a roadblock;
* a definite-looking happening that states its own day a month before the report's strike
  ("like one that hit the port on February 2") is another happening, not an anaphor;
* with `incident_told_about_window` (shipped off), an act of word whose sentence names no
  happening ("X swiftly denied the claim.") is about the
  happening of the sentence before.
"""

from __future__ import annotations

from fullpicture import analyze_documents
from fullpicture.align import compare
from fullpicture.align._incidents import incident_labels
from fullpicture.ingest import load_text
from fullpicture.models.comparison import Side
from tests.helpers import analyze_text


def _analyse(text: str, lexical, published: str = "2024-06-04", source: str = "t"):
    return next(iter(analyze_documents([load_text(text, source=source, published=published)], lexical)))


def _incident(a, lexical, trigger: str) -> int:
    labels, _ = incident_labels([a], lexical.section("align"))
    ev = next(e for e in a.events if e.trigger.text == trigger)
    return labels[(a.document.id, ev.id)]


def test_blow_up_names_the_happening():
    a = analyze_text("Saboteurs blew up the bridge near Tarnow on Monday night.\n", published="2024-06-04")
    assert any(e.trigger.text == "blew up" and e.type == "ASSAULT" for e in a.events)
    fr = analyze_text("Les rebelles ont fait sauter le pont de Tarnow lundi soir.\n", published="2024-06-04")
    assert any(e.type == "ASSAULT" and "sauter" in fr.text[e.trigger.start:e.trigger.end + 8] for e in fr.events)


def test_a_french_barrage_is_a_dam_not_a_roadblock():
    a = analyze_text("Le barrage de Tarnow a cédé dans la nuit.\n", published="2024-06-04")
    assert not any(e.trigger.text.lower() == "barrage" for e in a.events)
    b = analyze_text("La police a dressé un barrage routier à l'entrée de Tarnow.\n", published="2024-06-04")
    assert any(e.type == "COERCE" for e in b.events)


def test_a_flood_joins_the_breach_that_caused_it(lexical):
    text = ("Dam breach floods valley\n\nSaboteurs blew up the Tarnow dam on Monday night. "
            "Twelve villages downstream were flooded, and 3,000 residents were evacuated.\n")
    a = _analyse(text, lexical)
    assert _incident(a, lexical, "flooded") == _incident(a, lexical, "blew up")


def test_a_happening_with_its_own_day_a_month_earlier_is_no_anaphor(lexical):
    text = ("Ministry denies depot strike\n\nThe ministry denied that its forces carried out the strike "
            "on the depot in Ruse on Friday. The ministry said the rocket was like one that hit "
            "the port of Varna on February 2, killing 9 people.\n")
    a = _analyse(text, lexical, published="2024-04-08")
    assert _incident(a, lexical, "hit") != _incident(a, lexical, "strike")


def test_two_reports_of_a_breach_and_its_flood_share_one_row(lexical):
    # the blast and the flood were two rows: with the flood a consequence of the blast, both
    # reports meet in one row
    texts = {
        "w": ("Dam destroyed\n\nA blast destroyed the Tarnow dam early on Tuesday, officials said. "
              "The valley downstream was flooded.\n"),
        "e": ("Tarnow dam blown up\n\nSaboteurs blew up the Tarnow dam early on Tuesday. "
              "Villages were flooded and residents were evacuated.\n"),
    }
    docs = {k: _analyse(t, lexical, source=k) for k, t in texts.items()}
    sides = [Side(label=k, origin="user", documents=[d.document.id]) for k, d in docs.items()]
    comp = compare(list(docs.values()), sides, settings=lexical)
    row_of = {(m.document, m.event): r.id for r in comp.events for m in r.mentions}
    rows = {row_of[(d.document.id, e.id)] for d in docs.values() for e in d.events
            if e.trigger.text in ("blast", "blew up", "flooded")}
    assert len(rows) == 1


def test_a_denial_right_after_the_happening_is_about_it(lexical):
    # "X swiftly denied the claim." names no happening: with the told-about window (shipped off)
    # it is about the strike just told
    text = ("Depot shelled\n\nRebels shelled the fuel depot in Ruse on Friday, the governor said. "
            "The rebel command swiftly denied the claim.\n")
    a = _analyse(text, lexical)
    ev = {e.trigger.text: e.id for e in a.events}
    on, _ = incident_labels([a], lexical.section("align") | {"incident_told_about_window": 1})
    assert on[(a.document.id, ev["denied"])] == on[(a.document.id, ev["shelled"])]
    off, _ = incident_labels([a], lexical.section("align") | {"incident_told_about_window": 0})
    assert off[(a.document.id, ev["denied"])] != off[(a.document.id, ev["shelled"])]
