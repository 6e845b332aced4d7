"""Train the attribution cue classifier (``nlp/claims/_cues.py``) on PolNeAR train; write its weights.

    .venv/bin/python scripts/train_cues.py --data ../shared/data/polnear \
        [--out src/fullpicture/data/models/attribution_cues.npz] [--cache .cache/polnear]

The classifier judges the output of the rules and the CRF tagger, so it is trained on that
output where the tagger never saw the text: PolNeAR train is cut in ``--folds`` folds (seed
``--seed``), and for each fold a CRF, a role network and a cue-rate prior are trained on the
other folds (as ``scripts/train_attribution.py`` trains the shipped ones) and run over it.
Every claim of that out-of-fold output (naming claims and quotations without a cue left out)
gives a row of the keep model, labelled by whether its cue overlaps a gold cue; every
uncovered verb or noun the fold's role network finds cue-like gives a candidate claim and a
row of the add model, labelled the same way; the rows carry the fold CRF's own marginals
over each claim (``--crf-marginals``, default and shipped; read off the sequence the fold's CRF
has just tagged, as at run time). Two L2-regularised logistic models (Newton's
method, no random state) are fitted on all rows and saved. The script prints the 2-fold
cross-validated figures (each fold's rows judged by models fitted on the other fold's) and,
with ``--report-dev`` (default), PolNeAR dev with the shipped tagger and the new classifier,
both at the thresholds of ``[claims]`` in the shipped settings.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from eval.polnear import ROLES, add_counts, new_counts, tally  # noqa: E402
from scripts.train_attribution import _FILES  # noqa: E402  (the chain's four model files)


def fold_of(n: int, folds: int, seed: int) -> list[int]:
    """The fold of each of ``n`` documents (a seeded shuffle dealt round)."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    out = [0] * n
    for k, d in enumerate(order):
        out[d] = k % folds
    return out


def fold_models(docs, items, held: list[int], folds: int, seed: int, tmp: Path) -> list[Path]:
    """Per fold, a folder with the tagger's four files trained on the other folds' documents."""
    from scripts.train_attribution import (
        C1,
        cue_counts,
        features,
        fold_priors,
        gold_tags,
        train,
        write_prior,
    )
    from scripts.train_roles import fit_all, save

    from fullpicture.nlp.claims._tagger import clusters_path, load_centroids

    cents = load_centroids(clusters_path())  # unsupervised: the shipped k-means centres
    out = []
    for f in range(folds):
        t0 = os.times()
        folder = tmp / f"fold{f}"
        folder.mkdir(parents=True, exist_ok=True)
        idx = [k for k in range(len(docs)) if held[k] != f]
        sub, sub_items = [docs[k] for k in idx], [items[k] for k in idx]
        shutil.copy(str(clusters_path()), folder / _FILES[1])
        write_prior(*cue_counts(sub, sub_items), folder / _FILES[2])
        ys = [gold_tags(d, g) for d, (_, _, g) in zip(sub, sub_items, strict=True)]
        save(fit_all(sub, ys, seed), folder / _FILES[3])
        xs = features(sub, cents, fold_priors(sub, sub_items, 5, seed), None)
        train(xs, ys, folder / _FILES[0], C1, 0.01, 150, seed)
        t1 = os.times()
        print(f"fold {f}: tagger trained on {len(idx)} documents, {t1.user + t1.system - t0.user - t0.system:.0f} CPU s",
              file=sys.stderr)
        out.append(folder)
    return out


def extractor(folder: Path | None = None, crf: bool = True):
    """A shipped-like extractor (the tagger's files from ``folder`` when given) that records,
    instead of applying the cue classifier, each document's rows (see :func:`collect`); with
    ``crf`` the rows carry the CRF's marginals (``_cuefeatures.crf_columns``)."""
    from fullpicture.nlp.claims._cuefeatures import cue_token, rows
    from fullpicture.nlp.claims._cues import candidates, read_prior
    from fullpicture.nlp.claims._learned import AttributionExtractor
    from fullpicture.nlp.claims._tagger import AttributionTagger, prior_path

    class Recorder(AttributionExtractor):
        rec: tuple = ()
        crf_marginals = crf

        def _vet(self, doc, claims, probs=None):
            judged = [c for c in claims if c.cue is not None and c.kind != "naming" and cue_token(doc, c) is not None]
            net = self.tagger.roles
            crf = self.tagger if self.crf_marginals else None
            x = rows(doc, judged, self.rules.lex, net, self.cue_prior, True, crf) if judged else np.zeros((0, 0))
            cands = candidates(doc, claims, net, self.cue_limits[2], self.rejected, self.rules.lex)
            xc = rows(doc, cands, self.rules.lex, net, self.cue_prior, True, crf) if cands else np.zeros((0, 0))
            self.rec = (judged, x, cands, xc)
            return claims + cands  # all through the extractor's last steps; split in collect()

    from fullpicture import load_settings

    ex = Recorder.from_settings(load_settings().data)
    ex.sources = None  # the source chooser runs after the cue classifier: not what is judged here
    if folder is not None:
        ex.tagger = AttributionTagger(str(folder / _FILES[0]), clusters=str(folder / _FILES[1]),
                                      prior=str(folder / _FILES[2]), roles=str(folder / _FILES[3]))
    ex.cue_prior = read_prior(str(folder / _FILES[2]) if folder is not None else prior_path())
    return ex


