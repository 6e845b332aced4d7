"""Experiment (issue 12, twenty-second session; not shipped): a cheap student of the MiniLM states.

Fits a small map from the tok2vec window the role network already reads (``_roleprob._dense``:
the tok2vec vectors of a token, its head, its head's head and the tokens two either side,
672 numbers) to the whitened PCA-128 MiniLM states of ``attr_minilm/states.py``, on PolNeAR
train texts only (the states are unlabelled; no gold annotation is read). ``lin`` is ridge
regression; ``mlp`` one ReLU hidden layer (Adam on squared error, fixed seed). Train
predictions are out of fold (the 2 folds of ``scripts/train_cues.fold_of``, seed 0: a
document's student never saw it); dev predictions are the mean of the two fold students.
Writes ``.cache/polnear/student_{name}_states_{split}.npz`` (float16, 128 columns a token), which
``attr_minilm/roles_cv.py --states`` and ``cv_chain.py --states`` read in place of the MiniLM
states, and prints the held-out R^2 (train, out of fold) and the student's CPU per token.

    PYTHONPATH=src python scripts/experiments/attr_student/student.py --kind mlp --hidden 256
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
for _p in (ROOT, ROOT / "src", ROOT / "scripts" / "experiments" / "attr_minilm"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))


def windows(docs) -> list[np.ndarray]:
    """The dense part of the role network's input (tok2vec window), per document."""
    from fullpicture.nlp.claims._roleprob import _dense

    return [_dense(np.ascontiguousarray(d.tensor, dtype=np.float32), np.array([t.head.i for t in d], dtype=np.int64))
            for d in docs]


def targets(states: list[np.ndarray], mu: np.ndarray, proj: np.ndarray) -> list[np.ndarray]:
    """Whitened PCA states per document (tokens without a state: zeros)."""
    out = []
    for s in states:
        z = ((s.astype(np.float32) - mu) @ proj).astype(np.float32)
        z[np.all(s == 0, axis=1)] = 0.0
        out.append(z)
    return out


def fit_lin(x: np.ndarray, y: np.ndarray, lam: float = 1.0) -> tuple[np.ndarray, ...]:
    """Ridge regression (with an intercept column)."""
    mx, my = x.mean(0), y.mean(0)
    xc = x - mx
    a = xc.T @ xc + lam * len(x) * 1e-3 * np.eye(x.shape[1], dtype=np.float32)
    w = np.linalg.solve(a.astype(np.float64), (xc.T @ (y - my)).astype(np.float64)).astype(np.float32)
    return (w, (my - mx @ w).astype(np.float32))


