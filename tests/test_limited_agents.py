"""Who did it in the languages read from word lists (Arabic, Spanish, Serbian/Croatian/Bosnian,
Albanian): the few fixed shapes of nlp/events/_agents.py, read alike for either side's actors.
Sentences written for these tests."""

from __future__ import annotations

import json

import pytest

from fullpicture.align._agents import name_state


def _analyze(tmp_path, name: str, text: str, published: str = "2024-03-12", perspective: str = "a"):
    from fullpicture import analyze

    p = tmp_path / f"{name}.txt"
    p.write_text(text, encoding="utf-8")
    (tmp_path / f"{name}.meta.json").write_text(json.dumps({"published": published, "perspective": perspective}))
    return analyze(p)


def _agents(a) -> dict[str, set[str | None]]:
    """Trigger text -> the states of its agents."""
    names = {e.id: e.name for e in a.entities}
    return {e.trigger.text: {name_state(names[x]) for x in e.agents} for e in a.events}


@pytest.mark.parametrize(("lang", "text", "trigger", "state"), [
    # a demonym right after the attack word, as its adjective
    ("ar", "أصاب قصف مغربي قافلة قرب بئر لحلو.", "قصف", "MA"),
    ("ar", "أصاب قصف صحراوي موقعا قرب الجدار.", "قصف", "EH"),
    ("es", "Un bombardeo marroquí alcanzó dos camiones cerca de Tifariti.", "bombardeo", "MA"),
    ("es", "Un ataque saharaui alcanzó un puesto cerca del muro.", "ataque", "EH"),
    # an actor after a "by" word
    ("ar", "تعرضت القافلة لقصف من طرف القوات المغربية قرب الحدود.", "لقصف", "MA"),
    ("ar", "تعرضت الدورية لهجوم من قبل عناصر البوليساريو قرب الجدار.", "لهجوم", "EH"),
    ("es", "El ataque fue perpetrado por milicianos del Polisario cerca del muro.", "ataque", "EH"),
    ("es", "El ataque fue perpetrado por las fuerzas marroquíes cerca del muro.", "ataque", "MA"),
    # a name right before the attack verb
    ("es", "Marruecos atacó el puesto fronterizo.", "atacó", "MA"),
])
def test_an_agent_is_read_alike_for_either_side(tmp_path, lang, text, trigger, state):
    a = _analyze(tmp_path, lang, text)
    assert a.document.language == lang
    assert _agents(a).get(trigger) == {state}, _agents(a)


@pytest.mark.parametrize(("lang", "text"), [
    ("ar", "قتل مغربي وجرح جزائري في الهجوم على السوق."),  # death and injury words: their neighbour is the victim
    ("ar", "وقع قصف لشاحنات جزائرية قرب الحدود."),  # the trucks' adjective, not the attack's
    ("ar", "قالت الشرطة إن شاحنة جزائرية استهدفت قرب الحدود."),  # active or passive: a demonym is no subject
    ("es", "El ataque fue condenado por Argelia y por Marruecos."),  # who condemned it did not do it
    ("es", "Murieron tres camioneros argelinos en el ataque."),
])
def test_no_agent_from_a_victim_or_a_speaker(tmp_path, lang, text):
    a = _analyze(tmp_path, lang, text)
    assert all(not e.agents for e in a.events), _agents(a)


def test_a_state_that_denies_is_the_agent_of_its_negated_attack(tmp_path):
    a = _analyze(tmp_path, "ar", "أكد مصدر رسمي أن المغرب لم يستهدف أي مدني في المنطقة.")
    ev = next(e for e in a.events if e.trigger.text == "يستهدف")
    assert ev.modality == "negated" and _agents(a)["يستهدف"] == {"MA"}


def test_one_actor_entity_per_state_in_a_document(tmp_path):
    a = _analyze(tmp_path, "es", "Un bombardeo marroquí alcanzó un camión. Otro bombardeo marroquí alcanzó un coche.")
    actors = [e for e in a.entities if e.type == "ORG"]
    assert len(actors) == 1 and len(actors[0].mentions) == 2, actors


def test_a_state_named_as_who_did_it_is_no_place_of_the_happening(tmp_path):
    a = _analyze(tmp_path, "ar", "تعرضت القافلة لهجوم من قبل المغرب قرب بئر لحلو.")
    places = {e.id: e.name for e in a.entities}
    ev = next(e for e in a.events if e.trigger.text == "لهجوم")
    assert _agents(a)["لهجوم"] == {"MA"} and places.get(ev.place) == "Bir Lahlou", (places.get(ev.place), _agents(a))