def _tup(c) -> tuple:
    return (c.kind, c.content, c.cue, c.source)


def _over(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def collect(ex, doc, gold) -> dict:
    """One document's claims, rows and labels (a row's label: its cue overlaps a gold cue)."""
    out = ex(doc)
    judged, x, cands, xc = ex.rec
    cid = {id(c): k for k, c in enumerate(cands)}
    jid = {id(c): k for k, c in enumerate(judged)}
    gc = [a.cue for a in gold if a.cue]
    base = [c for c in out if id(c) not in cid]
    cand = sorted((c for c in out if id(c) in cid), key=lambda c: cid[id(c)])
    return {
        "gold": [(a.source, a.cue, a.content) for a in gold],
        "base": [_tup(c) for c in base], "judged": [jid.get(id(c), -1) for c in base],
        "x": x, "yk": np.array([any(_over(c.cue, g) for g in gc) for c in judged], dtype=np.float64),
        "cands": [_tup(c) for c in cand], "xc": xc,
        "ya": np.array([any(_over(c.cue, g) for g in gc) for c in cand], dtype=np.float64),
    }


def fit(x: np.ndarray, y: np.ndarray, lam: float, iters: int = 30) -> dict[str, np.ndarray]:
    """An L2-regularised logistic model on standardised columns (Newton's method)."""
    mu = x.mean(0)
    sd = x.std(0)
    sd[sd < 1e-6] = 1.0
    a = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
    theta = np.zeros(a.shape[1])
    reg = np.full(a.shape[1], lam)
    reg[-1] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(a @ theta, -30, 30)))
        g = a.T @ (p - y) + reg * theta
        h = (a * (p * (1 - p))[:, None]).T @ a + np.diag(reg + 1e-6)
        step = np.linalg.solve(h, g)
        theta -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"mu": mu, "sd": sd, "w": theta[:-1], "b": np.float64(theta[-1])}


def _stack(recs, key: str, width: int) -> np.ndarray:
    parts = [r[key] for r in recs if len(r[key])]
    return np.concatenate(parts) if parts else np.zeros((0, width))


def fit_models(recs, lam: float, vectors: bool, width: int, base: int) -> dict[str, dict]:
    """The keep and add models fitted on the rows of ``recs``."""
    cols = width if vectors else base
    return {p: fit(_stack(recs, x, width)[:, :cols], np.concatenate([r[y] for r in recs]), lam)
            for p, x, y in (("keep", "x", "yk"), ("add", "xc", "ya"))}


def _prob(m: dict, x: np.ndarray) -> np.ndarray:
    if not len(x):
        return np.zeros(0)
    z = ((x[:, : len(m["mu"])] - m["mu"]) / m["sd"]) @ m["w"] + m["b"]
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def counts(recs, models: dict | None, keep_min: float, add_min: float) -> dict:
    """(hits, predicted, gold) per role and regime (as ``eval.polnear``) of the recorded claims
    judged by ``models`` (None: as recorded, no claim dropped or added)."""
    from fullpicture.nlp.claims._cues import accept
    from fullpicture.nlp.claims._raw import RawClaim

    pos = {"source": 3, "cue": 2, "content": 1}
    out = new_counts()
    for rec in recs:
        pred = rec["base"]
        if models is not None:
            pk = _prob(models["keep"], rec["x"])
            pred = [c for c, j in zip(rec["base"], rec["judged"], strict=True) if j < 0 or pk[j] >= keep_min]
            raws = [RawClaim(k, con, cue, None, src) for k, con, cue, src in rec["cands"]]
            added = accept(raws, _prob(models["add"], rec["xc"]).tolist(), add_min) if add_min < 1 else []
            pred = pred + [_tup(c) for c in added]
        for n, role in enumerate(ROLES):
            tally(out, role, [c[pos[role]] for c in pred if c[pos[role]]], [a[n] for a in rec["gold"] if a[n]])
    return out


