"""Experiment (issue 12, thirty-second session): richer add models of the cue classifier.

The add model (``nlp/claims/_cues.py``) is a logistic model over one row per candidate cue.
This script scores, by 2-fold cross-validation on PolNeAR train (seed 0, fold taggers given by
``--folders``), the cue stage (source / cue / content exact, content overlap F1; as
``scripts/train_cues.py`` prints it) with the keep model as shipped and the add model
replaced by: the shipped logistic model at other thresholds and L2 weights (the keep
model's too), the logistic model with the
tok2vec vector columns (cue, subject head, object head) at several L2 weights, and a one-layer
tanh network (Adam, full batch, seed 0) over the shipped columns.

    PYTHONPATH=src python scripts/experiments/attr_add/add_models.py --folders FOLDS --dump ROWS.pkl
    PYTHONPATH=src python scripts/experiments/attr_add/add_models.py --rows ROWS.pkl
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
for _p in (ROOT, ROOT / "src"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from eval.polnear import ROLES, new_counts, tally  # noqa: E402
from scripts import train_cues as tc  # noqa: E402

KEEP, ADD = 0.3, 0.4


def dump(folders: Path, data: Path, out: Path) -> None:
    """The out-of-fold rows of ``train_cues.collect`` on PolNeAR train, pickled."""
    from scripts.train_attribution import parsed
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        items, docs = parsed(data, "train", ROOT / ".cache" / "polnear")
        held = tc.fold_of(len(docs), 2, 0)
        exs = [tc.extractor(folders / f"fold{f}", True) for f in range(2)]
        recs = [tc.collect(exs[held[k]], d, g) for k, (d, (_, _, g)) in enumerate(zip(docs, items, strict=True))]
    with out.open("wb") as fh:
        pickle.dump({"recs": recs, "held": held, "tdim": docs[0].tensor.shape[1]}, fh)


def oof(recs, held, fitter, key: str, ykey: str, cols: list[int]) -> list[np.ndarray]:
    """Out-of-fold probabilities of rows ``key`` per document."""
    out: list[np.ndarray] = [np.zeros(0)] * len(recs)
    for f in (0, 1):
        tr = [r for r, h in zip(recs, held, strict=True) if h != f]
        x = np.concatenate([r[key][:, cols] for r in tr if len(r[key])])
        pred = fitter(x, np.concatenate([r[ykey] for r in tr]))
        for k, r in enumerate(recs):
            if held[k] == f and len(r[key]):
                out[k] = pred(r[key][:, cols])
    return out


def logit(lam: float):
    """The shipped fit (``train_cues.fit``) at L2 weight ``lam``."""
    def fitter(x, y):
        m = tc.fit(x, y, lam)
        return lambda z: tc._prob(m, z)
    return fitter


def mlp(hidden: int, lam: float, epochs: int, lr: float = 0.01, seed: int = 0):
    """One tanh hidden layer on standardised columns, Adam on the full batch, L2 ``lam``."""
    def fitter(x, y):
        mu, sd = x.mean(0), x.std(0)
        sd[sd < 1e-6] = 1.0
        z = (x - mu) / sd
        rng = np.random.default_rng(seed)
        ps = [rng.normal(0, z.shape[1] ** -0.5, (z.shape[1], hidden)), np.zeros(hidden),
              rng.normal(0, hidden ** -0.5, hidden), np.zeros(1)]
        m1 = [np.zeros_like(p) for p in ps]
        m2 = [np.zeros_like(p) for p in ps]
        for t in range(1, epochs + 1):
            h = np.tanh(z @ ps[0] + ps[1])
            d = (1 / (1 + np.exp(-np.clip(h @ ps[2] + ps[3][0], -30, 30))) - y) / len(y)
            dh = np.outer(d, ps[2]) * (1 - h ** 2)
            for k, g in enumerate((z.T @ dh + lam * ps[0], dh.sum(0), h.T @ d + lam * ps[2], np.array([d.sum()]))):
                m1[k] = 0.9 * m1[k] + 0.1 * g
                m2[k] = 0.999 * m2[k] + 0.001 * g * g
                ps[k] = ps[k] - lr * (m1[k] / (1 - 0.9 ** t)) / (np.sqrt(m2[k] / (1 - 0.999 ** t)) + 1e-8)

        def pred(q):
            h = np.tanh(((q - mu) / sd) @ ps[0] + ps[1])
            return 1 / (1 + np.exp(-np.clip(h @ ps[2] + ps[3][0], -30, 30)))
        return pred
    return fitter


def score(recs, pk, pa, add: float = ADD) -> str:
    """Cue-stage figures with keep probabilities ``pk`` and add probabilities ``pa``."""
    from fullpicture.nlp.claims._cues import accept
    from fullpicture.nlp.claims._raw import RawClaim

    pos = {"source": 3, "cue": 2, "content": 1}
    out = new_counts()
    for r, k1, a1 in zip(recs, pk, pa, strict=True):
        pred = [c for c, j in zip(r["base"], r["judged"], strict=True) if j < 0 or k1[j] >= KEEP]
        raws = [RawClaim(k, con, cue, None, src) for k, con, cue, src in r["cands"]]
        pred = pred + [tc._tup(c) for c in accept(raws, list(a1), add)]
        for n, role in enumerate(ROLES):
            tally(out, role, [c[pos[role]] for c in pred if c[pos[role]]], [a[n] for a in r["gold"] if a[n]])
    return tc.line(tc.prf(out))


def main() -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folders", type=Path)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--rows", type=Path)
    args = ap.parse_args()
    if args.dump is not None:
        dump(args.folders, args.data, args.dump)
        return 0
    with args.rows.open("rb") as fh:
        d = pickle.load(fh)
    recs, held = d["recs"], d["held"]
    width = max(r[x].shape[1] for r in recs for x in ("x", "xc") if len(r[x]))
    base = list(range(width - 3 * d["tdim"]))
    pk = oof(recs, held, logit(10.0), "x", "yk", base)
    pa = oof(recs, held, logit(10.0), "xc", "ya", base)
    for add in (0.3, 0.35, 0.4, 0.45, 0.5):
        print(f"shipped add model, add >= {add}: {score(recs, pk, pa, add)}", flush=True)
    for lam in (1.0, 3.0, 30.0, 100.0):
        print(f"add model L2 {lam}: {score(recs, pk, oof(recs, held, logit(lam), 'xc', 'ya', base))}; "
              f"keep model L2 {lam}: {score(recs, oof(recs, held, logit(lam), 'x', 'yk', base), pa)}", flush=True)
    for lam in (30.0, 100.0, 300.0):
        print(f"+ vectors, lam {lam}: {score(recs, pk, oof(recs, held, logit(lam), 'xc', 'ya', list(range(width))))}",
              flush=True)
    for hidden, lam, epochs in ((16, 1e-3, 300), (32, 1e-3, 400)):
        pm = oof(recs, held, mlp(hidden, lam, epochs), "xc", "ya", base)
        for add in (0.35, 0.4, 0.45):
            print(f"tanh network {hidden} units, L2 {lam}, {epochs} epochs, add >= {add}: {score(recs, pk, pm, add)}",
                  flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
