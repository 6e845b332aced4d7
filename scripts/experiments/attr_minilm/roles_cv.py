"""Experiment (issue 12, twenty-first session): what MiniLM token states add to the role network.

2-fold CV on PolNeAR train (the folds of ``scripts/train_cues.fold_of``, seed 0): the role
network of ``scripts/train_roles.py`` (same fit, 4 epochs, 96 hidden, seed 0) with its inputs
as shipped (``base``), with the PCA-reduced MiniLM states of the token and its head appended
(``plus``), or with the states of the token, its head and the tokens one before and after
(``plus4``). Prints out-of-fold token P/R/F1 per role (argmax) and the log loss; ``--save``
writes each fold's networks (and the PCA) for ``cv_chain.py``.

    PYTHONPATH=src python scripts/experiments/attr_minilm/roles_cv.py --variants base,plus --dims 128
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
for _p in (ROOT, ROOT / "src"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))


def load_states(cache: Path, split: str, name: str = "minilm_states") -> list[np.ndarray]:
    """The float16 states of ``states.py`` (or of another file NAME_SPLIT.npz), per document."""
    with np.load(cache / f"{name}_{split}.npz") as z:
        return [z[f"arr_{k}"] for k in range(len(z.files))]


def pca(states: list[np.ndarray], dims: int, sample: int = 100000, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(mean, projection 384 x dims) of the states (a seeded sample of tokens; unsupervised)."""
    allx = np.concatenate(states).astype(np.float32)
    rng = np.random.default_rng(seed)
    s = allx[rng.choice(len(allx), min(sample, len(allx)), replace=False)]
    mu = s.mean(0)
    _, sv, vt = np.linalg.svd(s - mu, full_matrices=False)
    scale = sv[:dims] / np.sqrt(len(s))
    return mu, (vt[:dims].T / scale).astype(np.float32)  # whitened


def state_cols(st: np.ndarray, heads: np.ndarray, mu, proj, variant: str) -> np.ndarray:
    """The appended state columns of one document."""
    z = ((st.astype(np.float32) - mu) @ proj).astype(np.float32)
    z[np.all(st == 0, axis=1)] = 0.0
    if variant == "plus":
        return np.concatenate([z, z[heads]], axis=1)
    n = len(z)
    pad = np.zeros((1, z.shape[1]), np.float32)
    zp = np.concatenate([pad, z, pad])
    return np.concatenate([z, z[heads], zp[0:n], zp[2 : n + 2]], axis=1)


def save_folders(out: Path, nets, full, vocab, mu, proj, variant: str, folds_from: Path) -> None:
    """Tagger folders whose role network is ours (the state PCA and variant stored beside it)."""
    import shutil

    from fullpicture.nlp.claims._tagger import clusters_path, model_path, prior_path

    names = ("attribution.crfsuite", "attribution_clusters.npz", "attribution_cue_prior.tsv")
    for f, w in [*enumerate(nets), ("full", full)]:
        if w is None:
            continue
        folder = out / (f"fold{f}" if f != "full" else "full")
        folder.mkdir(parents=True, exist_ok=True)
        src = [folds_from / f"fold{f}" / n for n in names] if f != "full" else [model_path(), clusters_path(), prior_path()]
        for a, n in zip(src, names, strict=True):
            shutil.copy(str(a), folder / n)
        np.savez(folder / "attribution_roles.npz", **dict(zip(("w1", "b1", "w2", "b2"), w, strict=True)),
                 deps=np.array(vocab[0]), pos=np.array(vocab[1]), mu=mu, proj=proj, variant=np.array(variant))


def main() -> int:
    """Command line entry point."""
    from scripts.train_attribution import gold_tags, parsed
    from scripts.train_cues import fold_of
    from scripts.train_roles import _LABEL, doc_xy, fit, vocabularies
    from threadpoolctl import threadpool_limits

    from fullpicture.nlp.claims._roleprob import forward

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "polnear")
    ap.add_argument("--variants", default="base,plus")
    ap.add_argument("--dims", type=int, default=128)
    ap.add_argument("--hidden", type=int, default=96)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--save", type=Path, default=None,
                    help="write fold folders (fold0, fold1: the fold taggers of --folds-from with these role "
                         "networks) and, with --full, a folder 'full' (the shipped tagger, a network on all of train)")
    ap.add_argument("--folds-from", type=Path, default=Path("/tmp/attr"))
    ap.add_argument("--full", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--states", default="minilm_states",
                    help="states file stem in CACHE (e.g. student_mlp256_states of attr_student/student.py)")
    ap.add_argument("--no-pca", action="store_true", help="use the states as they are (already whitened PCA axes)")
    args = ap.parse_args()
    with threadpool_limits(limits=1):
        items, docs = parsed(args.data, "train", args.cache)
        states = load_states(args.cache, "train", args.states)
        held = fold_of(len(docs), 2, 0)
        vocab = vocabularies(docs)
        if args.no_pca:
            width = states[0].shape[1]
            mu, proj = np.zeros(width, np.float32), np.eye(width, args.dims, dtype=np.float32)
        else:
            mu, proj = pca(states, args.dims)
        bounds = np.cumsum([0] + [len(d) for d in docs])
        y = np.zeros(bounds[-1], np.int64)
        xb = None
        for k, (d, (_, _, g)) in enumerate(zip(docs, items, strict=True)):
            x, yy = doc_xy(d, gold_tags(d, g), vocab)
            if xb is None:
                xb = np.zeros((bounds[-1], x.shape[1]), np.float32)
            xb[bounds[k] : bounds[k + 1]] = x
            y[bounds[k] : bounds[k + 1]] = yy
        fold = np.concatenate([np.full(len(d), held[k]) for k, d in enumerate(docs)])
        for variant in args.variants.split(","):
            t0 = os.times()
            if variant == "base":
                x = xb
            else:
                extra = np.concatenate([state_cols(s, np.array([t.head.i for t in d]), mu, proj, variant)
                                        for s, d in zip(states, docs, strict=True)])
                x = np.concatenate([xb, extra], axis=1)
                del extra
            p = np.zeros((len(x), 4), np.float32)
            nets = []
            for f in (0, 1):
                w = fit(x, y, np.nonzero(fold != f)[0], hidden=args.hidden, epochs=args.epochs, seed=0)
                rows = np.nonzero(fold == f)[0]
                p[rows] = forward(w, x[rows])
                nets.append(w)
            t1 = os.times()
            pred = p.argmax(1)
            ll = -np.mean(np.log(np.clip(p[np.arange(len(y)), y], 1e-9, None)))
            out = [f"{variant:6s} dims {args.dims} hidden {args.hidden}: logloss {ll:.4f}"]
            for name, lab in _LABEL.items():
                if lab == 0:
                    continue
                tp = int(((pred == lab) & (y == lab)).sum())
                pr, rc = tp / max(1, (pred == lab).sum()), tp / max(1, (y == lab).sum())
                out.append(f"{name} P/R/F {100 * pr:.1f}/{100 * rc:.1f}/{200 * pr * rc / max(1e-9, pr + rc):.1f}")
            print("  ".join(out) + f"  ({t1.user + t1.system - t0.user - t0.system:.0f} CPU s)", flush=True)
            if args.save is not None:
                full = fit(x, y, np.arange(len(x)), hidden=args.hidden, epochs=args.epochs, seed=0) if args.full else None
                save_folders(args.save / variant, nets, full, vocab, mu, proj, variant, args.folds_from)
                np.save(args.save / f"probs_{variant}.npy", p)
            del x
    return 0


if __name__ == "__main__":
    sys.exit(main())
