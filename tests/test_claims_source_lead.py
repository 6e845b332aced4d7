"""Where a source starts: not before a dash typed as a spaced hyphen ("CITY - X said"), nor at a
focus word ("Even X said"), with the rules alone and through the shipped chain."""

from __future__ import annotations

import pytest

from fullpicture import load_settings
from fullpicture.nlp.claims._learned import AttributionExtractor
from fullpicture.nlp.claims._spans import source_before_content, source_lead
from fullpicture.nlp.pipeline import parse_pipeline
from tests.conftest import attribution_texts


@pytest.fixture(scope="module")
def chain():
    settings = load_settings()
    return parse_pipeline(settings), AttributionExtractor.from_settings(settings.data), AttributionExtractor(learned=False)


def _sources(ex, nlp, text: str) -> list[str | None]:
    return [src for src, _, _, _ in attribution_texts(ex(nlp(text)), text)]


@pytest.mark.parametrize("shipped", [True, False])
def test_a_dateline_hyphen_is_no_part_of_the_source(chain, shipped):
    nlp, learned, rules = chain
    text = "VARNOK - Regional water officials said on Monday that the reservoir would be refilled by spring."
    assert _sources(learned if shipped else rules, nlp, text) == ["Regional water officials"]


@pytest.mark.parametrize("shipped", [True, False])
def test_a_focus_word_opens_no_source(chain, shipped):
    nlp, learned, rules = chain
    text = "The plan had broad support. Even the harbour authority said the new pier was unsafe."
    assert _sources(learned if shipped else rules, nlp, text) == ["the harbour authority"]


def test_source_lead_drops_only_a_listed_word_before_others():
    text = "Even Mara said so. Even said so."
    assert source_lead(text, (0, 9), frozenset({"even"})) == (5, 9)
    assert source_lead(text, (19, 23), frozenset({"even"})) == (19, 23)
    assert source_lead(text, (0, 9), frozenset()) == (0, 9)


def test_a_source_ends_before_its_own_content():
    text = "According to the valley paper, the harbour master said the pier was unsafe."
    src = (text.index("the valley"), text.index(" said"))
    content = (text.index("the harbour"), len(text) - 1)
    assert text[slice(*source_before_content(text, src, content))] == "the valley paper"
    # a source before its content, or one that ends with no comma before the content, stays
    assert source_before_content(text, (13, 29), content) == (13, 29)
    assert source_before_content(text, (31, 51), (40, 60)) == (31, 51)


def test_the_shipped_chain_gives_the_radio_as_source(chain):
    nlp, learned, _ = chain
    text = ("Votes were counted. According to Valley Radio, council spokesman Arno Pell said Friday that if the"
            " vote failed, the pier would close.")
    got = [(src, cue) for src, cue, _, _ in attribution_texts(learned(nlp(text)), text) if cue and cue.startswith("According")]
    assert got == [("Valley Radio", "According to")]


def test_a_source_starts_at_the_start_of_a_word_the_parse_split():
    settings = load_settings()
    nlp = parse_pipeline(settings, "fr")
    ex = AttributionExtractor.from_settings(settings.data, language="fr")
    text = "Au Varnok, l'État-major des armées affirme dans un communiqué que les soldats ont tenu la position."
    assert _sources(ex, nlp, text) == ["l'État-major des armées"]


def test_a_speaker_after_the_verb_keeps_its_coordinated_words():
    settings = load_settings()
    nlp = parse_pipeline(settings, "ru")
    ex = AttributionExtractor.from_settings(settings.data, language="ru")
    text = "После объявления перемирия обстрелы сёл прекратились, сообщили жители Северской, Озёрной и Лесной областей страны."
    assert _sources(ex, nlp, text) == ["жители Северской, Озёрной и Лесной областей страны"]
    text = "Обстрелы прекратились, сообщил глава района Иван Петров, добавив, что жители вернулись."
    assert _sources(ex, nlp, text)[0] == "глава района Иван Петров"


@pytest.mark.parametrize("shipped", [True, False])
def test_a_dateline_agency_the_parse_takes_for_the_head_is_no_part_of_the_source(chain, shipped):
    nlp, learned, rules = chain
    text = ("Harbour Works Resume in Varnok\n\n\nVARNOK (Valnews) – Chief of Staff of the Varnok Armed Forces said"
            " the port would reopen to grain ships next week.")
    assert _sources(learned if shipped else rules, nlp, text) == ["Chief of Staff of the Varnok Armed Forces"]
