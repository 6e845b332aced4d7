"""The CoNLL scorer, and the ECB+ quality gate (skipped without ../shared)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from eval.coref_scorer import b_cubed, ceaf_e, conll, muc

FLOORS = Path(__file__).resolve().parents[1] / "eval" / "floors.toml"


def test_scorer_on_hand_computed_example():
    key = [{"a", "b", "c"}, {"d", "e"}, {"f"}]
    resp = [{"a", "b"}, {"c", "d", "e"}, {"f"}]
    assert muc(key, resp)[2] == pytest.approx(2 / 3)
    assert b_cubed(key, resp)[0] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 3) / 6)
    assert ceaf_e(key, resp)[0] == pytest.approx((0.8 + 0.8 + 1) / 3)


def test_scorer_extremes():
    key = {"a": 1, "b": 1, "c": 2}
    assert conll(key, key)["CoNLL F1"] == pytest.approx(100)
    singles = conll(key, {m: m for m in key})
    assert singles["MUC F1"] == 0 and singles["B3 P"] == 100
    one = conll(key, dict.fromkeys(key, 0))
    assert one["MUC R"] == 100 and one["B3 R"] == 100


@pytest.mark.shared
@pytest.mark.slow
def test_ecbplus_gate(shared_data):
    from eval.ecbplus import evaluate

    data = shared_data / "ecbplus"
    if not (data / "ECB+").is_dir():
        pytest.skip("ECB+ not present")
    floors = tomllib.loads(FLOORS.read_text(encoding="utf-8"))["ecbplus"]
    topics = {int(t) for t in floors["subset_topics"]}
    rows, _ = evaluate(data, topics, embeddings=True)
    name, n, ours, base, _stats = rows[0]
    assert name == "all" and n > 100
    assert ours["CoNLL F1"] >= floors["conll_f1"]
    assert ours["CoNLL F1"] >= base["CoNLL F1"] + floors["min_above_baseline"]
