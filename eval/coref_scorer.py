"""Coreference metrics: MUC, B-cubed, CEAF-e and the CoNLL F1 (their mean).

Written for fullpicture after the definitions used by the CoNLL-2012 reference scorer
(Pradhan et al., 2014): MUC (Vilain et al., 1995), B-cubed (Bagga & Baldwin, 1998),
entity-based CEAF with phi4 similarity (Luo, 2005). Key and response are dicts
mention -> cluster id over the same mentions (singletons included).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping

Clusters = list[set[Hashable]]


def clusters_of(assign: Mapping[Hashable, Hashable]) -> Clusters:
    """Group mentions by cluster id."""
    out: dict[Hashable, set[Hashable]] = defaultdict(set)
    for m, c in assign.items():
        out[c].add(m)
    return list(out.values())


def _prf(num_r: float, den_r: float, num_p: float, den_p: float) -> tuple[float, float, float]:
    r = num_r / den_r if den_r else 0.0
    p = num_p / den_p if den_p else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return r, p, f


def _muc_side(key: Clusters, resp_of: Mapping[Hashable, int]) -> tuple[float, float]:
    num = den = 0.0
    for k in key:
        parts = {resp_of.get(m, ("single", m)) for m in k}
        num += len(k) - len(parts)
        den += len(k) - 1
    return num, den


def muc(key: Clusters, resp: Clusters) -> tuple[float, float, float]:
    """MUC recall, precision, F1."""
    k_of = {m: i for i, c in enumerate(key) for m in c}
    r_of = {m: i for i, c in enumerate(resp) for m in c}
    nr, dr = _muc_side(key, r_of)
    np_, dp = _muc_side(resp, k_of)
    return _prf(nr, dr, np_, dp)


def b_cubed(key: Clusters, resp: Clusters) -> tuple[float, float, float]:
    """B-cubed recall, precision, F1 (mention-averaged)."""
    k_of = {m: c for c in key for m in c}
    r_of = {m: c for c in resp for m in c}
    rec = sum(len(k_of[m] & r_of.get(m, {m})) / len(k_of[m]) for m in k_of)
    prec = sum(len(r_of[m] & k_of.get(m, {m})) / len(r_of[m]) for m in r_of)
    return _prf(rec, len(k_of), prec, len(r_of))


def _hungarian_max(w: list[list[float]]) -> float:
    """Maximum-weight assignment value for a rectangular matrix (Kuhn-Munkres, O(n^3))."""
    n, m = len(w), len(w[0]) if w else 0
    if n == 0 or m == 0:
        return 0.0
    transpose = n > m
    if transpose:
        w = [list(col) for col in zip(*w, strict=True)]
        n, m = m, n
    inf = float("inf")
    cost = [[-x for x in row] for row in w]
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    return sum(w[p[j] - 1][j - 1] for j in range(1, m + 1) if p[j])


def ceaf_e(key: Clusters, resp: Clusters) -> tuple[float, float, float]:
    """Entity-based CEAF (phi4) recall, precision, F1.

    The optimal alignment is found per connected component of the key/response overlap
    graph, which gives the same total as one global assignment.
    """
    r_of = {m: i for i, c in enumerate(resp) for m in c}
    k_of = {m: i for i, c in enumerate(key) for m in c}
    # components over bipartite graph key <-> response
    comp_k: dict[int, int] = {}
    comp_r: dict[int, int] = {}
    comps: list[tuple[list[int], list[int]]] = []
    for start in range(len(key)):
        if start in comp_k:
            continue
        ks, rs, stack = [], [], [("k", start)]
        cid = len(comps)
        comp_k[start] = cid
        while stack:
            side, idx = stack.pop()
            if side == "k":
                ks.append(idx)
                for m in key[idx]:
                    r = r_of.get(m)
                    if r is not None and r not in comp_r:
                        comp_r[r] = cid
                        stack.append(("r", r))
            else:
                rs.append(idx)
                for m in resp[idx]:
                    k = k_of.get(m)
                    if k is not None and k not in comp_k:
                        comp_k[k] = cid
                        stack.append(("k", k))
        comps.append((ks, rs))
    total = 0.0
    for ks, rs in comps:
        if not rs:
            continue
        w = [
            [2 * len(key[a] & resp[b]) / (len(key[a]) + len(resp[b])) for b in rs] for a in ks
        ]
        total += _hungarian_max(w)
    return _prf(total, len(key), total, len(resp))


def conll(key_assign: Mapping[Hashable, Hashable], resp_assign: Mapping[Hashable, Hashable]) -> dict[str, float]:
    """All metrics (F1s and recall/precision, in percent) and the CoNLL F1."""
    key, resp = clusters_of(key_assign), clusters_of(resp_assign)
    out: dict[str, float] = {}
    for name, fn in (("MUC", muc), ("B3", b_cubed), ("CEAF-e", ceaf_e)):
        r, p, f = fn(key, resp)
        out[f"{name} R"], out[f"{name} P"], out[f"{name} F1"] = 100 * r, 100 * p, 100 * f
    out["CoNLL F1"] = (out["MUC F1"] + out["B3 F1"] + out["CEAF-e F1"]) / 3
    return out
