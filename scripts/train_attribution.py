"""Train the attribution tagger (CRF) on PolNeAR train; report dev; write the shipped weights.

    .venv/bin/python scripts/train_attribution.py --data ../shared/data/polnear \
        [--out src/fullpicture/data/models/attribution.crfsuite] [--cache .cache/polnear]

Deterministic on one machine: spaCy's parse is deterministic, CRFsuite's L-BFGS has no random
state, the k-means and the role network use fixed seeds, and every BLAS runs on one thread
here; two runs give byte-identical files. Across machines the float rounding of the BLAS and
SIMD kernels (chosen by CPU at run time) differs in the last bits; the role network's Adam
steps amplify that into visibly different weights on another CPU, so a retrain elsewhere is
checked by its scores, not its bytes: ``--report-dev`` (on by default) scores PolNeAR dev with
the weights found at ``--out`` before training and with the new ones after, and says whether
every figure is within 0.5 points. On the machine of the twenty-fourth and twenty-fifth
sessions a clean retrain gives the shipped ``attribution_clusters.npz``,
``attribution_cue_prior.tsv`` and ``attribution_roles.npz`` byte for byte; the CRF, the cue
classifier and the source chooser differ because their features read the rule extractor's
output, which has changed since they were trained (scores within 0.5: docs/benchmarks.md). Hyper-parameters (c1, c2, iterations) were chosen on PolNeAR
**dev**, so dev figures are tuning figures, not held-out ones; ``C1`` (1.5 since the thirty-third
session, from 0.6) by the whole chain's 2-fold cross-validation on train
(docs/benchmarks/events.md, thirty-first round).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from eval.polnear import load_split  # noqa: E402

_TAG = {"source": "SRC", "cue": "CUE", "content": "CON"}
C1 = 1.5  # the CRF's L1 weight, here and for the fold taggers of train_cues.py / train_sources.py


def parsed(data: Path, split: str, cache: Path) -> tuple[list, list]:
    """(items, docs) of a split, parsed once and cached as a DocBin (tok2vec tensors beside it).

    The parse is ``parse_pipeline``'s (a blank line ends a sentence), the one ``fp_claims``
    sees at run time and ``eval.polnear`` scores on.
    """
    import numpy as np
    from spacy.tokens import DocBin

    from fullpicture import load_settings
    from fullpicture.nlp.pipeline import parse_pipeline

    items = load_split(data, split)
    nlp = parse_pipeline(load_settings())
    path = cache / f"polnear_{split}_pp.spacy"
    tpath = cache / f"polnear_{split}_pp_tensors.npz"
    if path.is_file() and tpath.is_file():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(docs) == len(items) and all(d.text == t for d, (_, t, _) in zip(docs, items, strict=True)):
            with np.load(tpath) as z:
                for k, d in enumerate(docs):
                    d.tensor = z[f"arr_{k}"]
            if _same_parse(docs[:_CANARY], list(nlp.pipe([t for _, t, _ in items[:_CANARY]]))):
                return items, docs
            print(f"{path}: parsed by another model or code, parsing again", file=sys.stderr)
    docs = list(nlp.pipe([t for _, t, _ in items], batch_size=16))
    cache.mkdir(parents=True, exist_ok=True)
    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    db.to_disk(path)
    np.savez_compressed(tpath, *[d.tensor.astype("float32") for d in docs])
    return items, docs


_CANARY = 3  # documents re-parsed to check that a cached parse is today's
_ATTRS = ("ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE")


def _same_parse(cached, fresh) -> bool:
    """Whether cached documents have the tokens, parse, entities and (to float noise) tok2vec
    vectors of a fresh parse: a cache written before a change of model or parse code is stale."""
    import numpy as np

    return all(
        np.array_equal(a.to_array(list(_ATTRS)), b.to_array(list(_ATTRS)))
        and a.tensor.shape == b.tensor.shape and np.allclose(a.tensor, b.tensor, atol=1e-4)
        for a, b in zip(cached, fresh, strict=True)
    )


def environment() -> str:
    """Packages and CPU of this run (their float rounding decides the last bits of the weights)."""
    import platform
    from importlib.metadata import version

    import numpy as np

    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), "")
    except OSError:
        pass
    simd = (np.__config__.CONFIG.get("SIMD Extensions") or {}).get("found", [])
    pkgs = " ".join(f"{p} {version(p)}" for p in ("numpy", "spacy", "thinc", "blis", "python-crfsuite"))
    return f"{pkgs}; {platform.machine()} {cpu or platform.processor()} (SIMD {','.join(simd) or '?'})"


def kmeans(x, k: int, seed: int = 0, iters: int = 15):
    """Plain k-means (Lloyd) from k distinct random rows, fixed seed and iteration count."""
    import numpy as np

    rng = np.random.default_rng(seed)
    c = x[rng.choice(len(x), k, replace=False)].copy()
    for _ in range(iters):
        a = ((c * c).sum(1)[None] - 2 * x @ c.T).argmin(1)
        for j in range(k):
            m = a == j
            if m.any():
                c[j] = x[m].mean(0)
    return c


def centroids(docs, sizes: tuple[int, ...], out: Path, seed: int = 0, sample: int = 60000) -> list:
    """k-means centres of the train tokens' tok2vec vectors (one clustering per size), saved to ``out``."""
    import numpy as np

    if not sizes:
        if out.is_file():
            out.unlink()
        return []
    allx = np.concatenate([d.tensor for d in docs]).astype(np.float32)
    rng = np.random.default_rng(seed)
    x = allx[rng.choice(len(allx), min(sample, len(allx)), replace=False)]
    cents = [kmeans(x, k, seed) for k in sizes]
    np.savez(out, *cents)
    return cents


