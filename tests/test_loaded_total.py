"""The loaded-language detector's per-token weight sum is the plain left-to-right loop's,
bit for bit (``_total`` runs it through ``reduce``; unknown features add 0.0)."""

from __future__ import annotations

import random

from fullpicture.nlp.framing._loaded import _total


def _loop(w: list[float], idx: dict[str, int], feats: list[str]) -> float:
    z: float = 0
    for a in feats:
        j = idx.get(a)
        if j is not None:
            z += w[j]
    return z


def test_total_is_the_loop_bit_for_bit():
    rng = random.Random(7)
    attrs = [f"f{k}" for k in range(300)]
    w = [rng.uniform(-3, 3) * 10 ** rng.randint(-8, 2) for _ in attrs]
    w[5] = 0.0
    w[6] = -0.0
    idx = {a: k for k, a in enumerate(attrs)}
    wmap = {a: w[k] for a, k in idx.items()}
    for _ in range(2000):
        feats = [rng.choice(attrs) if rng.random() < 0.8 else f"unknown{rng.randint(0, 50)}"
                 for _ in range(rng.randint(0, 40))]
        want, got = _loop(w, idx, feats), _total(wmap.get, feats)
        assert want == got
        assert float(want).hex() == float(got).hex() or want == 0.0
    assert _total(wmap.get, []) == 0
    assert _total(wmap.get, ["nothing"]) == 0.0
