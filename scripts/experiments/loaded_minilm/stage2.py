"""Stage 2: on tokens the lemma model scores >= PRE (out-of-fold), refit with [base logit, MiniLM state]."""

import argparse
import pickle
import random
import sys
import time
from pathlib import Path

import numpy as np
from _paths import WORK  # sets the import paths for what follows

# isort: split
import train_loaded as TL

ap = argparse.ArgumentParser()
ap.add_argument("--pre", type=float, default=0.01)
ap.add_argument("--lams", default="1,10,100,1000")
ap.add_argument("--hidden", type=int, default=0)
ap.add_argument("--iters", type=int, default=500)
ap.add_argument("--base", default=str(WORK / "p_none.pkl"))
ap.add_argument(
    "--shuffle-states", action="store_true", help="control: states permuted across rows"
)
ap.add_argument(
    "--ctx-feats", action="store_true", help="neighbour and sentence scores instead of states"
)
ap.add_argument("--no-states", action="store_true", help="control: base logit only")
args = ap.parse_args()
D = pickle.loads((WORK / "basil.pkl").read_bytes())
P = pickle.loads(Path(args.base).read_bytes())
docs, arts, golds, extra, qm, shipped = (
    D[k] for k in ("docs", "arts", "golds", "extra", "qm", "shipped")
)
S = np.load(str(WORK / "states.npz"))
states = [S[f"arr_{k}"] for k in range(len(docs))]
rows = [(k, i) for k, pr in enumerate(P) for i, p in enumerate(pr) if p >= args.pre]
doc_of = np.array([k for k, _ in rows])
base = np.array([P[k][i] for k, i in rows])
logit = np.log(base / (1 - base))
y = np.array([1.0 if i in golds[k] else 0.0 for k, i in rows])
X = np.vstack([states[k][i] for k, i in rows]).astype(np.float64)
if args.ctx_feats:

    def lg(p):
        p = min(max(p, 1e-4), 1 - 1e-4)
        return np.log(p / (1 - p))

    cf = []
    for k, i in rows:
        d = docs[k]
        pr = P[k]
        n = len(d)
        s = d[i].sent
        sp = [pr[j] for j in range(s.start, s.end) if j != i]
        nb = [lg(pr[i + o]) if 0 <= i + o < n else lg(0) for o in (-2, -1, 1, 2)]
        cf.append(
            nb
            + [
                lg(max(sp, default=0)),
                float(sum(1 for x in sp if x >= 0.05)),
                np.log1p(len(sp)),
                lg(max((pr[t.i] for t in d[i].head.children if t.i != i), default=0)),
                lg(pr[d[i].head.i]) if d[i].head.i != i else lg(0),
            ]
        )
    X = np.array(cf)
if args.shuffle_states:
    X = X[np.random.default_rng(1).permutation(len(X))]
if args.no_states:
    X = X[:, :0]
print(f"{len(rows)} rows, {int(y.sum())} gold", file=sys.stderr)
triplets = sorted({a.triplet for a in arts})
random.Random(0).shuffle(triplets)
fold_of_doc = np.array([triplets.index(a.triplet) % 10 for a in arts])
fold = fold_of_doc[doc_of]


def fit(tr, lam, H):
    xs = X[tr]
    mu, sd = xs.mean(0), xs.std(0) + 1e-6
    xs = np.hstack([logit[tr, None], (xs - mu) / sd])
    yy = y[tr]
    n = len(yy)
    rng = np.random.default_rng(0)
    if H:
        ps = [
            np.zeros(1),
            rng.normal(0, 1 / np.sqrt(xs.shape[1]), (xs.shape[1], H)),
            np.zeros(H),
            np.zeros(H),
            np.zeros(1),
        ]
    else:
        ps = [np.zeros(xs.shape[1]), np.zeros(1)]
        ps[0][0] = 1.0
    m1 = [np.zeros_like(p) for p in ps]
    m2 = [np.zeros_like(p) for p in ps]
    for it in range(1, args.iters + 1):
        if H:
            hp = xs @ ps[1] + ps[2]
            ha = np.maximum(hp, 0)
            z = xs[:, 0] * (1 + ps[0][0]) + ha @ ps[3] + ps[4][0]
            e = (1 / (1 + np.exp(-z)) - yy) / n
            gh = np.outer(e, ps[3]) * (hp > 0)
            gs = [
                np.array([e @ xs[:, 0]]),
                xs.T @ gh + lam * ps[1] / n,
                gh.sum(0),
                ha.T @ e + lam * ps[3] / n,
                np.array([e.sum()]),
            ]
        else:
            z = xs @ ps[0] + ps[1][0]
            e = (1 / (1 + np.exp(-z)) - yy) / n
            reg = lam * ps[0] / n
            reg[0] = 0.0
            gs = [xs.T @ e + reg, np.array([e.sum()])]
        for k, (p, g) in enumerate(zip(ps, gs, strict=False)):
            m1[k] = 0.9 * m1[k] + 0.1 * g
            m2[k] = 0.999 * m2[k] + 0.001 * g * g
            p -= 0.02 * (m1[k] / (1 - 0.9**it)) / (np.sqrt(m2[k] / (1 - 0.999**it)) + 1e-8)

    def pred(te):
        xt = np.hstack([logit[te, None], (X[te] - mu) / sd])
        if H:
            z = xt[:, 0] * (1 + ps[0][0]) + np.maximum(xt @ ps[1] + ps[2], 0) @ ps[3] + ps[4][0]
        else:
            z = xt @ ps[0] + ps[1][0]
        return 1 / (1 + np.exp(-z))

    return pred


none = [set() for _ in docs]
for lam in [float(x) for x in args.lams.split(",")]:
    t0 = time.process_time()
    probs = [list(pr) for pr in P]
    for f in range(10):
        pred = fit(fold != f, lam, args.hidden)
        te = np.nonzero(fold == f)[0]
        for r, p in zip(te, pred(te), strict=False):
            k, i = rows[r]
            probs[k][i] = float(p)
    line = []
    for th in TL.THRESHOLDS[:6]:
        a = TL.prf(*TL.score(docs, golds, probs, none, th, qm))
        line.append(f"{th}:{a[0]:.3f}/{a[1]:.3f}/{a[2]:.3f}")
    tot, per, ch, _ = TL.other_folds(docs, golds, probs, none, fold_of_doc, 10, qm)
    p, r, f1 = TL.prf(*tot)
    print(
        f"pre {args.pre} H {args.hidden} lam {lam}{' SHUF' if args.shuffle_states else ''}{' NOSTATE' if args.no_states else ''}: "
        + " ".join(line)
        + f" | other-folds th {sorted(set(ch))}: P {p:.3f} R {r:.3f} F1 {f1:.3f} mean {np.mean(per):.3f} sd {np.std(per):.3f} ({time.process_time() - t0:.0f}s)",
        flush=True,
    )
