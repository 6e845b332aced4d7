"""Quality gates of issue 9 on real news (skipped without ../shared): ECB+ end to end, ECB+
figure conflicts, BASIL triplets. Floors in eval/floors.toml [incidents]."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

FLOORS = Path(__file__).resolve().parents[1] / "eval" / "floors.toml"


def _floors() -> dict:
    return tomllib.loads(FLOORS.read_text(encoding="utf-8"))["incidents"]


@pytest.fixture()
def ecbplus(shared_data) -> Path:
    """The ECB+ folder of ../shared (the test skips without it)."""
    data = shared_data / "ecbplus"
    if not (data / "ECB+").is_dir():
        pytest.skip("ECB+ not present")
    return data


def test_conflict_gold_is_well_formed():
    from eval.ecbplus_conflicts import FIELDS, load_gold

    groups, gold = load_gold()
    names = {g["name"]: set(g["documents"]) for g in groups}
    assert len(gold) >= 30
    for group, field, docs in gold:
        assert field in FIELDS and len(docs) == 2 and docs <= names[group]
        assert all(int(d.split("_")[0]) % 2 == 1 for d in docs)  # visible odd topics only


@pytest.mark.shared
@pytest.mark.slow
def test_ecbplus_end_to_end_gate(ecbplus, tmp_path):
    from eval.ecbplus_e2e import run

    data = ecbplus
    f = _floors()
    r = run(data, {int(t) for t in f["e2e_topics"]}, embeddings=False, cache=tmp_path)
    assert r["incidents"]["CoNLL F1"] >= f["e2e_conll_f1"]
    assert r["frag_incidents"][1] <= f["e2e_fragmentation_max"]


@pytest.mark.shared
@pytest.mark.slow
def test_ecbplus_end_to_end_typed_gate(ecbplus, tmp_path):
    """The shipped detection alone (typed events, generic mentions off) on the gate topics."""
    from eval.ecbplus_e2e import run

    f = _floors()
    r = run(ecbplus, {int(t) for t in f["e2e_topics"]}, embeddings=False, cache=tmp_path, generic=False)
    assert r["detection"][1] >= f["e2e_typed_detection_recall"]
    assert r["incidents"]["CoNLL F1"] >= f["e2e_typed_conll_f1"]


@pytest.mark.shared
@pytest.mark.slow
def test_ecbplus_conflicts_gate(ecbplus, tmp_path):
    from eval.ecbplus_conflicts import load_gold, predict

    data = ecbplus
    f = _floors()
    groups, gold = load_gold()
    pred, _ = predict(data, groups, embeddings=False, cache=tmp_path)
    tp = len(pred & gold)
    assert tp / len(gold) >= f["conflicts_recall"]
    assert tp / max(1, len(pred)) >= f["conflicts_precision"]


@pytest.mark.shared
@pytest.mark.slow
def test_basil_triplets_gate(shared_data, tmp_path):
    from eval.basil_align import run

    data = shared_data / "basil"
    if not (data / "articles").is_dir():
        pytest.skip("BASIL not present")
    f = _floors()
    r = run(data, int(f["basil_triplets"]), embeddings=False, cache=tmp_path)
    assert r["per_triplet_mean"] >= f["basil_per_triplet_mean"]
    assert r["purity"] >= f["basil_pooled_purity"]
