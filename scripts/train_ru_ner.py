"""Train the Russian entity correction CRF (``fullpicture.nlp.lang.russian_learned``).

    python scripts/train_ru_ner.py --data ../shared/data/multilingual-ner          # CV + ship
    python scripts/train_ru_ner.py --data ../shared/data/multilingual-ner --no-save  # CV only

Source: WikiNEuRal-ru validation (``wikineural-ru/val.conllu``, silver labels, CC BY-NC-SA 4.0).
Each sentence is tagged as the benchmark does (``eval.multilingual_ner``: Slovnet's spans on the
gold tokens, then ``refine_entities`` without the learned layer); those BIO tags and the
sentence's words are the CRF's input, the silver BIO tags (MISC kept as a class, dropped from
the output) its target. Cross-validation: ``--folds`` contiguous blocks of sentences
(neighbouring sentences come from one Wikipedia article, so a block is never split but at the
fold edges); the figure printed is the CV F1 on the visible split, strict conlleval over
PER/LOC/ORG, as ``eval.multilingual_ner`` scores. Then the CRF is trained on all sentences and
written to ``src/fullpicture/data/models/ru_ner.crfsuite`` with its sha256. Deterministic
(L-BFGS, no sampling; the fold order is fixed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from eval.multilingual_ner import (  # noqa: E402
    Scores,
    _typed_gold,
    bio_spans,
    factrueval_types,
    read_conll,
    slovnet_doc,
    words_doc,
)

from fullpicture.nlp.lang.russian_learned import (  # noqa: E402
    bio_tags,
    crf_tags,
    doc_keys,
    doc_tags,
    gate,
    sentence_features,
    sentences,
    trim_quotes,
)

# (add, drop, add for places[, drop as MISC]) limits of the gate scored in the cross-validation;
# 1.01: never
GRID = [(a, d, a) for a in (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 1.01) for d in (0.0, 0.9, 0.98, 1.01)] + [
    (a, d, p) for a in (0.8, 0.9, 0.95) for d in (0.98, 1.01) for p in (0.5, 0.6, 0.7, 0.8)] + [
    (a, 1.01, a, m) for a in (0.8, 0.9, 0.95) for m in (0.5, 0.7, 0.8, 0.9, 0.95)]

OUT = ROOT / "src" / "fullpicture" / "data" / "models" / "ru_ner.crfsuite"


def pipeline_tags(sents: list[tuple[list[str], list[str]]], cache: Path | None) -> list[list[str]]:
    """BIO tags of Slovnet + the rules (no learned layer) on each sentence's gold tokens."""
    if cache is not None and cache.is_file():
        data = json.loads(cache.read_text(encoding="utf-8"))
        if len(data) == len(sents):
            return data
    from spacy.vocab import Vocab
    from threadpoolctl import threadpool_limits

    from fullpicture.nlp.lang.russian import _models, ner_spans
    from fullpicture.nlp.lang.russian_ents import refine_entities

    threadpool_limits(1, "blas")
    ner, vocab = _models()[2], Vocab()
    out = []
    for (toks, _), found in zip(sents, ner_spans(ner, [" ".join(t) for t, _ in sents]), strict=True):
        doc, ents = words_doc(vocab, toks, found)
        ents = refine_entities(doc, ents, {0})
        out.append(bio_tags(len(toks), [(e.start, e.end, e.label_) for e in ents]))
    if cache is not None:
        cache.write_text(json.dumps(out), encoding="utf-8")
    return out


class NewsDoc:
    """One factRuEval document: per sentence its words, token character offsets, the pipeline's
    tags and the gold tags; and the gold types per character span (both gold readings)."""

    def __init__(self, path: Path, tokenizer: object, ner: object) -> None:
        from fullpicture.nlp.lang.russian_ents import refine_entities

        text = path.read_text(encoding="utf-8")
        self.types = factrueval_types(path.with_suffix(""))
        self.types_early = factrueval_types(path.with_suffix(""), False)
        doc, ents, starts = slovnet_doc(text, tokenizer, ner)
        ents = refine_entities(doc, ents, starts)
        label = doc_tags(doc, ents)
        gold = {i: "O" for i in range(len(doc))}
        for (a, b), ts in self.types.items():
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                t = sorted(ts, key=("PER", "ORG", "LOC").index)[0]
                for k in range(span.start, span.end):
                    gold[k] = ("B-" if k == span.start else "I-") + t
        self.sents = [([doc[i].text for i in ids], [(doc[i].idx, doc[i].idx + len(doc[i])) for i in ids],
                       [label[i] for i in ids], [gold[i] for i in ids]) for ids in sentences(doc, starts)]

    def spans(self, spans_per_sent: list[list[tuple[int, int, str]]]) -> set[tuple[int, int, str]]:
        """Character spans of the sentences' token spans."""
        out = set()
        for (_, offs, _, _), spans in zip(self.sents, spans_per_sent, strict=True):
            for a, b, t in spans:
                out.add((offs[a][0], offs[b - 1][1], t))
        return out


