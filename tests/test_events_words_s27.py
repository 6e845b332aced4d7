"""Event words on real text, session 27 (verbs; invented sentences restating shapes of real
reports): words inside a happening's sentences that name no happening of their own. Care given to
the casualties, a raid that "was a response to" another, pictures "published by" residents,
officers "stationed" in a building, schools that reopen, a war that opens a headline as a rubric,
and French and Russian idioms ("ça ne serait jamais arrivé", "manquaient à l'appel", an alert
"déclarée", a blood drive "объявили") make no row; the same words in their own senses keep their
types. Each rule reads both sides' wording alike."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


def _types(text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in analyze_text(text, published="2031-11-14").events}


@pytest.mark.parametrize(("text", "trigger"), [
    # care given to the casualties is the happening's aftermath
    ("Dozens of residents of Xville went to clinics overnight to seek medical assistance.", "assistance"),
    ("Volunteers in Xville provided assistance to the victims of the blast.", "provided"),
    ("Volunteers in Xville provided assistance to the victims of the blast.", "assistance"),
    ("Some residents of the damaged block later received psychological assistance.", "assistance"),
    # a raid named as the answer to another names no aid
    ("The raid was Ixland's response to the earlier assault on its border towns, officials said.", "response"),
    # pictures of the happening
    ("Pictures published by local people on Monday show smoke over the Xville depot.", "published"),
    # a state of the target, ordinary life
    ("Officers of the brigade were stationed in the old school, a blogger claimed.", "stationed"),
    ("The two schools in the south of Xville will reopen only next week.", "reopen"),
    # the trapped under "tons of" rubble
    ("The blast brought down a warehouse roof, burying two workers under tons of rubble.", "burying"),
])
def test_english_aftermath_words_name_no_happening(text, trigger):
    types = _types(text)
    assert trigger not in types, types


@pytest.mark.parametrize(("text", "trigger", "typ"), [
    ("The agency provided food to 300 families in Xville.", "provided", "AID"),
    ("The alliance will send military assistance to Xland.", "assistance", "AID"),
    ("The emergency response was slow, residents of Xville said.", "response", "AID"),
    ("The minister's response to the attacks was debated in parliament.", "response", "AID"),
    ("The ministry published a statement on the strike.", "published", "STATEMENT"),
    ("The army stationed troops in Xville, the ministry said.", "stationed", "MOBILIZE"),
    ("Troops were stationed in Xville by General Ivo Ixov.", "stationed", "MOBILIZE"),
    ("Xland will reopen the border crossing on Monday.", "reopen", "COOPERATE"),
])
def test_the_same_words_in_their_own_senses_keep_their_types(text, trigger, typ):
    assert _types(text).get(trigger) == typ


@pytest.mark.parametrize(("text", "trigger"), [
    ("Trois pompiers manquaient encore à l'appel mardi soir à Xville.", "appel"),
    ("Ça ne serait jamais arrivé sans cette panne, estime le maire.", "arrivé"),
    ("Une alerte aérienne a été déclarée dans toute la région de Xville vers minuit.", "déclarée"),
    ("Le ministère vérifie les signalements reçus depuis dimanche.", "reçus"),
    ("Les crèches du quartier ne rouvriront qu'après les réparations.", "rouvriront"),
    ("В больницах Иксграда объявили сбор донорской крови.", "объявили"),
])
def test_french_and_russian_idioms_name_no_happening(text, trigger):
    types = _types(text)
    assert trigger not in types, types


@pytest.mark.parametrize(("text", "trigger", "typ"), [
    ("Le président a lancé un appel à la retenue.", "appel", "REQUEST"),
    ("Les réfugiés sont arrivés à Xville lundi.", "arrivés", "DISPLACE"),
    ("Le ministre a reçu son homologue de Xlande à Paris.", "reçu", "CONSULT"),
    ("Власти объявили о введении режима ЧС в Иксграде.", "объявили", "STATEMENT"),
])
def test_french_and_russian_words_in_their_own_senses_keep_their_types(text, trigger, typ):
    assert _types(text).get(trigger) == typ


@pytest.mark.parametrize("text", [
    "Guerre en Xlande, jour 412\n\nUn dépôt de carburant touché près d'Ixville, deux morts.",
    "Guerre en Xlande : un pont détruit par des tirs, trois morts à Ixville",
    "War in Xland: rockets hit a school in Ixgrad, killing nine",
])
def test_a_war_that_opens_a_headline_as_a_rubric_is_no_happening(text):
    types = _types(text)
    assert not {"Guerre", "War"} & set(types), types
    assert "ASSAULT" in types.values(), types  # the strike keeps its mention


@pytest.mark.parametrize(("text", "setting"), [
    ("War in Xland began in May, officials said.", "War"),
    ("Some 2 million died in the latest war in the region.", "war"),
    ("The peace deal ended one of the region's longest civil wars.", "wars"),
])
def test_a_war_told_as_a_happening_keeps_its_mention(text, setting):
    # "the latest war" ranks the war itself among wars: a happening, no span of others
    assert _types(text).get(setting) == "ASSAULT"


def test_drones_that_slam_into_a_depot_strike_it():
    assert _types("Two drones slam into a depot near Ixgrad").get("slam") == "ASSAULT"
    assert "slam" not in _types("Prices slam into a ceiling as the market cools in Xville")
