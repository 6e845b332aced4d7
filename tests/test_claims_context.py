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


def _old_paths(heads: list[int], deps: list[str], pos: list[str], lemmas: list[str], cls: list[str],
               k0: list[str] | None) -> list[list[str]]:
    """The former per-token loop of the path features."""
    out: list[list[str]] = []
    for i in range(len(heads)):
        f: list[str] = []
        below, cur, path = i, i, []
        for _ in range(3):
            below, cur = cur, heads[cur]
            if below == cur:
                break
            path.append(deps[below])
            if pos[cur] in ("VERB", "AUX"):
                p = ">".join(path)
                f.extend(("vp=" + p, "vp=" + p + "|" + lemmas[cur]))
                if k0 is not None:
                    f.append("vpk=" + p + "|" + k0[cur])
                break
        below, cur = i, i
        for step in range(8):
            below, cur = cur, heads[cur]
            if cls[cur]:
                f.extend(("anc=" + cls[cur] + "|" + deps[below], "ancd=" + deps[below] + "|" + ("L" if i < cur else "R"),
                          "ancs=" + str(min(step, 3))))
                break
            if below == cur:
                break
        out.append(f)
    return out


def test_path_slots_give_each_token_the_former_list() -> None:
    from fullpicture.nlp.claims._context import path_slots
    from fullpicture.nlp.claims._features import FeatureBlocks

    rng = random.Random(11)
    for trial in range(300):
        n = rng.randint(0, 25)
        if trial % 3:  # a tree: each token's head before it, or itself for the root
            heads = [rng.randint(0, i - 1) if i else 0 for i in range(n)]
        else:  # any head array, cycles included
            heads = [rng.randrange(n) for _ in range(n)]
        deps = [rng.choice(["nsubj", "ccomp", "dobj", "ROOT", "prep"]) for _ in range(n)]
        pos = [rng.choice(["VERB", "AUX", "NOUN", "ADP"]) for _ in range(n)]
        lemmas = [rng.choice(["say", "deny", "town", "of"]) for _ in range(n)]
        cls = [rng.choice(["", "", "", "speech", "cog"]) for _ in range(n)]
        k0 = [str(rng.randint(0, 5)) for _ in range(n)] if trial % 2 else None
        verbs = np.array([p in ("VERB", "AUX") for p in pos], dtype=bool)
        coded_k0 = code(k0) if k0 is not None else None
        slots = path_slots(np.array(heads, dtype=np.intp), code(deps), verbs, code(lemmas), cls, coded_k0)
        got = FeatureBlocks([], slots, []).strings()
        assert got == (_old_paths(heads, deps, pos, lemmas, cls, k0) if n else [])