def news_docs(folder: Path) -> list[NewsDoc]:
    """The factRuEval devset documents in the benchmark's order."""
    import re

    from spacy.lang.ru import Russian
    from threadpoolctl import threadpool_limits

    from fullpicture.nlp.lang.russian import RazdelTokenizer, _models

    threadpool_limits(1, "blas")
    tokenizer = RazdelTokenizer(Russian().vocab)
    paths = sorted(folder.glob("book_*.txt"), key=lambda p: int(re.sub(r"\D", "", p.stem)))
    return [NewsDoc(p, tokenizer, _models()[2]) for p in paths]


def target(words: list[str], tags: list[str]) -> list[str]:
    """The silver tags in strict IOB2 (an orphan I- begins a name, as the scorer reads it),
    quotation marks at a name's edges left out (the rules' and factRuEval's convention)."""
    spans: list[tuple[int, int, str]] = []
    for i, t in enumerate(tags):
        if t.startswith("B-") or (t.startswith("I-") and (i == 0 or tags[i - 1][2:] != t[2:])):
            spans.append((i, i + 1, t[2:]))
        elif t.startswith("I-"):
            spans[-1] = (spans[-1][0], i + 1, t[2:])
    return bio_tags(len(tags), trim_quotes(words, spans))


def train(xs: list[list[list[str]]], ys: list[list[str]], path: str, args: argparse.Namespace) -> None:
    """Fit a CRF on the sequences and write it to ``path``."""
    import pycrfsuite

    tr = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        tr.append(x, y)
    tr.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                   "feature.possible_transitions": True, "feature.minfreq": args.minfreq})
    tr.train(path)


