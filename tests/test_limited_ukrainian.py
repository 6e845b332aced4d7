"""Ukrainian read from word lists (the limited pipeline): happenings, casualty figures, dates,
weekdays and day words, agents of both sides alike, places. Sentences written for these tests;
the villages are invented."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from fullpicture.nlp.events.limited import find_triggers, trigger_list
from fullpicture.nlp.figures.limited import find_counts
from fullpicture.nlp.lang.words import dates, fold, word_list_family, words


def _doc(tmp_path, name: str, text: str, published: str, perspective: str = "a"):
    p = tmp_path / f"{name}.txt"
    p.write_text(text, encoding="utf-8")
    (tmp_path / f"{name}.meta.json").write_text(json.dumps({"published": published, "perspective": perspective}))
    return p


def _analyze(path):
    from fullpicture import analyze

    return analyze(path)


def test_ukrainian_has_word_lists_and_one_apostrophe():
    assert word_list_family("uk") == "uk" and word_list_family("ru") is None and word_list_family("be") is None
    assert fold("П’ятеро", "uk") == fold("Пʼятеро", "uk") == fold("П'ятеро", "uk") == "п'ятеро"


@pytest.mark.parametrize(("text", "want"), [
    ("Унаслідок ракетного удару по селу загинули дванадцять людей.", ["удар", "загинути"]),
    # "у"/"в" alternate at the start of a word
    ("Дрони вдарили по складу, там пролунали вибухи.", ["удар", "вибух"]),
    ("Під час обстрілу поранено трьох мешканців, зруйновано школу.", ["обстріл", "поранити", "зруйнувати"]),
    ("Армія атакувала колону, убито двох водіїв.", ["атака", "вбити"]),
    ("Ракета влучила в будинок, пошкоджено дах.", ["влучити", "пошкодити"]),
    # people and things whose words start like a happening are no triggers
    ("Нападник мав при собі вибухівку, пожежні приїхали за годину.", []),
])
def test_ukrainian_triggers(text, want):
    got = [v[1] for _i, _j, v in find_triggers(words(text, "uk"), trigger_list("uk"))]
    assert got == want, got


@pytest.mark.parametrize(("text", "want"), [
    # a shoot-down and a missile hit, whatever the craft
    ("Ракета збила вертоліт над селом, після збиття його уламки знайшли в полі.", ["збити", "збити"]),
    ("Слідчі вивчають версію ураження літака ракетою.", ["ураження"]),
    ("Над озером сталася авіакатастрофа.", ["авіакатастрофа"]),
    # a word of falling or wrecking is a crash only beside a craft word
    ("Вранці біля села впав невеликий літак.", ["падіння літака"]),
    ("Гелікоптер розбився в горах, катастрофа пасажирського літака сталася раніше.", ["розбитися", "катастрофа"]),
    ("Експерти попереджають про гуманітарну катастрофу, ціни впали.", []),
    # losses and losing one's way are no shoot-down
    ("Збитки оцінили в мільйон, група збилася з дороги.", []),
])
def test_ukrainian_crashes_and_shoot_downs(text, want):
    from fullpicture.nlp.lang.words import read

    r = read(text, "uk")
    got = [v[1] for _i, _j, v in find_triggers(r.words, trigger_list("uk"), r.sentence, 3)]
    assert got == want, got
    assert [v[1] for _i, _j, v in find_triggers(r.words, trigger_list("uk"))] == [w for w in want
                                                                                if w not in {"падіння літака", "розбитися", "катастрофа"}]


@pytest.mark.parametrize(("text", "want"), [
    # a war told as a setting, an inquiry, a detention told in the present
    ("Країна веде оборонну війну.", [("ASSAULT", "війна")]),
    ("Прокуратура почала розслідування обстрілу.", [("INVESTIGATE", "розслідування"), ("ASSAULT", "обстріл")]),
    ("Поліція затримує підозрюваних, потяг затримується.", [("COERCE", "затримати")]),
])
def test_ukrainian_wars_inquiries_and_detentions(text, want):
    got = [(v[0], v[1]) for _i, _j, v in find_triggers(words(text, "uk"), trigger_list("uk"))]
    assert got == want, got


def test_word_list_lemmas_are_read_by_the_kinds_of_their_glosses():
    """A lemma of the word lists is a setting, a lasting kind, a crash or a shoot-down where its
    English gloss is one ("війна": "war"), as the English, French and Russian lemmas are."""
    from fullpicture.align._downings import _words
    from fullpicture.align._incident_lex import lasting_kinds, setting_lemmas

    crash, shoot = _words()
    assert "війна" in setting_lemmas() and "війна" in lasting_kinds() and "удар" not in setting_lemmas()
    assert {"катастрофа", "авіакатастрофа", "падіння літака"} <= crash and "збити" in shoot and "удар" not in shoot


@pytest.mark.parametrize(("text", "want"), [
    ("Загинули 14 людей, ще 30 поранені.", [(14.0, None, "killed"), (30.0, None, "injured")]),
    ("Щонайменше п’ятеро військових загинули, понад 20 цивільних постраждали.",
     [(5.0, "low", "killed"), (20.0, "low", "injured")]),
    ("Поранено близько 40 осіб.", [(40.0, "approx", "injured")]),
    # the noun of death before its count; "не менше" (no fewer than) is a floor, "не більше" a ceiling
    ("Вибух спричинив загибель щонайменше 12 бійців.", [(12.0, "low", "killed")]),
    ("Загинули не менше 7 людей, поранено не більше 9.", [(7.0, "low", "killed"), (9.0, "high", "injured")]),
    # two counted words, two numbers: read respectively, the bound shared
    ("Загинули та поранені 3 та 12 людей.", [(3.0, None, "killed"), (12.0, None, "injured")]),
    ("Загинуло та поранено не менше 8 та 30 бійців.", [(8.0, "low", "killed"), (30.0, "low", "injured")]),
    ("Серед загиблих двоє дітей.", [(2.0, None, "killed")]),  # a part of the toll (figure_part)
    ("Поліція затримала трьох людей, кілька мешканців зникли безвісти.",
     [(3.0, None, "detained"), (10.0, None, "missing")]),
    # an age or a distance counts no one; a year is no count
    ("За 30 км від міста загинув 17-річний хлопець у 2023 році.", []),
])
def test_ukrainian_casualty_figures(text, want):
    got = [(v, b, c) for _s, _e, v, _vague, b, c, _w in find_counts(text, "uk")]
    assert got == want, got


@pytest.mark.parametrize(("text", "want"), [
    ("Удар стався 14 березня 2023 року біля села.", "2023-03-14"),
    ("У ніч на 28 жовтня дрони атакували місто.", "2023-10-28"),  # after the publication month: last year
    ("Обстріл 3 лютого зруйнував школу.", "2024-02-03"),
])
def test_a_ukrainian_date_dates_the_happenings_of_its_sentence(text, want):
    got = [iso for _a, _b, iso in dates(words(text, "uk"), "uk", dt.date(2024, 5, 5))]
    assert got == [want], got
    assert all(v != float(want[-2:]) for _s, _e, v, *_ in find_counts(text, "uk"))


def test_a_ukrainian_document_gets_events_figures_days_places_and_agents(tmp_path):
    a = _analyze(_doc(tmp_path, "uk", "Удар по Харкову\n\nВчора російська ракета влучила в житловий будинок у "
                      "Харкові. Загинули 9 людей, ще 20 поранені. У середу в Умані пролунали вибухи, ніхто не "
                      "постраждав. У ніч на суботу ЗСУ атакували склад.", "2024-03-15"))
    assert a.document.language == "uk" and "word lists" in (a.document.notice or "")
    places = {e.id: e.name for e in a.entities}
    by_text = {e.trigger.text: e for e in a.events}
    hit = by_text["влучила"]
    assert hit.date == "2024-03-14" and hit.date_source == "sentence"  # "вчора": the day before
    assert places[hit.place] == "Kharkiv"
    blasts = by_text["вибухи"]
    assert blasts.date == "2024-03-13" and places[blasts.place] == "Uman"  # the last Wednesday
    assert by_text["постраждав"].modality == "negated"  # "не постраждав": no one hurt
    assert by_text["атакували"].date == "2024-03-09"  # the night up to the last Saturday
    figs = {f.id: f for f in a.figures}
    killed = [figs[f] for f in by_text["Загинули"].figures]
    assert [(f.value, f.counts, f.unit) for f in killed] == [(9.0, "killed", "people")]
    assert by_text["Загинули"].date == "2024-03-14" and by_text["Загинули"].date_source == "narrative"
    for e in a.events:
        assert a.text[e.trigger.start:e.trigger.end] == e.trigger.text


@pytest.mark.parametrize(("text", "trigger", "state"), [
    # a demonym right before the attack word, for either side alike
    ("Російський удар пошкодив міст.", "удар", "RU"),
    ("Український удар пошкодив міст.", "удар", "UA"),
    # a force with its demonym right before an active attack verb
    ("Російські війська атакували село.", "атакували", "RU"),
    ("Українські сили атакували село.", "атакували", "UA"),
    # either side's abbreviation as the subject
    ("ЗСУ атакували склад.", "атакували", "UA"),
    ("РФ атакувала склад.", "атакувала", "RU"),
])
def test_ukrainian_agents_of_either_side(tmp_path, text, trigger, state):
    from fullpicture.align._agents import name_state

    a = _analyze(_doc(tmp_path, "uk", text * 3, "2024-03-12"))
    names = {e.id: e.name for e in a.entities}
    got = {e.trigger.text.lower(): {name_state(names[x]) for x in e.agents} for e in a.events}
    assert got.get(trigger) == {state}, got


def test_a_passive_attack_names_who_was_attacked_not_who_attacked(tmp_path):
    a = _analyze(_doc(tmp_path, "uk", "Російські війська атаковано біля села. " * 3, "2024-03-12"))
    assert a.events and all(not e.agents for e in a.events), [(e.trigger.text, e.agents) for e in a.events]


def test_a_ukrainian_and_an_english_report_of_one_strike_share_a_row(tmp_path, lexical):
    from fullpicture.align import compare
    from fullpicture.models.comparison import Side

    en = _analyze(_doc(tmp_path, "en", "Strike on Uman\n\nA missile strike on Uman killed nine people on Thursday. "
                       "Twenty people were injured, officials said.", "2024-03-15", "one"))
    uk = _analyze(_doc(tmp_path, "uk", "Удар по Умані\n\nВчора внаслідок ракетного удару по Умані загинули 11 людей, "
                       "ще 20 поранені.", "2024-03-15", "two"))
    assert uk.document.language == "uk" and {e.trigger.lemma for e in uk.events} >= {"удар", "загинути"}
    comp = compare([en, uk], [Side(label="one", origin="user", documents=[en.document.id]),
                              Side(label="two", origin="user", documents=[uk.document.id])], settings=lexical)
    row = next(r for r in comp.events if {"one", "two"} <= set(r.sides))
    killed = [c for c in row.conflicts if "killed" in c.field]
    assert killed and {v.side for v in killed[0].values} == {"one", "two"}, row.conflicts


@pytest.mark.parametrize(("text", "want"), [
    # Kyiv in its oblique cases: a two-letter stem before a three-letter ending
    ("Вибухи пролунали у Києві та біля Києва, повідомили рятувальники.", {"Kyiv": {"Києві", "Києва"}}),
    # an oblast by its adjective (declined) and by its region noun in -щина
    ("Удар по Черкаській області. Обстріл на Сумщині та вибух у Харківській області.",
     {"Cherkasy Oblast": {"Черкаській"}, "Sumy region": {"Сумщині"}, "Kharkiv region": {"Харківській"}}),
    ("Вибух на Харківщині, а в Умані пролунала тривога.", {"Kharkiv region": {"Харківщині"}, "Uman": {"Умані"}}),
])
def test_ukrainian_cases_of_kyiv_and_the_oblasts_resolve(text, want):
    from fullpicture import analyze

    a = analyze(text * 2)
    got = {e.name: {m.text for m in e.mentions} for e in a.entities}
    assert a.document.language == "uk"
    for name, surfaces in want.items():
        assert got.get(name) == surfaces, got
