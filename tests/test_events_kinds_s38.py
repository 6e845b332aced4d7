"""Tellings that kept no act mention (session 38, nomention): a place taken by force ("took over
the heights", "regained control of the town", "pris le contrôle", "взяли под контроль"), arms or
force used ("fait usage de ses armes", "применили оружие"), armed forces wiped out, a conflict
that erupted, fighting told by a Russian verb or noun, a Russian passive of shelling, unrest told
as what it did to shops ("ransacked", "saccagé", "разграбили"). Guards: a post, a firm or an
assembly taken over or taken back, benefits or a party wiped out, a claim of responsibility, a
volcano's eruption, delight in Ukrainian. Sentences written for these tests; the places and
people are invented."""

from __future__ import annotations

import pytest

from fullpicture.nlp.events.limited import find_triggers, trigger_list
from fullpicture.nlp.lang.words import words
from tests.helpers import analyze_text


def _kinds(text: str) -> list[tuple[str, str]]:
    doc = analyze_text(text, published="2024-03-12")
    return sorted({(e.type, e.trigger.text.lower()) for e in doc.events})


@pytest.mark.parametrize(("text", "want"), [
    ("After taking over the heights around Northvale on Friday, the troops advanced.",
     ("COERCE", "taking over")),
    ("The army regained control of the river town of Eastmoor on Monday.", ("COERCE", "regained control")),
    ("Rebels recaptured the bridge at Eastmoor on Monday.", ("COERCE", "recaptured")),
    ("Les forces ont pris le contrôle de l'aéroport de Valdoré samedi.", ("COERCE", "pris le contrôle")),
    ("Les rebelles se sont emparés de la ville de Valdoré samedi.", ("COERCE", "emparés")),
    ("Военные взяли под контроль всю область Заречья в начале месяца.", ("COERCE", "взяли под контроль")),
])
def test_a_place_taken_by_force_is_a_seizure(text: str, want: tuple[str, str]) -> None:
    assert want in _kinds(text)


def test_a_duty_handed_on_is_no_seizure_and_a_place_taken_over_passively_is() -> None:
    assert not [k for k in _kinds("The local police were in charge; then another unit took over.") if k[1] == "took over"]
    assert ("COERCE", "taken over") in _kinds("The school had been taken over by the rebels in Eastmoor.")


@pytest.mark.parametrize(("text", "word"), [
    ("She took over the presidency of the Northvale bank in May.", "took over"),
    ("He will take over the company next year in Eastmoor.", "take over"),
    ("Her party hopes to take control of the Senate after the Eastmoor vote.", "take control"),
    ("The opposition vowed to retake the majority in the Northvale assembly.", "retake"),
    ("The challenger tried to recapture the momentum in the Eastmoor debate.", "recapture"),
])
def test_a_post_or_a_firm_taken_over_is_no_seizure(text: str, word: str) -> None:
    assert not [k for k in _kinds(text) if k[1] == word]


@pytest.mark.parametrize("text", [
    "Repeal would wipe out new benefits for the elderly in Eastmoor.",
    "We got wiped out in the Eastmoor region, an aide said.",
])
def test_wiping_out_no_one_is_no_assault(text: str) -> None:
    assert not [k for k in _kinds(text) if k[1].startswith("wipe")]


def test_taking_responsibility_stays_a_claim() -> None:
    kinds = _kinds("The Eastmoor Front said it would take responsibility for the bombing in Northvale.")
    assert ("CLAIM", "take") in kinds, kinds


@pytest.mark.parametrize(("text", "want"), [
    ("L'armée a fait usage de ses armes contre la foule à Valdoré.", ("ASSAULT", "fait usage de ses armes")),
    ("Полиция применила оружие против толпы в Заречье.", ("ASSAULT", "применила оружие")),
    ("The police used force against the crowd in Eastmoor.", ("ASSAULT", "used force")),
    ("The navy wiped out the small air force of Northvale on the tarmac.", ("ASSAULT", "wiped out")),
    ("The raiders wiped out the military aircraft of Northvale on Saturday.", ("ASSAULT", "wiped out")),
])
def test_arms_or_force_used_is_an_assault(text: str, want: tuple[str, str]) -> None:
    assert want in _kinds(text)


def test_a_conflict_that_erupted_is_fighting_and_a_volcano_that_erupted_a_disaster() -> None:
    assert ("ASSAULT", "erupted") in _kinds("The conflict erupted in Northvale on the night of 3 May.")
    assert ("DISASTER", "erupted") in _kinds("The volcano near Northvale erupted on 3 May.")


@pytest.mark.parametrize(("text", "want"), [
    ("За село Заречье дрались долго, с переменным успехом.", ("ASSAULT", "дрались")),
    ("Войска вступают в битву с противником у Заречья.", ("ASSAULT", "битву")),
    ("Село Заречье круглосуточно обстреливалось артиллерией.", ("ASSAULT", "обстреливалось")),
])
def test_russian_fighting_and_the_passive_of_shelling_are_assaults(text: str, want: tuple[str, str]) -> None:
    assert want in _kinds(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Rioters ransacked shops in Eastmoor and looting spread overnight.", ("ASSAULT", "ransacked")),
    ("Rioters ransacked shops in Eastmoor and looting spread overnight.", ("ASSAULT", "looting")),
    ("Des émeutiers ont saccagé des magasins à Valdoré dimanche.", ("ASSAULT", "saccagé")),
    ("Погромщики разграбили магазины в Заречье.", ("ASSAULT", "разграбили")),
])
def test_unrest_told_by_what_it_did_is_an_act(text: str, want: tuple[str, str]) -> None:
    assert want in _kinds(text)


def test_a_seizure_noun_in_ukrainian_and_delight_is_none() -> None:
    got = [v for _i, _j, v in find_triggers(words("Він брав участь у захопленні острова Кам'яний.", "uk"),
                                            trigger_list("uk"))]
    assert ("COERCE", "захоплення", "seizure") in got, got
    none = [v for _i, _j, v in find_triggers(words("Глядачі з захопленням дивилися виставу.", "uk"),
                                             trigger_list("uk"))]
    assert not none, none