def gold_tags(doc, gold) -> list[str]:
    """BIO labels of a document from its gold attributions (first role wins on a token)."""
    from bisect import bisect_left, bisect_right

    starts = [t.idx for t in doc]
    tags = ["O"] * len(doc)
    # cues and sources of every attribution first: a content hull never takes them over
    for role, att in [(r, a) for r in ("cue", "source", "content") for a in gold]:
        if True:
            sp = getattr(att, role)
            if sp is None:
                continue
            i = max(bisect_right(starts, sp[0]) - 1, 0)
            j = bisect_left(starts, sp[1])
            first = True
            for k in range(i, j):
                if tags[k] == "O":
                    tags[k] = ("B-" if first else "I-") + _TAG[role]
                first = False
    return tags


_PRIOR_POS = {"VERB": "V", "NOUN": "N", "ADJ": "A"}


def cue_counts(docs, items) -> tuple[dict, dict]:
    """(cue, total): per "lemma|V" (N, A), how often a verb, noun or adjective of that lemma
    lies inside a gold cue, and how often it occurs."""
    from collections import Counter

    cue: Counter = Counter()
    tot: Counter = Counter()
    for d, (_, _, gold) in zip(docs, items, strict=True):
        inside = set()
        for a in gold:
            if a.cue:
                sp = d.char_span(a.cue[0], a.cue[1], alignment_mode="expand")
                if sp is not None:
                    inside.update(t.i for t in sp)
        for t in d:
            tag = _PRIOR_POS.get(t.pos_)
            if tag:
                key = t.lemma_.lower() + "|" + tag
                tot[key] += 1
                if t.i in inside:
                    cue[key] += 1
    return cue, tot


def prior_of(cue, tot) -> dict[str, str]:
    """"lemma|V" -> bucket (as the shipped file is read at run time)."""
    from fullpicture.nlp.claims._features import prior_bucket

    return {k: b for k, c in cue.items() if (b := prior_bucket(c, tot[k]))}


def write_prior(cue, tot, out: Path) -> None:
    """The shipped cue-rate file: lemma, POS letter, cue count, total count (cue count >= 3)."""
    rows = sorted((k, c) for k, c in cue.items() if c >= 3)
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# cue rates of lemmas in PolNeAR train (scripts/train_attribution.py): lemma, POS, in a cue, total\n")
        for k, c in rows:
            lemma, tag = k.rsplit("|", 1)
            fh.write(f"{lemma}\t{tag}\t{c}\t{tot[k]}\n")


def fold_priors(docs, items, folds: int, seed: int) -> list[dict[str, str]]:
    """Per document, the cue prior counted on the other folds (so a training document's
    feature never saw its own gold)."""
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    fold_of = {d: k % folds for k, d in enumerate(order)}
    per = []
    for f in range(folds):
        idx = [k for k in range(len(docs)) if fold_of[k] != f]
        per.append(prior_of(*cue_counts([docs[k] for k in idx], [items[k] for k in idx])))
    return [per[fold_of[k]] for k in range(len(docs))]


def features(docs, cents=(), priors=None, probs=None):
    """Feature lists of every document (rules run first: they are features); ``probs`` are
    the role network's (cross-fitted) probabilities per document."""
    from fullpicture.nlp.claims._data import claim_lexicon
    from fullpicture.nlp.claims._extract import ClaimExtractor
    from fullpicture.nlp.claims._features import doc_features

    lex = claim_lexicon()
    ex = ClaimExtractor(lex)
    priors = priors or [None] * len(docs)
    probs = probs or [None] * len(docs)
    return [doc_features(d, ex(d), lex, cents, p, probs=q) for d, p, q in zip(docs, priors, probs, strict=True)]


def train(xs, ys, out: Path, c1: float, c2: float, iters: int, seed: int = 0) -> None:
    """Fit the CRF and write its weights."""
    import pycrfsuite

    order = list(range(len(xs)))
    random.Random(seed).shuffle(order)
    tr = pycrfsuite.Trainer(verbose=False)
    for k in order:
        tr.append(xs[k], ys[k])
    tr.set_params({"c1": c1, "c2": c2, "max_iterations": iters, "feature.possible_transitions": True})
    out.parent.mkdir(parents=True, exist_ok=True)
    tr.train(str(out))


_FILES = ("attribution.crfsuite", "attribution_clusters.npz", "attribution_cue_prior.tsv", "attribution_roles.npz")


