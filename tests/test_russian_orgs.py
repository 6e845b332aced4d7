"""Organisation rules of the Russian NER corrections (nlp/lang/russian_orgs.py) and the list
rule's ties (nlp/lang/russian_context.py).

Sentences written for the test; the spans are the shapes of Slovnet's errors on news and
encyclopedic text (the European Union tagged as a place, "СМИ" tagged as an organisation, a
list of four towns read half as persons).
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


def test_european_union_is_an_organisation_in_every_form():
    assert _refine("Санкции одобрил ЕС в пятницу .", [(2, 3, "LOC")]) == [("ЕС", "ORG")]
    assert _refine("Послы Евросоюза встретились в Брюсселе .", [(1, 2, "LOC"), (4, 5, "LOC")]) == [
        ("Евросоюза", "ORG"), ("Брюсселе", "LOC")]
    text = "Решение Европейского союза вступило в силу ."
    assert _refine(text, [(1, 3, "LOC")]) == [("Европейского союза", "ORG")]


def test_union_rule_left_out_keeps_the_place():
    got = _refine("Санкции одобрил ЕС в пятницу .", [(2, 3, "LOC")], frozenset({"union_org"}))
    assert got == [("ЕС", "LOC")]


def test_states_stay_places():
    # a state, living or dead, is a place (LocOrg in the news gold), whatever the silver labels say
    text = "Делегация СССР и посол Югославии прибыли в Женеву ."
    spans = [(1, 2, "LOC"), (4, 5, "LOC"), (7, 8, "LOC")]
    assert _refine(text, spans) == [("СССР", "LOC"), ("Югославии", "LOC"), ("Женеву", "LOC")]


def test_common_abbreviations_are_no_names():
    text = "По данным СМИ , силы ПВО сбили два БПЛА над Курском ."
    spans = [(2, 3, "ORG"), (5, 6, "ORG"), (8, 9, "ORG"), (10, 11, "LOC")]
    assert _refine(text, spans) == [("Курском", "LOC")]
    # named bodies written in capitals stay
    text = "Наблюдатели ОБСЕ и эксперты ООН приехали ."
    assert _refine(text, [(1, 2, "ORG"), (4, 5, "ORG")]) == [("ОБСЕ", "ORG"), ("ООН", "ORG")]


def test_list_of_four_with_a_tie_is_a_list_of_places():
    text = "Крупные порты острова - Бастер , Кравель , Тарбес и Мулинья ."
    spans = [(4, 5, "LOC"), (6, 7, "PER"), (8, 9, "LOC"), (10, 11, "PER")]
    assert _refine(text, spans) == [("Бастер", "LOC"), ("Кравель", "LOC"), ("Тарбес", "LOC"), ("Мулинья", "LOC")]


def test_a_pair_of_one_person_and_one_place_is_left_alone():
    text = "Встреча Мутайгова и Тарбеса прошла тихо ."
    assert _refine(text, [(1, 2, "PER"), (3, 4, "LOC")]) == [("Мутайгова", "PER"), ("Тарбеса", "LOC")]


def test_list_ties_left_out_keep_the_persons():
    text = "Крупные порты острова - Бастер , Кравель , Тарбес и Мулинья ."
    spans = [(4, 5, "LOC"), (6, 7, "PER"), (8, 9, "LOC"), (10, 11, "PER")]
    got = _refine(text, spans, frozenset({"list_ties"}))
    assert [label for _, label in got] == ["LOC", "PER", "LOC", "PER"]


def test_administrative_centre_opening_a_sentence_is_no_name():
    text = "Административный центр района - посёлок Мулинья ."
    assert _refine(text, [(0, 2, "ORG"), (5, 6, "LOC")]) == [("Мулинья", "LOC")]
    # an institution's name of the same shape stays
    assert _refine("Федеральное управление решило иначе .", [(0, 2, "ORG")]) == [("Федеральное управление", "ORG")]


def test_organisation_written_with_an_arabic_article_stays():
    # the span starts with a small letter, yet it is a name: not cut away as a descriptor piece
    assert _refine("Боевики аль-Шабаб захватили порт .", [(1, 2, "ORG")]) == [("аль-Шабаб", "ORG")]


def test_body_and_the_party_it_belongs_to_are_one_name():
    # Slovnet cuts a committee from its party: one organisation's name (both golds keep it whole)
    text = "Он был секретарём Областного комитета КПРФ до выборов ."
    assert _refine(text, [(3, 5, "ORG"), (5, 6, "ORG")]) == [("Областного комитета КПРФ", "ORG")]
    got = _refine(text, [(3, 5, "ORG"), (5, 6, "ORG")], frozenset({"org_tail"}))
    assert got == [("Областного комитета", "ORG"), ("КПРФ", "ORG")]


def test_place_after_a_body_named_by_common_words_joins_it():
    # the body's name needs the place it serves: one organisation (the official factRuEval
    # name spans, the WikiNEuRal labels)
    text = "Заседание Палаты представителей Конгресса США перенесли ."
    spans = [(1, 3, "ORG"), (3, 4, "ORG"), (4, 5, "LOC")]
    assert _refine(text, spans) == [("Палаты представителей Конгресса США", "ORG")]
    text = "Представитель Министерства рыбного хозяйства Норвегии ответил ."
    assert _refine(text, [(1, 4, "ORG"), (4, 5, "LOC")]) == [("Министерства рыбного хозяйства Норвегии", "ORG")]
    got = _refine(text, [(1, 4, "ORG"), (4, 5, "LOC")], frozenset({"org_country"}))
    assert got == [("Министерства рыбного хозяйства", "ORG"), ("Норвегии", "LOC")]


def test_place_after_a_body_whose_name_stands_alone_stays_a_place():
    # one word, an abbreviation: the body is named without the place, which stays a place
    assert _refine("Сессия Конгресса США началась .", [(1, 2, "ORG"), (2, 3, "LOC")]) == [
        ("Конгресса", "ORG"), ("США", "LOC")]
    assert _refine("Спасатели МЧС России выехали .", [(1, 2, "ORG"), (2, 3, "LOC")]) == [("МЧС", "ORG"), ("России", "LOC")]
    # a person's name after a body is no place it serves
    got = _refine("В Национальном аэропорту Рейган сели .", [(1, 3, "ORG"), (3, 4, "LOC")])
    assert got == [("Национальном аэропорту", "ORG"), ("Рейган", "LOC")]


def test_seat_of_power_acting_is_the_government_on_every_side():
    assert _refine("Кандидата поддержал Кремль , сообщили источники .", [(2, 3, "LOC")]) == [("Кремль", "ORG")]
    assert _refine("Вчера Белый дом ответил на письмо .", [(1, 3, "LOC")]) == [("Белый дом", "ORG")]
    assert _refine("Заявление Банковой опубликовали утром .", [(1, 2, "LOC")]) == [("Банковой", "ORG")]


def test_seat_of_power_after_a_preposition_of_place_is_the_building():
    assert _refine("Встреча прошла в Белом доме утром .", [(3, 5, "LOC")]) == [("Белом доме", "LOC")]
    assert _refine("Митинг собрался у Кремля .", [(3, 4, "LOC")]) == [("Кремля", "LOC")]


def test_arabic_article_organisation_before_a_person_is_split():
    text = "Снимал оператор Аль-Джазиры Сами Хадж ."
    assert _refine(text, [(2, 5, "PER")]) == [("Аль-Джазиры", "ORG"), ("Сами Хадж", "PER")]
    # a title written with the article stays part of the person's name
    assert _refine("Приехал Эль-Хадж Омар .", [(1, 3, "PER")]) == [("Эль-Хадж Омар", "PER")]


def test_stump_compound_of_an_institution_is_an_organisation():
    text = "Сотрудники Рыбохраны и Нацгвардии приехали ."
    assert _refine(text, [(1, 2, "PER"), (3, 4, "PER")]) == [("Рыбохраны", "ORG"), ("Нацгвардии", "ORG")]
    # a town whose name ends in a short common word stays a town
    assert _refine("Мост в Мостаре восстановили .", [(2, 3, "LOC")]) == [("Мостаре", "LOC")]


def test_a_name_never_runs_over_a_line_break():
    from fullpicture.nlp.lang.russian_ents import refine_entities

    words = ["Пожар", "в", "Сосновке", "\n\n", "ТОСЛАВЛЬ", ",", "3", "мая"]
    doc = Doc(Vocab(), words=words, spaces=[True, True, False, False, False, True, True, False])
    got = [(e.text, e.label_) for e in refine_entities(doc, [Span(doc, 2, 5, label="LOC")], {0, 4})]
    assert got == [("Сосновке", "LOC"), ("ТОСЛАВЛЬ", "LOC")]


def test_a_power_plant_named_by_its_town_is_a_place():
    """"X-ская ГЭС" tagged ORG is the facility, a place; a plant's abbreviation alone, or the
    rule left out, stays as tagged."""
    text = "Уровень воды у Нижнедонской ГЭС упал , сообщила ГЭС ."
    spans = [(3, 5, "ORG"), (8, 9, "ORG")]
    assert _refine(text, spans) == [("Нижнедонской ГЭС", "LOC"), ("ГЭС", "ORG")]
    assert _refine(text, spans, frozenset({"plant_place"}))[0] == ("Нижнедонской ГЭС", "ORG")


def test_a_power_plant_is_read_as_a_facility_at_its_town():
    from fullpicture import analyze

    a = analyze("Удар был нанесён по Каховской ГЭС ночью , сообщили власти Херсона .")
    fac = [e for e in a.entities if e.type == "FAC"]
    assert fac and fac[0].geo is not None and fac[0].geo.country == "UA", [(e.name, e.type) for e in a.entities]
