"""Quality gates: BASIL lexical-bias subset and the annotated fixture articles."""

from __future__ import annotations

import tomllib

import pytest

from tests.conftest import ROOT

FLOORS = tomllib.loads((ROOT / "eval" / "floors.toml").read_text(encoding="utf-8"))["framing"]


@pytest.mark.shared
@pytest.mark.slow
def test_basil_subset_floors(shared_data):
    from eval.basil import evaluate

    data = shared_data / "basil"
    if not (data / "articles").is_dir():
        pytest.skip("BASIL not present")
    res = evaluate(data, triplets=int(FLOORS["basil_subset_triplets"]))
    p, _r, f1 = res["token"]
    assert res["articles"] == 3 * int(FLOORS["basil_subset_triplets"])
    assert p >= FLOORS["basil_token_precision"]
    assert f1 >= FLOORS["basil_token_f1"]
    assert res["span"][1] >= FLOORS["basil_span_recall"]


def test_basil_loader_locates_spans(tmp_path):
    import json

    from eval.basil import load_basil

    (tmp_path / "articles" / "2010").mkdir(parents=True)
    (tmp_path / "annotations" / "2010").mkdir(parents=True)
    art = {"source": "FOX", "body-paragraphs": [["First one.", "He gave a fierce speech."], ["Then left."]]}
    (tmp_path / "articles" / "2010" / "t1_1.json").write_text(json.dumps(art))
    ann = {"phrase-level-annotations": [{"txt": "fierce", "start": 10, "end": 16, "bias": "lex"},
                                        {"txt": "left", "start": 5, "end": 9, "bias": "inf"}]}
    (tmp_path / "annotations" / "2010" / "t1_1_ann.json").write_text(json.dumps(ann))
    [a] = load_basil(tmp_path)
    assert a.outlet == "fox" and a.triplet == "t1"
    assert [a.text[s:e] for s, e in a.gold] == ["fierce"]


def test_fixture_articles_floors():
    from eval.framing_fixtures import evaluate, totals

    res = evaluate()
    assert res["articles"] >= 12
    p, r = totals(res)
    assert p >= FLOORS["fixtures_precision"]
    assert r >= FLOORS["fixtures_recall"]
    per = res["per_category"]
    for cat in ("naming", "harm_agentless", "delegitimizing", "euphemism"):
        pred, ok, gold, found = per[cat]
        assert gold and found / gold >= 0.5, cat
