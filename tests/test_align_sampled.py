"""The sampled merges' draws replay ``random.Random`` word for word, and a grid of two clusters'
cross pairs is filled either way round."""

from __future__ import annotations

import math
import random

from fullpicture.align._sampled import Grids, draw, keys


def _cells(p) -> list[float | None]:
    """A grid's cells, None where unknown (NaN)."""
    return [None if math.isnan(v) else v for v in p.tolist()]


def test_draws_are_random_choice_and_count_the_words_taken():
    want_rng, got_rng, sizes = random.Random(0), random.Random(0), random.Random(3)
    for _ in range(300):
        na, nb = sizes.randrange(1, 5000), sizes.randrange(1, 70)
        count = sizes.choice([0, 1, 7, 400])
        a, b = list(range(na)), list(range(na, na + nb))
        want = [(want_rng.choice(a), want_rng.choice(b)) for _ in range(count)]
        cells, took = draw(got_rng.getrandbits, na, nb, count)
        assert [(a[c // nb], b[c % nb]) for c in cells] == want
        # the words taken are the generator's own: one more word from each gives the same
        assert got_rng.getrandbits(32) == want_rng.getrandbits(32)
        assert took >= 2 * count


def test_words_taken_can_be_skipped_in_one_call():
    """A merge that takes the look-ahead's draws moves its generator past their words with one
    ``getrandbits(32 * words)``: the generator is then where drawing would have left it."""
    drawn, skipped = random.Random(0), random.Random(0)
    for na, nb in ((3, 1000), (129, 65), (1000, 1000)):
        _drawn, took = draw(drawn.getrandbits, na, nb, 400)
        skipped.getrandbits(32 * took)
        assert drawn.getstate() == skipped.getstate()


def test_keys_are_ordered_pair_keys():
    a, b, n = [5, 1, 9], [2, 7], 10
    cells = [0, 1, 2, 3, 4, 5, 3]
    assert keys(cells, a, b, n) == [2 * n + 5, 5 * n + 7, 1 * n + 2, 1 * n + 7, 2 * n + 9, 7 * n + 9, 1 * n + 7]


def test_grid_kept_on_second_failure_and_filled_either_way_round():
    n = 100
    a, b = [1, 2, 3], [10, 11]
    known = {1 * n + 10: 0.25, 3 * n + 11: 0.5}
    grids = Grids(n)

    def live(r: int, size: int) -> bool:
        return True

    grids.failed(1, 10, a, b, known, live)
    assert grids.get(1, 10, 3, 2) is None  # one failure: no grid yet
    grids.failed(1, 10, a, b, known, live)
    g = grids.get(1, 10, 3, 2)
    assert g is not None and _cells(g.p) == [0.25, None, None, None, None, 0.5] and g.unknown == 4
    assert grids.get(1, 10, 4, 2) is None  # another size: another cluster
    # the other way round (b x a) kept too; a fill in one is seen in both
    grids.failed(10, 1, b, a, known, live)
    grids.failed(10, 1, b, a, known, live)
    r = grids.get(10, 1, 2, 3)
    assert r is not None and _cells(r.p) == [0.25, None, None, None, None, 0.5]
    grids.fill(1, 10, 3, 2, [1, 1, 4], [0.75, 0.75, 0.125])  # pairs (1, 11) and (3, 10)
    assert _cells(g.p) == [0.25, 0.75, None, None, 0.125, 0.5] and g.unknown == 2
    assert _cells(r.p) == [0.25, None, 0.125, 0.75, None, 0.5] and r.unknown == 2
    grids.prune(lambda root, size: root != 10)
    assert grids.get(1, 10, 3, 2) is None and grids.get(10, 1, 2, 3) is None and grids.cells == 0
