"""An inquiry's products are the inquiry (session 36, ``[senses]`` of data/events/plover*.toml).

Shape restated in invented words from real multi-side coverage: the reports of the sides tell an
inquiry into a happening through what it produced and what was done with it ("the commission
presented its conclusions", "the board's report", "Moscow rejected the commission's findings",
"les conclusions de l'enquête", "выводы комиссии", "результаты экспертизы"), or through the
investigation's Russian name ("следствие"). Those words gave no mention, or one of another kind
(the Russian plural of conclusions read as a withdrawal of troops), so documents that told the
inquiry only that way never met the others in the row of the inquired happening. Conclusions,
reports, reviews and results are the inquiry only beside a word of inquiring or of making the
product known; findings always. The same nouns elsewhere ("media reports said", "par rapport à",
"вывод войск", "по докладу с места") stay what they were.
"""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


@pytest.mark.parametrize(("text", "trigger"), [
    ("The findings were shared with the minister on Friday.", "findings"),
    ("La mission a rendu publiques les conclusions de ses investigations.", "conclusions"),
    ("Le rapport de la commission sur la frappe de Kelvo a été rejeté.", "rapport"),
    ("Москва отвергла выводы комиссии о крушении под Кельвом.", "выводы"),
    ("Следствие рассматривает несколько версий взрыва.", "Следствие"),
    ("Результаты экспертизы будут известны позже.", "Результаты"),
    ("Доклад комиссии о взрыве опубликован во вторник.", "Доклад"),
])
def test_an_inquiry_told_by_its_product_is_an_inquiry(text: str, trigger: str) -> None:
    a = analyze_text(text, published="2030-03-05")
    assert [e.type for e in a.events if e.trigger.text == trigger] == ["INVESTIGATE"]


@pytest.mark.parametrize(("text", "word"), [
    ("Media reports said three people died in Kelvo.", "reports"),
    ("He warned against drawing hasty conclusions about the blast.", "conclusions"),
    ("Par rapport à hier, la situation est calme à Kelvo.", "rapport"),
    ("По докладу с места, пожар потушен.", "докладу"),
    ("Результат переговоров пока неизвестен.", "Результат"),
])
def test_the_same_nouns_elsewhere_are_no_inquiry(text: str, word: str) -> None:
    a = analyze_text(text, published="2030-03-05")
    assert not [e for e in a.events if e.trigger.text == word and e.type == "INVESTIGATE"]


def test_a_withdrawal_of_troops_stays_a_withdrawal() -> None:
    a = analyze_text("Вывод войск из Кельва продолжается.", published="2030-03-05")
    assert not [e for e in a.events if e.type == "INVESTIGATE"]
    assert [e for e in a.events if e.type == "RETREAT"]
