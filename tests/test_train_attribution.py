"""Retraining the attribution tagger is reproducible: one machine gives the same bytes, a stale
cached parse is parsed again, and a retrain reports its dev figures against the weights it
replaces (scripts/train_attribution.py, scripts/train_roles.py)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def scripts():
    """The two training scripts as modules (the repository root on the path, as they expect)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module("scripts.train_attribution"), importlib.import_module("scripts.train_roles")


def test_role_network_same_bytes_twice(scripts, tmp_path):
    _, roles = scripts
    rng = np.random.default_rng(5)
    x = rng.standard_normal((300, 12)).astype(np.float32)
    y = rng.integers(0, 4, 300)
    nets = [roles.fit(x, y, np.arange(300), hidden=8, epochs=2, batch=64, seed=0) for _ in range(2)]
    for a, b in zip(*nets, strict=True):
        assert np.array_equal(a, b)
    # the npz container carries no write time: the same arrays give the same file
    files = []
    for k in range(2):
        net = dict(zip(("w1", "b1", "w2", "b2"), nets[k], strict=True))
        roles.save({**net, "deps": np.array(["nsubj"]), "pos": np.array(["NOUN"])}, tmp_path / f"r{k}.npz")
        files.append((tmp_path / f"r{k}.npz").read_bytes())
    assert files[0] == files[1]


def test_kmeans_same_centres_twice(scripts):
    train, _ = scripts
    x = np.random.default_rng(1).standard_normal((200, 6)).astype(np.float32)
    assert np.array_equal(train.kmeans(x, 5, seed=0), train.kmeans(x, 5, seed=0))


def test_stale_cached_parse_is_detected(scripts, settings):
    from spacy.tokens import DocBin

    from fullpicture.nlp.pipeline import parse_pipeline

    train, _ = scripts
    nlp = parse_pipeline(settings)
    texts = ["The minister said the bridge would reopen on Monday.", "Officials denied it.\n\nA second line."]
    fresh = list(nlp.pipe(texts))
    db = DocBin(store_user_data=False)
    for d in fresh:
        db.add(d)
    cached = list(DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab))
    for c, f in zip(cached, fresh, strict=True):
        c.tensor = f.tensor.copy()
    assert train._same_parse(cached, fresh)
    # a parse from other code: one dependency label differs
    arr = cached[0].to_array(["DEP"])
    arr[1] = nlp.vocab.strings["dobj"] if cached[0][1].dep_ != "dobj" else nlp.vocab.strings["nsubj"]
    cached[0].from_array(["DEP"], arr)
    assert not train._same_parse(cached, fresh)
    # other tok2vec vectors (another model)
    cached[0].from_array(["DEP"], fresh[0].to_array(["DEP"]))
    cached[1].tensor = cached[1].tensor + 0.01
    assert not train._same_parse(cached, fresh)


def _res(src, cue, con, ov):
    return {("source", "exact"): (0, 0, src), ("cue", "exact"): (0, 0, cue), ("content", "exact"): (0, 0, con),
            ("content", "overlap"): (0, 0, ov)}


def test_report_dev_within_half_a_point(scripts, capsys):
    train, _ = scripts
    before = _res(75.0, 70.1, 54.6, 81.7)
    assert train.report_dev(before, _res(75.2, 69.9, 54.6, 81.9))
    assert "within 0.5" in capsys.readouterr().err
    assert not train.report_dev(before, _res(74.4, 70.1, 54.6, 81.7))
    assert "MORE THAN 0.5" in capsys.readouterr().err
    assert train.report_dev(None, before)
