"""What an attack hit (``Event.target``, nlp/events/_targets.py, data/events/targets.toml): the
document's own words with their offsets, class and kind, in English, French, Russian and
Ukrainian. Sentences and places written for these tests."""

from __future__ import annotations

import json

import pytest

from fullpicture.nlp.events._targets import target_lexicon
from tests.helpers import analyze_text


def _hits(text: str) -> list[tuple[str, str, str]]:
    a = analyze_text(text, published="2024-05-25")
    out = []
    for e in a.events:
        if e.target is not None:
            assert a.text[e.target.start:e.target.end] == e.target.text  # provenance: exact offsets
            out.append((e.target.text, e.target.category, e.target.kind))
    return out


@pytest.mark.parametrize(("text", "hit"), [
    ("Missiles struck a shopping centre in Rivertown on Saturday.", ("shopping centre", "shop", "civilian")),
    ("The ministry said its forces hit a command post near Rivertown.", ("command post", "command_post", "military")),
    ("The hotel was hit by two rockets overnight.", ("hotel", "hotel", "civilian")),
    ("The army struck a gathering of foreign officers in Rivertown.",
     ("gathering of foreign officers", "gathering", "military")),
    ("Des missiles ont frappé un hôtel dans le centre de Riverville.", ("hôtel", "hotel", "civilian")),
    ("L'armée a frappé un poste de commandement près de Riverville.",
     ("poste de commandement", "command_post", "military")),
    ("Армия нанесла удар по пункту временной дислокации наемников.",
     ("пункту временной дислокации", "base", "military")),
    ("Ракета попала в торговый центр в Ривертауне.", ("торговый центр", "shop", "civilian")),
])
def test_the_words_of_what_was_hit_with_class_and_kind(text: str, hit: tuple[str, str, str]) -> None:
    assert hit in _hits(text)


@pytest.mark.parametrize("text", [
    "Missiles struck Rivertown on Saturday, officials said.",  # a place is no target
    "The rockets hit Rivertown, where a hotel had opened last year.",  # another clause's noun
])
def test_a_place_or_a_noun_of_another_clause_is_no_target(text: str) -> None:
    assert _hits(text) == []


def test_ukrainian_without_a_parse_takes_the_words_after_the_trigger(tmp_path):
    from fullpicture import analyze

    p = tmp_path / "u.txt"
    p.write_text("Удар по Рівнограду\n\nВчора російська ракета влучила в готель у центрі Рівнограда. "
                 "Загинули двоє людей, ще п'ятеро поранені. У ніч на суботу дрони атакували склад боєприпасів.",
                 encoding="utf-8")
    (tmp_path / "u.meta.json").write_text(json.dumps({"published": "2024-05-25", "perspective": "a"}))
    a = analyze(p)
    assert a.document.language == "uk"
    hits = {e.trigger.text: (e.target.text, e.target.kind) for e in a.events if e.target is not None}
    assert hits.get("влучила") == ("готель", "civilian")
    assert hits.get("атакували") == ("склад боєприпасів", "military")


def test_the_lexicon_reads_endings_per_language():
    en, ru = target_lexicon("en"), target_lexicon("ru")
    assert en is not None and ru is not None
    assert en.fits("hotels", "hotel") and not en.fits("hotelier", "hotel")
    assert ru.fits("гостиницу", "гостиниц") and not ru.fits("гостиничными", "гостиниц")
    assert target_lexicon("xx") is None


def test_a_denied_target_is_no_value():
    from fullpicture.nlp.events._targets import _matches, _words

    lex = target_lexicon("en")
    assert lex is not None
    said = "They hit a military base."
    denied = "They hit no military base."
    assert [c for *_, c in _matches(_words(said, 0, len(said), "en"), lex)] == ["base"]
    assert _matches(_words(denied, 0, len(denied), "en"), lex) == []
    assert _hits("The army says it does not strike civilian infrastructure.") == []


@pytest.mark.parametrize(("text", "hit"), [
    ("The army said it struck a militant commander in Rivertown.", ("militant commander", "combatants", "military")),
    ("Troops opened fire on civilians in Rivertown on Sunday.", ("civilians", "civilians", "civilian")),
    ("L'armée a frappé des terroristes près de Riverville dimanche.", ("terroristes", "combatants", "military")),
    ("Армия нанесла удар по боевикам в Ривертауне.", ("боевикам", "combatants", "military")),
    ("Jets hit regime targets in Rivertown overnight.", ("regime targets", "military_site", "military")),
    ("The strike hit a prison in Rivertown.", ("prison", "detention", "civilian")),
    ("The air force said the strike targeted rebel forces near Rivertown.", ("forces", "combatants", "military")),
    ("L'aviation a frappé des forces rebelles près de Riverville.", ("forces", "combatants", "military")),
    ("Des tirs visaient les troupes près de Riverville.", ("troupes", "combatants", "military")),
    ("Армия нанесла удар по войскам противника у Ривертауна.", ("войскам", "combatants", "military")),
])
def test_people_a_category_or_a_prison_as_what_was_aimed_at(text: str, hit: tuple[str, str, str]) -> None:
    assert hit in _hits(text)


