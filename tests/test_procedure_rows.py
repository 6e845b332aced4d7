"""The verbs of one procedure of a body (a request for a council meeting, the meeting convened,
the refusal) told in one sentence are one row, not one row per verb; a call with no act of its
own joins the row of what it asks for (align/_procedure.py). Invented words throughout."""

from __future__ import annotations

from fullpicture.settings import Settings
from tests.helpers import trigger_rows


def _rows(texts: dict[str, str], settings) -> dict[str, str]:
    return trigger_rows(settings, texts)[0]


def _off(settings) -> Settings:
    return Settings(data={**settings.data, "align": {**settings.section("align"), "incident_procedure_join": False}})


def _on(settings) -> Settings:
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


def test_the_names_of_one_gathering_are_one_row(lexical):
    text = ("After the shelling of Eastport, Westland convened the Ostrian League's "
            "emergency summit in Portmere on Monday.\n")
    rows = _rows({"north": text, "south": "Artillery shelled Eastport on Friday.\n"}, _on(lexical))
    assert rows["north:convened"] == rows["north:summit"], rows


def test_what_was_said_at_a_news_conference_keeps_its_row(lexical):
    # a call told after the meeting it was made at asks for nothing of the meeting
    texts = {"north": "At a news conference in Portmere on Monday, the Westland trade minister "
                      "urged investors not to sell their shares.\n",
             "south": "The Westland trade minister spoke in Portmere.\n"}
    off, on = _rows(texts, _off(lexical)), _rows(texts, _on(lexical))
    assert "north:urged" in on and "north:conference" in on, on
    assert (on["north:urged"] == on["north:conference"]) == (off["north:urged"] == off["north:conference"]), on


def test_what_a_meeting_discussed_keeps_its_row(lexical):
    texts = {"north": "The Ostrian Council met on Friday to discuss the shelling of Eastport.\n",
             "south": "The Ostrian Council met on Friday in Portmere.\n"}
    off, on = _rows(texts, _off(lexical)), _rows(texts, _on(lexical))
    assert (on["north:met"] == on["north:discuss"]) == (off["north:met"] == off["north:discuss"]), on


_ROUND = {
    "north": "Northland and Southland resumed talks on a truce in Portmere on Monday, with Westland "
             "as mediator. A drone struck a depot in Eastport on Monday.\n",
    "south": "The talks between Northland and Southland on a truce resumed in Portmere on Monday. "
             "A drone struck a depot in Eastport on Monday.\n",
    "west": "Westland has long played a key role as mediator in the negotiations for a ceasefire "
            "between Northland and Southland. A drone struck a depot in Eastport on Monday.\n",
}


def _round(settings, days: int) -> Settings:
    return Settings(data={**settings.data, "align": {**settings.section("align"), "incident_procedure_join": True,
                                                      "incident_procedure_round_days": days}})


def test_one_round_of_talks_is_one_row(lexical):
    # a report's own words for the negotiation (negotiations, a ceasefire) join the talks row
    # the other reports tell, not the strike
    rows = _rows(_ROUND, _round(lexical, 7))
    assert rows["west:negotiations"] == rows["north:talks"] == rows["south:talks"], rows
    assert rows["west:negotiations"] != rows["west:struck"], rows


def test_without_the_round_rule_the_negotiation_words_split(lexical):
    rows = _rows(_ROUND, _round(lexical, 0))
    assert rows["west:negotiations"] != rows["north:talks"], rows
