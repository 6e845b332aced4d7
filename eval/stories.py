"""Story grouping on BASIL: do the three outlets' articles about one event land in one story?

BASIL groups articles in triplets (one news event, one article each from Fox, NYT and
HuffPost). Each article goes through the real pipeline into a fresh store, in date order,
as ``fullpicture ingest`` would store them; the stories the store forms are scored against
the triplets with pairwise precision/recall/F1 and B-cubed F1.

    python -m eval.stories --data ../shared/data/basil [--limit 70] [--keep store.db]

With ``--keep`` an existing store is re-grouped without analysing again.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def load(folder: Path, limit: int | None) -> list[dict]:
    """BASIL articles as JSON Lines records, date order; the first ``limit`` triplets."""
    out = []
    for f in sorted((folder / "articles").rglob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        paras = d["body-paragraphs"]
        if isinstance(paras, str):
            paras = ast.literal_eval(paras)
        text = "\n\n".join(" ".join(p) for p in paras)
        out.append({"triplet": d["triplet-uuid"], "title": d.get("title") or "", "published": d.get("date"),
                    "site": (d.get("source") or "").lower(), "text": text})
    triplets = sorted({r["triplet"] for r in out})
    if limit:
        keep = set(triplets[:limit])
        out = [r for r in out if r["triplet"] in keep]
    out.sort(key=lambda r: (r["published"] or "", r["triplet"], r["site"]))
    return out


def pairwise(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise precision, recall, F1 of same-cluster decisions."""
    ids = sorted(gold)
    tp = fp = fn = 0
    for a, b in combinations(ids, 2):
        g, p = gold[a] == gold[b], pred[a] == pred[b]
        tp += g and p
        fp += p and not g
        fn += g and not p
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> float:
    """B-cubed F1."""
    gsets, psets = defaultdict(set), defaultdict(set)
    for k in gold:
        gsets[gold[k]].add(k)
        psets[pred[k]].add(k)
    p = sum(len(gsets[gold[k]] & psets[pred[k]]) / len(psets[pred[k]]) for k in gold) / len(gold)
    r = sum(len(gsets[gold[k]] & psets[pred[k]]) / len(gsets[gold[k]]) for k in gold) / len(gold)
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="../shared/data/basil")
    ap.add_argument("--limit", type=int, default=None, help="first N triplets")
    ap.add_argument("--keep", default=None, help="keep the store at this path (reused if it exists)")
    ap.add_argument("--check", action="store_true", help="fail below the floors in eval/floors.toml [stories]")
    args = ap.parse_args(argv)
    import fullpicture as fp
    from fullpicture.ingest import load_text

    records = load(Path(args.data), args.limit)
    settings = fp.load_settings()
    tmp = tempfile.TemporaryDirectory()
    db = Path(args.keep) if args.keep else Path(tmp.name) / "basil.db"
    gold: dict[str, str] = {}
    t0 = time.perf_counter()
    docs = []
    for r in records:
        doc = load_text(r["text"], source=f"basil/{r['triplet']}/{r['site']}", settings=settings,
                        title=r["title"], published=r["published"])
        doc = dataclasses.replace(doc, info=doc.info.model_copy(update={"site": r["site"]}))
        gold[doc.id] = r["triplet"]
        docs.append(doc)
    if db.exists():  # a kept store: group its documents again with the current code and settings
        import sqlite3

        con = sqlite3.connect(db)
        con.executescript("DROP TABLE IF EXISTS stories; DROP TABLE IF EXISTS story_documents; "
                          "DROP TABLE IF EXISTS story_key_counts; DROP TABLE IF EXISTS documents_fts;")
        con.close()
    store = fp.open_store(db, settings)
    try:
        todo = [d for d in docs if not store.has(d.id)]
        for a in fp.analyze_documents(todo, settings):
            store.add(a)
        t_ingest = time.perf_counter() - t0
        pred = {}
        with store.engine.connect() as conn:
            from sqlalchemy import text

            for doc_id, sid in conn.execute(text("SELECT document_id, story_id FROM story_documents")):
                pred[doc_id] = sid
    finally:
        store.close()
    gold = {k: v for k, v in gold.items() if k in pred}
    pred = {k: pred[k] for k in gold}
    p, r, f = pairwise(gold, pred)
    b3 = bcubed(gold, pred)
    sizes = Counter(Counter(pred.values()).values())
    print("| measure | value |\n|---|---|")
    print(f"| articles / triplets | {len(gold)} / {len(set(gold.values()))} |")
    print(f"| stories formed | {len(set(pred.values()))} (sizes: {dict(sorted(sizes.items()))}) |")
    print(f"| pairwise precision / recall / F1 | {p:.3f} / {r:.3f} / {f:.3f} |")
    print(f"| B-cubed F1 | {b3:.3f} |")
    print(f"| ingest + grouping time | {t_ingest:.0f} s |")
    if args.check:
        import tomllib

        floors = tomllib.loads((Path(__file__).parent / "floors.toml").read_text())["stories"]
        if f < floors["basil_pairwise_f1"] or b3 < floors["basil_bcubed_f1"]:
            print(f"below the floors: pairwise F1 {f:.3f} (floor {floors['basil_pairwise_f1']}), "
                  f"B-cubed {b3:.3f} (floor {floors['basil_bcubed_f1']})", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
