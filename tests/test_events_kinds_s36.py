"""Kinds of happening the French, Russian and Ukrainian word lists lacked (session 36, langs2): a
poisoning, a ramming, the boarding of a ship, a capture and an interrogation, a wedding, an
aircraft gone from radar; and the same poisoning, ramming and radar loss in English. Sentences
written for these tests; the places, people and ships are invented."""

from __future__ import annotations

import pytest

from fullpicture.nlp.events.limited import find_triggers, trigger_list
from fullpicture.nlp.lang.words import words
from tests.helpers import analyze_text


def _kinds(text: str) -> list[tuple[str, str]]:
    doc = analyze_text(text, published="2024-03-12")
    return sorted({(e.type, e.trigger.text.lower()) for e in doc.events})


@pytest.mark.parametrize(("text", "want"), [
    ("Le chimiste et son frère ont été empoisonnés à Valdoré mardi.", ("ASSAULT", "empoisonnés")),
    ("L'empoisonnement du chimiste a eu lieu à Valdoré mardi.", ("ASSAULT", "empoisonnement")),
    ("Химика отравили в Заречье во вторник.", ("ASSAULT", "отравили")),
    ("Отравление химика произошло в Заречье во вторник.", ("ASSAULT", "отравление")),
    ("The chemist was poisoned in Valdore on Tuesday.", ("ASSAULT", "poisoned")),
    ("The poisoning of the chemist happened in Valdore on Tuesday.", ("ASSAULT", "poisoning")),
])
def test_poisoning_is_an_act(text: str, want: tuple[str, str]) -> None:
    assert want in _kinds(text)


@pytest.mark.parametrize("text", [
    # smoke inhaled after an arson or a spoiled meal is a harm, no act of poisoning
    "Во вторник в Заречье десять человек пострадали от отравления дымом.",
    "Mardi à Valdoré, dix élèves ont souffert d'un empoisonnement alimentaire.",
])
def test_poisoning_by_smoke_or_food_is_no_act(text: str) -> None:
    assert not [k for k in _kinds(text) if k[1].startswith(("отравл", "empoison"))]


@pytest.mark.parametrize(("text", "want"), [
    ("Le garde-côte a éperonné le remorqueur Mouette près de Valdoré mardi.", ("ASSAULT", "éperonné")),
    ("Сторожевик протаранил буксир «Чайка» у Заречья во вторник.", ("ASSAULT", "протаранил")),
    ("The patrol boat rammed the tug Gull near Valdore on Tuesday.", ("ASSAULT", "rammed")),
    ("Après la capture des trois vedettes près de Valdoré mardi, la crise a grandi.", ("COERCE", "capture")),
    ("Моряков допросили в Заречье во вторник.", ("COERCE", "допросили")),
])
def test_ramming_boarding_capture_interrogation(text: str, want: tuple[str, str]) -> None:
    assert want in _kinds(text)


def test_a_screenshot_captures_no_one() -> None:
    assert not [k for k in _kinds("Une capture d'écran de la vidéo montre le port de Valdoré.") if k[0] == "COERCE"]


@pytest.mark.parametrize(("text", "want"), [
    ("Во вторник у Заречья борт пропал с радаров.", ("DISASTER", "пропал с радаров")),
    ("Во вторник у Заречья самолет исчез с экранов радаров.", ("DISASTER", "исчез с экранов радаров")),
    ("L'avion a disparu des écrans radar mardi près de Valdoré.", ("DISASTER", "disparu des écrans radar")),
    ("The plane disappeared from radar screens near Valdore on Tuesday.", ("DISASTER", "disappeared from radar")),
    ("The airliner vanished over the sea near Valdore on Tuesday.", ("DISASTER", "vanished")),
])
def test_an_aircraft_gone_from_radar(text: str, want: tuple[str, str]) -> None:
    assert want in _kinds(text)


def test_a_person_or_a_report_that_disappears_is_no_crash() -> None:
    got = _kinds("The report disappeared from the ministry's website in Valdore on Tuesday.")
    assert not [k for k in got if k[0] == "DISASTER"]


@pytest.mark.parametrize(("text", "want"), [
    ("Les villageois étaient réunis pour un mariage à Valdoré mardi.", ("CEREMONY", "mariage")),
    ("Во вторник в Заречье гости собрались на свадьбу.", ("CEREMONY", "свадьбу")),
])
def test_a_wedding(text: str, want: tuple[str, str]) -> None:
    assert want in _kinds(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Чиновника отруїли у вівторок.", ["отруїти"]),
    ("Отруєння чиновника сталося у вівторок.", ["отруєння"]),
    ("Катер протаранив буксир.", ["протаранити"]),
    ("Зараз моряків допитують слідчі.", ["допит"]),
    ("Літак зник з радарів у вівторок.", ["зникнути з радарів"]),
    ("Гості зібралися на весілля.", ["весілля"]),
    # a curious child is no interrogation
    ("Допитливий хлопчик питав про море.", []),
])
def test_ukrainian_kinds(text: str, want: list[str]) -> None:
    got = [v[1] for _i, _j, v in find_triggers(words(text, "uk"), trigger_list("uk"))]
    assert got == want, got