def tag(xs: list[list[list[str]]], path: str) -> list[tuple[list[str], list[float], list[float]]]:
    """The CRF's tags of each sequence, with their marginals and those of O."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return [crf_tags(tagger, x) for x in xs]


def main() -> None:
    """Cross-validate, then train on all sentences and write the shipped weights."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="../shared/data/multilingual-ner")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--minfreq", type=float, default=2)
    ap.add_argument("--news-repeat", type=int, default=3,
                    help="factRuEval devset sentences enter training this many times (0: WikiNEuRal alone)")
    ap.add_argument("--news-hold", type=int, default=40,
                    help="the shipped weights leave out the first N factRuEval documents (the floor's subset)")
    ap.add_argument("--no-wiki", dest="wiki", action="store_false",
                    help="train on factRuEval alone (MIT data; WikiNEuRal is still scored, never trained on)")
    ap.add_argument("--no-doc-features", dest="doc_features", action="store_false",
                    help="read each factRuEval sentence alone (no names from the rest of its document)")
    ap.add_argument("--cache", type=Path, default=None, help="JSON file keeping the pipeline's tags between runs")
    ap.add_argument("--out", type=Path, default=OUT, help="where the weights are written")
    ap.add_argument("--no-save", action="store_true", help="cross-validate only")
    ap.add_argument("--no-cv", action="store_true", help="train the shipped weights only")
    ap.add_argument("--dump", type=Path, default=None,
                    help="pickle the CV folds' CRF outputs here (to score other gates without retraining)")
    args = ap.parse_args()
    t0 = time.process_time()
    sents = list(read_conll(Path(args.data) / "wikineural-ru" / "val.conllu"))
    before = pipeline_tags(sents, args.cache)
    xs = [sentence_features(toks, tags) for (toks, _), tags in zip(sents, before, strict=True)]
    ys = [target(toks, tags) for toks, tags in sents]
    news = news_docs(Path(args.data) / "factrueval" / "devset") if args.news_repeat else []
    nkeys = [doc_keys([(w, t) for w, _, t, _ in d.sents]) if args.doc_features else None for d in news]
    nx = [[sentence_features(w, t, keys, k) for k, (w, _, t, _) in enumerate(d.sents)]
          for d, keys in zip(news, nkeys, strict=True)]
    ny = [[g for _, _, _, g in d.sents] for d in news]
    print(f"{len(sents)} + {sum(len(d.sents) for d in news)} sentences, features in "
          f"{time.process_time() - t0:.0f} CPU s", flush=True)

    def news_part(docs: range) -> tuple[list[list[list[str]]], list[list[str]]]:
        return ([x for d in docs for x in nx[d]] * args.news_repeat, [y for d in docs for y in ny[d]] * args.news_repeat)

    if not args.no_cv:
        base = Scores()
        cv = {g: Scores() for g in GRID}
        nbase = {"official": Scores(), "early": Scores()}
        ncv = {(g, k): Scores() for g in GRID for k in nbase}
        n, m = len(sents), len(news)
        dump: dict[str, list[object]] = {"wiki": [], "news": []}
        with tempfile.TemporaryDirectory() as tmp:
            for k in range(args.folds):
                lo, hi = k * n // args.folds, (k + 1) * n // args.folds
                dlo, dhi = k * m // args.folds, (k + 1) * m // args.folds
                path = f"{tmp}/fold{k}.crfsuite"
                nxs, nys = news_part(range(0, dlo))
                nxs2, nys2 = news_part(range(dhi, m))
                wx, wy = (xs[:lo] + xs[hi:], ys[:lo] + ys[hi:]) if args.wiki else ([], [])
                train(wx + nxs + nxs2, wy + nys + nys2, path, args)
                for (toks, gold), b, out in zip(sents[lo:hi], before[lo:hi], tag(xs[lo:hi], path), strict=True):
                    dump["wiki"].append((toks, gold, b, out))
                    base.add(bio_spans(gold), bio_spans(b))
                    for g in GRID:
                        cv[g].add(bio_spans(gold), set(gate(toks, b, *out, g)))
                for d in range(dlo, dhi):
                    doc = news[d]
                    outs = tag(nx[d], path)
                    dump["news"].append((doc.sents, doc.types, doc.types_early, outs))
                    rules = doc.spans([sorted(bio_spans(s[2])) for s in doc.sents])
                    for g in GRID:
                        pred = doc.spans([gate(s[0], s[2], *o, g) for s, o in zip(doc.sents, outs, strict=True)])
                        for name, types in (("official", doc.types), ("early", doc.types_early)):
                            ncv[(g, name)].add(_typed_gold(types, pred), pred)
                    for name, types in (("official", doc.types), ("early", doc.types_early)):
                        nbase[name].add(_typed_gold(types, rules), rules)
                print(f"fold {k}: sentences {lo}-{hi}, documents {dlo}-{dhi}, {time.process_time() - t0:.0f} CPU s",
                      flush=True)
        if args.dump is not None:
            import pickle

            args.dump.write_bytes(pickle.dumps(dump))
        print(json.dumps({"folds": args.folds, "wiki": args.wiki, "doc_features": args.doc_features, "c1": args.c1, "c2": args.c2, "iterations": args.iterations,
                          "minfreq": args.minfreq, "news_repeat": args.news_repeat,
                          "wikineural_rules": base.table()["all"],
                          **{f"factrueval_{k}_rules": v.table()["all"]["f1"] for k, v in nbase.items()}}), flush=True)
        for g in GRID:
            t = cv[g].table()
            print(json.dumps({"add_min": g[0], "drop_min": g[1], "add_min_loc": g[2],
                              "drop_misc_min": g[3] if len(g) > 3 else g[1], "wikineural_cv": t["all"]["f1"],
                              **{x: t[x]["f1"] for x in ("PER", "LOC", "ORG")},
                              "factrueval_official_cv": ncv[(g, "official")].table()["all"]["f1"],
                              "factrueval_early_cv": ncv[(g, "early")].table()["all"]["f1"]}), flush=True)
    if not args.no_save:
        nxs, nys = news_part(range(min(args.news_hold, len(news)), len(news)))
        train((xs if args.wiki else []) + nxs, (ys if args.wiki else []) + nys, str(args.out), args)
        print(f"wrote {args.out} ({args.out.stat().st_size} bytes) sha256 {hashlib.sha256(args.out.read_bytes()).hexdigest()}")
    print(f"{time.process_time() - t0:.0f} CPU s")


if __name__ == "__main__":
    main()