def dev_scores(items, docs, crf: Path) -> dict | None:
    """PolNeAR dev scores of the extractor with the CRF ``crf`` and the other weights beside it
    (None without a CRF)."""
    from eval.polnear import score_docs

    from fullpicture.nlp.claims._learned import AttributionExtractor
    from fullpicture.nlp.claims._tagger import AttributionTagger

    if not crf.is_file():
        return None
    ex = AttributionExtractor(model=str(crf))
    # every file from the CRF's folder (the loaders cache by path, so a copy is read afresh)
    ex.tagger = AttributionTagger(str(crf), clusters=str(crf.with_name(_FILES[1])),
                                  prior=str(crf.with_name(_FILES[2])), roles=str(crf.with_name(_FILES[3])))
    return score_docs(items, docs, ex)


def _figures(res: dict) -> tuple[float, ...]:
    return tuple(res[k][2] for k in (("source", "exact"), ("cue", "exact"), ("content", "exact"),
                                      ("content", "overlap")))


def report_dev(before: dict | None, after: dict) -> bool:
    """Print dev source / cue / content exact and content overlap F1 before and after; True when
    every figure moved by at most 0.5 points (or there was nothing before)."""
    new = _figures(after)
    print("dev F1 (source exact / cue exact / content exact / content overlap):", file=sys.stderr)
    print("  retrained: " + " / ".join(f"{v:.1f}" for v in new), file=sys.stderr)
    if before is None:
        return True
    old = _figures(before)
    diff = [b - a for a, b in zip(old, new, strict=True)]
    ok = all(abs(d) <= 0.5 for d in diff)
    print("  before:    " + " / ".join(f"{v:.1f}" for v in old), file=sys.stderr)
    print("  change:    " + " / ".join(f"{d:+.1f}" for d in diff) + ("  (within 0.5)" if ok else "  (MORE THAN 0.5)"),
          file=sys.stderr)
    return ok


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "fullpicture" / "data" / "models" / "attribution.crfsuite")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "polnear")
    ap.add_argument("--c1", type=float, default=C1)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iters", type=int, default=150)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--clusters", default="64,256", help="k-means sizes over tok2vec vectors ('' for none)")
    ap.add_argument("--role-folds", type=int, default=0,
                    help="also give the CRF the role network's probabilities, cross-fitted in N folds (0: not)")
    ap.add_argument("--prior-folds", type=int, default=5, help="cue-rate prior, cross-fitted in N folds (0: none)")
    ap.add_argument("--report-dev", action=argparse.BooleanOptionalAction, default=True,
                    help="score PolNeAR dev with the weights at --out before and after training")
    args = ap.parse_args(argv)
    if not (args.data / "README.md").is_file():
        print(f"PolNeAR not found at {args.data}", file=sys.stderr)
        return 2
    from threadpoolctl import threadpool_limits

    print(environment(), file=sys.stderr)
    # one BLAS thread: the same machine gives the same bytes whatever its core count
    with threadpool_limits(limits=1), tempfile.TemporaryDirectory() as tmp:
        return _run(args, Path(tmp))


def _run(args: argparse.Namespace, tmp: Path) -> int:
    """Train (and report dev) with the parsed arguments; ``tmp`` keeps a copy of the old weights."""
    before = None
    if args.report_dev:
        dev_items, dev_docs = parsed(args.data, "dev", args.cache)
        for src, name in zip((args.out, *(args.out.with_name(n) for n in _FILES[1:])), _FILES, strict=True):
            if src.is_file():
                shutil.copy(src, tmp / name)
        before = dev_scores(dev_items, dev_docs, tmp / _FILES[0])
    t0 = time.perf_counter()
    items, docs = parsed(args.data, "train", args.cache)
    sizes = tuple(int(k) for k in args.clusters.split(",") if k.strip())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    cents = centroids(docs, sizes, args.out.with_name("attribution_clusters.npz"), args.seed)
    priors = None
    if args.prior_folds:
        write_prior(*cue_counts(docs, items), args.out.with_name("attribution_cue_prior.tsv"))
        priors = fold_priors(docs, items, args.prior_folds, args.seed)
    ys = [gold_tags(d, g) for d, (_, _, g) in zip(docs, items, strict=True)]
    # the role network (a filter of learned cues at run time), fitted on all of train; with
    # --role-folds its cross-fitted probabilities are CRF features too (not the shipped weights)
    from scripts.train_roles import cross_fit, fit_all, save

    probs = None
    if args.role_folds:
        probs, net = cross_fit(docs, ys, args.role_folds, args.seed)
    else:
        net = fit_all(docs, ys, args.seed)
    save(net, args.out.with_name("attribution_roles.npz"))
    xs = features(docs, cents, priors, probs)
    print(f"train: {len(docs)} docs, features in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    train(xs, ys, args.out, args.c1, args.c2, args.iters, args.seed)
    print(f"trained in {time.perf_counter() - t0:.0f} s -> {args.out}", file=sys.stderr)
    if args.report_dev:
        after = dev_scores(dev_items, dev_docs, args.out)
        if after is not None:
            report_dev(before, after)
    return 0


if __name__ == "__main__":
    sys.exit(main())
