"""Issue 9, ECB+ end to end (tenth pass): two words of one sentence name two happenings
(``[align] sentence_words_apart``), and an act of word attributed to no one is no side's account
of the happening of its sentence (``[align] incident_told_about_speaker``). Both are measured
options (docs/benchmarks/incidents.md, tenth and eleventh passes); the second is shipped on since
a French speaker after its verb is found. Shapes invented for the tests."""

from __future__ import annotations

import numpy as np

from fullpicture import load_settings
from fullpicture.align._eventfeat import build_features
from fullpicture.align._eventpairs import MentionFeatures, PairScorer, Vectors
from fullpicture.align._incidents import word_hosts
from fullpicture.align._util import EntityIndex
from tests.helpers import analyze_text


def _same_sentence(cfg: dict, lemma_b: str) -> float:
    # "The Herons clinched a playoff berth with a win over the Owls": one sentence, two words
    s = "The Herons clinched a playoff berth with a win over the Owls."
    a = MentionFeatures(doc="d", lemma="clinch", type="CONTEST", family="CONTEST", sentence=s, span=(0, 61),
                        participants=frozenset({"herons"}))
    b = MentionFeatures(doc="d", lemma=lemma_b, type="CONTEST", family="CONTEST", sentence=s, span=(0, 61),
                        participants=frozenset({"herons"}))
    vec = Vectors(doc_sim=lambda x, y: 1.0)
    return float(PairScorer([a, b], cfg, vec).prob(np.array([[0, 1]]))[0])


def test_two_words_of_one_sentence_stay_apart_when_asked() -> None:
    base = dict(load_settings().section("align"))
    on = {**base, "sentence_words_apart": True}
    assert _same_sentence(on, "win") == 0.0
    # the same word twice in a sentence is not vetoed
    assert _same_sentence(on, "clinch") == _same_sentence(base, "clinch")
    # shipped off: the pair model decides
    assert _same_sentence({**base, "sentence_words_apart": False}, "win") > 0.0


def _hosts(text: str, speaker: bool) -> dict[str, str]:
    a = analyze_text(text, published="2024-03-05")
    cfg = {**load_settings().section("align"), "incident_told_about_speaker": speaker}
    feats, refs = build_features([a], EntityIndex([a]), cfg)
    return {refs[i][1].trigger.text: refs[h][1].trigger.text for i, h in word_hosts(feats, cfg).items()}


def test_an_act_of_word_told_by_no_one_is_no_account() -> None:
    # a defendant's status, not a side's account: no one is told accusing
    text = "Dale Marsh is accused of shooting a neighbour in Eastfield on Monday."
    assert _hosts(text, speaker=False).get("accused") == "shooting"
    assert "accused" not in _hosts(text, speaker=True)
    # a side accusing another keeps its account in the happening's row
    side = "The ministry accused the militia of shelling the depot in Eastfield on Monday."
    assert _hosts(side, speaker=True).get("accused") == "shelling"


def test_a_speaker_after_the_verb_keeps_the_account() -> None:
    # French: the ministry is named after "a annoncé"; the report stays with the strike
    text = "Une frappe a détruit un dépôt à Norville dans la nuit, a annoncé lundi le ministère de la Défense."
    assert _hosts(text, speaker=True).get("annoncé") == "frappe"