@pytest.mark.parametrize("text", [
    "Militants attacked a checkpoint near Rivertown on Sunday.",  # the doer, not the one hit
    "A militant attack killed two people in Rivertown.",  # a noun trigger's modifier: the doer
    "Боевики атаковали блокпост в Ривертауне.",
    "Three journalists were killed in a strike on Rivertown.",  # who died is not what was aimed at
    "Two soldiers died when the shell landed.",
    "Quake hits Rivertown province\nSoldiers are leading the rescue in the town.",  # a headline's line
    "The teacher was wounded by gunfire from the soldiers near Rivertown.",  # "from": the doers
    "A spokesman said gunmen had attacked across the river and soldiers opened fire.",  # a later verb's subject
])
def test_people_who_act_or_die_are_not_what_was_aimed_at(text: str) -> None:
    assert not [h for h in _hits(text) if h[1] in ("combatants", "civilians", "press", "armed_group")]


@pytest.mark.parametrize(("text", "hit"), [
    ("The army struck a house used by militants in Rivertown.",
     ("house used by militants", "combatants", "military")),
    ("Армия нанесла удар по позициям вооруженных формирований в Ривертауне.",
     ("позициям вооруженных формирований", "armed_group", "military")),
])
def test_a_site_takes_the_label_of_those_who_hold_it(text: str, hit: tuple[str, str, str]) -> None:
    assert hit in _hits(text)


def test_a_clause_of_another_act_names_no_holder():
    hits = _hits("The army struck a checkpoint attacked by militants last year in Rivertown.")
    assert not [h for h in hits if h[1] == "combatants"]


@pytest.mark.parametrize("language", ["en", "fr", "ru", "uk"])
def test_first_fits_is_the_phrases_fits_accepts_in_order(language: str) -> None:
    # the per-start index gives what testing every phrase's first start would (issue 14)
    lex = target_lexicon(language)
    assert lex is not None
    starts = sorted({ph[0] for ph, _ in lex.phrases})
    for start in starts:
        for word in (start, start[:-1], start + "s", start + "es", start + "x", start + "ами", start + "ой",
                     start + "abcd", "pre" + start):
            assert lex.first_fits(word) == [k for k, (ph, _) in enumerate(lex.phrases) if lex.fits(word, ph[0])]


@pytest.mark.parametrize("text", [
    # the parties of a reciprocal act are its doers
    "The reporter was covering clashes between army troops and local gunmen in Rivertown.",
    "Le photographe couvrait des affrontements entre soldats et insurgés près de Riverville.",
    # people reached through another happening's word are what that happening was done to
    "Во время операции по задержанию разыскиваемого боевика в Ривертауне погиб журналист.",
    "Он сообщил, что операция по выводу боевиков из Ривертауна начнется в воскресенье.",
    "Dozens were murdered in terrorist attacks near Rivertown last month.",  # a qualifier names no one hit
    "Gunmen fired at our soldiers near Rivertown.",  # the speaker's own forces
])
def test_parties_qualifiers_own_forces_and_other_acts_are_no_target(text: str) -> None:
    assert not [h for h in _hits(text) if h[1] in ("combatants", "armed_group")]


def test_an_aim_phrase_the_parse_hangs_on_the_casualty_still_names_the_aim():
    text = ("Officials said a photographer was killed when troops fired a shell, apparently from a tank, "
            "at a small group of journalists filming the march.")
    assert ("journalists", "press", "civilian") in _hits(text)


def test_a_support_verb_carries_the_noun_triggers_target():
    assert ("пункту дислокации", "base", "military") in _hits(
        "По данным штаба, удар был нанесен накануне по пункту дислокации отряда под Ривертауном.")


@pytest.mark.parametrize("text", [
    "Северная сторона опровергает, что удар был нанесен вчера по военному объекту в Ривертауне.",
    "The ministry denied that the shelling hit a command post in Rivertown.",
    "The ministry denies targeting a command post in Rivertown.",  # a denial in the act's own clause
    "The ministry dismissed reports of a strike on a command post in Rivertown.",
])
def test_what_a_denial_says_was_not_hit_is_no_value(text: str) -> None:
    assert not [h for h in _hits(text) if h[2] == "military"]


def test_a_denial_in_another_clause_leaves_the_act_its_target() -> None:
    text = "The ministry rejected the report and its jets struck a command post in Rivertown."
    assert ("command post", "command_post", "military") in _hits(text)


@pytest.mark.parametrize(("text", "hit"), [
    ("The coalition said it targeted a security camp in Rivertown, not a prison.", ("security camp", "base", "military")),
    ("L'armée a frappé un camp militaire près de Riverville.", ("camp militaire", "base", "military")),
])
def test_a_camp_or_a_post_named_as_military(text: str, hit: tuple[str, str, str]) -> None:
    assert hit in _hits(text)


def test_military_and_a_camp_apart_are_no_military_camp():
    assert ("camp for displaced", "shelter", "civilian") in _hits("The military struck a camp for displaced people.")
