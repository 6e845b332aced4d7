"""Event words on news text (issue 9): a capitalised trigger noun opening a paragraph, missing
trigger words in three languages, and trigger senses read from the words around them. Every
sentence is invented (places, names and numbers included)."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


def _found(text: str) -> dict[str, str]:
    a = analyze_text(text)
    return {a.text[e.trigger.start:e.trigger.end]: e.type for e in a.events}


@pytest.mark.parametrize("text, trigger, typ", [
    # a bare trigger noun opening a paragraph after a blank line, which the tagger reads as a name
    ("Sappers blew up the weir on Monday.\n\nEvacuation started at dawn in three hamlets.", "Evacuation", "RETREAT"),
    ("Sappers blew up the weir on Monday.\n\nEvacuations started at dawn in three hamlets.", "Evacuations", "RETREAT"),
    ("Войска атаковали склад ночью\n\nАтака на склад в Северске произошла ночью.", "Атака", "ASSAULT"),
    # words that were missing
    ("Officials in Tarsk called the blast sabotage.", "sabotage", "ASSAULT"),
    ("The 9 May breach of the Orlov dyke flooded six hamlets.", "breach", "ASSAULT"),
    ("The council voted to disband its monitoring team.", "disband", "CONCEDE"),
    ("The detainees were transferred to a new hangar a week before the fire.", "transferred", "COERCE"),
    ("The raid aimed to free four captives taken at the spring fair.", "taken", "COERCE"),
    ("Le pont a été endommagé et neuf hameaux ont été inondés.", "endommagé", "ASSAULT"),
    ("Le pont a été endommagé et neuf hameaux ont été inondés.", "inondés", "DISASTER"),
    ("Le maire de Varenne a convoqué une cellule de crise.", "convoqué", "CONSULT"),
    ("Le village a été évacué après l'effondrement du pont.", "effondrement", "DISASTER"),
    ("La rupture du barrage de Varenne a inondé la vallée.", "rupture", "ASSAULT"),
    ("Двое пострадавших скончались в пути.", "скончались", "ASSAULT"),
    ("Трое умерли в госпитале.", "умерли", "ASSAULT"),
    ("Посёлок затоплен, под водой сорок дворов.", "затоплен", "DISASTER"),
    # a French passive verb of hitting whose agent is a projectile
    ("Ville-Haute a été touchée par trois roquettes ; cinq blessés.", "touchée", "ASSAULT"),
    ("Deux obus ont touché un immeuble de Ville-Haute.", "touché", "ASSAULT"),
    # senses: "firing" of weapons is shooting
    ("It began with the deliberate firing of heavy rockets at the depot.", "firing", "ASSAULT"),
])
def test_trigger_found_with_type(text, trigger, typ):
    found = _found(text)
    assert found.get(trigger) == typ, found


@pytest.mark.parametrize("text, word", [
    ("The firm transferred the funds to a new bank.", "transferred"),  # no captives
    ("The council voted to convene a court of inquiry.", "convene"),  # a court, no meeting held
    ("Le juge a convoqué un témoin.", "convoqué"),  # a witness summoned
    ("La crise a touché mille familles.", "touché"),  # no projectile
    ("The weir gave way at night, sending a wall of water down the valley.", "sending"),
    ("The burst released floodwater over the plain.", "released"),
    ("The spill cut off supplies to the farms.", "supplies"),
    ("Двое пострадавших скончались в машине скорой помощи.", "помощи"),
    ("Les inspecteurs doivent se rendre à Kelm demain.", "rendre"),
    ("Le ministre a rendu hommage aux victimes.", "rendu"),
    ("A camp for displaced families was hit on Sunday.", "displaced"),
    ("The injured were arriving at the clinic all night.", "arriving"),
    ("Burst Weir Floods Norland War Zone and Forces Evacuations", "War"),
])
def test_no_happening_in_that_sense(text, word):
    assert word not in _found(text)


@pytest.mark.parametrize("text, trigger, typ", [
    ("Les soldats se sont rendus aux troupes de Norland.", "rendus", "RETREAT"),  # still a surrender
    ("The firing of the coach surprised the fans.", "firing", "PERSONNEL"),  # still a dismissal
    ("The army sent troops to the border.", "sent", "MOBILIZE"),
    ("The fighting displaced 300 people.", "displaced", "DISPLACE"),
    ("Rebels took four hostages near Varenne.", "took", "COERCE"),
])
def test_other_senses_kept(text, trigger, typ):
    found = _found(text)
    assert found.get(trigger) == typ, found


def test_a_name_opening_a_paragraph_is_no_trigger():
    found = _found("Sappers blew up the weir on Monday.\n\nRescue Service teams searched three hamlets.")
    assert "Rescue" not in found, found



def test_a_collapse_joins_the_strike_of_its_sentence(lexical):
    # the Russian and French collapse words are consequences, as the English "collapse" is
    from fullpicture import analyze_documents
    from fullpicture.align._incidents import incident_labels
    from fullpicture.ingest import load_text

    for text, collapse, strike in [
        ("Здание в Вербовке обрушилось после ракетного удара, погибли трое.\n", "обрушилось", "удара"),
        ("Après la frappe de missile, le pont de Varenne s'est effondré.\n", "effondré", "frappe"),
    ]:
        a = next(iter(analyze_documents([load_text(text, source="t", published="2023-03-02")], lexical)))
        labels, _ = incident_labels([a], lexical.section("align"))
        ids = {e.trigger.text: labels[(a.document.id, e.id)] for e in a.events}
        assert ids[collapse] == ids[strike], ids
