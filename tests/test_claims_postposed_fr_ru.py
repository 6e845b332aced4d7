"""French and Russian news name the speaker after the verb: '…, a annoncé lundi le ministère',
'…, заявили в Минобороны'. The claim keeps its source (sentences invented for the tests)."""

from __future__ import annotations

import pytest

from fullpicture.nlp.claims._learned import AttributionExtractor
from tests.conftest import attribution_texts


@pytest.fixture(scope="module")
def pipelines():
    from fullpicture.nlp.pipeline import parse_pipeline
    from fullpicture.settings import load_settings

    settings = load_settings()
    return {lang: parse_pipeline(settings, lang) for lang in ("fr", "ru")}


def _claims(pipelines, lang: str, text: str) -> list[tuple[str | None, str | None, str, str]]:
    return attribution_texts(AttributionExtractor(language=lang)(pipelines[lang](text)), text)


@pytest.mark.parametrize(("text", "source", "cue", "content"), [
    ("« Nos unités ont repoussé trois assauts près du village », a annoncé lundi le ministère de la Défense.",
     "le ministère de la Défense", "a annoncé", "« Nos unités ont repoussé trois assauts près du village »"),
    ("Deux drones ont été abattus au-dessus de la région, a indiqué samedi l'armée.",
     "l'armée", "a indiqué", "Deux drones ont été abattus au-dessus de la région"),
    ("Le pont a été détruit dans la nuit, a déclaré à l'AFP le porte-parole de la mairie.",
     "le porte-parole de la mairie", "a déclaré", "Le pont a été détruit dans la nuit"),
    ("Le bilan pourrait encore s'alourdir, a précisé lors d'une conférence de presse le procureur de la ville.",
     "le procureur de la ville", "a précisé", "Le bilan pourrait encore s'alourdir"),
    ("« Nous ne reculerons pas », a-t-il déclaré.", "il", "a-t-il déclaré", "« Nous ne reculerons pas »"),
    ("Les secours ont évacué deux cents habitants, ont affirmé les autorités locales.",
     "les autorités locales", "ont affirmé", "Les secours ont évacué deux cents habitants"),
])
def test_french_speaker_after_the_verb(pipelines, text, source, cue, content):
    assert (source, cue, content) in [c[:3] for c in _claims(pipelines, "fr", text)]


@pytest.mark.parametrize(("text", "source", "cue", "content"), [
    ("Войска отразили три атаки у села, заявили в Минобороны.", "Минобороны", "заявили",
     "Войска отразили три атаки у села"),
    ("Над областью сбиты два беспилотника, сообщил в понедельник представитель ведомства.",
     "представитель ведомства", "сообщил", "Над областью сбиты два беспилотника"),
    ("Мост разрушен ночью, заявил агентству ТАСС источник в силовых структурах.",
     "источник в силовых структурах", "заявил", "Мост разрушен ночью"),
    ("Погибли два человека, сообщил в своём телеграм-канале губернатор области.",
     "губернатор области", "сообщил", "Погибли два человека"),
    ("Губернатор заявил, что в городе спокойно.", "Губернатор", "заявил", "что в городе спокойно"),
])
def test_russian_speaker_after_the_verb(pipelines, text, source, cue, content):
    assert (source, cue, content) in [c[:3] for c in _claims(pipelines, "ru", text)]


def test_a_quoted_name_before_the_verb_is_not_what_was_said(pipelines):
    # the closing mark of a name in quotation marks is no quotation's end, and an object
    # after the verb (accusative) is no speaker
    text = "Как и вчера, город покидают жители: на среду «Железная дорога» назначила ряд эвакуационных рейсов."
    assert not any(src == "ряд эвакуационных рейсов" for src, *_ in _claims(pipelines, "ru", text))


def test_a_participle_names_no_speaker_after_it(pipelines):
    text = "Le directeur de la compagnie a réagi sur les réseaux sociaux, dénonçant une « attaque délibérée »."
    assert not any(cue == "dénonçant" and src == "une « attaque délibérée »" for src, cue, *_ in _claims(pipelines, "fr", text))


def test_a_parenthetical_speaker_keeps_the_whole_sentence(pipelines):
    text = "В результате удара, заявляет местная администрация, погибли около двадцати человек."
    got = _claims(pipelines, "ru", text)
    assert ("местная администрация", "заявляет", text.rstrip(".")) in [c[:3] for c in got]


def test_a_day_before_the_reported_clause_is_not_what_was_said(pipelines):
    text = "Le porte-parole Marc Vidal a déclaré jeudi à la radio que les troupes « resteraient sur place »."
    got = _claims(pipelines, "fr", text)
    assert any(cue == "a déclaré" and content.startswith("que les troupes") for _, cue, content, _ in got), got
