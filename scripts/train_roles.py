"""Train the role network of the attribution tagger (``nlp/claims/_roleprob.py``).

Used by ``scripts/train_attribution.py``: a one-hidden-layer network (ReLU, softmax over
none/source/cue/content) over each token's tok2vec vector and its head's, trained with Adam
on minibatches in a fixed order (seed 0) through thinc's single-threaded blis products, so
the same parse gives the same weights. ``cross_fit`` gives every training document the
probabilities of a network trained on the other folds.
"""

from __future__ import annotations

import random

import numpy as np

_LABEL = {"O": 0, "SRC": 1, "CUE": 2, "CON": 3}


def vocabularies(docs) -> tuple[list[str], list[str]]:
    """The dependency labels and POS tags seen in the training parse (sorted)."""
    return sorted({t.dep_ for d in docs for t in d}), sorted({t.pos_ for d in docs for t in d})


def doc_xy(doc, tags: list[str] | None, vocab: tuple[list[str], list[str]]) -> tuple[np.ndarray, np.ndarray | None]:
    """Inputs and role labels (0..3) of one parsed document."""
    from fullpicture.nlp.claims._roleprob import role_inputs

    heads = [t.head.i for t in doc]
    dep_ids = {k: i for i, k in enumerate(vocab[0])}
    pos_ids = {k: i for i, k in enumerate(vocab[1])}
    x = role_inputs(doc.tensor, heads, [t.dep_ for t in doc], [t.pos_ for t in doc], dep_ids, pos_ids)
    y = None if tags is None else np.array([_LABEL[t[2:]] if t != "O" else 0 for t in tags], dtype=np.int64)
    return x, y


def fit(x: np.ndarray, y: np.ndarray, rows: np.ndarray, hidden: int = 96, epochs: int = 4, batch: int = 512,
        lr: float = 1e-3, seed: int = 0) -> tuple[np.ndarray, ...]:
    """(w1, b1, w2, b2) fitted on ``x[rows]`` by Adam on cross-entropy (float32, deterministic)."""
    from thinc.api import NumpyOps

    ops = NumpyOps()
    rng = np.random.default_rng(seed)
    d = x.shape[1]
    params = [
        (rng.standard_normal((d, hidden)) * np.sqrt(2.0 / d)).astype(np.float32),
        np.zeros(hidden, dtype=np.float32),
        (rng.standard_normal((hidden, 4)) * np.sqrt(1.0 / hidden)).astype(np.float32),
        np.zeros(4, dtype=np.float32),
    ]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    b1, b2, eps, step = 0.9, 0.999, 1e-8, 0
    n = len(rows)
    for _ in range(epochs):
        order = rows[rng.permutation(n)]
        for k in range(0, n, batch):
            idx = order[k : k + batch]
            xb, yb = np.ascontiguousarray(x[idx]), y[idx]
            h = ops.gemm(xb, params[0]) + params[1]
            np.maximum(h, 0.0, out=h)
            z = ops.gemm(h, params[2]) + params[3]
            z -= z.max(1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(1, keepdims=True)
            p[np.arange(len(yb)), yb] -= 1.0
            p /= len(yb)
            g2 = ops.gemm(h, p, trans1=True)
            gb2 = p.sum(0)
            gh = ops.gemm(p, params[2], trans2=True)
            gh[h <= 0] = 0.0
            g1 = ops.gemm(xb, gh, trans1=True)
            gb1 = gh.sum(0)
            step += 1
            for j, g in enumerate((g1, gb1, g2, gb2)):
                m[j] = b1 * m[j] + (1 - b1) * g
                v[j] = b2 * v[j] + (1 - b2) * g * g
                mh = m[j] / (1 - b1**step)
                vh = v[j] / (1 - b2**step)
                params[j] -= (lr * mh / (np.sqrt(vh) + eps)).astype(np.float32)
    return tuple(params)


def _matrix(docs, tags, vocab) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(inputs of every token, labels, document start rows) of a corpus, in one array."""
    bounds = np.cumsum([0] + [len(d) for d in docs])
    x_all = y_all = None
    for k, (d, t) in enumerate(zip(docs, tags, strict=True)):
        x, y = doc_xy(d, t, vocab)
        if x_all is None:
            x_all = np.zeros((bounds[-1], x.shape[1]), dtype=np.float32)
            y_all = np.zeros(bounds[-1], dtype=np.int64)
        x_all[bounds[k] : bounds[k + 1]] = x
        y_all[bounds[k] : bounds[k + 1]] = y
    return x_all, y_all, bounds


def _saved(full: tuple[np.ndarray, ...], vocab) -> dict:
    net = dict(zip(("w1", "b1", "w2", "b2"), full, strict=True))
    net["deps"], net["pos"] = np.array(vocab[0]), np.array(vocab[1])
    return net


def fit_all(docs, tags: list[list[str]], seed: int = 0) -> dict:
    """The network fitted on all documents, as saved (the shipped one)."""
    vocab = vocabularies(docs)
    x_all, y_all, _ = _matrix(docs, tags, vocab)
    return _saved(fit(x_all, y_all, np.arange(len(x_all)), seed=seed), vocab)


def cross_fit(docs, tags: list[list[str]], folds: int, seed: int = 0) -> tuple[list[np.ndarray], dict]:
    """(per-document out-of-fold role probabilities, network fitted on all documents, as saved);
    the last is the same as :func:`fit_all`'s."""
    from fullpicture.nlp.claims._roleprob import forward

    vocab = vocabularies(docs)
    x_all, y_all, bounds = _matrix(docs, tags, vocab)
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    fold_of = {d: k % folds for k, d in enumerate(order)}
    probs: list[np.ndarray] = [np.zeros((0, 4), dtype=np.float32)] * len(docs)
    for f in range(folds):
        rows = np.concatenate([np.arange(bounds[k], bounds[k + 1]) for k in range(len(docs)) if fold_of[k] != f])
        w = fit(x_all, y_all, rows, seed=seed)
        for k in range(len(docs)):
            if fold_of[k] == f:
                probs[k] = forward(w, x_all[bounds[k] : bounds[k + 1]])
    return probs, _saved(fit(x_all, y_all, np.arange(len(x_all)), seed=seed), vocab)


def save(net: dict, out) -> None:
    """Write the shipped network (uncompressed npz: w1, b1, w2, b2, deps, pos)."""
    np.savez(out, **net)
