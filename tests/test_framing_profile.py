"""The per-document framing profile."""

from __future__ import annotations

from fullpicture.models import FramingCue, FramingProfile
from fullpicture.nlp.framing._profile import build_profile


def _cue(text, category, sub=None, target=None, entry=None, counters=(), technique=None, start=0):
    return FramingCue(start=start, end=start + len(text), text=text, category=category, subcategory=sub,
                      target=target, lexicon_entry=entry, counter_terms=list(counters), technique=technique)


def test_profile_from_cues():
    cues = [
        _cue("regime", "delegitimizing", entry="gen.regime", technique="Name_Calling,Labeling"),
        _cue("Regime", "delegitimizing", entry="gen.regime", technique="Name_Calling,Labeling"),
        _cue("massacre", "victimhood", entry="gen.massacre"),
        _cue("Kharkov", "naming", target="e3", entry="ru_ua.kharkov", counters=["Kharkiv"]),
        _cue("Kharkov", "naming", entry="ru_ua.kharkov", counters=["Kharkiv"]),
        _cue("aggression", "evaluation", "negative", target="e1"),
        _cue("provocations", "evaluation", "negative", target="e1"),
        _cue("constructive", "evaluation", "positive", target="e1"),
        _cue("constructive", "evaluation", "positive", target="e2"),
        _cue("civilians were killed", "harm_agentless", "passive"),
        _cue("homes were destroyed", "harm_agentless", "passive"),
        _cue("troops killed", "harm_agent", "active", target="e1"),
        _cue("reportedly", "hedge"),
        _cue("clearly", "certainty"),
    ]
    p = build_profile(cues, tokens=500)
    assert isinstance(p, FramingProfile)
    assert p.category_counts["delegitimizing"] == 2 and p.category_counts["naming"] == 2
    assert p.top_terms[0]["term"] == "regime" and p.top_terms[0]["count"] == 2
    assert {t["term"] for t in p.top_terms} == {"regime", "massacre"}
    assert p.names_chosen == [
        {"name": "Kharkov", "entity": "e3", "lexicon_entry": "ru_ua.kharkov", "alternatives": ["Kharkiv"], "count": 2}
    ]
    assert p.tone == {"e1": round(-1 / 3, 3), "e2": 1.0}
    assert (p.harm_with_agent, p.harm_without_agent) == (1, 2)
    assert p.agentless_harm_share == round(2 / 3, 3)
    assert p.hedge_rate == 2.0 and p.certainty_rate == 2.0
    assert p.techniques == {"Name_Calling,Labeling": 2}
    assert p.tokens == 500


def test_empty_profile():
    p = build_profile([], tokens=0)
    assert p.category_counts == {} and p.agentless_harm_share is None and p.hedge_rate is None


def test_profile_on_document(nlp):
    text = (
        "Illustrative text written for the fullpicture tests. Three civilians were reportedly killed "
        "in the village, and dozens of homes were destroyed. Government troops killed two farmers. "
        "The regime called it a counter-terrorism operation."
    )
    doc = nlp(text)
    p = doc._.fp_framing_profile
    assert p.harm_without_agent == 2 and p.harm_with_agent == 1
    assert p.agentless_harm_share == round(2 / 3, 3)
    assert p.hedge_rate and p.hedge_rate > 0
    assert p.tokens == sum(1 for t in doc if not (t.is_punct or t.is_space))
    terms = {t["term"] for t in p.top_terms}
    assert {"regime", "counter-terrorism operation"} <= terms
    assert p.category_counts.get("hedge") == 1
