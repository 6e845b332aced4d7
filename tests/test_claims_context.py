"""The attribution tagger's coded columns: the lists the former loops made."""

from __future__ import annotations

import random

import numpy as np

from fullpicture.nlp.claims._columns import Column, code, derive, flag, shifted, sparse


def test_shifted_is_the_shifted_list() -> None:
    for n in range(7):
        values = [f"v{i % 3}" for i in range(n)]
        names, codes = code(values)
        assert [names[c] for c in codes.tolist()] == values
        for k in (-2, -1, 1, 2):
            want = [values[i + k] if 0 <= i + k < n else None for i in range(n)]
            s = shifted(names, codes, k)
            assert list(s) == want and len(s) == n and s.as_list() == want
            assert [s[i] for i in range(n)] == want and s[1:] == want[1:]


def test_sparse_flag_and_derived_columns_are_their_lists() -> None:
    rng = random.Random(5)
    for n in (0, 1, 5, 30):
        mask = np.array([rng.random() < 0.3 for _ in range(n)], dtype=bool)
        assert list(flag(mask)) == ["" if m else None for m in mask.tolist()]
        rows = [i for i in range(n) if rng.random() < 0.5]
        got = sparse(n, rows, [f"x{i}" for i in rows])
        assert list(got) == [f"x{i}" if i in rows else None for i in range(n)] and len(got) == n
        words = [rng.choice(["a", "long", "longer", "b"]) for _ in range(n)]
        names, codes = code(words)
        want = [w[-3:] if len(w) > 3 else None for w in words]
        assert list(derive(names, codes, lambda w: w[-3:] if len(w) > 3 else None)) == want
        assert list(Column(names, codes)) == words
