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
