"""Barricades put up and taken down, graves exhumed, a security cordon, a house arrest, shots
exchanged (session 40, nomention).

Shapes restated in invented words from real multi-side coverage where one side's report held no
mention of a happening the other sides told, so that the pair never shared a row:

* a road blocked by barricades was told only as barricades "erected", "set up" (passive) or a
  road "перекрыли баррикадами", and their end as barricades "removed", "dismantled", "levées",
  "разобраны": none of these verbs was a trigger. Now a road blocked is COERCE and barricades
  taken down RETREAT, each only with a barricade, a roadblock or a checkpoint as what it acts on
  (``[objects]`` and ``[senses]`` of data/events/plover*.toml): "erected a monument", "set a
  date", "removed the minister", "lifted the sanctions", "démanteler un réseau", "перекрыть
  рекорд" stay what they were. A Slovene report's "postavili barikade" had no mention either: the
  limited word lists of Slovene and Serbian now read "barikad-" (COERCE);
* the exhumation of a grave's bodies (en/fr/ru verb and noun; Russian "раскапывать могилы") is a
  step of the inquiry into their deaths (INVESTIGATE);
* a French "cordon de sécurité" is the English "security cordon"; "placé en résidence surveillée"
  a house arrest; "ont échangé des coups de feu" shots fired; a Russian "возобновление конфликта"
  the conflict's flare-up; a general is among the persons a killing word acts on.
"""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


def _types(text: str) -> list[str]:
    return [e.type for e in analyze_text(text, published="2023-05-30").events]


@pytest.mark.parametrize("text", [
    "Protesters erected barricades on the road to Dunmere on Monday.",
    "Barricades were set up by several groups near Dunmere.",
    "Les manifestants ont érigé des barricades sur la route de Brumeval.",
    "Les barrages édifiés la veille bloquaient encore le village.",
    "Жители перекрыли дорогу баррикадами у села Дубравка.",
    "Фермеры возвели баррикады на въезде в Дубравку.",
])
def test_barricades_put_up_block_a_road(text: str) -> None:
    assert "COERCE" in _types(text)


@pytest.mark.parametrize("text", [
    "The barricades were removed from the roads near Dunmere on Thursday.",
    "They dismantled the roadblocks near Dunmere.",
    "The removal of the barricades began on Thursday.",
    "The barricades were lifted on Thursday.",
    "Les barricades ont été levées jeudi à Brumeval.",
    "La police a démantelé les barricades de Brumeval.",
    "Баррикады у Дубравки были разобраны в четверг.",
])
def test_barricades_taken_down_are_a_retreat(text: str) -> None:
    assert "RETREAT" in _types(text)


@pytest.mark.parametrize("text", [
    "The town erected a monument to the poets of Dunmere.",
    "The council set a date for the vote.",
    "The president removed the minister from office.",
    "The treaty removed trade barriers between the two states.",
    "The government lifted the sanctions.",
    "Le gouvernement a levé les sanctions.",
    "La police a démantelé un réseau de trafiquants.",
    "Спортсменка смогла перекрыть рекорд.",
    "Рабочие разобрали старый сарай.",
])
def test_other_things_erected_set_or_removed_tell_no_barricades(text: str) -> None:
    assert not {"COERCE", "RETREAT"} & set(_types(text))


@pytest.mark.parametrize("text", [
    "Investigators exhumed 120 bodies from the grave near Dunmere.",
    "The exhumation of the bodies continued on Tuesday in Dunmere.",
    "Les enquêteurs ont exhumé 120 corps près de Brumeval.",
    "Les travaux d'exhumation se poursuivent à Brumeval.",
    "Следователи эксгумировали 120 тел под Дубравкой.",
    "Эксгумация тел продолжалась во вторник.",
    "Жители стали раскапывать могилы у села Дубравка.",
])
def test_an_exhumation_is_a_step_of_the_inquiry(text: str) -> None:
    assert "INVESTIGATE" in _types(text)


def test_something_else_dug_up_is_no_exhumation() -> None:
    assert "INVESTIGATE" not in _types("Журналисты стали раскапывать компромат на мэра.")


@pytest.mark.parametrize(("text", "typ"), [
    ("L'armée a mis en place un cordon de sécurité autour de Brumeval.", "MOBILIZE"),
    ("Le placement de l'opposant en résidence surveillée a été annoncé lundi.", "COERCE"),
    ("Plusieurs heures après la mise en place des blocages routiers, la police est arrivée.", "COERCE"),
    ("Les policiers ont échangé des coups de feu avec des inconnus à Brumeval.", "ASSAULT"),
    ("Возобновление конфликта между охраной и жителями Дубравки встревожило власти.", "ASSAULT"),
    ("The unit eliminated the general near Dunmere.", "ASSAULT"),
])
def test_cordon_house_arrest_roadblocks_shots_renewal_and_a_general(text: str, typ: str) -> None:
    assert typ in _types(text)


@pytest.mark.parametrize("text", [
    "Prebivalci so v ponedeljek postavili barikade na več cestah pred občinsko stavbo, poročajo tuji mediji.",
    "Meštani su u ponedeljak postavili barikade na nekoliko puteva kod opštinske zgrade, saopštila je policija.",
])
def test_barricades_in_the_limited_word_lists(text: str) -> None:
    """Slovene and Serbian barricades (the limited pipeline's word starts, limited.sl/sh.toml)."""
    a = analyze_text(text, published="2023-05-30")
    assert [(e.trigger.lemma, e.type) for e in a.events] == [("barikada", "COERCE")]
