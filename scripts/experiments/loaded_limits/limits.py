"""Experiment (issue 12, eighth session): what limits the loaded-language detector on BASIL.

Parses BASIL's 210 visible articles as ``scripts/train_loaded.py`` does and prints, for the
gold lexical-bias (``lex``) spans in eval/basil.py's token unit: span length and part of
speech, spans per article, how many gold tokens a sentiment lexicon knows, how many lie in
quotations, how far a word's gold label carries (the same lemma elsewhere in the article, in
the other two outlets' articles of the same story, in other stories), and two lemma-only
bounds: the best in-sample rule "predict a lemma whose gold rate is at least t" (an oracle
that has seen every story) and the same rule with each story's rates taken from the other
stories only (what a context-free word list learned from BASIL can do). With ``--probs``
(a pickle of out-of-fold probabilities written by ``train_loaded.py --save-probs``) it also
prints the most frequent false positives and negatives, where gold tokens rank inside their
article, and the SemEval-2020 task 11 partial-overlap span F1 (Da San Martino et al. 2019).

    PYTHONPATH=src python scripts/experiments/loaded_limits/limits.py [--data ../shared/data/basil] [--probs FILE]

Figures in docs/benchmarks/framing.md (eighth session).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
for _p in (ROOT / "scripts", ROOT, ROOT / "src"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

# isort: split
from eval.basil import load_basil  # noqa: E402
from train_loaded import THRESHOLDS, gold_tokens  # noqa: E402

CONTENT = frozenset({"ADJ", "ADV", "VERB", "NOUN", "INTJ", "X"})


def _sentiment(tok, lex) -> bool:
    from fullpicture.nlp.framing._loaded_features import _lookup

    s, _, v = _lookup(tok.lower_, tok.lemma_.lower(), lex)
    return (s is not None and s >= 0.5) or (v is not None and abs(v) >= 1.0)


def _f(tp: float, npred: float, ngold: float) -> str:
    p, r = tp / max(npred, 1), tp / max(ngold, 1)
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0.0:.3f}"


def semeval(docs, arts, probs, th: float, qm: int) -> str:
    """Partial-overlap span P/R/F1 at the character level (one technique): each predicted span
    earns its share of characters inside gold spans, each gold span its share covered."""
    from fullpicture.nlp.framing._loaded import decode

    sp = sr = 0.0
    n_p = n_g = 0
    for doc, art, pr in zip(docs, arts, probs, strict=True):
        pred = [(doc[i].idx, doc[j - 1].idx + len(doc[j - 1])) for i, j, _ in decode(doc, pr, th, qm)]
        n_p += len(pred)
        n_g += len(art.gold)
        sp += sum(sum(max(0, min(e, ge) - max(s, gs)) for gs, ge in art.gold) / (e - s) for s, e in pred)
        sr += sum(sum(max(0, min(e, ge) - max(s, gs)) for s, e in pred) / (ge - gs) for gs, ge in art.gold)
    p, r = sp / max(n_p, 1), sr / max(n_g, 1)
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0.0:.3f}"


def main(argv: list[str] | None = None) -> int:
    """Print the tables."""
    from fullpicture import load_settings
    from fullpicture.nlp._doctext import doc_text
    from fullpicture.nlp.framing._loaded import decode
    from fullpicture.nlp.framing._loaded_features import quotations, subjectivity
    from fullpicture.nlp.pipeline import parse_pipeline

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "basil")
    ap.add_argument("--probs", type=Path, default=None)
    ap.add_argument("--quote-max", type=int, default=3)
    args = ap.parse_args(argv)
    arts = load_basil(args.data)
    nlp = parse_pipeline(load_settings())
    docs = list(nlp.pipe([a.text for a in arts], batch_size=16))
    golds = [gold_tokens(d, a.gold) for d, a in zip(docs, arts, strict=True)]
    lex = subjectivity()
    n_gold = sum(map(len, golds))
    print(f"{len(arts)} articles, {sum(len(a.gold) for a in arts)} gold spans, {n_gold} gold tokens")
    print("spans per article:", sorted(Counter(len(a.gold) for a in arts).items()))
    lens: Counter[int] = Counter()
    for d, a in zip(docs, arts, strict=True):
        for s, e in a.gold:
            span = d.char_span(s, e, alignment_mode="expand")
            lens[min(len(span), 6)] += 1
    print("span length in tokens (6 = 6 or more):", sorted(lens.items()))
    pos: Counter[str] = Counter()
    cand = senti = inq = 0
    for d, g in zip(docs, golds, strict=True):
        q = set()
        for qs, qe in quotations(doc_text(d)):
            span = d.char_span(qs, qe, alignment_mode="expand")
            if span is not None:
                q.update(t.i for t in span)
        for i in g:
            t = d[i]
            pos[t.pos_] += 1
            cand += not (t.is_punct or t.is_space)
            senti += _sentiment(t, lex)
            inq += i in q
    print("gold tokens by POS:", pos.most_common())
    print(f"gold candidates (not punctuation) {cand}; in a sentiment lexicon (Pattern subjectivity >= 0.5 or "
          f"|VADER| >= 1) {senti}; inside quotations {inq}")
    all_senti = [(k, t.i) for k, d in enumerate(docs) for t in d if not t.is_punct and _sentiment(t, lex)]
    hit = sum(i in golds[k] for k, i in all_senti)
    print(f"every sentiment-lexicon word predicted: {_f(hit, len(all_senti), n_gold)} ({len(all_senti)} tokens)")
    # how far a gold label carries
    same_g = same_n = trip_g = trip_n = 0
    by_trip: dict[str, list[int]] = defaultdict(list)
    for k, a in enumerate(arts):
        by_trip[a.triplet].append(k)
    for ks in by_trip.values():
        for k in ks:
            gl = {docs[k][i].lemma_.lower() for i in golds[k] if docs[k][i].is_alpha and docs[k][i].pos_ in CONTENT}
            for k2 in ks:
                for t in docs[k2]:
                    if t.lemma_.lower() in gl:
                        g = t.i in golds[k2]
                        if k2 == k:
                            same_g += g
                            same_n += not g
                        else:
                            trip_g += g
                            trip_n += not g
    print(f"content lemmas gold in an article: other tokens of the same article gold {same_g}, not {same_n}; "
          f"in the story's other two articles gold {trip_g}, not {trip_n}")
    cnt: Counter[str] = Counter()
    pos_cnt: Counter[str] = Counter()
    tcnt: dict[str, Counter[str]] = defaultdict(Counter)
    tpos: dict[str, Counter[str]] = defaultdict(Counter)
    for d, g, a in zip(docs, golds, arts, strict=True):
        for t in d:
            if t.is_punct or t.is_space:
                continue
            lem = t.lemma_.lower()
            cnt[lem] += 1
            tcnt[lem][a.triplet] += 1
            if t.i in g:
                pos_cnt[lem] += 1
                tpos[lem][a.triplet] += 1
    other = sum(1 for d, g, a in zip(docs, golds, arts, strict=True) for i in g
                if not d[i].is_punct and pos_cnt[d[i].lemma_.lower()] > tpos[d[i].lemma_.lower()][a.triplet])
    print(f"gold candidates whose lemma is gold in another story: {other} of {cand}")
    for th in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.5):
        keep = [lem for lem, n in cnt.items() if pos_cnt[lem] / n >= th]
        print(f"  in-sample lemma oracle, gold rate >= {th}: {_f(sum(pos_cnt[x] for x in keep), sum(cnt[x] for x in keep), n_gold)}")
    for th in (0.05, 0.1, 0.2, 0.3):
        tp = npred = 0
        for d, g, a in zip(docs, golds, arts, strict=True):
            for t in d:
                if t.is_punct or t.is_space:
                    continue
                lem = t.lemma_.lower()
                n = cnt[lem] - tcnt[lem][a.triplet]
                if n >= 2 and (pos_cnt[lem] - tpos[lem][a.triplet]) / n >= th:
                    npred += 1
                    tp += t.i in g
        print(f"  lemma gold rate from the other stories >= {th} (seen twice): {_f(tp, npred, n_gold)}")
    if args.probs is None:
        return 0
    probs = pickle.loads(args.probs.read_bytes())
    th = 0.08
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    ranks: list[int] = []
    for d, g, pr in zip(docs, golds, probs, strict=True):
        pred = {k for i, j, _ in decode(d, pr, th, args.quote_max) for k in range(i, j) if not d[k].is_space}
        fp.update(d[i].lower_ for i in pred - g)
        fn.update(d[i].lower_ for i in g - pred)
        order = sorted((t.i for t in d if not (t.is_punct or t.is_space)), key=lambda i: -pr[i])
        rank = {i: r for r, i in enumerate(order)}
        ranks += [rank[i] for i in g if i in rank]
    print(f"at {th}: most frequent false positives {fp.most_common(25)}")
    print(f"at {th}: most frequent false negatives {fn.most_common(25)}")
    print("share of gold candidates among their article's top k scores:",
          {k: round(sum(r < k for r in ranks) / len(ranks), 3) for k in (1, 3, 5, 10, 20, 50)})
    for t in THRESHOLDS:
        print(f"  SemEval-2020 task 11 partial-overlap span F1 at {t}: {semeval(docs, arts, probs, t, args.quote_max)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
