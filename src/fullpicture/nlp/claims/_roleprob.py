"""A small network over spaCy's tok2vec vectors that guesses each token's attribution role.

The CRF's word, lemma and cluster features cannot generalise far past the cue words seen in
training; spaCy's contextual tok2vec vectors can. A one-hidden-layer network
(``data/models/attribution_roles.npz``, trained on PolNeAR train by
``scripts/train_attribution.py`` with a fixed seed) reads the tok2vec vectors of a token, its
head, its head's head and the two tokens on each side, with the dependency label and POS of
the token and its head (one-hot), and gives the probability of each role
(source, cue, content or none); the CRF sees those probabilities, bucketed, as features
(:func:`role_features`). Its training features are cross-fitted: a training document's
probabilities come from a network that never saw that document.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from weakref import WeakKeyDictionary

import numpy as np
from spacy.tokens import Doc
from thinc.api import NumpyOps

from fullpicture.nlp._tokens import token_arrays

ROLES_FILE = "attribution_roles.npz"
LABELS = ("O", "SRC", "CUE", "CON")
_OPS = NumpyOps()
# bucket edges of a role probability: under the first edge no feature is emitted
_EDGES = (0.1, 0.3, 0.5, 0.7, 0.9)


def roles_path() -> str | None:
    """Path of the shipped role network, or None when it is missing."""
    ref = resources.files("fullpicture") / "data" / "models" / ROLES_FILE
    return str(ref) if ref.is_file() else None


@dataclass(frozen=True)
class RoleNet:
    """The role network's weights and its one-hot vocabularies (dependency labels, POS)."""

    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray
    deps: dict[str, int]
    pos: dict[str, int]


@lru_cache(maxsize=4)
def load_roles(path: str | None) -> RoleNet | None:
    """The shipped role network, or None without a file."""
    if path is None:
        return None
    with np.load(path) as z:
        w = [np.ascontiguousarray(z[k], dtype=np.float32) for k in ("w1", "b1", "w2", "b2")]
        deps, pos = [str(v) for v in z["deps"].tolist()], [str(v) for v in z["pos"].tolist()]
    return RoleNet(w[0], w[1], w[2], w[3], {k: i for i, k in enumerate(deps)}, {k: i for i, k in enumerate(pos)})


def _label_ids(heads: np.ndarray, deps: list[str], pos: list[str], dep_ids: dict[str, int],
               pos_ids: dict[str, int]) -> list[tuple[np.ndarray, int]]:
    """(label index per token or -1 when unknown, offset in the one-hot part) for the four one-hots."""
    nd, npos = len(dep_ids), len(pos_ids)
    di = np.array([dep_ids.get(v, -1) for v in deps], dtype=np.int64)
    pi = np.array([pos_ids.get(v, -1) for v in pos], dtype=np.int64)
    return [(di, 0), (di[heads], nd), (pi, 2 * nd), (pi[heads], 2 * nd + npos)]


def _dense(x: np.ndarray, h: np.ndarray) -> np.ndarray:
    """The vector part of the input: the token, its head, its head's head, then the tokens
    one before, one after, two before and two after (zeros past the edges)."""
    n, d = x.shape
    pad = np.zeros((2, d), dtype=np.float32)
    xp = np.concatenate([pad, x, pad])
    return np.concatenate([x, x[h], x[h[h]], xp[1 : n + 1], xp[3 : n + 3], xp[0:n], xp[4 : n + 4]], axis=1)


def role_inputs(tensor: np.ndarray, heads: list[int], deps: list[str], pos: list[str],
                dep_ids: dict[str, int], pos_ids: dict[str, int]) -> np.ndarray:
    """The network's input per token, as training sees it (unknown labels get no one-hot bit)."""
    x = np.ascontiguousarray(tensor, dtype=np.float32)
    n = len(x)
    h = np.asarray(heads, dtype=np.int64)
    oh = np.zeros((n, 2 * len(dep_ids) + 2 * len(pos_ids)), dtype=np.float32)
    rows = np.arange(n)
    for col, off in _label_ids(h, deps, pos, dep_ids, pos_ids):
        ok = col >= 0
        oh[rows[ok], off + col[ok]] = 1.0
    return np.concatenate([_dense(x, h), oh], axis=1)


def forward(weights: tuple[np.ndarray, ...], x: np.ndarray) -> np.ndarray:
    """Role probabilities (tokens x 4, columns in :data:`LABELS` order) from (w1, b1, w2, b2)."""
    w1, b1, w2, b2 = weights
    h = _OPS.gemm(x, w1)
    h += b1
    return _softmax_out(h, w2, b2)


