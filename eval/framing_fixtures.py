"""Per-category precision and recall of fp_framing on the illustrative opposing-article pairs.

Run: .venv/bin/python -m eval.framing_fixtures [--articles tests/fixtures/articles tests/fixtures/framing]

Gold: ``<folder>/gold/framing/<name>.json`` (cues with text, offsets, category). A predicted
cue is correct when it overlaps a gold cue of the same category.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLES = ROOT / "tests" / "fixtures" / "articles"
DEFAULT_DIRS = (DEFAULT_ARTICLES, ROOT / "tests" / "fixtures" / "framing")
# Evaluation of actors needs targets; it is tested in tests/test_framing_cues.py instead.
# Learned loaded language is scored against BASIL (eval/basil.py, scripts/train_loaded.py);
# these fixtures annotate lexicon categories, naming and harm, not BASIL-style lexical bias.
SKIP = frozenset({"evaluation", "loaded_language"})


def _relocate(gold: dict, file_text: str, text: str) -> tuple[int, int] | None:
    """Gold offsets refer to the file; find the same occurrence in the analysed text."""
    t = gold["text"]
    if text[gold["start"] : gold["end"]] == t:
        return gold["start"], gold["end"]
    n = file_text[: gold["start"]].count(t)
    pos = -1
    for _ in range(n + 1):
        pos = text.find(t, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(t)


def evaluate(dirs: Path | tuple[Path, ...] = DEFAULT_DIRS) -> dict[str, Any]:
    """Per-category counts over every article that has a framing gold file."""
    from fullpicture import analyze_documents, load_settings
    from fullpicture.ingest import read_path

    settings = load_settings()
    dirs = (dirs,) if isinstance(dirs, Path) else dirs
    paths = [p for d in dirs for p in sorted((d / "gold" / "framing").glob("*.json"))]
    texts = [p.parents[2] / f"{p.stem}.txt" for p in paths]
    docs = [read_path(t, settings=settings)[0] for t in texts]
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # pred, pred_ok, gold, gold_found
    for gold_path, txt, analysis in zip(paths, texts, analyze_documents(docs, settings), strict=True):
        file_text = txt.read_text(encoding="utf-8")
        gold = []
        for g in json.loads(gold_path.read_text(encoding="utf-8"))["cues"]:
            loc = _relocate(g, file_text, analysis.text)
            if loc is not None:
                gold.append((loc[0], loc[1], g["category"]))
        pred = [(c.start, c.end, c.category) for c in analysis.framing if c.category not in SKIP]

        def hit(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
            return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]

        for p in pred:
            counts[p[2]][0] += 1
            counts[p[2]][1] += any(hit(p, g) for g in gold)
        for g in gold:
            counts[g[2]][2] += 1
            counts[g[2]][3] += any(hit(g, p) for p in pred)
    return {"articles": len(paths), "per_category": dict(sorted(counts.items()))}


def totals(res: dict[str, Any]) -> tuple[float, float]:
    """Micro precision and recall over all categories."""
    pred = sum(v[0] for v in res["per_category"].values())
    ok = sum(v[1] for v in res["per_category"].values())
    gold = sum(v[2] for v in res["per_category"].values())
    found = sum(v[3] for v in res["per_category"].values())
    return (ok / pred if pred else 0.0), (found / gold if gold else 0.0)


def to_markdown(res: dict[str, Any]) -> str:
    """Markdown table of per-category precision and recall."""
    lines = [
        f"Framing cues on {res['articles']} illustrative articles (opposing pairs)",
        "",
        "| category | predicted | precision | gold | recall |",
        "|---|---|---|---|---|",
    ]
    for cat, (pred, ok, gold, found) in res["per_category"].items():
        p = f"{ok / pred:.2f}" if pred else "–"
        r = f"{found / gold:.2f}" if gold else "–"
        lines.append(f"| {cat} | {pred} | {p} | {gold} | {r} |")
    p, r = totals(res)
    lines.append(f"| **all (micro)** | | **{p:.2f}** | | **{r:.2f}** |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """CLI entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=Path, nargs="+", default=list(DEFAULT_DIRS),
                    help="folders holding <name>.txt and gold/framing/<name>.json")
    args = ap.parse_args(argv)
    for d in args.articles:
        if not (d / "gold" / "framing").is_dir():
            print(f"{d}: no gold/framing folder", file=sys.stderr)
            return 2
    print(to_markdown(evaluate(tuple(args.articles))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