def prf(cnt: dict) -> dict:
    """P/R/F1 (percent) from :func:`counts`."""
    res = {}
    for key, (h, n_p, n_g) in cnt.items():
        pr, rc = (h / n_p if n_p else 0.0), (h / n_g if n_g else 0.0)
        res[key] = (100 * pr, 100 * rc, 200 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return res


def score(recs, models: dict | None, keep_min: float, add_min: float) -> dict:
    """P/R/F1 of :func:`counts`."""
    return prf(counts(recs, models, keep_min, add_min))


def line(res: dict) -> str:
    """Source / cue / content exact and content overlap F1, with the P/R of source and content."""
    f = " / ".join(f"{res[k][2]:.2f}" for k in (("source", "exact"), ("cue", "exact"), ("content", "exact"),
                                               ("content", "overlap")))
    s, c = res[("source", "exact")], res[("content", "overlap")]
    return f"{f}  (source P/R {s[0]:.1f}/{s[1]:.1f}, content overlap P/R {c[0]:.1f}/{c[1]:.1f})"


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    fold_arguments(ap, "attribution_cues.npz")
    ap.add_argument("--vectors", action=argparse.BooleanOptionalAction, default=False,
                    help="also the tok2vec vectors of the cue and its subject and object heads (not shipped)")
    ap.add_argument("--crf-marginals", action=argparse.BooleanOptionalAction, default=True,
                    help="the CRF's marginals over the cue, content and source as columns (shipped)")
    return run_folds(ap.parse_args(argv), _run)


def fold_arguments(ap: argparse.ArgumentParser, out: str) -> None:
    """The arguments of a model trained out-of-fold on PolNeAR train (this script and
    train_sources.py); ``out`` is the weights file's name under the package's data/models."""
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "fullpicture" / "data" / "models" / out)
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "polnear")
    ap.add_argument("--folds", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--lam", type=float, default=10.0, help="L2 weight on standardised columns")
    ap.add_argument("--folders", type=Path, default=None,
                    help="reuse fold taggers from this folder (fold0, fold1, ...) instead of training them")
    ap.add_argument("--keep-folders", type=Path, default=None,
                    help="train the fold taggers into this folder and keep them (for a later --folders)")
    ap.add_argument("--report-dev", action=argparse.BooleanOptionalAction, default=True)


def run_folds(args: argparse.Namespace, run: Callable[[argparse.Namespace, Path], int]) -> int:
    """``run(args, tmp)`` on one BLAS thread with a scratch folder, once the data is there."""
    if not (args.data / "README.md").is_file():
        print(f"PolNeAR not found at {args.data}", file=sys.stderr)
        return 2
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1), tempfile.TemporaryDirectory() as tmp:
        return run(args, Path(tmp))


def fold_setup(args: argparse.Namespace, tmp: Path) -> tuple[list, list, list[int], list[Path]]:
    """PolNeAR train parsed, each document's fold, and the fold taggers' folders (trained into
    ``--keep-folders``, else ``tmp``, unless ``--folders`` names them)."""
    from scripts.train_attribution import environment, parsed

    print(environment(), file=sys.stderr)
    items, docs = parsed(args.data, "train", args.cache)
    held = fold_of(len(docs), args.folds, args.seed)
    if args.folders is not None:
        folders = [args.folders / f"fold{f}" for f in range(args.folds)]
    else:
        folders = fold_models(docs, items, held, args.folds, args.seed, args.keep_folders or tmp)
    return items, docs, held, folders


def _run(args: argparse.Namespace, tmp: Path) -> int:
    from scripts.train_attribution import parsed

    from fullpicture import load_settings

    items, docs, held, folders = fold_setup(args, tmp)
    exs = [extractor(f, args.crf_marginals) for f in folders]
    recs = [collect(exs[held[k]], d, g) for k, (d, (_, _, g)) in enumerate(zip(docs, items, strict=True))]
    width = max(r[x].shape[1] for r in recs for x in ("x", "xc") if len(r[x]))
    base = width - 3 * docs[0].tensor.shape[1]
    cfg = load_settings().section("claims")
    keep_min, add_min = float(cfg.get("cue_keep_min", 0.0)), float(cfg.get("cue_add_min", 1.0))
    cv = {f: fit_models([r for r, h in zip(recs, held, strict=True) if h != f], args.lam, args.vectors, width, base)
          for f in range(args.folds)}
    print(f"train, {args.folds}-fold CV (seed {args.seed}), keep >= {keep_min}, add >= {add_min}:", file=sys.stderr)
    print("  tagger alone:   " + line(score(recs, None, 0, 1)), file=sys.stderr)
    print("  with the cues:  " + line(cv_score(recs, held, cv, keep_min, add_min)), file=sys.stderr)
    models = fit_models(recs, args.lam, args.vectors, width, base)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(args.out, vectors=np.bool_(args.vectors), crf=np.bool_(args.crf_marginals),
             **{f"{p}_{k}": v for p, m in models.items() for k, v in m.items()})
    print(f"-> {args.out}", file=sys.stderr)
    if args.report_dev:
        dev_items, dev_docs = parsed(args.data, "dev", args.cache)
        ex = extractor(None, args.crf_marginals)
        dev = [collect(ex, d, g) for d, (_, _, g) in zip(dev_docs, dev_items, strict=True)]
        print("dev, shipped tagger:", file=sys.stderr)
        print("  tagger alone:   " + line(score(dev, None, 0, 1)), file=sys.stderr)
        print("  with the cues:  " + line(score(dev, models, keep_min, add_min)), file=sys.stderr)
    return 0


def cv_score(recs, held: list[int], cv: dict, keep_min: float, add_min: float) -> dict:
    """The figures of every fold's rows judged by the models fitted on the other folds, summed."""
    total = new_counts()
    for f, m in cv.items():
        add_counts(total, counts([r for r, h in zip(recs, held, strict=True) if h == f], m, keep_min, add_min))
    return prf(total)


if __name__ == "__main__":
    sys.exit(main())
