"""Corrections of Slovnet's Russian NER (nlp/lang/russian_ents.py), rule by rule.

Each test hands ``refine_entities`` a tokenised sentence and the spans Slovnet gave (the shapes
of its errors on news and encyclopedic text, restated in sentences written for the test).
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

pytest.importorskip("pymorphy3")


def _w(text: str) -> list[str]:
    return text.split()


def _refine(words: list[str], spans: list[tuple[int, int, str]], starts: set[int] | None = None):
    from fullpicture.nlp.lang.russian_ents import refine_entities

    doc = Doc(Vocab(), words=words)
    ents = [Span(doc, a, b, label=t) for a, b, t in spans]
    return [(e.text, e.label_) for e in refine_entities(doc, ents, starts if starts is not None else {0})]


def test_sentence_initial_common_noun_is_not_a_name():
    # "Settlement lies 40 km from Tver": the capital letter is the sentence's
    words = _w("Посёлок расположен в 40 км от Твери .")
    assert _refine(words, [(0, 1, "LOC"), (6, 7, "LOC")]) == [("Твери", "LOC")]


def test_sentence_initial_surname_is_kept():
    words = _w("Иванов прибыл в Казань .")
    assert _refine(words, [(0, 1, "PER"), (3, 4, "LOC")]) == [("Иванов", "PER"), ("Казань", "LOC")]


def test_dictionary_toponym_tagged_person_becomes_place():
    words = _w("Конференция прошла в Дармштадте в мае .")
    assert _refine(words, [(3, 4, "PER")]) == [("Дармштадте", "LOC")]


def test_person_name_that_is_also_a_place_stays_person():
    # a first name or surname in the dictionary outweighs a place of that spelling
    words = _w("Джексон выступил на митинге .")
    assert _refine(words, [(0, 1, "PER")]) == [("Джексон", "PER")]


def test_foreign_spelling_in_parentheses_is_its_own_name():
    words = _w("сказал журналист Джон Смит ( John Smith ) .")
    assert _refine(words, [(2, 8, "PER")]) == [("Джон Смит", "PER"), ("John Smith", "PER")]


def test_list_separators_split_a_span():
    words = _w("Участники : Мали • Нигер • Чад")
    assert _refine(words, [(2, 7, "LOC")]) == [("Мали", "LOC"), ("Нигер", "LOC"), ("Чад", "LOC")]


def test_descriptor_before_quoted_name_is_left_out():
    words = _w("глава ОАО « Северный поток » заявил")
    assert _refine(words, [(1, 6, "ORG")]) == [("Северный поток", "ORG")]


def test_quoted_name_after_organisation_noun_is_an_org():
    words = _w("игрок клуба « Звезда » забил гол")
    assert _refine(words, []) == [("Звезда", "ORG")]


def test_surname_alone_takes_the_type_of_the_full_name_elsewhere():
    words = _w("Министр Пётр Корнеев прибыл . Корнеева встретили в аэропорту .")
    assert _refine(words, [(1, 3, "PER")], {0, 5}) == [("Пётр Корнеев", "PER"), ("Корнеева", "PER")]


def test_common_word_is_not_propagated():
    # "Мир" as part of a name elsewhere does not make every "Мир" a name
    words = _w("Станция Мир упала . Мир изменился .")
    assert _refine(words, [(1, 2, "LOC")], {0, 4}) == [("Мир", "LOC")]


def test_name_after_a_common_noun_of_places_is_a_place():
    # an untagged name after "посёлок", and a rare town that Slovnet took for a person
    words = _w("Он вырос в посёлке Мир , а учился в комитате Шопрон .")
    assert _refine(words, [(9, 10, "PER")]) == [("Мир", "LOC"), ("Шопрон", "LOC")]


def test_person_after_a_common_noun_of_places_stays_a_person():
    words = _w("Губернатор области Иван Петров заявил .")
    assert _refine(words, [(2, 4, "PER")]) == [("Иван Петров", "PER")]
    # a first name that is also a town ("Владимир") before a surname
    words = _w("сказал глава администрации района Владимир Петренко .")
    assert _refine(words, [(4, 6, "PER")]) == [("Владимир Петренко", "PER")]


def test_sentence_initial_common_phrase_is_not_a_name():
    # only the first word is capitalised, and only because it opens the sentence
    words = _w("Перепад высот у города Тверь велик .")
    assert _refine(words, [(0, 2, "LOC"), (4, 5, "LOC")]) == [("Тверь", "LOC")]


def test_sentence_initial_institution_name_is_kept():
    words = _w("Министерство обороны заявило об этом .")
    assert _refine(words, [(0, 2, "ORG")]) == [("Министерство обороны", "ORG")]


def test_sentence_initial_common_noun_before_a_name_is_left_out():
    words = _w("Теорема Кэли доказана . Остров Пасхи далеко .")
    got = _refine(words, [(0, 2, "PER"), (4, 6, "LOC")], {0, 4})
    assert got == [("Кэли", "PER"), ("Остров Пасхи", "LOC")]


@pytest.mark.slow
def test_stress_marks_do_not_make_a_name():
    import importlib.util

    if importlib.util.find_spec("natasha") is None:
        pytest.skip("the Russian models (natasha wheel) are not installed")
    from fullpicture.nlp.lang.russian import _models, ner_spans

    ner = _models()[2]
    text = "Бо́льшая часть альбомов вышла в Москве ."
    found = ner_spans(ner, [text])[0]
    assert [(text[a:b], t) for a, b, t in found] == [("Москве", "LOC")]


@pytest.mark.slow
def test_dictionary_form_of_a_name_agrees_in_gender_and_number():
    # the naming table counts this form, so case forms of one name are one name
    import importlib.util

    if importlib.util.find_spec("natasha") is None:
        pytest.skip("the Russian models (natasha wheel) are not installed")
    from fullpicture.nlp.lang.russian import russian_pipeline
    from fullpicture.nlp.places._base import base_form

    nlp = russian_pipeline()
    doc = nlp("Колонна прошла по Лачинской дороге, сообщили в Вооружённых силах Соединённых Штатов.")
    got = {e.text: base_form(doc, e.start, e.end) for e in doc.ents}
    assert got == {"Лачинской дороге": "Лачинская дорога", "Вооружённых силах": "Вооружённые силы",
                   "Соединённых Штатов": "Соединённые Штаты"}
