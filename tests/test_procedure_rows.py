"""The verbs of one procedure of a body (a request for a council meeting, the meeting convened,
the refusal) told in one sentence are one row, not one row per verb; a call with no act of its
own joins the row of what it asks for (align/_procedure.py). Invented words throughout."""

from __future__ import annotations

from fullpicture import analyze_documents
from fullpicture.align import compare
from fullpicture.ingest import load_text
from fullpicture.models.comparison import Side
from fullpicture.settings import Settings


def _rows(texts: dict[str, str], settings) -> dict[str, str]:
    docs = {k: next(iter(analyze_documents([load_text(t, source=k, published="2022-05-04")], settings)))
            for k, t in texts.items()}
    sides = [Side(label=k, origin="user", documents=[d.document.id]) for k, d in docs.items()]
    comp = compare(list(docs.values()), sides, settings=settings)
    row_of = {(m.document, m.event): r.id for r in comp.events for m in r.mentions}
    return {f"{k}:{e.trigger.text}": row_of.get((d.document.id, e.id), "")
            for k, d in docs.items() for e in d.events}


def _off(settings) -> Settings:
    return Settings(data={**settings.data, "align": {**settings.section("align"), "incident_procedure_join": False}})


def _on(settings) -> Settings:
    # the rule ships off (ECB+ e2e incidents 62.1 -> 62.0 with it); these tests switch it on
    return Settings(data={**settings.data, "align": {**settings.section("align"), "incident_procedure_join": True}})


_REQUEST = {
    "north": "Northland has requested that the Ostrian Council convene on Friday to discuss the "
             "shelling of Eastport. Northland demanded an urgent meeting of the council.\n",
    "south": "Northland has requested an Ostrian Council meeting on Friday over the shelling of "
             "Eastport.\n",
}


def test_one_procedure_is_one_row(lexical):
    # each verb of the northern report joins a row the southern report tells too (the request
    # and the meeting, which both reports tell, may stay two aligned rows)
    rows = _rows(_REQUEST, _on(lexical))
    verbs = {k: r for k, r in rows.items() if k.startswith("north:") and k.split(":")[1] in (
        "requested", "convene", "discuss", "demanded", "meeting", "convened")}
    south = {r for k, r in rows.items() if k.startswith("south:")}
    assert len(verbs) >= 4 and set(verbs.values()) <= south, rows
    assert rows["north:requested"] == rows["south:requested"], rows


def test_one_procedure_without_the_rule_splits(lexical):
    rows = _rows(_REQUEST, _off(lexical))
    verbs = {r for k, r in rows.items() if k.startswith("north:") and k.split(":")[1] in (
        "requested", "convene", "discuss", "demanded", "meeting", "convened")}
    assert len(verbs) > 1, rows


def test_a_call_joins_what_it_asks_for(lexical):
    text = ("Troops detained the director of the Eastport clinic on Friday. Rights groups "
            "called for an independent inquiry into the detention.\n")
    other = {"south": "Troops detained the director of the Eastport clinic on Friday.\n"}
    rows = _rows({"north": text, **other}, _on(lexical))
    assert rows["north:called for"] == rows["north:inquiry"], rows
    assert _rows({"north": text, **other}, _off(lexical))["north:called for"] != rows["north:inquiry"]


def test_a_call_with_nothing_after_it_keeps_its_row(lexical):
    text = ("A missile hit the market in Eastport on Tuesday, killing four people. The mayor urged "
            "calm.\n")
    rows = _rows({"north": text, "south": "A missile hit the market in Eastport on Tuesday.\n"}, _on(lexical))
    assert rows.get("north:urged", "x") != rows["north:hit"] or "north:urged" not in rows, rows


def test_the_refusing_side_s_report_joins_the_procedure(lexical):
    west = ("Westland, which chairs the Ostrian Council, rejected the request of Northland and "
            "refused to convene a meeting on the shelling of Eastport.\n")
    rows = _rows({**_REQUEST, "west": west}, _on(lexical))
    assert rows["west:rejected"] == rows["north:requested"], rows
