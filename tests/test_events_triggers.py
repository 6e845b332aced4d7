"""fp_events: triggers from verbs, nominalizations and phrases, typed with the PLOVER map; arguments."""

from __future__ import annotations

import pytest

from tests._events_helpers import entity_name
from tests.helpers import analyze_text


def _ev(a, trigger):
    hits = [e for e in a.events if trigger in e.trigger.text]
    assert hits, f"no event {trigger!r} in {[e.trigger.text for e in a.events]}"
    e = hits[0]
    assert a.text[e.trigger.start : e.trigger.end] == e.trigger.text  # offsets are exact
    assert e.evidence.start <= e.trigger.start < e.trigger.end <= e.evidence.end
    return e


@pytest.mark.parametrize(
    "text, trigger, typ",
    [
        ("The army launched an offensive in the east.", "offensive", "ASSAULT"),
        ("The ministry began local anti-terrorist measures in the region.", "anti-terrorist measures", "ASSAULT"),
        ("The counter-terrorism operation lasted a day.", "counter-terrorism operation", "ASSAULT"),
        ("The raid left the village in ruins.", "raid", "ASSAULT"),
        ("Militants set up a roadblock on the main road.", "roadblock", "COERCE"),
        ("The two leaders held talks in Brussels.", "talks", "CONSULT"),
        ("The summit ended without a statement.", "summit", "CONSULT"),
        ("Kosovo declared independence in 2008.", "declared", "STATEMENT"),
        ("Artillery shelled the town overnight.", "shelled", "ASSAULT"),
        ("The displacement of civilians continued.", "displacement", "DISPLACE"),
        ("The fighters laid down their arms on Tuesday.", "laid down their arms", "RETREAT"),
        ("The government imposed sanctions on the bank.", "sanctions", "SANCTION"),
        ("Thousands protested in the capital.", "protested", "PROTEST"),
        ("The country sent humanitarian aid to the region.", "humanitarian aid", "AID"),
        ("The minister accused the rebels of lying.", "accused", "ACCUSE"),
        ("Both sides agreed to a ceasefire.", "ceasefire", "AGREE"),
        ("The army mobilized reservists.", "mobilized", "MOBILIZE"),
        ("The president demanded the withdrawal of troops.", "demanded", "DEMAND"),
    ],
)
def test_trigger_types(text, trigger, typ):
    assert _ev(analyze_text(text), trigger).type == typ


def test_types_name_plover_or_extension():
    from fullpicture.nlp.events._data import event_lexicon

    lex = event_lexicon()
    plover = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
              "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    for typ, mapped in lex.plover.items():
        # fullpicture extensions: plover.toml's own, and the general news types of news.toml
        extensions = {"STATEMENT", "DISPLACE", "DISASTER", "INVESTIGATE", "JUDICIAL", "CRIME", "HEALTH", "PERSONNEL",
                      "ELECTION", "TRANSACTION", "LAUNCH", "CONTEST", "AWARD", "CEREMONY"}
        assert mapped in plover or (mapped == "" and typ in extensions), typ


def test_metonymic_agent_resolves_to_state():
    a = analyze_text("Russia and Ukraine traded blame. Moscow launched an offensive near Kharkiv on Monday.")
    e = _ev(a, "offensive")
    assert [entity_name(a, x) for x in e.agents] == ["Russia"]
    assert entity_name(a, e.place) == "Kharkiv"


def test_agents_and_patients_from_the_parse():
    a = analyze_text("Azerbaijan attacked Armenia in September 2023.")
    e = _ev(a, "attacked")
    assert [entity_name(a, x) for x in e.agents] == ["Azerbaijan"]
    assert [entity_name(a, x) for x in e.patients] == ["Armenia"]
    assert e.date and e.date.startswith("2023-09")


def test_passive_agent_and_patient():
    a = analyze_text("Serbia was condemned by the European Union on Friday.")
    e = _ev(a, "condemned")
    assert [entity_name(a, x) for x in e.patients] == ["Serbia"]
    assert entity_name(a, e.agents[0]) in ("European Union", "the European Union")


def test_date_falls_back_to_publication():
    a = analyze_text("Rebels shelled the airport.", published="2023-09-24")
    assert _ev(a, "shelled").date == "2023-09-24"


def test_event_lists_its_figures():
    a = analyze_text("The strike killed seven civilians.")
    e = _ev(a, "killed")
    fig = next(f for f in a.figures if f.id in e.figures)
    assert fig.value == 7 and fig.event == e.id


def test_capital_as_agent_stands_for_its_state():
    a = analyze_text("Armenia and Azerbaijan held talks. Later Baku accused Yerevan of shelling.")
    e = _ev(a, "accused")
    assert entity_name(a, e.agents[0]) == "Azerbaijan"


def test_a_verb_of_occurring_is_no_happening_of_its_own():
    """"The clashes erupted after ..." tells one happening, the clashes: a row of "erupted" beside
    the clashes' row split one brawl in two (a shape of real coverage of a riot, restated). A
    volcano that erupted is still a disaster."""
    a = analyze_text("The clashes erupted after the guards pushed the protesters back in Northtown.",
                     published="2023-05-30")
    assert [e.trigger.text for e in a.events if e.trigger.lemma == "erupt"] == []
    assert any(e.trigger.text == "clashes" for e in a.events)
    a = analyze_text("Violence flared and fighting escalated near the Northtown bridge.", published="2023-05-30")
    assert {e.trigger.lemma for e in a.events} >= {"violence", "fighting"}
    a = analyze_text("The volcano erupted on Monday, killing three villagers.", published="2023-05-30")
    assert any(e.trigger.lemma == "erupt" and e.type == "DISASTER" for e in a.events)


def test_a_thing_released_is_no_release_of_people():
    """"Pictures released by the army show ..." and "the aircraft released payload" publish or drop
    a thing: no release (RETREAT) row of their own; released prisoners and hostages still are."""
    for text in ("Pictures released by the Westland army show a burnt hillside.",
                 "The aircraft released payload in haste near the village.",
                 "The ministry released a statement on the raid."):
        a = analyze_text(text, published="2023-05-30")
        assert not [e for e in a.events if e.trigger.lemma == "release"], text
    for text in ("The rebels released 40 prisoners on Monday.", "Three hostages were released later that day."):
        a = analyze_text(text, published="2023-05-30")
        assert [e.type for e in a.events if e.trigger.lemma == "release"] == ["RETREAT"], text