def _softmax_out(h: np.ndarray, w2: np.ndarray, b2: np.ndarray) -> np.ndarray:
    """ReLU of the hidden layer (in place), then the softmax of the output layer."""
    np.maximum(h, 0.0, out=h)
    z = _OPS.gemm(h, w2)
    z += b2
    z -= z.max(1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(1, keepdims=True)
    return z


def doc_role_probs(doc: Doc, heads: list[int], deps: list[str], pos: list[str], net: RoleNet | None) -> np.ndarray | None:
    """Role probabilities of a parsed document's tokens, or None without a network or tensor.

    The same as :func:`forward` over :func:`role_inputs`, but the one-hot part adds rows of
    the first layer instead of multiplying by a mostly zero matrix.
    """
    tensor = doc.tensor
    if net is None or tensor is None or tensor.shape[0] != len(doc) or len(doc) == 0:
        return None
    x = np.ascontiguousarray(tensor, dtype=np.float32)
    width = 7 * x.shape[1]
    if width + 2 * len(net.deps) + 2 * len(net.pos) != net.w1.shape[0]:
        return None
    h_ = np.asarray(heads, dtype=np.int64)
    hid = _OPS.gemm(_dense(x, h_), net.w1[:width])
    hid += net.b1
    rows = np.arange(len(x))
    for col, off in _label_ids(h_, deps, pos, net.deps, net.pos):
        ok = col >= 0
        hid[rows[ok]] += net.w1[width + off + col[ok]]
    return _softmax_out(hid, net.w2, net.b2)


def token_probs(doc: Doc, tokens: list[int], net: RoleNet | None) -> np.ndarray | None:
    """Role probabilities of some tokens of a parsed document only (rows in ``tokens`` order),
    or None without a network or tensor: the inputs of only those rows are built.

    A token's row is computed once per document (and network): the claims layer asks for
    overlapping sets of tokens several times a document (cue tokens and heads, uncovered verbs
    and nouns, source candidates), and later calls take the rows already computed. A row does
    not depend on the other rows of its call (row by row products and softmax), so the rows are
    the same floats as computed in any other call."""
    tensor = doc.tensor
    n = len(doc)
    if net is None or not tokens or tensor is None or tensor.shape[0] != n or n == 0:
        return None
    d = tensor.shape[1]
    if 7 * d + 2 * len(net.deps) + 2 * len(net.pos) != net.w1.shape[0]:
        return None
    memo = _MEMO.get(doc)
    if memo is None or memo.net is not net or memo.tensor is not tensor:
        memo = _MEMO[doc] = _Rows(net, tensor, n)
    rows = np.asarray(tokens, dtype=np.int64)
    need = rows[~memo.have[rows]]
    if len(need):
        need = np.unique(need)
        memo.probs[need] = _compute(doc, need, net, tensor)
        memo.have[need] = True
    return memo.probs[rows]


class _Rows:
    """The role probabilities computed so far for one document (rows of ``probs`` where ``have``)."""

    __slots__ = ("have", "net", "probs", "tensor")

    def __init__(self, net: RoleNet, tensor: np.ndarray, n: int) -> None:
        self.net = net
        self.tensor = tensor
        self.probs = np.zeros((n, len(LABELS)), dtype=np.float32)
        self.have = np.zeros(n, dtype=bool)


_MEMO: WeakKeyDictionary[Doc, _Rows] = WeakKeyDictionary()


def _compute(doc: Doc, rows: np.ndarray, net: RoleNet, tensor: np.ndarray) -> np.ndarray:
    """Role probabilities of the tokens ``rows`` (the network over each one's inputs)."""
    x = np.ascontiguousarray(tensor, dtype=np.float32)
    n, d = x.shape
    toks = token_arrays(doc)
    hs = np.asarray(toks.head, dtype=np.int64)
    zero = np.zeros((1, d), dtype=np.float32)
    xz = np.concatenate([x, zero])  # index n is the zero vector past either edge

    def at(k: np.ndarray) -> np.ndarray:
        return xz[np.where((k >= 0) & (k < n), k, n)]

    hrows = hs[rows]
    dense = np.concatenate([x[rows], x[hrows], x[hs[hrows]], at(rows - 1), at(rows + 1), at(rows - 2),
                            at(rows + 2)], axis=1)
    hid = _OPS.gemm(dense, net.w1[: 7 * d])
    hid += net.b1
    nd = len(net.deps)
    dep, pos = toks.dep, toks.pos
    # the one-hot part: one row of the first layer added per known label, family by family
    # (each row gets its additions in the order token dependency, head dependency, token
    # POS, head POS)
    for at_rows, labels, off, ids in ((rows, dep, 0, net.deps), (hrows, dep, nd, net.deps),
                                      (rows, pos, 2 * nd, net.pos), (hrows, pos, 2 * nd + len(net.pos), net.pos)):
        col = np.array([ids.get(labels[i], -1) for i in at_rows.tolist()], dtype=np.int64)
        ok = col >= 0
        hid[ok] += net.w1[7 * d + off + col[ok]]
    return _softmax_out(hid, net.w2, net.b2)


_NB = len(_EDGES) + 1


def _strings(prefix: str) -> list[tuple[str, ...]]:
    """Feature strings per code b_src * NB^2 + b_cue * NB + b_con (buckets of the three roles)."""
    out = []
    for code in range(_NB**3):
        bs = (code // (_NB * _NB), code // _NB % _NB, code % _NB)
        out.append(tuple(f"{prefix}={n}{b}" for n, b in zip(LABELS[1:], bs, strict=True) if b))
    return out


_OWN = _strings("rp")
_HEAD = _strings("rph")


def role_features(base: list[list[str]], probs: np.ndarray, heads: list[int]) -> None:
    """Bucketed role probabilities of each token and of its head ("rp=CUE3", "rph=CUE3");
    a probability under the first bucket edge adds nothing."""
    b = np.searchsorted(np.asarray(_EDGES, dtype=np.float32), probs[:, 1:], side="right")
    codes = (b[:, 0] * (_NB * _NB) + b[:, 1] * _NB + b[:, 2]).tolist()
    for i, f in enumerate(base):
        c = codes[i]
        if c:
            f.extend(_OWN[c])
        h = heads[i]
        if h != i:
            ch = codes[h]
            if ch:
                f.extend(_HEAD[ch])
