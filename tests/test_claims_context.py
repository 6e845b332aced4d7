"""The attribution tagger's shifted neighbour columns: the lists the former loop made."""

from __future__ import annotations

from fullpicture.nlp.claims._context import Shifted


def test_shifted_is_the_shifted_list() -> None:
    for n in range(7):
        values = [f"v{i}" for i in range(n)]
        for k in (-2, -1, 1, 2):
            want = [values[i + k] if 0 <= i + k < n else None for i in range(n)]
            s = Shifted(values, k)
            assert list(s) == want and len(s) == n and s.as_list() == want
            assert [s[i] for i in range(n)] == want and s[1:] == want[1:]
            lo, hi = s.bounds()
            assert [i for i in range(n) if want[i] is not None] == list(range(lo, max(hi, lo)))