def test_states_of_unplaced_french_names_and_short_capitalised_words():
    from fullpicture.align._agents import state_of
    from fullpicture.models import Entity

    assert state_of(Entity(id="x", name="l'Algérie", type="GPE")) == "DZ"  # an elided article, no gazetteer link
    assert name_state("La Minurso") is None and name_state("Il Manifesto") is None  # articles, not Laos or Israel
    assert name_state("US forces") == "US"


@pytest.mark.parametrize(("name", "state"), [
    # each side's name for the territory, and the territory's movement, in the languages of its press
    ("Moroccan Sahara", "EH"), ("Sahara marocain", "EH"), ("الصحراء المغربية", "EH"), ("Western Sahara", "EH"),
    ("RASD", "EH"), ("Sahrawi Arab Democratic Republic", "EH"),
])
def test_both_sides_names_of_western_sahara_are_one_place(name, state):
    from fullpicture.align._util import country_code

    assert country_code(name) == state


@pytest.mark.parametrize(("words", "state"), [
    ("les forces d'occupation marocaines", "MA"), ("les Forces armées royales", "MA"), ("le Makhzen", "MA"),
    ("l'armée algérienne", "DZ"), ("le Front Polisario", "EH"), ("les combattants sahraouis", "EH"),
    ("قوات الاحتلال المغربية", "MA"), ("الكابرانات", "DZ"), ("عناصر البوليساريو", "EH"),
    ("las fuerzas de ocupación marroquíes", "MA"), ("milicianos del Polisario", "EH"),
])
def test_each_sides_names_of_an_actor_name_its_state(words, state):
    assert name_state(words) == state


@pytest.mark.parametrize(("lang", "text", "trigger", "state"), [
    # Serbian puts the demonym before its noun: right before the attack word
    ("sr", "Srpski napad na kontrolni punkt dogodio se kasno u noć kod sela.", "napad", "RS"),
    ("sr", "Kosovski napad na kontrolni punkt dogodio se kasno u noć kod sela.", "napad", "XK"),
    # a force with its demonym right before an active attack verb, auxiliaries between
    ("sr", "Kosovska policija je napala okupljene ljude ispred zgrade opštine.", "napala", "XK"),
    ("sr", "Srpske snage su napale okupljene ljude ispred zgrade opštine.", "napale", "RS"),
    # an actor after "od strane" (by)
    ("sr", "Selo je napadnuto od strane kosovske policije tokom noći.", "napadnuto", "XK"),
    # Albanian puts it after its noun; a force and its demonym before an active verb
    ("sq", "Sulmi serb ndaj patrullës ndodhi gjatë natës pranë fshatit.", "Sulmi", "RS"),
    ("sq", "Sulmi kosovar ndaj patrullës ndodhi gjatë natës pranë fshatit.", "Sulmi", "XK"),
    ("sq", "Policia kosovare sulmoi njerëzit e mbledhur para ndërtesës së komunës.", "sulmoi", "XK"),
    ("sq", "Forcat serbe sulmuan njerëzit e mbledhur para ndërtesës së komunës.", "sulmuan", "RS"),
])
def test_an_agent_is_read_alike_for_either_side_in_serbian_and_albanian(tmp_path, lang, text, trigger, state):
    a = _analyze(tmp_path, lang, text)
    assert _agents(a).get(trigger) == {state}, _agents(a)


@pytest.mark.parametrize(("lang", "text"), [
    ("sr", "Kosovski policajci su napadnuti ispred zgrade opštine."),  # a passive form: the force was attacked
    ("sr", "Srpski policajci su napadnuti ispred zgrade opštine."),
    ("sq", "Policia kosovare u sulmua para ndërtesës së komunës."),  # "u": passive
    ("sq", "Forcat serbe janë sulmuar para ndërtesës së komunës."),
])
def test_no_agent_from_a_force_that_was_attacked(tmp_path, lang, text):
    a = _analyze(tmp_path, lang, text)
    assert all(not e.agents for e in a.events), _agents(a)


@pytest.mark.parametrize(("words", "state"), [
    ("kosovska policija", "XK"), ("srpske snage", "RS"), ("policia kosovare", "XK"), ("forcat serbe", "RS"),
])
def test_serbian_and_albanian_forces_name_their_state(words, state):
    assert name_state(words) == state
