"""Word-vector inputs of the loaded-language detector fold into per-lemma ``l=`` weights: the
shipped file scores a token exactly as the linear model over (sparse features, lemma vector)
did in training, so run time needs no vectors (scripts/train_loaded.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("train_loaded", ROOT / "scripts" / "train_loaded.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_folded_lemma_scores_equal_the_vector_model():
    mod = _script()
    rng = np.random.default_rng(3)
    attrs = ["l=bitter", "l=calm", "p=ADJ", "t=JJ"]
    w = rng.normal(size=len(attrs))
    words = ["bitter", "calm", "furious"]  # "furious": a lemma never seen in training
    vecs = rng.normal(size=(len(words), 5))
    wvec = rng.normal(size=5)
    scores = dict(zip(words, (vecs @ wvec).tolist(), strict=True))
    keys, folded = mod.fold_lemma_scores(attrs, w, scores)
    table = dict(zip(keys, folded.tolist(), strict=True))
    assert keys == sorted(keys)
    for k, word in enumerate(words):
        feats = ["l=" + word, "p=ADJ", "t=JJ"]
        plain = sum(w[attrs.index(a)] for a in feats if a in attrs) + float(vecs[k] @ wvec)
        assert abs(sum(table.get(a, 0.0) for a in feats) - plain) < 1e-12
    # a lemma without a vector keeps its sparse weight; other features are untouched
    _, same = mod.fold_lemma_scores(attrs, w, {})
    assert np.array_equal(same, w[np.argsort(attrs)])
    assert table["p=ADJ"] == w[2]


def test_shipped_model_carries_lemma_scores_beyond_basil():
    """The shipped weights carry lemma scores beyond BASIL's vocabulary (about 43,000 lemmas)."""
    data = np.load(ROOT / "src" / "fullpicture" / "data" / "models" / "loaded.npz", allow_pickle=False)
    lemmas = [str(a) for a in data["attrs"] if str(a).startswith("l=")]
    assert len(lemmas) > 30000
