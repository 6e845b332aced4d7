"""bench/bench_align.py's clustering scores against the generator's true events."""

from __future__ import annotations

import random

import pytest
from bench.bench_align import scores
from eval.coref_scorer import b_cubed, clusters_of


def _pairwise(gold: list[int], labels: list[int]) -> tuple[float, float]:
    """Pairwise precision and recall by counting every pair of mentions."""
    both = same_gold = same_resp = 0
    for a in range(len(gold)):
        for b in range(a + 1, len(gold)):
            g, r = gold[a] == gold[b], labels[a] == labels[b]
            both += g and r
            same_gold += g
            same_resp += r
    return (both / same_resp if same_resp else 0.0), (both / same_gold if same_gold else 0.0)


@pytest.mark.parametrize("seed", range(6))
def test_scores_match_the_reference_definitions(seed):
    rng = random.Random(seed)
    n = rng.randint(1, 120)
    gold = [rng.randrange(1 + n // 4) for _ in range(n)]
    labels = [rng.randrange(1 + n // rng.randint(1, 6)) for _ in range(n)]
    b3_p, b3_r, b3_f, pair_p, pair_r = scores(gold, labels)
    rec, prec, f1 = b_cubed(clusters_of(dict(enumerate(gold))), clusters_of(dict(enumerate(labels))))
    assert (b3_p, b3_r, b3_f) == pytest.approx((prec, rec, f1), abs=1e-12)
    assert (pair_p, pair_r) == pytest.approx(_pairwise(gold, labels), abs=1e-12)


def test_perfect_and_singleton_clusterings():
    gold = [0, 0, 1, 1, 1, 2]
    assert scores(gold, [5, 5, 7, 7, 7, 9]) == pytest.approx((1.0, 1.0, 1.0, 1.0, 1.0))
    b3_p, b3_r, _, pair_p, pair_r = scores(gold, list(range(6)))
    assert b3_p == 1.0 and pair_r == 0.0 and pair_p == 0.0
    assert b3_r == pytest.approx((2 * 0.5 + 3 * (1 / 3) + 1) / 6)
