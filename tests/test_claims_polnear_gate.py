"""Quality gate: attribution extraction on a PolNeAR dev subset stays above the floors."""

from __future__ import annotations

import tomllib
from pathlib import Path

from eval.polnear import load_split, score

FLOORS = Path(__file__).resolve().parents[1] / "eval" / "floors.toml"


def test_polnear_dev_subset_floors(shared_data):
    data = shared_data / "polnear"
    floors = tomllib.loads(FLOORS.read_text(encoding="utf-8"))["polnear"]
    res = score(load_split(data, "dev", int(floors["subset_docs"])))
    for key, floor in floors.items():
        if key == "subset_docs":
            continue
        role, match = key.rsplit("_", 1)
        assert res[(role, match)][2] >= floor, (key, res[(role, match)])