def fit_mlp(x: np.ndarray, y: np.ndarray, hidden: int, epochs: int, seed: int = 0, batch: int = 512,
            lr: float = 1e-3) -> tuple[np.ndarray, ...]:
    """One ReLU hidden layer, Adam on mean squared error (float32, deterministic)."""
    from thinc.api import NumpyOps

    ops = NumpyOps()
    rng = np.random.default_rng(seed)
    d, k = x.shape[1], y.shape[1]
    params = [(rng.standard_normal((d, hidden)) * np.sqrt(2.0 / d)).astype(np.float32), np.zeros(hidden, np.float32),
              (rng.standard_normal((hidden, k)) * np.sqrt(1.0 / hidden)).astype(np.float32), np.zeros(k, np.float32)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    b1, b2, eps, step = 0.9, 0.999, 1e-8, 0
    n = len(x)
    for _ in range(epochs):
        order = rng.permutation(n)
        for s in range(0, n, batch):
            idx = order[s : s + batch]
            xb, yb = np.ascontiguousarray(x[idx]), y[idx]
            h = ops.gemm(xb, params[0]) + params[1]
            np.maximum(h, 0.0, out=h)
            out = ops.gemm(h, params[2]) + params[3]
            g = (2.0 / (len(idx) * k)) * (out - yb)
            grads = [None, None, ops.gemm(h, g, trans1=True), g.sum(0)]
            gh = ops.gemm(g, params[2], trans2=True)
            gh[h <= 0] = 0.0
            grads[0], grads[1] = ops.gemm(xb, gh, trans1=True), gh.sum(0)
            step += 1
            for j, p in enumerate(params):
                m[j] = b1 * m[j] + (1 - b1) * grads[j]
                v[j] = b2 * v[j] + (1 - b2) * grads[j] ** 2
                mh, vh = m[j] / (1 - b1**step), v[j] / (1 - b2**step)
                p -= (lr * mh / (np.sqrt(vh) + eps)).astype(np.float32)
    return tuple(params)


def predict(w: tuple[np.ndarray, ...], x: np.ndarray) -> np.ndarray:
    """The student's states for some rows."""
    if len(w) == 2:
        return x @ w[0] + w[1]
    h = np.maximum(x @ w[0] + w[1], 0.0)
    return h @ w[2] + w[3]


def r2(pred: np.ndarray, y: np.ndarray) -> float:
    """Share of the target's variance explained (all columns together)."""
    return float(1.0 - ((pred - y) ** 2).sum() / ((y - y.mean(0)) ** 2).sum())


def main() -> int:
    """Command line entry point."""
    from roles_cv import load_states, pca
    from scripts.train_attribution import parsed
    from scripts.train_cues import fold_of
    from threadpoolctl import threadpool_limits

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "polnear")
    ap.add_argument("--kind", choices=("lin", "mlp"), default="mlp")
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lam", type=float, default=1.0)
    ap.add_argument("--dims", type=int, default=128)
    ap.add_argument("--name", default=None, help="default: KIND or KIND+HIDDEN")
    args = ap.parse_args()
    name = args.name or (args.kind if args.kind == "lin" else f"mlp{args.hidden}")
    with threadpool_limits(limits=1):
        _, docs = parsed(args.data, "train", args.cache)
        states = load_states(args.cache, "train")
        mu, proj = pca(states, args.dims)
        ys = targets(states, mu, proj)
        del states
        xs = windows(docs)
        held = fold_of(len(docs), 2, 0)
        t0 = os.times()
        students = []
        preds: list[np.ndarray | None] = [None] * len(docs)
        for f in (0, 1):
            tr = [k for k in range(len(docs)) if held[k] != f]
            x, y = np.concatenate([xs[k] for k in tr]), np.concatenate([ys[k] for k in tr])
            w = fit_lin(x, y, args.lam) if args.kind == "lin" else fit_mlp(x, y, args.hidden, args.epochs)
            del x, y
            students.append(w)
            for k in range(len(docs)):
                if held[k] == f:
                    preds[k] = predict(w, xs[k])
        t1 = os.times()
        allp, ally = np.concatenate(preds), np.concatenate(ys)
        print(f"{name}: out-of-fold R^2 {r2(allp, ally):.4f} (first 32 axes {r2(allp[:, :32], ally[:, :32]):.4f}); "
              f"fit {t1.user + t1.system - t0.user - t0.system:.0f} CPU s", flush=True)
        np.savez(args.cache / f"student_{name}_states_train.npz", *[p.astype(np.float16) for p in preds])
        del xs, ys, allp, ally
        _, dev_docs = parsed(args.data, "dev", args.cache)
        dx = windows(dev_docs)
        t2 = os.times()
        dev = [(predict(students[0], x) + predict(students[1], x)) / 2 for x in dx]
        t3 = os.times()
        ntok = sum(len(x) for x in dx)
        print(f"{name}: dev inference (two students) {1e6 * (t3.user + t3.system - t2.user - t2.system) / ntok:.1f} "
              f"CPU us a token over {ntok} tokens", flush=True)
        np.savez(args.cache / f"student_{name}_states_dev.npz", *[p.astype(np.float16) for p in dev])
    return 0


if __name__ == "__main__":
    sys.exit(main())
