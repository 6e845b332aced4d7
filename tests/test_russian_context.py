"""Context rules of the Russian NER corrections (nlp/lang/russian_context.py), rule by rule.

Sentences written for the test; the spans are the shapes of Slovnet's errors on encyclopedic
text (a country named as a team tagged LOC, a rare town in a list tagged PER, a taxon tagged PER).
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

pytest.importorskip("pymorphy3")


def _refine(text: str, spans: list[tuple[int, int, str]], skip: frozenset[str] = frozenset()):
    from fullpicture.nlp.lang.russian_ents import refine_entities

    doc = Doc(Vocab(), words=text.split())
    ents = [Span(doc, a, b, label=t) for a, b, t in spans]
    return [(e.text, e.label_) for e in refine_entities(doc, ents, {0}, skip)]


def test_team_noun_and_country_are_the_team_name():
    assert _refine("Сборная Кении обыграла хозяев .", [(1, 2, "LOC")]) == [("Сборная Кении", "ORG")]
    # left out (ablation): the country stays a place
    got = _refine("Сборная Кении обыграла хозяев .", [(1, 2, "LOC")], frozenset({"team_name"}))
    assert got == [("Кении", "LOC")]


def test_opponent_in_a_game_is_a_team():
    text = "В товарищеском матче против Чили они забили два гола ."
    assert _refine(text, [(4, 5, "LOC")]) == [("Чили", "ORG")]


def test_country_opposed_outside_a_game_stays_a_place():
    assert _refine("Санкции против Чили ввели в мае .", [(2, 3, "LOC")]) == [("Чили", "LOC")]


def test_taxon_is_no_person():
    assert _refine("Кустарник из семейства Вьюнковые растёт у реки .", [(3, 4, "PER")]) == []


def test_rare_town_in_a_list_of_places_is_a_place():
    text = "Маршрут шёл через Тарбес , Лурд и Памьер ."
    got = _refine(text, [(3, 4, "LOC"), (5, 6, "LOC"), (7, 8, "PER")])
    assert got == [("Тарбес", "LOC"), ("Лурд", "LOC"), ("Памьер", "LOC")]


def test_person_name_in_a_list_of_places_stays_a_person():
    text = "Гостей из Мадрида , Лиссабона и Анну встретили ."
    got = _refine(text, [(2, 3, "LOC"), (4, 5, "LOC"), (6, 7, "PER")])
    assert got == [("Мадрида", "LOC"), ("Лиссабона", "LOC"), ("Анну", "PER")]


def test_at_the_expense_of_is_no_game():
    # "за счёт" (at the expense of) is no score of a game: the country after "с" stays a place
    text = "Договор с Украиной выполнят за счёт бюджета ."
    assert _refine(text, [(2, 3, "LOC")]) == [("Украиной", "LOC")]


def _refine_doc(text: str, spans: list[tuple[int, int, str]], starts: set[int]):
    from fullpicture.nlp.lang.russian_ents import refine_entities

    doc = Doc(Vocab(), words=text.split())
    ents = [Span(doc, a, b, label=t) for a, b, t in spans]
    return [(e.text, e.label_) for e in refine_entities(doc, ents, starts)]


def test_one_word_name_takes_the_label_the_document_gives_it_most():
    text = "Вылетели из Тарбеса . Тарбес встретил дождём . В Тарбесе тепло ."
    got = _refine_doc(text, [(2, 3, "LOC"), (4, 5, "PER"), (9, 10, "LOC")], {0, 4, 8})
    assert got == [("Тарбеса", "LOC"), ("Тарбес", "LOC"), ("Тарбесе", "LOC")]


def test_a_tie_leaves_the_labels_alone():
    text = "Кирсанов прибыл . О Кирсанове писали ."
    got = _refine_doc(text, [(0, 1, "PER"), (4, 5, "LOC")], {0, 3})
    assert got == [("Кирсанов", "PER"), ("Кирсанове", "LOC")]


def test_untagged_name_with_an_arabic_article_is_a_person():
    text = "Переговоры с аль-Мансуром затянулись до весны ."
    assert _refine(text, []) == [("аль-Мансуром", "PER")]
    assert _refine(text, [], frozenset({"particle_name"})) == []
    # a tagged one keeps Slovnet's label: organisations are written so too
    assert _refine("Лидер аль-Каиды выступил .", [(1, 2, "ORG")]) == [("аль-Каиды", "ORG")]


def test_generic_team_noun_is_not_part_of_the_name():
    # "команда" is a common noun: the place alone names the team ("Сборная" names it with the place)
    text = "В матче против команды Кении забили гол ."
    assert _refine(text, [(4, 5, "LOC")]) == [("Кении", "ORG")]


def test_team_named_like_a_person_after_a_team_noun_is_the_team():
    # no word of it a person's name: the team; a surname after it is the coach's team, a person
    assert _refine("Команда Феррари подала протест .", [(1, 2, "PER")]) == [("Феррари", "ORG")]
    assert _refine("Команда Билялетдинова выиграла кубок .", [(1, 2, "PER")]) == [("Билялетдинова", "PER")]


def test_a_town_and_the_division_it_lies_in_are_two_places():
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from fullpicture.nlp.lang.russian_context import places_in_places

    words = ["Обстрел", "Горловки", "Донецкой", "Народной", "Республики", "продолжился", "."]
    doc = Doc(Vocab(), words=words)
    got = places_in_places(doc, [Span(doc, 1, 4, label="LOC")])
    assert [(e.text, e.label_) for e in got] == [("Горловки", "LOC"), ("Донецкой Народной Республики", "LOC")]
    # a name of an adjective and a noun, or of a noun and an adjective that is no place's, stays whole
    words = ["Он", "приехал", "в", "Нижний", "Новгород", "и", "в", "Новгород", "Великий", "."]
    doc = Doc(Vocab(), words=words)
    ents = [Span(doc, 3, 5, label="LOC"), Span(doc, 7, 9, label="LOC")]
    assert [e.text for e in places_in_places(doc, ents)] == ["Нижний Новгород", "Новгород Великий"]
