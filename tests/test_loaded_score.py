"""The loaded-language model's weight sums without feature strings (``_loaded_score``) are the
sums of ``token_features``' weights, bit for bit, on real and odd documents and with weights
that know every feature prefix."""

from __future__ import annotations

import random

import pytest

from fullpicture.models import FramingCue
from fullpicture.nlp.framing._loaded import _load, _total, model_path
from fullpicture.nlp.framing._loaded_features import token_features
from fullpicture.nlp.framing._loaded_score import PrefixWeights, weighted_sums
from tests.conftest import FIXTURES, ROOT

ODD = [
    "",
    "“Very” bad. « Tres » — “so-called” liberation, \"heroes\" and 'villains' in a = b\nline “open",
    "THE VERY HIGHLY RECKLESS. So, so extremely wrong; most brutal!!! Hastily, angrily, happily.",
    "   \n\n  ",
]


def _texts() -> list[str]:
    paths = sorted((FIXTURES / "articles").glob("*.txt")) + sorted((ROOT / "examples").glob("*.md"))
    return [p.read_text(encoding="utf-8") for p in paths] + ODD


def _lexicon(doc) -> list[FramingCue]:
    # every other word a lexicon term, so that the lex= features occur
    out = []
    for k, t in enumerate(doc):
        if t.is_alpha and k % 7 == 0:
            out.append(FramingCue(start=t.idx, end=t.idx + len(t), text=t.text,
                                  category="naming" if k % 2 else "loaded_language"))
    return out


def _check(doc, wmap, evaluative, lexicon):
    feats = token_features(doc, evaluative, lexicon)
    rows, sums = weighted_sums(doc, PrefixWeights(wmap), evaluative, lexicon)
    assert rows == [i for i, _ in feats]
    for z, (_, f) in zip(sums, feats, strict=True):
        want = _total(wmap.get, f)
        assert z == want and float(z).hex() == float(want).hex()


@pytest.mark.skipif(model_path() is None, reason="the loaded-language weights are not installed")
def test_shipped_weights_sum_alike(nlp):
    model = _load(model_path())
    wmap = {a: model._wlist[k] for a, k in model.index.items()}
    evaluative = frozenset({"brutal", "reckless", "heroic", "attack"})
    for text in _texts():
        doc = nlp(text)
        _check(doc, wmap, evaluative, _lexicon(doc))
        _check(doc, wmap, frozenset(), [])


def test_every_feature_known(nlp):
    """Random weights for every feature the documents have (and a few the model lacks)."""
    rng = random.Random(11)
    docs = [nlp(t) for t in _texts()]
    evaluative = frozenset({"bad", "wrong", "brutal"})
    names: set[str] = set()
    for doc in docs:
        for _, f in token_features(doc, evaluative, _lexicon(doc)):
            names.update(f)
    wmap = {n: rng.uniform(-3, 3) * 10 ** rng.randint(-9, 3) for n in sorted(names) if rng.random() < 0.9}
    wmap["l=a=b"] = 0.5  # a value holding "="
    wmap["zz=unused"] = -0.0
    for doc in docs:
        _check(doc, wmap, evaluative, _lexicon(doc))


@pytest.mark.skipif(model_path() is None, reason="the loaded-language weights are not installed")
def test_weight_cache_kept_across_documents_and_trimmed(nlp):
    """The weights made on first use are kept for the next document; the sums are the same
    from an empty cache and a full one, and the memory zone's trim empties it."""
    from fullpicture.nlp._zone import trim_caches

    weights = _load(model_path())._weights
    docs = [nlp(t) for t in _texts()]
    weights.cache.clear()
    cold = [weighted_sums(doc, weights) for doc in docs]
    assert weights.cache
    warm = [weighted_sums(doc, weights) for doc in docs]
    assert [[float(z).hex() for z in s] for _, s in warm] == [[float(z).hex() for z in s] for _, s in cold]
    assert nlp.get_pipe("fp_framing").cache is weights.cache
    trim_caches(nlp, 0)
    assert not weights.cache


def _same_weights(a: PrefixWeights, b: PrefixWeights) -> None:
    assert list(a.by_prefix) == list(b.by_prefix) and list(a.full) == list(b.full)
    for p, table in a.by_prefix.items():
        assert list(table.items()) == list(b.by_prefix[p].items())
    assert list(a.full.items()) == list(b.full.items()) and a.constant == b.constant


def test_weights_from_pairs_are_the_dict_built_ones():
    """``PrefixWeights`` of (name, weight) pairs (what the model's arrays give, at start-up)
    holds the same tables, in the same order, as ``PrefixWeights`` of the pairs' dict: odd
    names, repeated ones (their first place, their last weight), values holding "=", names
    without one, and the shipped model's."""
    names = ["l=b", "p=NOUN", "hp=NOUN|nsubj", "q", "l=a=b", "zz=x", "l=", "-1l=b", "l=b", "eval", "=x", "p=VERB"]
    weights = [0.5, -1.25, 3.0, 0.1, 2.0, -0.0, 7.0, 1e-9, 4.5, 0.25, 9.0, -2.0]
    want = PrefixWeights(dict(zip(names, weights, strict=True)))
    _same_weights(PrefixWeights(zip(names, weights, strict=True)), want)
    assert want.by_prefix["l="]["b"] == 4.5 and want.by_prefix["l="]["a=b"] == 2.0
    if model_path() is not None:
        model = _load(model_path())
        shipped = PrefixWeights(dict(zip(model._names.tolist(), model._wlist, strict=True)))
        _same_weights(model._weights, shipped)
