"""Quality gates: GeoWebNews subset (needs ../shared) and the entity-clustering fixtures."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = tomllib.loads((ROOT / "eval" / "floors.toml").read_text(encoding="utf-8"))


@pytest.mark.shared
@pytest.mark.slow
def test_geowebnews_subset_floors(shared_data):
    from eval.geowebnews import evaluate

    floors = FLOORS["places"]
    r = evaluate(shared_data / "geowebnews", limit=int(floors["geowebnews_docs"]))
    assert r["f1"] >= floors["detection_f1"]
    assert r["precision"] >= floors["detection_precision"]
    assert r["matched"]["acc161"] >= floors["resolution_acc161"]
    assert r["given_gold"]["exact_id"] >= floors["gold_exact_id"]
    assert r["e2e_f1"] >= floors.get("e2e_f1", 0.0)


def test_entity_clustering_fixture_floors():
    from eval.entities_fixtures import evaluate

    floors = FLOORS["entities"]
    r = evaluate(ROOT / "tests" / "fixtures" / "entities")
    assert r["docs"] >= 3
    assert r["b3_f1"] >= floors["b3_f1"]
    assert r["pair_f1"] >= floors["pair_f1"]
